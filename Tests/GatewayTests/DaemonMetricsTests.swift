import Foundation
import Gateway
import ISUP
import OracleSupport
import SIPI
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension DaemonEndToEndTests.Harness {
    /// The B.3 I→S flow on `cic` (as `callThroughTheDaemon`): IAM → INVITE, 180 → ACM, `ringing` of ringing, 200 →
    /// ANM + ACK, then REL cause 16 from the switch → RLC and BYE, 200. `during` runs while the call is answered.
    func answeredCall(cic: Int, ringing: useconds_t = 0, during: () throws -> Void = {}) throws {
        // Counted before each message goes, so that an answer arriving at once is not counted as an earlier one.
        let (acm, anm, rlc) = (count(.acm), count(.anm), count(.rlc))
        let invite = try call(cic: cic, skipping: ["OPTIONS"])
        try #require(invite.method == "INVITE")
        peer.send(DaemonEndToEndTests.Peer.response(180, "Ringing", to: invite), to: sipPort)
        try #require(observed.waitFor(.acm, count: acm + 1) != nil)
        usleep(ringing)
        peer.send(DaemonEndToEndTests.Peer.response(200, "OK", to: invite, sdp: true), to: sipPort)
        try #require(observed.waitFor(.anm, count: anm + 1) != nil)
        #expect(try peer.receive(skipping: ["INVITE", "OPTIONS"]).method == "ACK")
        try during()
        try send(ISUPMessage(type: .rel, cic: CIC(cic), parameters: [Parameter(code: .causeIndicators, value: [0x82, 0x90])]))
        try #require(observed.waitFor(.rlc, count: rlc + 1) != nil)
        let bye = try peer.receive(skipping: ["INVITE", "ACK", "OPTIONS"])
        #expect(bye.method == "BYE")
        peer.send(DaemonEndToEndTests.Peer.response(200, "OK", to: bye), to: sipPort)
        usleep(200_000)
    }

    private func count(_ type: MessageType) -> Int { observed.isup.count { $0.type == type } }
}

/// Issue 8, metrics: `GET /metrics` of the running daemon over a real socket, before, during and after calls; the
/// text is checked line by line against the exposition format and parsed by prometheus_client.
@Suite(.serialized) struct DaemonMetricsTests {
    typealias Daemon = DaemonEndToEndTests

    /// An answered call moves the call, cause, message and setup-time counters; the gauges follow the call (one
    /// circuit incoming busy while it lasts, Q.764 §2.8.3) and come back. The setup time is the 180→200 wait the
    /// test itself made (≥ 0.3 s), measured from the IAM.
    @Test func countersFollowAnAnsweredCall() throws {
        let port = try UDPExchange.freePort()
        try Daemon.withDaemon(extra: "metrics: { host: 127.0.0.1, port: \(port) }") { h in
            let before = try PrometheusExposition.scrape(port: port)
            #expect(before["sipigw_association_up", ["association": "switch"]] == 1, "\(before.text)")
            #expect(before["sipigw_peer_up", ["peer": "olo"]] == 1)
            #expect(before["sipigw_circuits", ["trunk": "switch", "state": "idle"]] == 31)
            #expect(before["sipigw_active_calls"] == 0)
            #expect(before["sipigw_calls_total", ["direction": "isup-to-sip", "outcome": "answered"]] == nil)
            #expect(before.types["sipigw_setup_seconds"] == nil || before.types["sipigw_setup_seconds"] == "histogram")

            let seized = Date()
            var answered = Date()
            try h.answeredCall(cic: 5, ringing: 300_000) {
                answered = Date()
                let during = try PrometheusExposition.scrape(port: port)
                #expect(during["sipigw_active_calls"] == 1)
                #expect(during["sipigw_circuits", ["trunk": "switch", "state": "incoming-busy"]] == 1)
                #expect(during["sipigw_circuits", ["trunk": "switch", "state": "idle"]] == 30)
            }

            let after = try PrometheusExposition.scrape(port: port)
            #expect(after.types["sipigw_calls"] == "counter" && after.types["sipigw_setup_seconds"] == "histogram",
                    "\(after.types)")
            #expect(after["sipigw_calls_total", ["direction": "isup-to-sip", "outcome": "answered"]] == 1, "\(after.text)")
            #expect(after["sipigw_release_causes_total", ["cause": "16"]] == 1)
            #expect(after["sipigw_active_calls"] == 0)
            #expect(after["sipigw_circuits", ["trunk": "switch", "state": "idle"]] == 31)
            #expect(after["sipigw_circuits", ["trunk": "switch", "state": "incoming-busy"]] == 0)
            for (proto, type, direction) in [("isup", "IAM", "in"), ("isup", "ACM", "out"), ("isup", "ANM", "out"),
                                             ("isup", "REL", "in"), ("isup", "RLC", "out"), ("sip", "INVITE", "out"),
                                             ("sip", "ACK", "out"), ("sip", "BYE", "out")] {
                #expect(after["sipigw_messages_total", ["protocol": proto, "type": type, "direction": direction]] == 1,
                        "\(proto) \(type) \(direction)")
            }
            #expect(after["sipigw_messages_total", ["protocol": "sip", "type": "180", "direction": "in"]] == 1)
            #expect(after["sipigw_setup_seconds_count"] == 1)
            let setup = try #require(after["sipigw_setup_seconds_sum"])
            #expect(setup >= 0.3 && setup <= answered.timeIntervalSince(seized) + 0.5, "setup \(setup) s")
            #expect(after["sipigw_setup_seconds_bucket", ["le": "0.25"]] == 0, "\(after.text)")
            #expect(after["sipigw_setup_seconds_bucket", ["le": "+Inf"]] == 1)

            // docs/grafana-dashboard.json queries only metrics the daemon exposes.
            let dashboard = Daemon.root.appendingPathComponent("docs/grafana-dashboard.json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dashboard)) as? [String: Any])
            let expressions = (json["panels"] as? [[String: Any]] ?? []).flatMap { panel in
                (panel["targets"] as? [[String: Any]] ?? []).compactMap { $0["expr"] as? String }
            }
            #expect(expressions.count >= 10)
            let exposed = Set(after.samples.keys.map { String($0.prefix { $0 != "|" }) })
            for expression in expressions {
                for match in expression.matches(of: /sipigw_[a-z_]+/) {
                    #expect(exposed.contains(String(match.output)), "\(match.output) in the dashboard is not exposed")
                }
            }
        }
    }

    /// A call to a number no route covers (international 44…, the routes know 39 only) is released by the gateway
    /// before any INVITE: outcome `failed`, and the cause counted is the one of the REL the switch received.
    @Test func unroutedCallCountsItsCause() throws {
        let port = try UDPExchange.freePort()
        try Daemon.withDaemon(extra: "metrics: { host: 127.0.0.1, port: \(port) }") { h in
            // Q.763 §3.9: "442071234567" + ST, 13 signals (odd, bit 8), NAI 4 international → 0x84; NPI E.164 → 0x10.
            try h.send(ISUPMessage(type: .iam, cic: CIC(3), parameters: [
                Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
                Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
                Parameter(code: .callingPartysCategory, value: [0x0A]),
                Parameter(code: .transmissionMediumRequirement, value: [0x00]),
                Parameter(code: .calledPartyNumber, value: [0x84, 0x10, 0x44, 0x02, 0x17, 0x32, 0x54, 0x76, 0x0F]),
            ]))
            let rel = try #require(h.observed.waitFor(.rel), "no REL:\n\(h.daemon.log)")
            let cause = try #require(rel.causeIndicators?.value)
            try h.send(ISUPMessage(type: .rlc, cic: CIC(3), parameters: []))
            usleep(200_000)
            let after = try PrometheusExposition.scrape(port: port)
            #expect(after["sipigw_calls_total", ["direction": "isup-to-sip", "outcome": "failed"]] == 1, "\(after.text)")
            #expect(after["sipigw_release_causes_total", ["cause": "\(cause)"]] == 1)
            #expect(after["sipigw_calls_total", ["direction": "isup-to-sip", "outcome": "answered"]] == nil)
            #expect(after["sipigw_setup_seconds_count"] ?? 0 == 0)
        }
    }

    /// A call over the peer's limit (`maxCalls: 0`) is refused by admission with REL (cause 42 by default): counted
    /// once, as refused, with the cause the switch received, when its record is written after the RLC.
    @Test func admissionRefusalCountsOnce() throws {
        let port = try UDPExchange.freePort()
        try Daemon.withDaemon(peerOptions: ", limits: { maxCalls: 0 }", extra: "metrics: { host: 127.0.0.1, port: \(port) }") { h in
            try h.send(ISUPMessage(type: .iam, cic: CIC(4), parameters: [
                Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
                Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
                Parameter(code: .callingPartysCategory, value: [0x0A]),
                Parameter(code: .transmissionMediumRequirement, value: [0x00]),
                Parameter(code: .calledPartyNumber, value: [0x83, 0x10, 0x60, 0x21, 0x43, 0x65, 0x87, 0x0F]),
            ]))
            let rel = try #require(h.observed.waitFor(.rel), "no REL:\n\(h.daemon.log)")
            let cause = try #require(rel.causeIndicators?.value)
            try h.send(ISUPMessage(type: .rlc, cic: CIC(4), parameters: []))
            usleep(200_000)
            let after = try PrometheusExposition.scrape(port: port)
            #expect(after["sipigw_calls_total", ["direction": "isup-to-sip", "outcome": "refused"]] == 1, "\(after.text)")
            #expect(after["sipigw_calls_total", ["direction": "isup-to-sip", "outcome": "failed"]] == nil)
            #expect(after["sipigw_release_causes_total", ["cause": "\(cause)"]] == 1)
        }
    }

    /// The association cut (TCP closed by the switch's side): `sipigw_association_up` drops to 0; the ASP
    /// reconnects by itself and it is 1 again. The peer, silent to OPTIONS (Timer F = 64·T1 with T1 50 ms, RFC 3261
    /// §17.1.2.2), is down: `sipigw_peer_up` 0.
    @Test func associationAndPeerGauges() throws {
        let port = try UDPExchange.freePort()
        try Daemon.withDaemon(peerOptions: ", keepAliveInterval: 1s",
                              extra: "sipTimers: { t1Milliseconds: 50 }\nmetrics: { host: 127.0.0.1, port: \(port) }") { h in
            /// Whether the gauge reads `value` within `seconds`.
            func gauge(_ name: String, _ labels: [String: String], becomes value: Double, within seconds: Double) throws -> Bool {
                let deadline = Date().addingTimeInterval(seconds)
                repeat {
                    if try PrometheusExposition.scrape(port: port)[name, labels] == value { return true }
                    usleep(50_000)
                } while Date() < deadline
                return false
            }
            h.node.sever(1)
            let down = try gauge("sipigw_association_up", ["association": "switch"], becomes: 0, within: 5)
            #expect(down, "\(h.daemon.log)")
            let up = try gauge("sipigw_association_up", ["association": "switch"], becomes: 1, within: 15)
            #expect(up, "\(h.daemon.log)")
            // Nobody answers the OPTIONS (the harness's peer socket is not read here).
            let peerDown = try gauge("sipigw_peer_up", ["peer": "olo"], becomes: 0, within: 8)
            #expect(peerDown, "\(h.daemon.log)")
        }
    }

    /// Only GET /metrics is served there.
    @Test func otherPathsAreRefused() throws {
        let port = try UDPExchange.freePort()
        try Daemon.withDaemon(extra: "metrics: { host: 127.0.0.1, port: \(port) }") { _ in
            let root = try HTTPExchange.request("GET", "/", host: "127.0.0.1", port: Int(port))
            #expect(root.status == 404)
            let post = try HTTPExchange.request("POST", "/metrics", host: "127.0.0.1", port: Int(port), body: "{}")
            #expect(post.status == 405)
        }
    }
}
