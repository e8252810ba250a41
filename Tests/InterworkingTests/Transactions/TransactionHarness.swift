import Interworking
import SIPI
import Testing

/// A virtual clock around the transaction layer: it runs the timers the layer asks for and records every action
/// with the instant it happened. No sockets, no real time.
struct TransactionHarness {
    struct TimerKey: Hashable {
        let id: TransactionID
        let timer: TransactionTimer
    }

    var layer: TransactionLayer
    private(set) var now = Instant.zero
    private(set) var deadlines: [TimerKey: Instant] = [:]
    private(set) var log: [(at: Instant, action: TransactionAction)] = []

    init(_ layer: TransactionLayer = TransactionLayer()) { self.layer = layer }

    /// Feeds one event at the current instant; returns its actions.
    @discardableResult
    mutating func feed(_ event: TransactionEvent) -> [TransactionAction] {
        let actions = layer.handle(event, at: now)
        for action in actions {
            log.append((now, action))
            switch action {
            case .startTimer(let id, let timer, let after): deadlines[TimerKey(id: id, timer: timer)] = now + after
            case .cancelTimer(let id, let timer): deadlines[TimerKey(id: id, timer: timer)] = nil
            default: break
            }
        }
        return actions
    }

    /// Moves the clock to `seconds`, firing due timers in order; returns the actions they caused.
    @discardableResult
    mutating func advance(to seconds: Double) -> [TransactionAction] {
        let end = Instant(.milliseconds(Int((seconds * 1000).rounded())))
        var actions: [TransactionAction] = []
        while let (key, due) = deadlines.filter({ $0.value <= end }).min(by: { $0.value < $1.value }) {
            deadlines[key] = nil
            now = due
            actions += feed(.timerFired(key.id, key.timer))
        }
        now = end
        return actions
    }

    /// The instants (in seconds) of every transmission so far, optionally only of one method or status.
    func transmissionTimes(where matches: (SIPMessage) -> Bool = { _ in true }) -> [Double] {
        log.compactMap { entry in
            guard case .transmit(let message, _) = entry.action, matches(message) else { return nil }
            return seconds(entry.at)
        }
    }

    /// Every message transmitted since `index` in the log.
    func transmitted(since index: Int = 0) -> [SIPMessage] {
        log[index...].compactMap { if case .transmit(let message, _) = $0.action { message } else { nil } }
    }

    func seconds(_ instant: Instant) -> Double {
        let (s, atto) = instant.sinceEpoch.components
        return Double(s) + Double(atto / 1_000_000_000_000_000) / 1000
    }
}

/// Test messages from literal text through libosip2 (an independent parser): `\n` becomes CRLF, the blank line
/// ending the header section is added.
func sip(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> SIPMessage {
    let wire = text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\r\n") + "\r\n\r\n"
    do {
        return try SIPMessage(parsing: Array(wire.utf8))
    } catch {
        Issue.record("libosip2 refused the test message: \(error)", sourceLocation: sourceLocation)
        return SIPMessage(startLine: .request(method: "INVALID", uri: "sip:invalid"), headers: [])
    }
}

enum Fixtures {
    static let peerUDP = SIPEndpoint(host: "192.0.2.2", port: 5060, transport: .udp)
    static let peerTCP = SIPEndpoint(host: "192.0.2.2", port: 5060, transport: .tcp)

    /// An INVITE of ST 769 shape toward olo2.it, with a Route set and a Contact.
    static func invite(branch: String = "z9hG4bKinv1", via transport: String = "UDP", sentBy: String = "gw.olo1.it:5060")
        -> SIPMessage
    {
        sip("""
            INVITE sip:+390612345678@olo2.it;user=phone SIP/2.0
            Via: SIP/2.0/\(transport) \(sentBy);branch=\(branch)
            Route: <sip:sbc1.olo2.it;lr>
            Route: <sip:sbc2.olo2.it;lr>
            Max-Forwards: 70
            From: <sip:+390298765432@olo1.it;user=phone>;tag=f1
            To: <sip:+390612345678@olo2.it;user=phone>
            Call-ID: call1@gw.olo1.it
            CSeq: 1 INVITE
            Contact: <sip:gw.olo1.it:5060>
            """)
    }

    /// A non-INVITE request (BYE, OPTIONS, CANCEL, ...).
    static func request(_ method: String, branch: String, sentBy: String = "gw.olo1.it:5060", cseq: Int = 2) -> SIPMessage {
        sip("""
            \(method) sip:+390612345678@olo2.it;user=phone SIP/2.0
            Via: SIP/2.0/UDP \(sentBy);branch=\(branch)
            Max-Forwards: 70
            From: <sip:+390298765432@olo1.it;user=phone>;tag=f1
            To: <sip:+390612345678@olo2.it;user=phone>;tag=t2
            Call-ID: call1@gw.olo1.it
            CSeq: \(cseq) \(method)
            """)
    }

    /// The ACK of a peer for a 300–699 (same branch, §17.1.1.3) or for a 2xx (its own branch, §13.2.2.4).
    static func ack(branch: String, sentBy: String = "gw.olo1.it:5060") -> SIPMessage {
        sip("""
            ACK sip:+390612345678@olo2.it;user=phone SIP/2.0
            Via: SIP/2.0/UDP \(sentBy);branch=\(branch)
            Max-Forwards: 70
            From: <sip:+390298765432@olo1.it;user=phone>;tag=f1
            To: <sip:+390612345678@olo2.it;user=phone>;tag=t2
            Call-ID: call1@gw.olo1.it
            CSeq: 1 ACK
            """)
    }

    /// A response as the peer sends it, written out in full.
    static func response(_ status: Int, _ reason: String, branch: String = "z9hG4bKinv1", cseq: String = "1 INVITE",
                         toTag: String? = "t2") -> SIPMessage
    {
        sip("""
            SIP/2.0 \(status) \(reason)
            Via: SIP/2.0/UDP gw.olo1.it:5060;branch=\(branch)
            From: <sip:+390298765432@olo1.it;user=phone>;tag=f1
            To: <sip:+390612345678@olo2.it;user=phone>\(toTag.map { ";tag=\($0)" } ?? "")
            Call-ID: call1@gw.olo1.it
            CSeq: \(cseq)
            """)
    }
}

extension TransactionAction {
    var transmittedMessage: SIPMessage? { if case .transmit(let message, _) = self { message } else { nil } }
}
