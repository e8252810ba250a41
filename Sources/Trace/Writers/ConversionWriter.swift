/// A format of `sipigw convert`: turns the conversion's outputs, as they come, into octets to write out.
public protocol ConversionWriter {
    mutating func write(_ output: ConversionOutput, into bytes: inout [UInt8])
    /// The end of the conversion: what is left to write (totals, closing brackets).
    mutating func finish(_ statistics: ConversionStatistics, into bytes: inout [UInt8])
    /// Whether the format shows `ConvertedMessage.summary` (`TraceConverter.summaries`); true unless it says not.
    var readsSummaries: Bool { get }
}

extension ConversionWriter {
    public var readsSummaries: Bool { true }
}

extension Duration {
    /// `12.345` (milliseconds), for text.
    var secondsText: String {
        let ms = nanoseconds / 1_000_000
        let sign = ms < 0 ? "-" : ""
        let whole = abs(ms) / 1000, fraction = String(abs(ms) % 1000)
        return "\(sign)\(whole).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
