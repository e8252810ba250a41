/// The ISUP and interworking timers of a call, with Q.764 Annex A defaults (digest D.1, corrections §3).
public struct CallTimers: Codable, Hashable, Sendable {
    /// Q.764 T1 (15–60 s): REL sent → RLC; on expiry the REL is sent again.
    public var t1: TimerDuration
    /// Q.764 T5 (5–15 min): first REL sent → RLC; on expiry the circuit is reset (RSC) and maintenance alerted.
    public var t5: TimerDuration
    /// Q.764 T2 (3 min): SUS (user) received in the controlling exchange → RES; on expiry the call is released.
    public var t2: TimerDuration
    /// Q.764 T6 (per Q.118, here 2 min): SUS (network) received in the controlling exchange → RES or REL.
    public var t6: TimerDuration
    /// Q.764 T7 (20–30 s): latest address message sent → ACM/CON; on expiry REL 102 and SIP 504.
    public var t7: TimerDuration
    /// Q.764 T8 (10–15 s): IAM asking for continuity received → COT; on expiry REL (cause 41 here).
    public var t8: TimerDuration
    /// Q.764 T9 (90–180 s): ACM received → ANM; on expiry REL 19 and SIP 480.
    public var t9: TimerDuration
    /// Q.764 T10 (4–6 s): end of dialling when the number's end is not known; refreshed by each SAM, then one INVITE.
    public var t10: TimerDuration
    /// Q.764 T11 (15–20 s): latest address message received → an early ACM ("no indication") unless the SIP side
    /// answered with an 18x first (RFC 3398 §8.2.8, corrections #49). Nil: no early ACM.
    public var t11: TimerDuration?
    /// Q.764 T35 (15–20 s): a digit received while the minimum number of digits is not reached → REL 28.
    public var t35: TimerDuration

    public init(t1: TimerDuration = .seconds(15), t5: TimerDuration = .seconds(300), t2: TimerDuration = .seconds(180),
                t6: TimerDuration = .seconds(120), t7: TimerDuration = .seconds(20), t8: TimerDuration = .seconds(12), t9: TimerDuration = .seconds(90),
                t10: TimerDuration = .seconds(5), t11: TimerDuration? = .seconds(15),
                t35: TimerDuration = .seconds(15)) {
        self.t1 = t1
        self.t5 = t5
        self.t2 = t2
        self.t6 = t6
        self.t7 = t7
        self.t8 = t8
        self.t9 = t9
        self.t10 = t10
        self.t11 = t11
        self.t35 = t35
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CallTimers()
        self.init(t1: try c.value(.t1, or: d.t1), t5: try c.value(.t5, or: d.t5), t2: try c.value(.t2, or: d.t2),
                  t6: try c.value(.t6, or: d.t6), t7: try c.value(.t7, or: d.t7), t8: try c.value(.t8, or: d.t8), t9: try c.value(.t9, or: d.t9),
                  t10: try c.value(.t10, or: d.t10), t11: c.contains(.t11) ? try c.decodeIfPresent(TimerDuration.self, forKey: .t11) : d.t11,
                  t35: try c.value(.t35, or: d.t35))
    }

    enum CodingKeys: String, CodingKey {
        case t1, t5, t2, t6, t7, t8, t9, t10, t11, t35
    }

    /// Writes every timer; a T11 turned off is written as null, so that decoding does not bring the default back.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(t1, forKey: .t1)
        try c.encode(t5, forKey: .t5)
        try c.encode(t2, forKey: .t2)
        try c.encode(t6, forKey: .t6)
        try c.encode(t7, forKey: .t7)
        try c.encode(t8, forKey: .t8)
        try c.encode(t9, forKey: .t9)
        try c.encode(t10, forKey: .t10)
        try c.encode(t11, forKey: .t11)
        try c.encode(t35, forKey: .t35)
    }
}
