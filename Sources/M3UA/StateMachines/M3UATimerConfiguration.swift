/// The provisionable timers of RFC 4666, in seconds so that a YAML configuration reads naturally.
public struct M3UATimerConfiguration: Codable, Hashable, Sendable {
    /// T(ack), RFC 4666 §4.3.4.1: "provisionable, with a default of 2 seconds".
    public var ack: Double = 2
    /// T(r), RFC 4666 §4.3.2: no default in the RFC; 2 s as in libosmo-sigtran and go-m3ua (digest E.9).
    public var recovery: Double = 2
    /// T(beat), RFC 4666 §4.3.4.6: no default in the RFC; 30 s as in libosmo-sigtran (digest E.10). Nil turns
    /// BEAT off (SCTP has its own heartbeat).
    public var beat: Double? = 30
    /// First reconnection delay after the association is lost; doubled per failed attempt.
    public var reconnectInitial: Double = 1
    /// Upper bound of the reconnection delay (libosmo-sigtran retries every 5 s).
    public var reconnectMaximum: Double = 30

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        ack = try c.decodeIfPresent(Double.self, forKey: .ack) ?? d.ack
        recovery = try c.decodeIfPresent(Double.self, forKey: .recovery) ?? d.recovery
        beat = c.contains(.beat) ? try c.decodeIfPresent(Double.self, forKey: .beat) : d.beat
        reconnectInitial = try c.decodeIfPresent(Double.self, forKey: .reconnectInitial) ?? d.reconnectInitial
        reconnectMaximum = try c.decodeIfPresent(Double.self, forKey: .reconnectMaximum) ?? d.reconnectMaximum
    }

    var tAck: Duration { .seconds(ack) }
    var tR: Duration { .seconds(recovery) }
    var tBeat: Duration? { beat.map { .seconds($0) } }

    /// The delay before reconnection attempt `attempt` (0 first): initial · 2^attempt, at most the maximum.
    func reconnectDelay(attempt: Int) -> Duration {
        .seconds(min(reconnectInitial * Double(1 << min(attempt, 30)), reconnectMaximum))
    }
}
