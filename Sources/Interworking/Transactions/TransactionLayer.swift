import SIPI

/// The SIP transaction layer of RFC 3261 §17 with the corrections of RFC 6026: a value fed events at instants the
/// shell supplies, answering with actions (design.md, "Functional core"). It holds the live transactions; the
/// shell runs the timers it asks for and the transport, the TU (dialogs, call control) sits above.
///
/// Received requests without a usable top Via (with a magic-cookie branch) or CSeq are answered with 400 (§8.2.2)
/// and reported `.malformed`; such ACKs and responses are only reported. Nothing here crashes on input.
public struct TransactionLayer: Sendable {
    public let timers: SIPTimers
    /// §17.2.1: the INVITE server transaction sends 100 (Trying) when it is created; false when the TU is known to
    /// answer within 200 ms.
    public let sendsTrying: Bool
    private var transactions: [TransactionID: any SIPTransaction] = [:]

    public init(timers: SIPTimers = .init(), sendsTrying: Bool = true) {
        self.timers = timers
        self.sendsTrying = sendsTrying
    }

    /// The live transactions.
    public var count: Int { transactions.count }
    /// The identifiers of the live transactions.
    public var ids: [TransactionID] { Array(transactions.keys) }

    /// `now` is the engine's clock; the layer itself needs no time: its timers are durations the shell runs.
    public mutating func handle(_ event: TransactionEvent, at now: Instant) -> [TransactionAction] {
        switch event {
        case .sendRequest(let request, let destination, let id):
            return start(request, to: destination, id: id)
        case .sendStateless(let message, let destination):
            return [.transmit(message, to: destination)]
        case .sendResponse(let response, let id):
            guard response.statusCode != nil else { return [.refused(response, .wrongKind)] }
            return drive(id) { $0.send(response) } ?? [.refused(response, .unknownTransaction(id))]
        case .received(let message, let source, let id):
            return message.method == nil
                ? received(response: message, from: source, id: id) : received(request: message, from: source)
        case .timerFired(let id, let timer):
            return drive(id) { $0.core.expire(timer) ? $0.expired(timer) : [] } ?? []
        case .transportError(let id):
            return drive(id) { [.transportFailed(id)] + $0.terminate() } ?? []
        case .abandon(let id):
            return drive(id) { $0.terminate() } ?? []
        }
    }

    /// RFC 3261 §9.2: the INVITE server transaction a received CANCEL cancels (same branch, sent-by; method
    /// INVITE), if it is alive. Nil for anything else.
    public func inviteTransaction(cancelledBy cancel: SIPMessage) -> TransactionID? {
        guard cancel.method == "CANCEL", let id = try? TransactionID(server: cancel) else { return nil }
        let invite = id.cancelledInvite
        return transactions[invite] == nil ? nil : invite
    }

    /// §17.1: a client transaction for the TU's request.
    private mutating func start(_ request: SIPMessage, to destination: SIPEndpoint, id known: TransactionID?) -> [TransactionAction] {
        guard let method = request.method else { return [.refused(request, .wrongKind)] }
        guard method != "ACK" else { return [.refused(request, .ackIsNotATransaction)] }
        let id: TransactionID
        do throws(MalformedReason) {
            if let known { id = known } else { id = try TransactionID(client: request) }
            // §8.1.1.7: our own branches carry the cookie, or §17.2.3 peers cannot match them.
            guard id.branch.hasPrefix(Via.magicCookie) else { throw .branchWithoutMagicCookie(id.branch) }
        } catch {
            return [.refused(request, .malformed(error))]
        }
        guard transactions[id] == nil else { return [.refused(request, .duplicate(id))] }
        let core = TransactionCore(id: id, peer: destination, timers: timers)
        let transaction: any SIPTransaction = method == "INVITE"
            ? InviteClientTransaction(core: core)
            : NonInviteClientTransaction(core: core)
        return create(id, transaction, request)
    }

    /// §17.2.3: a request goes to its server transaction, or creates one; an ACK that matches none is stray.
    private mutating func received(request: SIPMessage, from source: SIPEndpoint) -> [TransactionAction] {
        let id: TransactionID
        do throws(MalformedReason) {
            id = try TransactionID(server: request)
        } catch {
            // §8.2.2: answered with 400 when it can be (never an ACK, §17: ACK is never answered).
            let answer = request.method == "ACK"
                ? [] : [TransactionAction.transmit(
                    request.response(400, reason: "Bad Request (\(error))", toTag: request.statelessToTag), to: source)]
            return answer + [.malformed(request, from: source, reason: error)]
        }
        if let actions = drive(id, { $0.received(request, from: source) }) { return actions }
        // RFC 6026 §8.7: the ACK of a 2xx (its own branch, §13.2.2.4) matches no transaction and goes to the TU.
        guard request.method != "ACK" else { return [.stray(request, from: source)] }
        let core = TransactionCore(id: id, peer: source, timers: timers)
        let transaction: any SIPTransaction = request.method == "INVITE"
            ? InviteServerTransaction(core: core, sendsTrying: sendsTrying)
            : NonInviteServerTransaction(core: core)
        return create(id, transaction, request)
    }

    /// §17.1.3 and §18.1.2: a response goes to its client transaction, else it is stray.
    private mutating func received(response: SIPMessage, from source: SIPEndpoint, id known: TransactionID?) -> [TransactionAction] {
        let id: TransactionID
        do throws(MalformedReason) {
            if let known { id = known } else { id = try TransactionID(client: response) }
        } catch {
            return [.malformed(response, from: source, reason: error)]
        }
        return drive(id) { $0.received(response, from: source) } ?? [.stray(response, from: source)]
    }

    private mutating func create(_ id: TransactionID, _ transaction: any SIPTransaction,
                                 _ request: SIPMessage) -> [TransactionAction] {
        var transaction = transaction
        let actions = transaction.start(request)
        transactions[id] = transaction
        return actions
    }

    /// Runs `body` on the transaction `id` and forgets it once terminated; nil when there is none.
    private mutating func drive(
        _ id: TransactionID, _ body: (inout any SIPTransaction) -> [TransactionAction]
    ) -> [TransactionAction]? {
        // In place: a copy of the existential's box would be copied again by the mutation, and hashed back in.
        guard let index = transactions.index(forKey: id) else { return nil }
        let actions = body(&transactions.values[index])
        if transactions.values[index].isTerminated { transactions.remove(at: index) }
        return actions
    }
}
