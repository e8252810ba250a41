import ISUP
import M3UA
import SCTPTransport

/// The steps of `sipigw m3ua sctp-probe` against a real SG/STP over kernel SCTP; prints each as a JSON line as it goes.
struct Probe {
    let timeout: Duration
    var passed: [String] = []
    var failed: [String] = []

    init(timeout: Duration) { self.timeout = timeout }

    /// The optional second ASP, in another AS, that sends and receives DATA through the peer.
    struct SwitchASP {
        let local: SCTPEndpoint
        let routingContext: UInt32
        let pointCode: UInt32
    }

    /// "gw" or "switch" on every line.
    var asp = "gw"

    /// One answer a step waits for.
    struct Expectation {
        let name: String
        let matches: (M3UAMessage) -> Bool
    }

    func emit(_ o: JSONObject) {
        var tagged: JSONObject = ["asp": .string(asp)]
        for entry in o { tagged.append(entry.key, entry.value) }
        if o["event"] == .string("result") { tagged = o }
        var out = [UInt8]()
        JSONValue.object(tagged).write(into: &out)
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
        if ok { passed.append("\(asp) \(name)") } else { failed.append("\(asp) \(name)") }
    }

    /// Sends `message` (if any), then reads until every expectation is met, an ERR comes, or time runs out.
    mutating func exchange(
        _ name: String, on association: SCTPAssociation, send message: M3UAMessage?, stream: UInt16 = 0,
        expect: [Expectation], receiver: SCTPAssociation? = nil, receiverName: String? = nil
    ) -> Bool {
        let start = ContinuousClock.now
        let sender = asp
        defer { asp = sender }
        if let message {
            do {
                try association.send(message, stream: stream)
                emit(["event": .string("sent"), "stream": .int(Int(stream)), "ppid": .int(Int(SCTPAssociation.m3uaPPID)),
                      "m3ua": .object(message.json)])
            } catch {
                step(name, ok: false, elapsed: start.duration(to: .now), details: ["error": .string("\(error)")])
                return false
            }
        }
        let association = receiver ?? association
        if let receiverName { asp = receiverName }
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

    mutating func run(
        remote: SCTPEndpoint, local: [SCTPEndpoint], routingContext: UInt32, pointCode: UInt32, switchASP: SwitchASP?
    ) -> Bool {
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
            "kernelLocal": Self.addresses { try association.localAddresses() },
            "kernelPeer": Self.addresses { try association.peerAddresses() },
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
        if let switchASP {
            guard let sw = bringUp(switchASP, remote: remote) else { return false }
            defer { sw.close() }
            asp = "gw"
            guard exchangeData(from: sw, named: "switch", opc: switchASP.pointCode, routingContext: switchASP.routingContext,
                               to: association, named: "gw", dpc: pointCode, receiverRoutingContext: routingContext,
                               isup: Self.iam, label: "DATA switch->gw (IAM)"),
                  exchangeData(from: association, named: "gw", opc: pointCode, routingContext: routingContext,
                               to: sw, named: "switch", dpc: switchASP.pointCode,
                               receiverRoutingContext: switchASP.routingContext, isup: Self.acm, label: "DATA gw->switch (ACM)")
            else { return false }
            asp = "switch"
            guard exchange("ASPDN", on: sw, send: M3UAMessage(.aspdn), expect: [
                Expectation(name: "ASPDN_ACK") { $0.type == .aspdnAck },
            ]), shutdown(sw) else { return false }
            asp = "gw"
        }
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

    /// The association's addresses as the kernel reports them (sctp_getladdrs / sctp_getpaddrs), or the error.
    static func addresses(_ get: () throws -> [SCTPEndpoint]) -> JSONValue {
        do { return .array(try get().map { .string($0.description) }) } catch { return .string("\(error)") }
    }

    /// ISUP messages with their CIC (Samples/isup-messages.txt, basic call on CIC 291).
    static let iam: [UInt8] = [
        0x23, 0x01, 0x01, 0x00, 0x60, 0x01, 0x0A, 0x00, 0x02, 0x0A, 0x08, 0x84, 0x90, 0x41, 0x51, 0x55, 0x15, 0x32, 0x04,
        0x0A, 0x08, 0x04, 0x13, 0x44, 0x02, 0x17, 0x32, 0x54, 0x76, 0x00,
    ]
    static let acm: [UInt8] = [0x23, 0x01, 0x06, 0x16, 0x14, 0x00]

    /// The switch ASP: connect, ASPUP, ASPAC with its routing context.
    mutating func bringUp(_ sw: SwitchASP, remote: SCTPEndpoint) -> SCTPAssociation? {
        asp = "switch"
        let start = ContinuousClock.now
        let association: SCTPAssociation
        do {
            association = try SCTPAssociation(connectingTo: [remote], from: [sw.local], timeout: timeout)
        } catch {
            step("connect", ok: false, elapsed: start.duration(to: .now), details: ["error": .string("\(error)")])
            return nil
        }
        step("connect", ok: true, elapsed: start.duration(to: .now), details: [
            "remote": .string(remote.description), "local": .array([.string(sw.local.description)]),
            "kernelLocal": Self.addresses { try association.localAddresses() },
            "kernelPeer": Self.addresses { try association.peerAddresses() },
        ])
        guard exchange("ASPUP", on: association, send: M3UAMessage(.aspup), expect: [
            Expectation(name: "ASPUP_ACK") { $0.type == .aspupAck },
        ]), exchange("ASPAC", on: association, send: M3UAMessage(.aspac, [
            .trafficModeType(.loadshare), .routingContext([sw.routingContext]),
        ]), expect: [
            Expectation(name: "ASPAC_ACK") { $0.type == .aspacAck },
            Expectation(name: "NTFY AS-ACTIVE") { $0.type == .ntfy && $0.status == .asActive },
        ]) else {
            association.close()
            return nil
        }
        return association
    }

    /// DATA from one ASP through the peer to the other: same OPC, DPC, SI and user data, the receiver's RC.
    mutating func exchangeData(
        from sender: SCTPAssociation, named senderName: String, opc: UInt32, routingContext: UInt32,
        to receiver: SCTPAssociation, named receiverName: String, dpc: UInt32, receiverRoutingContext: UInt32,
        isup: [UInt8], label: String
    ) -> Bool {
        asp = senderName
        let data = ProtocolData(opc: opc, dpc: dpc, si: .isup, ni: 2, sls: 5, userProtocolData: isup)
        let message = M3UAMessage(.data, [.routingContext([routingContext]), .protocolData(data)])
        return exchange(label, on: sender, send: message, stream: 1, expect: [
            Expectation(name: "DATA with RC \(receiverRoutingContext), OPC \(opc), DPC \(dpc), same ISUP") { m in
                guard m.type == .data, let pd = m.protocolData else { return false }
                return m.routingContexts == [receiverRoutingContext] && pd.opc == opc && pd.dpc == dpc && pd.si == .isup
                    && Array(pd.userProtocolData) == isup
            },
        ], receiver: receiver, receiverName: receiverName)
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
