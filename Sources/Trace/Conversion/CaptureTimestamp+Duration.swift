extension CaptureTimestamp {
    /// This time moved by `duration` (nanosecond resolution).
    public func advanced(by duration: Duration) -> CaptureTimestamp {
        let total = Int128(seconds) * 1_000_000_000 + Int128(nanoseconds) + Int128(duration.nanoseconds)
        let (s, n) = total.quotientAndRemainder(dividingBy: 1_000_000_000)
        return n < 0 ? CaptureTimestamp(seconds: Int64(s) - 1, nanoseconds: UInt32(n + 1_000_000_000))
            : CaptureTimestamp(seconds: Int64(s), nanoseconds: UInt32(n))
    }

    /// The time from this one to `later` (negative when `later` is earlier).
    public func duration(to later: CaptureTimestamp) -> Duration {
        .seconds(later.seconds - seconds) + .nanoseconds(Int64(later.nanoseconds) - Int64(nanoseconds))
    }
}

extension Duration {
    /// Whole nanoseconds (attoseconds below a nanosecond are dropped).
    var nanoseconds: Int64 {
        let (s, atto) = components
        return s * 1_000_000_000 + atto / 1_000_000_000
    }

    /// Seconds with a fraction, for text and JSON.
    var seconds: Double { Double(nanoseconds) / 1e9 }
}
