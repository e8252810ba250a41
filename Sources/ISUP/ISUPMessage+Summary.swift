extension ISUPMessage {
    /// One line for a call ladder: acronym, CIC and what matters of the message (numbers, cause, range).
    public var summaryLine: String {
        var parts = ["\(type)", "CIC \(cic?.value ?? 0)"]
        if let called = calledPartyNumber { parts.append("called \(called.digits.description.filter { $0 != "F" })") }
        if let calling = callingPartyNumber { parts.append("calling \(calling.digits)") }
        if let cause = causeIndicators { parts.append("cause \(cause.value) (\(cause.name))") }
        if let range = rangeAndStatus, type != .rel { parts.append("range \(range.range)") }
        return parts.joined(separator: " ")
    }
}
