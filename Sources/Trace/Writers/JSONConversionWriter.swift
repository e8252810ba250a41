import ISUP

/// The `json` format: JSON Lines, one object per line with a `kind`: `call` (both sides' messages with times and
/// causes, the gateways' call records), `circuit` (ISUP outside calls), `unreadable` (a record not read, with its
/// number and why), and a last `summary`. Times are the capture's, in seconds since 1970 (`frame.time_epoch`).
public struct JSONConversionWriter: ConversionWriter {
    var json = JSONStream()
    var summary = ConversionSummary()

    public init() {}

    public mutating func write(_ output: ConversionOutput, into bytes: inout [UInt8]) {
        summary.add(output)
        switch output {
        case .call(let call): write(call)
        case .circuit(let message, let opc, let dpc, let cic):
            json.beginObject()
            json.field("kind", "circuit")
            json.field("opc", opc)
            json.field("dpc", dpc)
            json.field("cic", cic)
            json.key("message")
            write(message)
            json.endObject()
        case .unreadable(let record):
            json.beginObject()
            json.field("kind", "unreadable")
            json.field("record", record.record)
            json.field("reason", record.reason)
            json.endObject()
        case .sip, .isup: return
        }
        json.newline()
        json.move(into: &bytes)
    }

    public mutating func finish(_ statistics: ConversionStatistics, into bytes: inout [UInt8]) {
        json.beginObject()
        json.field("kind", "summary")
        json.field("calls", summary.calls)
        json.field("answered", summary.answered)
        json.field("incomplete", summary.incomplete)
        json.key("answerSeizureRatio")
        json.number(text: summary.answerSeizureRatio.map { "\(($0 * 10).rounded() / 10)" })
        json.key("releaseCauses")
        json.beginObject()
        for (cause, count) in summary.causesByFrequency {
            json.key(String(cause))
            json.int(count)
        }
        json.endObject()
        json.field("isupMessages", statistics.isupMessages)
        json.field("sipMessages", statistics.sipMessagesSent)
        json.field("circuitMessages", summary.circuitMessages)
        json.field("unreadable", summary.unreadableCount)
        json.endObject()
        json.newline()
        json.move(into: &bytes)
    }

    mutating func write(_ call: ConvertedCall) {
        json.beginObject()
        json.field("kind", "call")
        json.field("call", call.number)
        json.field("captured", call.captured.rawValue)
        json.key("parties")
        json.beginArray()
        for party in call.parties { json.string(party) }
        json.endArray()
        json.field("opc", call.opc)
        json.field("dpc", call.dpc)
        json.field("cic", call.cic)
        json.field("called", call.called)
        json.field("calling", call.calling)
        json.field("sipCallID", call.sipCallID)
        json.key("start")
        json.number(text: call.start?.description)
        json.key("answer")
        json.number(text: call.answer?.description)
        json.field("releaseCause", call.releaseCause)
        json.field("sipFinalStatus", call.sipFinalStatus)
        json.key("conversationSeconds")
        json.number(text: call.conversationTime?.secondsText)
        json.key("complete")
        json.bool(call.complete)
        json.key("messages")
        json.beginArray()
        for message in call.messages { write(message) }
        json.endArray()
        json.key("records")
        json.beginArray()
        for record in call.records {
            json.beginObject()
            json.field("direction", record.direction.rawValue)
            json.field("trunk", record.trunk)
            json.field("cic", record.cic)
            json.field("peer", record.peer)
            json.field("isupCause", record.isupCause)
            json.field("sipStatus", record.sipStatus)
            json.field("releasedBy", record.releasedBy.rawValue)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    mutating func write(_ message: ConvertedMessage) {
        json.beginObject()
        json.key("time")
        json.number(text: message.time.description)
        json.field("from", message.from.name)
        json.field("to", message.to.name)
        json.field("protocol", message.signalling.rawValue)
        json.field("type", message.type)
        json.field("summary", message.summary)
        if let record = message.record { json.field("record", record) }
        if let cause = message.cause { json.field("cause", cause) }
        if let method = message.inResponseTo { json.field("inResponseTo", method) }
        json.endObject()
    }
}

extension ConversionLane {
    /// `originating-switch`, … (JSON and HTML).
    public var name: String {
        switch self {
        case .originatingSwitch: "originating-switch"
        case .originatingGateway: "originating-gateway"
        case .terminatingGateway: "terminating-gateway"
        case .terminatingSwitch: "terminating-switch"
        }
    }
}
