/// The engine's time: a duration since an epoch the shell chooses. The daemon feeds a monotonic clock, the trace
/// converter a capture's timestamps and tests a virtual clock; the engine never reads a clock itself.
public struct Instant: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var sinceEpoch: Duration

    public init(_ sinceEpoch: Duration) { self.sinceEpoch = sinceEpoch }

    public static let zero = Instant(.zero)

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.sinceEpoch < rhs.sinceEpoch }
    public static func + (lhs: Instant, rhs: Duration) -> Instant { Instant(lhs.sinceEpoch + rhs) }
    public static func - (lhs: Instant, rhs: Instant) -> Duration { lhs.sinceEpoch - rhs.sinceEpoch }

    public var description: String {
        let (seconds, attoseconds) = sinceEpoch.components
        let millis = attoseconds / 1_000_000_000_000_000
        return "\(seconds).\(String(repeating: "0", count: 3 - String(millis).count))\(millis)s"
    }
}
