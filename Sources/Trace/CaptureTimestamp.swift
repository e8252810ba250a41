/// When a packet was captured: seconds since 1970-01-01 00:00:00 UTC and a fraction in nanoseconds, the finest
/// resolution of classic pcap (draft-ietf-opsawg-pcap §5) and the default-precision pcapng resolutions.
public struct CaptureTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64
    /// 0..<1_000_000_000.
    public var nanoseconds: UInt32

    public init(seconds: Int64, nanoseconds: UInt32 = 0) {
        precondition(nanoseconds < 1_000_000_000, "nanoseconds \(nanoseconds) is not below one second")
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// `units` ticks of `1 / unitsPerSecond` seconds since the epoch, moved by `offsetSeconds`; sub-nanosecond
    /// remainders are dropped.
    init(units: UInt64, unitsPerSecond: UInt64, offsetSeconds: Int64 = 0) {
        let remainder = units % unitsPerSecond
        let (high, low) = remainder.multipliedFullWidth(by: 1_000_000_000)
        let nanoseconds = unitsPerSecond.dividingFullWidth((high, low)).quotient
        self.seconds = Int64(truncatingIfNeeded: units / unitsPerSecond) &+ offsetSeconds
        self.nanoseconds = UInt32(nanoseconds)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// `seconds.nnnnnnnnn`, as tshark prints `frame.time_epoch`.
    public var description: String {
        let fraction = String(nanoseconds)
        return "\(seconds).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)"
    }
}
