import ISUP

/// The figures of a conversion: calls, answered, answer-seizure ratio (ITU-T E.411: answered calls over seizures),
/// release causes, conversation times, unreadable records. Fed every output; the `summary` format prints it and the
/// `html` page shows it.
public struct ConversionSummary: Sendable {
    public private(set) var calls = 0
    public private(set) var answered = 0
    public private(set) var incomplete = 0
    /// The first REL's cause of each call (the capture's), by cause value.
    public private(set) var causes: [UInt8: Int] = [:]
    /// The final response of each call's INVITE between the gateways, by status code.
    public private(set) var sipStatuses: [Int: Int] = [:]
    public private(set) var conversation = Duration.zero
    public private(set) var longest = Duration.zero
    public private(set) var circuitMessages = 0
    public private(set) var unreadable: [UnreadableRecord] = []
    /// How many unreadable records are listed by number (the count goes on).
    public static let listedUnreadable = 100
    public private(set) var unreadableCount = 0

    public init() {}

    public mutating func add(_ output: ConversionOutput) {
        switch output {
        case .call(let call):
            calls += 1
            if call.answer != nil { answered += 1 }
            if !call.complete { incomplete += 1 }
            if let cause = call.releaseCause { causes[cause, default: 0] += 1 }
            if let status = call.sipFinalStatus { sipStatuses[status, default: 0] += 1 }
            if let time = call.conversationTime {
                conversation += time
                longest = max(longest, time)
            }
        case .circuit: circuitMessages += 1
        case .unreadable(let record):
            unreadableCount += 1
            if unreadable.count < Self.listedUnreadable { unreadable.append(record) }
        case .sip, .isup: break
        }
    }

    /// Answered over seizures, in percent (nil without calls).
    public var answerSeizureRatio: Double? { calls == 0 ? nil : Double(answered) * 100 / Double(calls) }

    /// The causes, most frequent first (then by value).
    public var causesByFrequency: [(cause: UInt8, count: Int)] {
        causes.map { (cause: $0.key, count: $0.value) }.sorted { ($0.count, $1.cause) > ($1.count, $0.cause) }
    }

    /// The printed summary.
    public func text(_ statistics: ConversionStatistics) -> String {
        var lines = ["calls: \(calls) (answered \(answered), incomplete at the end of the capture \(incomplete))"]
        if let ratio = answerSeizureRatio {
            let tenths = Int((ratio * 10).rounded())
            lines.append("answer-seizure ratio: \(tenths / 10).\(tenths % 10) %")
        }
        if answered > 0 {
            lines.append("conversation: total \(conversation.secondsText) s, mean \((conversation / answered).secondsText) s, longest \(longest.secondsText) s")
        }
        lines.append("release causes (first REL of each call):")
        for (cause, count) in causesByFrequency {
            lines.append("  \(String(count).rightAligned(6)) cause \(cause) (\(CauseNames.name(of: cause)))")
        }
        if !sipStatuses.isEmpty {
            lines.append("INVITE final responses on the SIP-I side:")
            for (status, count) in sipStatuses.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(String(count).rightAligned(6)) \(status)")
            }
        }
        lines.append("read: \(statistics.isupMessages) ISUP, \(statistics.sipMessages) SIP messages; written: \(statistics.sipMessagesSent) SIP, \(statistics.isupMessagesSent) ISUP messages")
        lines.append("circuit messages (outside calls): \(circuitMessages)")
        if statistics.sipMessagesIgnored > 0 {
            lines.append("SIP messages outside the calls (OPTIONS, REGISTER, a refused dialog's): \(statistics.sipMessagesIgnored)")
        }
        if statistics.erroneousParameterMessages > 0 {
            lines.append("ISUP messages with an erroneous optional parameter (kept as octets): \(statistics.erroneousParameterMessages)")
        }
        lines.append("unreadable records: \(unreadableCount)")
        for record in unreadable { lines.append("  \(record)") }
        if unreadableCount > unreadable.count { lines.append("  … and \(unreadableCount - unreadable.count) more") }
        if statistics.alerts > 0 { lines.append("maintenance alerts of the gateways: \(statistics.alerts)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The `summary` format: nothing per call, the figures at the end.
public struct SummaryWriter: ConversionWriter {
    /// The summary counts calls and causes, never a message's one-line summary.
    public var readsSummaries: Bool { false }

    public private(set) var summary = ConversionSummary()

    public init() {}

    public mutating func write(_ output: ConversionOutput, into bytes: inout [UInt8]) { summary.add(output) }

    public mutating func finish(_ statistics: ConversionStatistics, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: summary.text(statistics).utf8)
    }
}

extension String {
    /// Right-aligned in `width` columns (counts in a column).
    func rightAligned(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
