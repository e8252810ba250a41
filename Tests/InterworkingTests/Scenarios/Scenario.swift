import Foundation
import ISUP
import Interworking
import M3UA
import SIPI
import Testing

/// A call scenario that reads like a ladder diagram (`../shared/design.md`): the test plays the switch and the SIP
/// peer, feeds the engine on a virtual clock and takes the engine's messages in order, one queue per side. Timers
/// the engine starts fire when the clock is advanced past them.
/// An expectation that failed so badly the scenario cannot go on (already recorded as an issue).
enum ScenarioError: Error { case missing }

struct Scenario {
    var engine: InterworkingEngine
    var now: Instant = .zero
    /// ISUP and SIP messages the engine sent, not yet taken by an expectation.
    var isupSent: [ISUPMessage] = []
    var sipSent: [(message: SIPMessage, to: SIPEndpoint)] = []
    var records: [CallRecord] = []
    var observations: [Observation] = []
    var lookups: [(id: LookupID, number: String)] = []
    /// Running timers and when they fire.
    var timers: [Interworking.TimerID: Interworking.Instant] = [:]
    /// Every message in order, for the pcap oracle.
    var ladder: [LadderEntry] = []

    /// `peer` is where a SIP message came from (inbound) or went to (outbound).
    enum LadderEntry {
        case isup(ProtocolData, inbound: Bool, at: Instant)
        case sip(SIPMessage, inbound: Bool, peer: SIPEndpoint, at: Instant)
    }

    static let switchRoute = SignallingRoute(opc: Fixture.switchPointCode, dpc: Fixture.ownPointCode, sls: 0)

    init(_ configuration: EngineConfiguration = Fixture.configuration(), startCircuits: Bool = false) {
        engine = InterworkingEngine(configuration: configuration, mappings: Fixture.mappings, instance: "t")
        if startCircuits { run(engine.start(at: now)) }
    }

    // MARK: Feeding

    mutating func isup(_ message: ISUPMessage, from route: SignallingRoute = Scenario.switchRoute) {
        if let data = try? ProtocolData(opc: route.opc, dpc: route.dpc, ni: route.networkIndicator, sls: route.sls, isup: message) {
            ladder.append(.isup(data, inbound: true, at: now))
        }
        run(engine.handle(.isup(message, from: route), at: now))
    }

    /// A SIP message written as text (CRLF added), parsed by libosip2.
    mutating func sip(_ text: String, from source: SIPEndpoint = Fixture.peerAddress) {
        sip(Self.parse(text), from: source)
    }

    mutating func sip(_ message: SIPMessage, from source: SIPEndpoint = Fixture.peerAddress) {
        ladder.append(.sip(message, inbound: true, peer: source, at: now))
        run(engine.handle(.sip(message, from: source), at: now))
    }

    mutating func event(_ event: Event) { run(engine.handle(event, at: now)) }

    /// Moves the clock, firing every timer due on the way in order.
    mutating func advance(_ duration: Duration) {
        let end = now + duration
        while let (id, due) = timers.filter({ $0.value <= end }).min(by: { $0.value < $1.value }) {
            timers[id] = nil
            now = due
            run(engine.handle(.timer(id), at: now))
        }
        now = end
    }

    mutating func run(_ actions: [Action]) {
        for action in actions {
            switch action {
            case .sendISUP(let data, _):
                ladder.append(.isup(data, inbound: false, at: now))
                do {
                    guard let message = try data.isup() else { Issue.record("non-ISUP data"); continue }
                    #expect(data.opc == Fixture.ownPointCode && data.dpc == Fixture.switchPointCode)
                    isupSent.append(message)
                } catch {
                    Issue.record("the engine sent ISUP that does not decode: \(error)")
                }
            case .sendSIP(let message, let destination):
                // Every message the engine sends must survive libosip2 (what the daemon will do with it).
                do {
                    let reparsed = try SIPMessage(parsing: try message.serialized())
                    ladder.append(.sip(reparsed, inbound: false, peer: destination, at: now))
                    sipSent.append((reparsed, destination))
                } catch {
                    Issue.record("the engine sent SIP that libosip2 refuses: \(error)\n\(message)")
                }
            case .startTimer(let id, let after): timers[id] = now + after
            case .cancelTimer(let id): timers[id] = nil
            case .lookup(let id, let number, _): lookups.append((id, number))
            case .record(let record): records.append(record)
            case .observe(let observation): observations.append(observation)
            }
        }
    }

    // MARK: Expectations

    /// The next ISUP message the engine sent; it must be of `type`.
    @discardableResult
    mutating func expectISUP(_ type: MessageType, cause: UInt8? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> ISUPMessage {
        guard !isupSent.isEmpty else {
            Issue.record("expected ISUP \(type.acronym), nothing sent", sourceLocation: sourceLocation)
            throw ScenarioError.missing
        }
        let message = isupSent.removeFirst()
        #expect(message.type == type, "expected \(type.acronym), got \(message.type.acronym)", sourceLocation: sourceLocation)
        if let cause {
            #expect(message.causeIndicators?.value == cause, "cause of \(message.type.acronym)", sourceLocation: sourceLocation)
        }
        return message
    }

    /// The next SIP message the engine sent: a request method (`INVITE`) or a status (`180`).
    @discardableResult
    mutating func expectSIP(_ kind: String, reasonCause: UInt8? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> SIPMessage {
        guard !sipSent.isEmpty else {
            Issue.record("expected SIP \(kind), nothing sent", sourceLocation: sourceLocation)
            throw ScenarioError.missing
        }
        let message = sipSent.removeFirst().message
        let got = message.method ?? message.statusCode.map(String.init) ?? "?"
        #expect(got == kind, "expected SIP \(kind), got \(message.kind)", sourceLocation: sourceLocation)
        if let reasonCause {
            #expect(message.header("reason")?.contains("Q.850;cause=\(reasonCause)") == true,
                    "Reason of \(message.kind): \(message.header("reason") ?? "none")", sourceLocation: sourceLocation)
        }
        return message
    }

    /// Nothing more was sent on either side.
    func expectQuiet(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(isupSent.isEmpty, "unexpected ISUP: \(isupSent.map(\.type.acronym))", sourceLocation: sourceLocation)
        #expect(sipSent.isEmpty, "unexpected SIP: \(sipSent.map(\.message.kind))", sourceLocation: sourceLocation)
    }

    /// The call is over: one record, nothing left in the engine.
    @discardableResult
    mutating func expectRecord(isupCause: UInt8? = nil, sipStatus: Int? = nil, releasedBy: CallRecord.Side? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> CallRecord {
        guard records.count == 1, let record = records.first else {
            Issue.record("expected one record, got \(records.count)", sourceLocation: sourceLocation)
            throw ScenarioError.missing
        }
        records.removeAll()
        if let isupCause { #expect(record.isupCause == isupCause, "record cause", sourceLocation: sourceLocation) }
        if let sipStatus { #expect(record.sipStatus == sipStatus, "record status", sourceLocation: sourceLocation) }
        if let releasedBy { #expect(record.releasedBy == releasedBy, "released by", sourceLocation: sourceLocation) }
        #expect(engine.activeCalls == 0, "calls left: \(engine.activeCalls)", sourceLocation: sourceLocation)
        return record
    }

    // MARK: Playing the SIP peer

    static func requestURI(_ message: SIPMessage?) -> String? {
        guard case .request(_, let uri)? = message?.startLine else { return nil }
        return uri
    }

    static func parse(_ text: String) -> SIPMessage {
        let wire = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        do {
            return try SIPMessage(receiving: Array(wire.utf8))
        } catch {
            Issue.record("test SIP does not parse: \(error)\n\(text)")
            return SIPMessage(startLine: .request(method: "INVALID", uri: "sip:x"), headers: [])
        }
    }

    /// The peer's response to a request the engine sent (RFC 3261 §8.2.6.2: Via, From, To + tag, Call-ID, CSeq
    /// copied), written as text; `extra` are more header lines, `body` an SDP.
    static func response(_ status: Int, _ reason: String, to request: SIPMessage, tag: String? = "peer",
                         extra: [String] = [], body: String? = nil) -> SIPMessage {
        var lines = ["SIP/2.0 \(status) \(reason)"]
        lines += request.headers("via").map { "Via: \($0)" }
        lines.append("From: \(request.header("from") ?? "")")
        let to = request.header("to") ?? ""
        lines.append("To: " + (to.contains("tag=") || tag == nil ? to : "\(to);tag=\(tag!)"))
        lines.append("Call-ID: \(request.header("call-id") ?? "")")
        lines.append("CSeq: \(request.header("cseq") ?? "")")
        if status > 100 && status < 400 { lines.append("Contact: <sip:peer@\(Fixture.peerAddress.host):5060>") }
        return parse(withBody(lines + extra, sdp: body))
    }

    /// Header lines, then the SDP body (or none) with its Content-Type and Content-Length (counted with the CRLF
    /// line ends `parse` gives it).
    static func withBody(_ lines: [String], sdp: String?) -> String {
        let tail = sdp.map { ["Content-Type: application/sdp", "Content-Length: \($0.utf8.count + $0.count { $0 == "\n" })", "", $0] }
            ?? ["Content-Length: 0", "", ""]
        return (lines + tail).joined(separator: "\n")
    }

    /// The peer's ACK for a non-2xx final response to its INVITE (RFC 3261 §17.1.1.3: same branch, To with the tag).
    static func ack(_ response: SIPMessage, toInvite invite: SIPMessage) -> SIPMessage {
        let lines = ["ACK \(requestURI(invite) ?? "") SIP/2.0", "Via: \(invite.header("via") ?? "")", "Max-Forwards: 70",
                     "From: \(invite.header("from") ?? "")", "To: \(response.header("to") ?? "")",
                     "Call-ID: \(invite.header("call-id") ?? "")",
                     "CSeq: \(invite.header("cseq")?.split(separator: " ").first ?? "1") ACK", "Content-Length: 0", "", ""]
        return parse(lines.joined(separator: "\n"))
    }

    /// A request the peer sends inside the dialog of a message it received from the engine (`message` is the
    /// engine's INVITE for an I→S call, or the engine's 2xx for an S→I call).
    static func peerRequest(_ method: String, dialogOf invite: SIPMessage, peerIsCallee: Bool, cseq: Int,
                            extra: [String] = [], body: String? = nil) -> SIPMessage {
        let to = invite.header("to") ?? ""
        let from = peerIsCallee ? to + (to.contains("tag=") ? "" : ";tag=peer") : (invite.header("from") ?? "")
        let target = peerIsCallee ? (invite.header("from") ?? "") : to
        let lines = ["\(method) sip:sipigw@\(Fixture.localAddress.host):5060 SIP/2.0",
                     "Via: SIP/2.0/UDP \(Fixture.peerAddress.host):5060;branch=z9hG4bKpeer\(method)\(cseq)",
                     "Max-Forwards: 70", "From: \(from)", "To: \(target)", "Call-ID: \(invite.header("call-id") ?? "")",
                     "CSeq: \(cseq) \(method)"]
        return parse(withBody(lines + extra, sdp: body))
    }
}
