import ISUP
import M3UA
import SIPI

/// The engine's own bookkeeping: the transaction layer's and the circuit groups' outputs turned into actions,
/// ISUP and SIP sending, call timers, and the end of a call.
extension InterworkingEngine {
    // MARK: SIP through the transaction layer

    /// Runs the transaction layer and executes what it asks: what it sends first, then what it hands the user
    /// agent core (so an ACK it generates goes out before a new request the core makes in reaction).
    mutating func feedTransactions(_ event: TransactionEvent) {
        var deliveries = [TransactionAction]()
        for action in transactions.handle(event, at: now) {
            switch action {
            case .transmit(let message, let destination):
                out.append(.sendSIP(onTransport(message, destination.transport), to: destination))
            case .startTimer(let id, let timer, let after):
                out.append(.startTimer(.transaction(id, timer), after: after))
            case .cancelTimer(let id, let timer):
                out.append(.cancelTimer(.transaction(id, timer)))
            case .terminated:
                break
            case .malformed(let message, let source, let reason):
                out.append(.observe(.discarded("SIP \(message.kind) from \(source): \(reason)")))
            case .refused(let message, let refusal):
                out.append(.observe(.discarded("SIP \(message.kind) not sent: \(refusal)")))
            default:
                deliveries.append(action)
            }
        }
        for action in deliveries {
            switch action {
            case .request(let message, let source, let transaction):
                receiveRequest(message, from: source, transaction: transaction)
            case .response(let message, let transaction):
                receiveResponse(message, transaction: transaction)
            case .timedOut(let transaction):
                transactionFailed(transaction, status: 408)
            case .transportFailed(let transaction):
                transactionFailed(transaction, status: 503)
            case .stray(let message, let source):
                receiveStray(message, from: source)
            default:
                break
            }
        }
    }

    /// The message as it goes out on `transport`: when that is not the transport of `sip.address` (a peer
    /// reached over TCP by a gateway configured for UDP, or the reverse), the top Via of a request and the
    /// gateway's own Contact name it (RFC 3261 §18.1.1, §8.1.1.8), so answers and in-dialog requests come back
    /// on it.
    func onTransport(_ message: SIPMessage, _ transport: SIPEndpoint.Transport) -> SIPMessage {
        let own = configuration.sip.address.transport
        guard transport != own else { return message }
        var message = message
        let ownVia = "SIP/2.0/\(own.rawValue) "
        if message.method != nil, let via = message.headers.firstIndex(where: { $0.hasName("via") }),
           message.headers[via].value.hasPrefix(ownVia) {
            message.headers[via].value = "SIP/2.0/\(transport.rawValue) " + message.headers[via].value.dropFirst(ownVia.count)
        }
        if let contact = message.headers.firstIndex(where: { $0.hasName("contact") }),
           message.headers[contact].value == localContact {
            message.headers[contact].value = Self.contact(configuration.sip.address, transport: transport)
        }
        return message
    }

    /// A message the shell could not send: a request's client transaction fails as on a transport error
    /// (RFC 3261 §17.1.4); a response is only reported (the peer retransmits its request, §17.2.4).
    mutating func sendFailed(_ message: SIPMessage, to destination: SIPEndpoint) {
        out.append(.observe(.discarded("SIP \(message.kind) to \(destination) not sent")))
        guard message.method != nil, message.method != "ACK", let id = clientTransaction(of: message) else { return }
        feedTransactions(.transportError(id))
    }

    /// Starts a client transaction for a call's request; its failure (Timer B/F, transport) comes back to the call.
    mutating func sendRequest(_ message: SIPMessage, to destination: SIPEndpoint, call: CallID) {
        let id = clientTransaction(of: message)
        if let id { requestsInFlight[id] = call }
        out.append(.observe(.message(protocol: "sip", type: message.method ?? "", inbound: false)))
        feedTransactions(.sendRequest(message, to: destination, id: id))
    }

    mutating func respond(_ response: SIPMessage, on transaction: TransactionID) {
        feedTransactions(.sendResponse(response, transaction: transaction))
    }

    /// The Via of requests the gateway sends from `a` (RFC 3261 §18.1.1; `rport`, RFC 3581), up to the value of
    /// its branch.
    static func viaPrefix(_ a: SIPEndpoint) -> String { "SIP/2.0/\(a.transport.rawValue) \(a.host):\(a.port);rport;branch=" }

    /// `viaPrefix` and `localContact` for the gateway's address `a`.
    static func ownHeaders(_ a: SIPEndpoint) -> (viaPrefix: String, contact: String) {
        (viaPrefix(a), contact(a, transport: a.transport))
    }

    /// The top Via of a new request: the gateway's sent-by and a fresh branch (RFC 3261 §8.1.1.7).
    mutating func newVia() -> String { viaPrefix + branch() }

    /// The client transaction of a request the engine sends (§17.1.3): read off the top Via when `newVia` wrote it,
    /// else parsed.
    func clientTransaction(of request: SIPMessage) -> TransactionID? {
        ownClientTransaction(of: request) ?? (try? TransactionID(client: request))
    }

    /// The client transaction of a request the engine sent or of a response to it, when the top Via is the one
    /// `newVia` wrote (everything after the prefix is the branch, §17.1.3) and the method the request's or the
    /// response's CSeq method (§8.1.1.5); nil otherwise, and the transaction layer parses the Via.
    func ownClientTransaction(of message: SIPMessage) -> TransactionID? {
        guard let via = message.header("via"), via.utf8.starts(with: viaPrefix.utf8),
              let method = message.method ?? message.header("cseq").flatMap({ CSeq(parsing: $0) })?.method
        else { return nil }
        let branch = via.utf8.dropFirst(viaPrefix.utf8.count)
        guard !branch.contains(where: { $0 == 0x3B || $0 == 0x2C || $0.isProtocolWhitespace }) else { return nil }
        return TransactionID(role: .client, branch: String(Substring(branch)), method: method)
    }

    /// The gateway's Contact at `a`, naming `transport` (RFC 3261 §8.1.1.8).
    static func contact(_ a: SIPEndpoint, transport: SIPEndpoint.Transport) -> String {
        "<sip:sipigw@\(a.host):\(a.port);transport=\(transport.rawValue.lowercased())>"
    }

    // MARK: ISUP

    /// Sends an ISUP message on the trunk's route; the SLS follows the CIC (Q.704 §2.2.4 load sharing). Optional
    /// parameters with erroneous contents (taken from a SIP-I body) are not passed on (Q.764 §2.9.5.3).
    mutating func sendISUP(_ message: ISUPMessage, trunk: Int) {
        var message = message
        for e in message.removeErroneousParameters() {
            out.append(.observe(.discarded("\(message.type.acronym): erroneous \(e) not passed on")))
        }
        let config = configuration.trunks[trunk]
        let sls = UInt8((message.cic?.value ?? 0) & 0x0F)
        do {
            let data = try ProtocolData(opc: config.circuits.opc, dpc: config.circuits.dpc,
                                        ni: config.networkIndicator, sls: sls, isup: message)
            out.append(.sendISUP(data, routingContext: config.routingContext))
            out.append(.observe(.message(protocol: "isup", type: message.type.acronym, inbound: false)))
        } catch {
            out.append(.observe(.discarded("\(message.type.acronym) not encodable: \(error)")))
        }
    }

    /// The circuit group's outputs: messages on the trunk, timers under the trunk's name, calls to clear.
    mutating func apply(_ actions: [CircuitAction], trunk: Int) {
        for action in actions {
            switch action {
            case .send(let message): sendISUP(message, trunk: trunk)
            case .startTimer(let timer, let after): out.append(.startTimer(.circuit(trunk: trunk, timer), after: after))
            case .cancelTimer(let timer): out.append(.cancelTimer(.circuit(trunk: trunk, timer)))
            case .releaseCall(let cic, let cause): circuitReset(CircuitKey(trunk: trunk, cic: cic.value), cause: cause)
            case .stateChanged(let cic, let state):
                out.append(.observe(.circuit(trunk: configuration.trunks[trunk].name, cic: cic.value, state: "\(state.call)")))
            case .maintenanceAlert(let text): out.append(.observe(.alert("\(configuration.trunks[trunk].name): \(text)")))
            }
        }
    }

    // MARK: Call timers

    mutating func start(_ timer: CallTimer, after duration: Duration, for call: inout Call) {
        if call.timers.contains(timer) { out.append(.cancelTimer(.call(call.id, timer))) }
        call.timers.insert(timer)
        out.append(.startTimer(.call(call.id, timer), after: duration))
    }

    mutating func cancelISUPTimers(_ call: inout Call) {
        for timer in CallTimer.isup { cancel(timer, for: &call) }
    }

    mutating func cancel(_ timer: CallTimer, for call: inout Call) {
        guard call.timers.remove(timer) != nil else { return }
        out.append(.cancelTimer(.call(call.id, timer)))
    }

    // MARK: The end of a call

    /// The shell stops with calls still in progress (SIGTERM's drain time is over): each gets its record now,
    /// marked `unfinished`, so that no call ends without one; its timers are cancelled and the engine holds no call.
    public mutating func close(at now: Instant) -> [Action] {
        self.now = now
        for id in calls.keys.sorted() {
            guard var call = calls[id] else { continue }
            call.record.unfinished = true
            end(call)
        }
        defer { out = [] }
        return out
    }

    /// Stores a call back, or, when both legs are done, ends it.
    mutating func store(_ call: Call) {
        guard call.isFinished else {
            calls[call.id] = call
            return
        }
        end(call)
    }

    /// Writes the call's record and frees everything it held: its timers, its circuit, its Call-ID.
    private mutating func end(_ call: Call) {
        var call = call
        for timer in call.timers.sorted(by: { $0.rawValue < $1.rawValue }) { cancel(timer, for: &call) }
        call.record.release = now
        call.record.releasedBy = call.releasedBy ?? .gateway
        out.append(.record(call.record))
        calls[call.id] = nil
        if let cic = call.cic, byCircuit[CircuitKey(trunk: call.trunk, cic: cic.value)] == call.id {
            byCircuit[CircuitKey(trunk: call.trunk, cic: cic.value)] = nil
        }
        if let callID = call.sip.dialog?.callID ?? call.record.sipCallID, bySIPCallID[callID] == call.id {
            bySIPCallID[callID] = nil
        }
    }
}
