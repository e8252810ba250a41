import SIPI

/// The INVITE client transaction, RFC 3261 §17.1.1 with the Accepted state of RFC 6026 §8.4.
struct InviteClientTransaction: SIPTransaction {
    enum State: Hashable, Sendable {
        case calling
        case proceeding
        /// After a 300–699, holding the ACK the layer built for it (§17.1.1.3).
        case completed(ack: SIPMessage?)
        /// After a 2xx (RFC 6026 §8.4).
        case accepted
        case terminated
    }

    var core: TransactionCore
    private(set) var state = State.calling
    /// Until the final response: the ACK of a non-2xx is built from it (§17.1.1.3).
    private var request: SIPMessage?

    init(core: TransactionCore) { self.core = core }

    var isTerminated: Bool { state == .terminated }

    /// §17.1.1.2: the INVITE goes out; Timer A on an unreliable transport (T1, doubling without bound) and Timer B.
    mutating func start(_ request: SIPMessage) -> [TransactionAction] {
        self.request = request
        return core.transmit(request, retransmittingOn: .A, cap: nil, timeout: .B)
    }

    mutating func received(_ response: SIPMessage, from source: SIPEndpoint) -> [TransactionAction] {
        let up = TransactionAction.response(response, transaction: core.id)
        switch (state, response.statusCode ?? 0) {
        case (.calling, 100...199), (.proceeding, 100...199):
            // §17.1.1.2: to Proceeding, no more retransmissions; every provisional goes up.
            state = .proceeding
            var actions = core.cancel(.A, .B)
            actions.append(up)
            return actions
        case (.calling, 200...299), (.proceeding, 200...299):
            // RFC 6026 §8.4: to Accepted under Timer M; the TU ACKs the 2xx itself.
            state = .accepted
            request = nil
            var actions = core.cancel(.A, .B)
            actions.append(up)
            actions.append(core.start(.M))
            return actions
        case (.accepted, 200...299):
            // RFC 6026 §8.4: 2xx retransmissions go up so that the TU ACKs each of them.
            return [up]
        case (.calling, 300...699), (.proceeding, 300...699):
            // §17.1.1.2/§17.1.1.3: the response goes up, the transaction ACKs it and waits Timer D.
            let ack = request?.ack(for: response)
            state = .completed(ack: ack)
            request = nil
            var actions = core.cancel(.A, .B)
            actions.append(up)
            if let ack { actions.append(core.transmit(ack)) }
            return wait(.D, after: actions)
        case (.completed(let ack), 300...699):
            // §17.1.1.2: "Any retransmissions of the final response ... MUST cause the ACK to be re-passed".
            return ack.map { [core.transmit($0)] } ?? []
        default:
            // Absorbed: provisionals after a final, other final responses in Completed or Accepted.
            return []
        }
    }

    mutating func expired(_ timer: TransactionTimer) -> [TransactionAction] {
        switch timer {
        case .A: core.retransmit()
        case .B: [.timedOut(core.id)] + terminate()
        default: terminate()  // D (§17.1.1.2), M (RFC 6026 §8.4)
        }
    }

    mutating func terminate() -> [TransactionAction] {
        state = .terminated
        return core.terminate()
    }
}
