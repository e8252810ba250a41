import ISUP

/// The REL a SIP message ending the call leads to, and what decided its cause.
public struct MappedISUPCause: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case release(CauseIndicators)
        /// No REL (487 after our CANCEL, 491 request pending).
        case noRelease
    }

    /// Which step of the precedence order (cause-precedence.csv) gave the cause.
    public enum Decision: Hashable, Sendable {
        /// The cause indicators of the encapsulated REL, as received.
        case encapsulatedREL
        /// The `Reason: Q.850` header; `locationSource` is the location row used when the header gave no location.
        case reasonHeader(locationSource: RowSource?)
        /// The profile's table row; `locationSource` is the row giving the location.
        case table(RowSource, locationSource: RowSource?)
    }

    public let outcome: Outcome
    public let decidedBy: Decision
    public let profile: String
    /// The cause-precedence.csv row applied.
    public let precedence: RowSource
}
