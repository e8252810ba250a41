import ArgumentParser
import ISUP
import M3UA
import SCTPTransport

/// `sipigw m3ua sctp-probe`: brings one ASP up and active against a real M3UA peer over kernel SCTP, checks
/// every answer, and takes it down again. JSON Lines out; exit 0 only when every expected answer came.
struct M3UASCTPProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sctp-probe",
        abstract: "ASP up/active/heartbeat/down against an M3UA peer over SCTP (JSON Lines out).",
        discussion: """
            Connects (PPID 3, stream 0) and runs: ASPUP -> ASPUP_ACK; ASPAC (Loadshare, the routing context) -> \
            ASPAC_ACK and NTFY AS-ACTIVE; BEAT -> BEAT_ACK with the same Heartbeat Data; ASPDN -> ASPDN_ACK; \
            then the SCTP shutdown -> SCTP_SHUTDOWN_COMP. Every message, SCTP notification and step result is one \
            JSON line; the last line is {"event":"result",...}. Exit status 0 when every step got its answers, 1 \
            otherwise. Needs a kernel with SCTP (see Scripts/sctp-vm).
            """
    )

    @Option(help: "The peer (SGP/STP), ADDRESS:PORT.")
    var remote = "127.0.0.1:2905"

    @Option(help: "Local address to bind, ADDRESS:PORT; repeat for multi-homing (same port). osmo-stp matches the ASP by its port.")
    var local: [String] = ["127.0.0.1:2906"]

    @Option(help: "The Routing Context sent in ASPAC.")
    var routingContext: UInt32 = 1

    @Option(help: "Seconds to wait for each step's answers.")
    var timeout: Double = 5

    func run() throws {
        guard let remoteEndpoint = SCTPEndpoint(parsing: remote) else { throw ValidationError("bad --remote \(remote)") }
        let localEndpoints = try local.map { text in
            guard let e = SCTPEndpoint(parsing: text) else { throw ValidationError("bad --local \(text)") }
            return e
        }
        var probe = Probe(timeout: .milliseconds(Int64(timeout * 1000)))
        let ok = probe.run(remote: remoteEndpoint, local: localEndpoints, routingContext: routingContext)
        throw ExitCode(ok ? 0 : 1)
    }
}

/// The probe's sequence; prints as it goes.
private struct Probe {
    let timeout: Duration
    var passed: [String] = []
    var failed: [String] = []

    init(timeout: Duration) { self.timeout = timeout }

    /// One answer a step waits for.
    struct Expectation {
        let name: String
        let matches: (M3UAMessage) -> Bool
    }

    func emit(_ o: JSONObject) {
        var out = [UInt8]()
        JSONValue.object(o).write(into: &out)
        out.append(0x0A)
        StandardStreams.output(out)
    }

    func emitEvent(_ event: SCTPEvent) {
        var o: JSONObject = ["event": .string("sctp")]
        switch event {
        case .associationChange(let c):
            o.append("notification", .string("SCTP_ASSOC_CHANGE"))
            o.append("state", .string(c.state.description))
            o.append("error", .int(Int(c.error)))
            o.append("outboundStreams", .int(Int(c.outboundStreams)))
            o.append("inboundStreams", .int(Int(c.inboundStreams)))
            o.append("associationID", .int(Int(c.associationID)))
        case .peerAddressChange(let c):
            o.append("notification", .string("SCTP_PEER_ADDR_CHANGE"))
            o.append("address", c.address.map { .string($0.description) } ?? .null)
            o.append("state", .string(c.state.description))
            o.append("error", .int(Int(c.error)))
        case .shutdown(let id):
            o.append("notification", .string("SCTP_SHUTDOWN_EVENT"))
            o.append("associationID", .int(Int(id)))
        case .other(let type, let length):
            o.append("notification", .int(Int(type)))
            o.append("length", .int(length))
        }
        emit(o)
    }

    mutating func step(_ name: String, ok: Bool, elapsed: Duration, details: JSONObject = [:]) {
        var o: JSONObject = ["event": .string("step"), "step": .string(name), "ok": .bool(ok)]
        o.append("ms", .int(Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)))
        for entry in details { o.append(entry.key, entry.value) }
        emit(o)
        if ok { passed.append(name) } else { failed.append(name) }
    }

    /// Sends `message` (if any), then reads until every expectation is met, an ERR comes, or time runs out.
    mutating func exchange(
        _ name: String, on association: SCTPAssociation, send message: M3UAMessage?, expect: [Expectation]
    ) -> Bool {
        let start = ContinuousClock.now
        if let message {
            do {
                try association.send(message)
                emit(["event": .string("sent"), "stream": .int(0), "ppid": .int(Int(SCTPAssociation.m3uaPPID)),
                      "m3ua": .object(message.json)])
            } catch {
                step(name, ok: false, elapsed: start.duration(to: .now), details: ["error": .string("\(error)")])
                return false
            }
        }
        var waiting = expect
        let deadline = start + timeout
        var problem: String?
        while !waiting.isEmpty, problem == nil {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { problem = "timed out"; break }
            do {
                switch try association.receive(timeout: left) {
                case nil: problem = "timed out"
                case .closed?: problem = "association closed"
                case .event(let e)?: emitEvent(e)
                case .message(let m)?:
                    var o: JSONObject = ["event": .string("received"), "stream": .int(Int(m.stream)),
                                         "ppid": .int(Int(m.ppid))]
                    do {
                        let decoded = try M3UAMessage(decoding: m.bytes)
                        o.append("m3ua", .object(decoded.json))
                        emit(o)
                        if let i = waiting.firstIndex(where: { $0.matches(decoded) }) {
                            waiting.remove(at: i)
                        } else if decoded.type == .err {
                            problem = "ERR \(decoded.errorCode.map { "\($0)" } ?? "")"
                        }
                    } catch {
                        o.append("hex", .string(Hex.string(m.bytes)))
                        o.append("error", .string("\(error)"))
                        emit(o)
                    }
                }
            } catch {
                problem = "\(error)"
            }
        }
        var details: JSONObject = ["expected": .array(expect.map { .string($0.name) })]
        if let problem {
            details.append("missing", .array(waiting.map { .string($0.name) }))
            details.append("error", .string(problem))
        }
        step(name, ok: problem == nil, elapsed: start.duration(to: .now), details: details)
        return problem == nil
    }

    mutating func run(remote: SCTPEndpoint, local: [SCTPEndpoint], routingContext: UInt32) -> Bool {
        let runStart = ContinuousClock.now
        defer {
            var o: JSONObject = ["event": .string("result"), "ok": .bool(failed.isEmpty && !passed.isEmpty)]
            o.append("passed", .array(passed.map { .string($0) }))
            o.append("failed", .array(failed.map { .string($0) }))
            let t = runStart.duration(to: .now)
            o.append("ms", .int(Int(t.components.seconds * 1000 + t.components.attoseconds / 1_000_000_000_000_000)))
            emit(o)
        }
        let connectStart = ContinuousClock.now
        let association: SCTPAssociation
        do {
            association = try SCTPAssociation(connectingTo: [remote], from: local, timeout: timeout)
        } catch {
            var details: JSONObject = ["error": .string("\(error)")]
            if let e = error.errno { details.append("errno", .int(Int(e))) }
            step("connect", ok: false, elapsed: connectStart.duration(to: .now), details: details)
            return false
        }
        step("connect", ok: true, elapsed: connectStart.duration(to: .now), details: [
            "remote": .string(remote.description), "local": .array(local.map { .string($0.description) }),
        ])
        defer { association.close() }

        let heartbeat = Array("sipigw-sctp-probe".utf8)
        guard exchange("ASPUP", on: association, send: M3UAMessage(.aspup), expect: [
            Expectation(name: "ASPUP_ACK") { $0.type == .aspupAck },
        ]) else { return false }
        guard exchange("ASPAC", on: association, send: M3UAMessage(.aspac, [
            .trafficModeType(.loadshare), .routingContext([routingContext]),
        ]), expect: [
            Expectation(name: "ASPAC_ACK") { $0.type == .aspacAck },
            Expectation(name: "NTFY AS-ACTIVE") { $0.type == .ntfy && $0.status == .asActive },
        ]) else { return false }
        guard exchange("BEAT", on: association, send: M3UAMessage(.beat, [.heartbeatData(heartbeat)]), expect: [
            Expectation(name: "BEAT_ACK (same Heartbeat Data)") {
                $0.type == .beatAck && $0.heartbeatData.map(Array.init) == heartbeat
            },
        ]) else { return false }
        guard exchange("ASPDN", on: association, send: M3UAMessage(.aspdn), expect: [
            Expectation(name: "ASPDN_ACK") { $0.type == .aspdnAck },
        ]) else { return false }
        return shutdown(association)
    }

    /// shutdown(SHUT_WR), then read until SCTP_SHUTDOWN_COMP or the end of the association.
    mutating func shutdown(_ association: SCTPAssociation) -> Bool {
        let start = ContinuousClock.now
        do {
            try association.shutdown()
            while true {
                let left = ContinuousClock.now.duration(to: start + timeout)
                guard left > .zero, let incoming = try association.receive(timeout: left) else {
                    step("shutdown", ok: false, elapsed: start.duration(to: .now), details: ["error": .string("timed out")])
                    return false
                }
                switch incoming {
                case .event(let e):
                    emitEvent(e)
                    if case .associationChange(let c) = e, c.state == .shutdownComplete {
                        step("shutdown", ok: true, elapsed: start.duration(to: .now),
                             details: ["expected": .array([.string("SCTP_SHUTDOWN_COMP")])])
                        return true
                    }
                case .closed:
                    step("shutdown", ok: true, elapsed: start.duration(to: .now),
                         details: ["expected": .array([.string("end of association")])])
                    return true
                case .message(let m):
                    emit(["event": .string("received"), "stream": .int(Int(m.stream)), "ppid": .int(Int(m.ppid)),
                          "hex": .string(Hex.string(m.bytes))])
                }
            }
        } catch {
            step("shutdown", ok: false, elapsed: start.duration(to: .now), details: ["error": .string("\(error)")])
            return false
        }
    }
}
