import Foundation
import Gateway
import ISUP
import OracleSupport
import SIPI
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 8, control endpoint: `sipigw ctl` (the binary) and raw HTTP against the running daemon over real sockets.
/// Its JSON answers are read with Foundation's JSONSerialization, not with the JSON code that writes them.
@Suite(.serialized) struct DaemonControlTests {
    typealias Daemon = DaemonEndToEndTests

    /// `sipigw ctl ARGS --control 127.0.0.1:PORT`: exit status, the JSON it printed (stdout), stderr.
    static func ctl(_ arguments: [String], port: UInt16) throws -> (status: Int32, json: [String: Any]?, stderr: String) {
        let result = try Command.run(Command.builtProduct("sipigw"), ["ctl"] + arguments + ["--control", "127.0.0.1:\(port)"])
        let json = try? JSONSerialization.jsonObject(with: Data(result.output)) as? [String: Any]
        return (result.status, json, result.stderr)
    }

    static func circuit(_ answer: [String: Any]?, _ cic: Int) -> [String: Any]? {
        (answer?["circuits"] as? [[String: Any]])?.first { $0["cic"] as? Int == cic }
    }

    /// status, calls, associations, peers; block 10-12 → CGB (Q.764 §2.8.2: maintenance, range 2, status bits 111,
    /// Q.763 §3.43) and the circuits blocked; unblock 11 → UBL on CIC 11 (one circuit: Q.764 §2.8.2.1).
    @Test func queriesAndMaintenance() throws {
        let port = try UDPExchange.freePort()
        try Daemon.withDaemon(extra: "control: { host: 127.0.0.1, port: \(port) }") { h in
            let status = try Self.ctl(["status"], port: port)
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.json?["activeCalls"] as? Int == 0)
            #expect((status.json?["associations"] as? [String: Any])?["up"] as? Int == 1)
            #expect(status.json?["trunks"] as? [String] == ["switch"])

            let associations = try Self.ctl(["associations"], port: port).json?["associations"] as? [[String: Any]]
            #expect(associations?.first?["name"] as? String == "switch")
            #expect(associations?.first?["up"] as? Bool == true)
            let peers = try Self.ctl(["peers"], port: port).json?["peers"] as? [[String: Any]]
            #expect(peers?.first?["name"] as? String == "olo" && peers?.first?["up"] as? Bool == true)

            let invite = try h.call(cic: 5)
            #expect(invite.method == "INVITE")
            let calls = try Self.ctl(["calls"], port: port).json?["calls"] as? [[String: Any]]
            #expect(calls?.count == 1)
            #expect(calls?.first?["cic"] as? Int == 5)
            #expect(calls?.first?["direction"] as? String == "isup-to-sip")
            #expect(calls?.first?["trunk"] as? String == "switch" && calls?.first?["peer"] as? String == "olo")
            #expect(calls?.first?["answerSeconds"] is NSNull)
            // No number in the list (personal data).
            let raw = try HTTPExchange.request("GET", "/calls", host: "127.0.0.1", port: Int(port)).body
            #expect(!raw.contains("0612345678") && !raw.contains("390612345678"), "\(raw)")

            let block = try Self.ctl(["block", "switch", "10-12"], port: port)
            #expect(block.status == 0, "\(block.stderr)")
            #expect(Self.circuit(block.json, 10)?["state"] as? String == "blocked")
            let cgb = try #require(h.observed.waitFor(.cgb), "no CGB:\n\(h.daemon.log)")
            #expect(cgb.cic == CIC(10))
            #expect(cgb.rangeAndStatus == RangeAndStatus(range: 2, status: [0b0000_0111]))
            try h.send(ISUPMessage(type: .cgba, cic: CIC(10), parameters: cgb.parameters))
            usleep(100_000)
            let circuits = try Self.ctl(["circuits", "switch"], port: port)
            #expect(circuits.status == 0)
            for cic in 10...12 {
                #expect(Self.circuit(circuits.json, cic)?["blocking"] as? [String] == ["localMaintenance"], "CIC \(cic)")
            }
            #expect(Self.circuit(circuits.json, 9)?["state"] as? String == "idle")
            #expect(Self.circuit(circuits.json, 5)?["state"] as? String == "incoming-busy")

            #expect(try Self.ctl(["unblock", "switch", "11"], port: port).status == 0)
            let ubl = try #require(h.observed.waitFor(.ubl), "no UBL:\n\(h.daemon.log)")
            #expect(ubl.cic == CIC(11))

            // Q.764 §2.9.3.2: a range is reset with GRS, its range field one less than the count (Q.763 §3.43).
            let reset = try Self.ctl(["reset", "switch", "20-21"], port: port)
            #expect(reset.status == 0, "\(reset.stderr)")
            #expect(Self.circuit(reset.json, 20)?["state"] as? String == "resetting")
            let grs = try #require(h.observed.waitFor(.grs, count: 2), "no GRS:\n\(h.daemon.log)")
            #expect(grs.cic == CIC(20) && grs.rangeAndStatus?.range == 1)
        }
    }

    /// What the endpoint refuses: an unknown trunk (404), a missing trunk (400), a malformed body (400), a wrong
    /// method (405); ctl exits 1 with the HTTP status, or refuses a range it cannot send before asking.
    @Test func refusals() throws {
        let port = try UDPExchange.freePort()
        try Daemon.withDaemon(extra: "control: { host: 127.0.0.1, port: \(port) }") { _ in
            let unknown = try Self.ctl(["circuits", "nosuch"], port: port)
            #expect(unknown.status == 1 && unknown.stderr.contains("HTTP 404") && unknown.stderr.contains("nosuch"))
            #expect(try HTTPExchange.request("GET", "/circuits", host: "127.0.0.1", port: Int(port)).status == 400)
            let malformed = try HTTPExchange.request("POST", "/circuits/block", host: "127.0.0.1", port: Int(port), body: "{\"trunk\":")
            #expect(malformed.status == 400)
            let outside = try HTTPExchange.request("POST", "/circuits/reset", host: "127.0.0.1", port: Int(port),
                                                   body: "{\"trunk\":\"switch\",\"first\":4000,\"last\":5000}")
            #expect(outside.status == 400 && outside.body.contains("4000-5000"))
            #expect(try HTTPExchange.request("POST", "/status", host: "127.0.0.1", port: Int(port), body: "{}").status == 405)
            #expect(try HTTPExchange.request("GET", "/nothing", host: "127.0.0.1", port: Int(port)).status == 404)
            let large = try HTTPExchange.request("POST", "/circuits/block", host: "127.0.0.1", port: Int(port),
                                                 body: String(repeating: " ", count: HTTPEndpointServer.maximumBody + 1))
            #expect(large.status == 413)
            let reversed = try Self.ctl(["block", "switch", "12-10"], port: port)
            #expect(reversed.status != 0 && reversed.stderr.contains("12-10"))
        }
    }

    /// Issue 10, the control endpoint's binding under attack: 200 connections each send half a request and stop
    /// (slowloris). The daemon keeps at most `HTTPEndpointServer.maximumConnections` of them open (its file
    /// descriptors counted in /proc), closes the others as they come and the rest `requestTimeout` after they
    /// opened (each attacker reads the end of its connection within that and 2 s more), serves a call meanwhile,
    /// and answers `sipigw ctl status` afterwards. Before, every such connection stayed open for ever.
    @Test func slowClientsCannotHoldTheControlEndpoint() throws {
        let port = try UDPExchange.freePort()
        try Daemon.withDaemon(extra: "control: { host: 127.0.0.1, port: \(port) }") { h in
            let descriptors = "/proc/\(h.daemon.process.processIdentifier)/fd"
            let before = try FileManager.default.contentsOfDirectory(atPath: descriptors).count
            let start = Date()
            let attackers = try (0..<200).map { _ in
                let client = try TCPClient(port: port)
                try client.send(Array("GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8))
                return client
            }
            usleep(300_000)
            let during = try FileManager.default.contentsOfDirectory(atPath: descriptors).count
            #expect(during - before <= HTTPEndpointServer.maximumConnections, "\(before) → \(during) descriptors")
            try WireBadInputTests.stillServes(h, cic: 3)
            // A read that ends early ended the connection; one that waits out the client's 10 s timeout did not.
            let limit = Double(HTTPEndpointServer.requestTimeout.nanoseconds) / 1e9 + 2
            for client in attackers {
                let ended = try client.receive(count: 1).isEmpty
                let elapsed = Date().timeIntervalSince(start)
                guard ended, elapsed < limit else {
                    Issue.record("an attacker's connection was still open after \(elapsed) s")
                    break
                }
            }
            let status = try Self.ctl(["status"], port: port)
            #expect(status.status == 0 && status.json?["activeCalls"] as? Int == 1, "\(status.stderr)")
        }
    }

    /// POST /reload: a broken file is refused with its FILE:LINE:COLUMN: KEY: REASON (HTTP 400) and the daemon goes
    /// on with the configuration in force (a call still reaches the peer); a file that changes the trunks is
    /// refused (restart); a good file takes effect: without the route to 39 the next call is released before any
    /// INVITE.
    @Test func reloadKeepsTheOldConfigurationOnError() throws {
        let port = try UDPExchange.freePort()
        try Daemon.withDaemon(extra: "control: { host: 127.0.0.1, port: \(port) }") { h in
            let good = try String(contentsOfFile: h.configFile, encoding: .utf8)
            let line = try #require(good.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("cics: [\"1-31\"]") }) + 1
            try good.replacingOccurrences(of: "cics: [\"1-31\"]", with: "cics: [\"1-x\"]")
                .write(toFile: h.configFile, atomically: true, encoding: .utf8)
            let broken = try Self.ctl(["reload"], port: port)
            #expect(broken.status == 1)
            #expect(broken.stderr.contains("HTTP 400"), "\(broken.stderr)")
            #expect(broken.stderr.contains("gateway.yaml:\(line):"), "\(broken.stderr)")
            #expect(broken.stderr.contains("trunks[0].circuits.cics[0]"), "\(broken.stderr)")
            #expect(try Self.ctl(["status"], port: port).status == 0)
            #expect(try h.call(cic: 6).method == "INVITE")

            try good.replacingOccurrences(of: "cics: [\"1-31\"]", with: "cics: [\"1-30\"]")
                .write(toFile: h.configFile, atomically: true, encoding: .utf8)
            let restart = try Self.ctl(["reload"], port: port)
            #expect(restart.status == 1 && restart.stderr.contains("trunks changed"), "\(restart.stderr)")

            try good.replacingOccurrences(of: "toSIP: [{ prefix: \"39\"", with: "toSIP: [{ prefix: \"49\"")
                .write(toFile: h.configFile, atomically: true, encoding: .utf8)
            let reloaded = try Self.ctl(["reload"], port: port)
            #expect(reloaded.status == 0, "\(reloaded.stderr)")
            #expect(reloaded.json?["reloaded"] as? Bool == true)
            try h.send(ISUPMessage(type: .iam, cic: CIC(7), parameters: [
                Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
                Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
                Parameter(code: .callingPartysCategory, value: [0x0A]),
                Parameter(code: .transmissionMediumRequirement, value: [0x00]),
                Parameter(code: .calledPartyNumber, value: [0x83, 0x10, 0x60, 0x21, 0x43, 0x65, 0x87, 0x0F]),
            ]))
            let rel = try #require(h.observed.waitFor(.rel), "no REL after the route was removed:\n\(h.daemon.log)")
            #expect(rel.cic == CIC(7))
        }
    }
}
