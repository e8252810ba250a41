/// The base intervals of RFC 3261 §17 (T1, T2, T4; Table 4 of §A) and the timers derived from them, RFC 6026's L
/// and M included. Coded with whole milliseconds — `{"t1Milliseconds": 500, "t2Milliseconds": 4000,
/// "t4Milliseconds": 5000}` — each key optional (absent: the RFC default), each value positive.
public struct SIPTimers: Codable, Hashable, Sendable {
    /// T1, the RTT estimate: 500 ms by default (§17.1.1.1).
    public var t1: Duration
    /// T2, the maximum retransmission interval of non-INVITE requests and INVITE responses: 4 s (§17.1.2.2).
    public var t2: Duration
    /// T4, the maximum time a message stays in the network: 5 s (§17.1.2.2).
    public var t4: Duration

    public init(t1: Duration = .milliseconds(500), t2: Duration = .seconds(4), t4: Duration = .seconds(5)) {
        self.t1 = t1
        self.t2 = t2
        self.t4 = t4
    }

    /// The (first) duration of `timer` on a transport (RFC 3261 Table 4, RFC 6026 §8.4/§8.7): A, E and G start at
    /// T1 (they never run on a reliable transport); B, F, H, L, M are 64·T1; D is 32 s on an unreliable transport;
    /// I and K are T4, J is 64·T1; D, I, J and K are zero on a reliable one.
    public func duration(of timer: TransactionTimer, reliable: Bool) -> Duration {
        switch timer {
        case .A, .E, .G: t1
        case .B, .F, .H, .L, .M: t1 * 64
        case .D: reliable ? .zero : .seconds(32)
        case .I, .K: reliable ? .zero : t4
        case .J: reliable ? .zero : t1 * 64
        }
    }

    private enum CodingKeys: String, CodingKey {
        case t1 = "t1Milliseconds", t2 = "t2Milliseconds", t4 = "t4Milliseconds"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        func milliseconds(_ key: CodingKeys, _ fallback: Duration) throws -> Duration {
            guard let value = try c.decodeIfPresent(Int.self, forKey: key) else { return fallback }
            guard value > 0 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "must be positive")
            }
            return .milliseconds(value)
        }
        t1 = try milliseconds(.t1, defaults.t1)
        t2 = try milliseconds(.t2, defaults.t2)
        t4 = try milliseconds(.t4, defaults.t4)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        for (key, value) in [(CodingKeys.t1, t1), (.t2, t2), (.t4, t4)] {
            let (seconds, attoseconds) = value.components
            try c.encode(seconds * 1000 + attoseconds / 1_000_000_000_000_000, forKey: key)
        }
    }
}
