/// The circuit supervision timers of Q.764 Annex A (Table A.1), in seconds so that a YAML configuration reads
/// naturally. The short timers (T12, T14, T16, T18, T20, T22) repeat a request until its acknowledgement; the long
/// ones (T13, T15, T17, T19, T21, T23), started with the initial request, alert maintenance and take over the
/// repetition. Defaults: the lower end of each Q.764 (2000) range — 15 s within 15–60 s, 300 s within 5–15 min
/// (isup-q763.md §6.3, the "suggested" column).
public struct ISUPCircuitTimers: Codable, Hashable, Sendable {
    /// T12, 15–60 s: BLO sent → BLA received.
    public var t12: Double = 15
    /// T13, 5–15 min: initial BLO sent → BLA received.
    public var t13: Double = 300
    /// T14, 15–60 s: UBL sent → UBA received.
    public var t14: Double = 15
    /// T15, 5–15 min: initial UBL sent → UBA received.
    public var t15: Double = 300
    /// T16, 15–60 s: RSC sent → RLC received.
    public var t16: Double = 15
    /// T17, 5–15 min: initial RSC sent → RLC received.
    public var t17: Double = 300
    /// T18, 15–60 s: CGB sent → CGBA received.
    public var t18: Double = 15
    /// T19, 5–15 min: initial CGB sent → CGBA received.
    public var t19: Double = 300
    /// T20, 15–60 s: CGU sent → CGUA received.
    public var t20: Double = 15
    /// T21, 5–15 min: initial CGU sent → CGUA received.
    public var t21: Double = 300
    /// T22, 15–60 s: GRS sent → GRA received.
    public var t22: Double = 15
    /// T23, 5–15 min: initial GRS sent → GRA received.
    public var t23: Double = 300

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        t12 = try c.decodeIfPresent(Double.self, forKey: .t12) ?? d.t12
        t13 = try c.decodeIfPresent(Double.self, forKey: .t13) ?? d.t13
        t14 = try c.decodeIfPresent(Double.self, forKey: .t14) ?? d.t14
        t15 = try c.decodeIfPresent(Double.self, forKey: .t15) ?? d.t15
        t16 = try c.decodeIfPresent(Double.self, forKey: .t16) ?? d.t16
        t17 = try c.decodeIfPresent(Double.self, forKey: .t17) ?? d.t17
        t18 = try c.decodeIfPresent(Double.self, forKey: .t18) ?? d.t18
        t19 = try c.decodeIfPresent(Double.self, forKey: .t19) ?? d.t19
        t20 = try c.decodeIfPresent(Double.self, forKey: .t20) ?? d.t20
        t21 = try c.decodeIfPresent(Double.self, forKey: .t21) ?? d.t21
        t22 = try c.decodeIfPresent(Double.self, forKey: .t22) ?? d.t22
        t23 = try c.decodeIfPresent(Double.self, forKey: .t23) ?? d.t23
    }

    /// The configured duration of a timer.
    public func duration(_ name: CircuitTimer.Name) -> Duration {
        let seconds: Double = switch name {
        case .t12: t12
        case .t13: t13
        case .t14: t14
        case .t15: t15
        case .t16: t16
        case .t17: t17
        case .t18: t18
        case .t19: t19
        case .t20: t20
        case .t21: t21
        case .t22: t22
        case .t23: t23
        }
        return .seconds(seconds)
    }
}
