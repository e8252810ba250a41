/// Whether and how a parameter may appear in a message or in a parameter with sub-parameters: one line of the
/// "contains the following parameters" lists of RFC 4666 §3.3–§3.8.
public struct ParameterRule: Hashable, Sendable {
    public enum Presence: Hashable, Sendable {
        /// Must be present: its absence is answered with ERR "Missing Parameter" (0x16).
        case mandatory
        /// Required only in some contexts (e.g. Routing Context when several Routing Keys share an association);
        /// the codec accepts its absence and leaves the decision to the state machine.
        case conditional
        case optional
    }

    /// A further rule on the parameter, beyond presence and repetition.
    public enum Constraint: Hashable, Sendable {
        /// Must be the first parameter of the message (RFC 4666 §3.3.1: Network Appearance in DATA).
        case first
        /// Exactly one point code, with mask 0 (RFC 4666 §3.4.5: Affected Point Code in DUPU).
        case singleUnmaskedPointCode
    }

    public let tag: ParameterTag
    public let presence: Presence
    /// More than one occurrence is allowed (RFC 4666 §3.2: otherwise only one parameter of a type).
    public let repeatable: Bool
    public let constraint: Constraint?

    public init(_ tag: ParameterTag, _ presence: Presence, repeatable: Bool = false, constraint: Constraint? = nil) {
        self.tag = tag
        self.presence = presence
        self.repeatable = repeatable
        self.constraint = constraint
    }
}
