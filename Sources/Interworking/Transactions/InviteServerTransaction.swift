import SIPI

/// The INVITE server transaction, RFC 3261 §17.2.1 with the Accepted state of RFC 6026 §8.5–§8.7.
struct InviteServerTransaction: SIPTransaction {
    enum State: Hashable, Sendable {
        /// Holding the last provisional response sent, resent for each request retransmission.
        case proceeding(lastProvisional: SIPMessage?)
        /// Holding the 300–699 retransmitted by Timer G until the ACK.
        case completed(final: SIPMessage)
        case confirmed
        /// After a 2xx (RFC 6026 §8.6), under Timer L.
        case accepted
        case terminated
    }

    var core: TransactionCore
    private(set) var state = State.proceeding(lastProvisional: nil)
    private let sendsTrying: Bool

    init(core: TransactionCore, sendsTrying: Bool) {
        self.core = core
        self.sendsTrying = sendsTrying
    }

    var isTerminated: Bool { state == .terminated }

    /// §17.2.1: Proceeding; the 100 (Trying) at once unless configured off (the TU answering within 200 ms), and
    /// the INVITE up to the TU.
    mutating func start(_ request: SIPMessage) -> [TransactionAction] {
        let up = TransactionAction.request(request, from: core.peer, transaction: core.id)
        guard sendsTrying else { return [up] }
        let trying = request.response(100)
        state = .proceeding(lastProvisional: trying)
        return [core.transmit(trying), up]
    }

    mutating func received(_ message: SIPMessage, from source: SIPEndpoint) -> [TransactionAction] {
        let isACK = message.method == "ACK"
        switch state {
        case .proceeding(let last?) where !isACK:
            // §17.2.1: a retransmitted INVITE is answered with the most recent provisional response.
            return [core.transmit(last)]
        case .completed(let final) where !isACK:
            // §17.2.1: a retransmitted INVITE in Completed gets the final response again.
            return [core.transmit(final)]
        case .completed:
            // §17.2.1: the ACK confirms; Timer G stops, Timer I absorbs further ACKs.
            state = .confirmed
            return wait(.I, after: core.cancel(.G, .H))
        case .accepted where isACK:
            // RFC 6026 §8.7: an ACK matching the transaction in Accepted goes to the TU.
            return [.request(message, from: source, transaction: core.id)]
        default:
            // Absorbed: INVITE retransmissions before any provisional, in Confirmed and in Accepted (RFC 6026
            // §8.7), ACKs in Confirmed (§17.2.1).
            return []
        }
    }

    mutating func send(_ response: SIPMessage) -> [TransactionAction] {
        switch (state, response.statusCode ?? 0) {
        case (.proceeding, 100...199):
            state = .proceeding(lastProvisional: response)
            return [core.transmit(response)]
        case (.proceeding, 200...299):
            // RFC 6026 §8.6: a 2xx moves to Accepted (not Terminated) under Timer L.
            state = .accepted
            return [core.transmit(response), core.start(.L)]
        case (.accepted, 200...299):
            // RFC 6026 §8.6: the TU's own 2xx retransmissions are sent.
            return [core.transmit(response)]
        case (.proceeding, 300...699):
            // §17.2.1: Completed; Timer G retransmits (T1 doubling up to T2, unreliable only) until Timer H.
            state = .completed(final: response)
            return core.transmit(response, retransmittingOn: .G, cap: core.timers.t2, timeout: .H)
        default:
            return [.refused(response, .responseNotAllowed(core.id, status: response.statusCode ?? 0))]
        }
    }

    mutating func expired(_ timer: TransactionTimer) -> [TransactionAction] {
        switch timer {
        case .G: core.retransmit()
        // §17.2.1: Timer H without an ACK: "a transaction failure has occurred".
        case .H: [.timedOut(core.id)] + terminate()
        default: terminate()  // I (§17.2.1), L (RFC 6026 §8.7)
        }
    }

    mutating func terminate() -> [TransactionAction] {
        state = .terminated
        return core.terminate()
    }
}
