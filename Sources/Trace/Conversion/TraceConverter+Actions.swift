import DequeModule
import Interworking
import SIPI

extension TraceConverter {
    /// Executes a gateway's actions, and those they cause: SIP goes to the twin gateway at once (the NNI has no
    /// delay here), ISUP toward a switch is noted with its call, timers go on the heap, lookups fail (no DNS offline,
    /// the route table decides), records join their call.
    mutating func run(_ actions: [Action], from side: Int) {
        var queue = Deque(actions.map { (side, $0) })
        while let (side, action) = queue.popFirst() {
            switch action {
            case .sendISUP(let data, let routingContext):
                if sides[side].party == nil {
                    sent(data, by: side)
                } else {
                    queue.append(contentsOf: relayISUP(data, routingContext: routingContext, by: side).map { (side ^ 1, $0) })
                }
            case .sendSIP(let message, _) where sides[side].party != nil:
                sentToParty(message, by: side)
            case .sendSIP(let message, let destination):
                noteSIP(message, by: side, to: destination)
                let twin = side ^ 1
                let caused = sides[twin].engine.handle(.sip(message, from: sides[side].address), at: now)
                queue.append(contentsOf: caused.map { (twin, $0) })
            case .startTimer(let timer, let after):
                start(timer, after: after, side: side)
            case .cancelTimer(let timer):
                cancel(timer, side: side)
            case .lookup(let id, _, _):
                let caused = sides[side].engine.handle(.lookup(id, .failed("no DNS in an offline conversion")), at: now)
                queue.append(contentsOf: caused.map { (side, $0) })
            case .record(let record):
                if let callID = record.sipCallID, let key = dialogs[callID] { calls[key]?.call.records.append(record) }
                if let callID = record.sipCallID, let captured = sipCalls[callID] != nil ? callID : twinDialogs[callID] {
                    sipCalls[captured]?.call.records.append(record)
                }
            case .observe(let observation):
                switch observation {
                case .discarded: statistics.discarded += 1
                case .alert: statistics.alerts += 1
                default: break
                }
            }
        }
    }

    /// A SIP message between the gateways: written out, and kept with its call (an INVITE with a new Call-ID
    /// belongs to the oldest call of its switch still without a dialog).
    mutating func noteSIP(_ message: SIPMessage, by side: Int, to destination: SIPEndpoint) {
        statistics.sipMessagesSent += 1
        let time = timestamp(now)
        out.append(.sip(ConvertedSIP(time: time, source: sides[side].address, destination: destination, message: message)))
        guard let callID = message.header("call-id") else { return }
        if dialogs[callID] == nil, message.method == "INVITE", let key = sides[side].awaitingDialog.popFirst() {
            dialogs[callID] = key
            calls[key]?.call.sipCallID = callID
        }
        guard let key = dialogs[callID], let origin = calls[key]?.origin else { return }
        let fromOrigin = side == origin
        let cseq = message.header("cseq")?.split(separator: " ").last.map(String.init)
        let line = ConvertedMessage(
            time: time, from: fromOrigin ? .originatingGateway : .terminatingGateway,
            to: fromOrigin ? .terminatingGateway : .originatingGateway, signalling: .sip,
            type: message.method ?? message.statusCode.map(String.init) ?? "?", summary: summary(message.summaryLine),
            cause: message.headers("reason").lazy.compactMap(Q850Reason.init(header:)).first?.cause, inResponseTo: message.method == nil ? cseq : nil)
        calls[key]!.call.messages.append(line)
    }
}
