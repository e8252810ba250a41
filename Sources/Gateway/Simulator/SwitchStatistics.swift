import Histogram

/// The simulated exchange's own account of its calls: attempts, answers, failures by cause, incoming calls by
/// behaviour, and the latency of outgoing calls (HdrHistogram, microseconds).
public struct SwitchStatistics: Sendable {
    public private(set) var attempts = 0
    public private(set) var answered = 0
    /// Outgoing calls not answered, by reason: "cause 17", "no idle circuit", ...
    public private(set) var failed: [String: Int] = [:]
    public private(set) var incoming: [AnswerBehaviour: Int] = [:]
    public private(set) var incomingAnswered = 0
    /// IAM → ACM (or CON/ANM when no ACM came first).
    public private(set) var setupLatency = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
    /// IAM → ANM or CON.
    public private(set) var answerLatency = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)

    public init() {}

    public mutating func record(_ outcome: CallOutcome) {
        switch outcome.direction {
        case .outgoing:
            attempts += 1
            if outcome.answered {
                answered += 1
            } else {
                failed[Self.reason(outcome), default: 0] += 1
            }
            if let latency = outcome.setupLatency { _ = setupLatency.record(Self.microseconds(latency)) }
            if let latency = outcome.answerLatency { _ = answerLatency.record(Self.microseconds(latency)) }
        case .incoming:
            incoming[outcome.behaviour ?? .answer, default: 0] += 1
            if outcome.answered { incomingAnswered += 1 }
        }
    }

    public var failedCount: Int { failed.values.reduce(0, +) }
    public var incomingCount: Int { incoming.values.reduce(0, +) }

    /// Key=value lines, one subject each (stable for scripts and tests).
    public var report: String {
        var lines = ["outgoing attempts=\(attempts) answered=\(answered) failed=\(failedCount)"]
        for (reason, count) in failed.sorted(by: { $0.key < $1.key }) { lines.append("  failed \(reason): \(count)") }
        lines.append("incoming calls=\(incomingCount) answered=\(incomingAnswered) "
                     + AnswerBehaviour.allCases.map { "\($0)=\(incoming[$0, default: 0])" }.joined(separator: " "))
        lines.append("setup latency IAM→ACM " + Self.percentiles(setupLatency))
        lines.append("answer latency IAM→ANM " + Self.percentiles(answerLatency))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func reason(_ outcome: CallOutcome) -> String {
        if let failure = outcome.failure { return failure }
        guard let cause = outcome.cause else { return "unknown" }
        return "cause \(cause)"
    }

    private static func microseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
    }

    private static func percentiles(_ histogram: Histogram<UInt64>) -> String {
        guard histogram.totalCount > 0 else { return "n=0" }
        let ms = { (p: Double) in Self.milliseconds(histogram.valueAtPercentile(p)) }
        return "n=\(histogram.totalCount) p50=\(ms(50))ms p99=\(ms(99))ms max=\(Self.milliseconds(histogram.max))ms"
    }

    private static func milliseconds(_ microseconds: UInt64) -> String {
        let whole = microseconds / 1000, fraction = microseconds % 1000
        return "\(whole).\(String(repeating: "0", count: 3 - String(fraction).count))\(fraction)"
    }
}
