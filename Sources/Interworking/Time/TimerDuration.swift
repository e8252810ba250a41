import SIPI

/// A configured timer value, written in configuration files as a number of seconds (`15`, `0.5`) or as text with a
/// unit (`500ms`, `15s`, `3min`, `1h`), so a YAML key reads the way the standards state timer values.
public struct TimerDuration: Codable, Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public var duration: Duration

    public init(_ duration: Duration) { self.duration = duration }
    public init(integerLiteral seconds: Int) { self.duration = .seconds(seconds) }

    public static func seconds(_ s: Int) -> TimerDuration { TimerDuration(.seconds(s)) }
    public static func milliseconds(_ ms: Int) -> TimerDuration { TimerDuration(.milliseconds(ms)) }

    /// Parses `500ms`, `15s`, `15`, `0.5`, `3min`, `1h`; nil for anything else or a negative value.
    public init?(text: String) {
        let units: [(suffix: String, scale: Double)] = [("ms", 0.001), ("min", 60), ("s", 1), ("h", 3600)]
        var number = Substring(text.trimmingWhitespace())
        var scale = 1.0
        if let unit = units.first(where: { number.hasSuffix($0.suffix) }) {
            number = number.dropLast(unit.suffix.count)
            scale = unit.scale
        }
        guard let value = Double(number.trimmingWhitespace()), value.isFinite, value >= 0 else { return nil }
        self.duration = .milliseconds(Int64((value * scale * 1000).rounded()))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self), seconds.isFinite, seconds >= 0 {
            self.duration = .milliseconds(Int64((seconds * 1000).rounded()))
        } else if let text = try? container.decode(String.self), let value = TimerDuration(text: text) {
            self = value
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a duration: seconds (15, 0.5) or a value with a unit (500ms, 15s, 3min)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Whole milliseconds with the largest unit that divides them: `500ms`, `15s`, `3min`.
    public var description: String {
        let ms = Int64(duration.components.seconds) * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if ms % 60_000 == 0, ms > 0 { return "\(ms / 60_000)min" }
        if ms % 1000 == 0 { return "\(ms / 1000)s" }
        return "\(ms)ms"
    }
}
