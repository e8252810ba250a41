import SIPI

/// The non-INVITE server transaction, RFC 3261 §17.2.2.
struct NonInviteServerTransaction: SIPTransaction {
    enum State: Hashable, Sendable {
        case trying
        case proceeding(lastProvisional: SIPMessage)
        case completed(final: SIPMessage)
        case terminated
    }

    var core: TransactionCore
    private(set) var state = State.trying

    init(core: TransactionCore) { self.core = core }

    var isTerminated: Bool { state == .terminated }

    /// §17.2.2: Trying, the request up to the TU.
    mutating func start(_ request: SIPMessage) -> [TransactionAction] {
        [.request(request, from: core.peer, transaction: core.id)]
    }

    /// §17.2.2: retransmissions are discarded in Trying and answered with the last response after.
    mutating func received(_ message: SIPMessage, from source: SIPEndpoint) -> [TransactionAction] {
        switch state {
        case .proceeding(let response), .completed(let response): [core.transmit(response)]
        case .trying, .terminated: []
        }
    }

    mutating func send(_ response: SIPMessage) -> [TransactionAction] {
        switch (state, response.statusCode ?? 0) {
        case (.trying, 100...199), (.proceeding, 100...199):
            state = .proceeding(lastProvisional: response)
            return [core.transmit(response)]
        case (.trying, 200...699), (.proceeding, 200...699):
            // §17.2.2: Completed under Timer J (64·T1 unreliable, zero reliable).
            state = .completed(final: response)
            return wait(.J, after: [core.transmit(response)])
        default:
            // §17.2.2: "Any other final responses passed by the TU ... MUST be discarded while in Completed".
            return [.refused(response, .responseNotAllowed(core.id, status: response.statusCode ?? 0))]
        }
    }

    mutating func expired(_ timer: TransactionTimer) -> [TransactionAction] { terminate() }  // J

    mutating func terminate() -> [TransactionAction] {
        state = .terminated
        return core.terminate()
    }
}
