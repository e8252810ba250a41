import SIPI

/// The non-INVITE client transaction, RFC 3261 §17.1.2.
struct NonInviteClientTransaction: SIPTransaction {
    enum State: Hashable, Sendable {
        case trying, proceeding, completed, terminated
    }

    var core: TransactionCore
    private(set) var state = State.trying

    init(core: TransactionCore) { self.core = core }

    var isTerminated: Bool { state == .terminated }

    /// §17.1.2.2: the request goes out; Timer E on an unreliable transport (T1, doubling up to T2) and Timer F.
    mutating func start(_ request: SIPMessage) -> [TransactionAction] {
        core.transmit(request, retransmittingOn: .E, cap: core.timers.t2, timeout: .F)
    }

    mutating func received(_ response: SIPMessage, from source: SIPEndpoint) -> [TransactionAction] {
        let up = TransactionAction.response(response, transaction: core.id)
        switch (state, response.statusCode ?? 0) {
        case (.trying, 100...199), (.proceeding, 100...199):
            state = .proceeding
            return [up]
        case (.trying, 200...699), (.proceeding, 200...699):
            // §17.1.2.2: to Completed, the response up, Timer K.
            state = .completed
            var actions = core.cancel(.E, .F)
            actions.append(up)
            return wait(.K, after: actions)
        default:
            // §17.1.2.2: Completed absorbs response retransmissions.
            return []
        }
    }

    mutating func expired(_ timer: TransactionTimer) -> [TransactionAction] {
        switch timer {
        // §17.1.2.2: in Proceeding, Timer E is "reset with a value of T2".
        case .E: core.retransmit(fixedInterval: state == .proceeding ? core.timers.t2 : nil)
        case .F: [.timedOut(core.id)] + terminate()
        default: terminate()  // K
        }
    }

    mutating func terminate() -> [TransactionAction] {
        state = .terminated
        return core.terminate()
    }
}
