/// Admission limits of a trunk or a SIP peer; a call beyond them is refused with 503 (toward SIP) or REL 42
/// (toward ISUP), issue "Limits per peer and trunk". Nil means unlimited.
public struct Limits: Codable, Hashable, Sendable {
    /// Calls in progress at once (seized, not yet released).
    public var maxCalls: Int?
    /// Call attempts accepted in any one-second window.
    public var maxCallsPerSecond: Int?

    public init(maxCalls: Int? = nil, maxCallsPerSecond: Int? = nil) {
        self.maxCalls = maxCalls
        self.maxCallsPerSecond = maxCallsPerSecond
    }
}
