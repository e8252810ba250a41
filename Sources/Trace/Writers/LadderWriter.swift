import ISUP

/// The `ladder` format: per call, a title line and one line per message in three columns: ISUP between the calling
/// switch and its gateway, SIP-I between the gateways, ISUP between the other gateway and the called switch (for a
/// SIP capture: SIP between each party and its gateway, ISUP between the gateways). Arrows
/// show the direction; `*` marks the capture's own messages (the rest is what the gateways sent). Times are seconds
/// since the call's IAM. Circuit messages and unreadable records get a line of their own.
public struct LadderWriter: ConversionWriter {
    static let column = 44

    public init() {}

    public mutating func write(_ output: ConversionOutput, into bytes: inout [UInt8]) {
        switch output {
        case .call(let call): bytes.append(contentsOf: Self.ladder(call).utf8)
        case .circuit(let message, let opc, let dpc, _):
            let who = message.isFromCapture ? "record \(message.record!)" : "gateway"
            bytes.append(contentsOf: "circuit  \(message.time)  OPC \(opc) → DPC \(dpc)  \(message.summary)  (\(who))\n".utf8)
        case .unreadable(let record): bytes.append(contentsOf: "unreadable  \(record)\n".utf8)
        case .sip, .isup: break
        }
    }

    public mutating func finish(_ statistics: ConversionStatistics, into bytes: inout [UInt8]) {}

    static func title(_ call: ConvertedCall) -> String {
        var parts = ["call \(call.number)"]
        if call.captured == .sip { parts.append("\(call.parties[0]) → \(call.parties[1])") }
        if call.captured == .isup || call.opc != 0 { parts += ["OPC \(call.opc) → DPC \(call.dpc)", "CIC \(call.cic)"] }
        if let called = call.called { parts.append("called \(called)") }
        if let start = call.start { parts.append("at \(start)") }
        if call.answer != nil { parts.append("answered") }
        if let cause = call.releaseCause { parts.append("cause \(cause) (\(CauseNames.name(of: cause)))") }
        if let time = call.conversationTime { parts.append("\(time.secondsText) s") }
        if !call.complete { parts.append("incomplete") }
        return parts.joined(separator: "  ")
    }

    public static func ladder(_ call: ConvertedCall) -> String {
        let pad = { (text: String, width: Int) in text + String(repeating: " ", count: max(1, width - text.count)) }
        var text = "── " + title(call) + "\n"
        let (outer, inner) = call.captured == .isup ? ("ISUP", "SIP-I") : ("SIP", "ISUP")
        text += "       time  " + pad("\(call.parties[0]) ── \(outer) ── gateway", column)
            + pad("gateway ── \(inner) ── gateway", column) + "gateway ── \(outer) ── \(call.parties[1])\n"
        let start = call.start ?? CaptureTimestamp(seconds: 0)
        for message in call.messages {
            let mark = message.isFromCapture ? "*" : " "
            let arrowed: String
            switch (message.from, message.to) {
            case (.originatingSwitch, _), (.originatingGateway, .terminatingGateway), (.terminatingGateway, .terminatingSwitch):
                arrowed = "\(message.summary) ─▶"
            default:
                arrowed = "◀─ \(message.summary)"
            }
            let lane = switch (message.from, message.to) {
            case (.originatingSwitch, _), (_, .originatingSwitch): 0
            case (.terminatingSwitch, _), (_, .terminatingSwitch): 2
            default: 1
            }
            let time = start.duration(to: message.time).secondsText
            text += String(repeating: " ", count: max(0, 10 - time.count)) + time + " " + mark + " "
                + String(repeating: " ", count: lane * column) + arrowed + "\n"
        }
        return text + "\n"
    }
}
