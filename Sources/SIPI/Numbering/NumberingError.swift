/// A number that ST 769 does not accept at the NNI: why (`reason`, which names its Annex A clause) and what the call
/// is released with (`outcome`: ISUP cause and SIP status, from the `AnnexAPolicy` in force).
public struct NumberingError: Error, Hashable, Sendable, CustomStringConvertible {
    public let reason: Reason
    public let outcome: AnnexAOutcome

    /// The Annex A clause the reason falls under.
    public var clause: AnnexACase { reason.clause }

    public var description: String { "\(clause.rawValue): \(reason) → \(outcome)" }

    /// ST 769 Annex A: the conditions number handling detects, each with the data that shows it.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// A.1.1 a: a `tel:` URI (tel URIs are deferred to a later phase, §7.3.1).
        case telURI
        /// A.1.1 a: not `sip:user@host`; the text says what is missing.
        case malformedURI(String)
        /// A.1.1 c: a character that is not a decimal digit (nor the routing-number digit C in the X position).
        case invalidCharacter(Character, offset: Int)
        /// A.1.1 c [inference]: a calling identity that is a routing number; the CLI is always the subscriber's
        /// number, the DN for a ported caller (§6.1.10 CLI-1, CLI-4).
        case routingNumberAsCallingNumber(NumberKind)
        /// A.1.1 c: more address signals than an ISUP number holds (`AddressSignals.capacity`).
        case tooManyDigits(Int)
        /// A.1.1 d: the host is not a valid FQDN.
        case invalidDomain(String)
        /// A.1.1 d: the host is not a domain of a nationally interconnected operator.
        case unknownDomain(String)
        /// A.1.2 a: a SIP user part without the leading "+".
        case missingPlus
        /// A.1.2 a: an ISUP number whose nature of address is not the one the SIP-I NNI uses (R-GEN-4).
        case nature(Int, expected: Int)
        /// A.1.2 a: the trunk has no rule turning this TDM number into a global one, or back.
        case noTranslationRule(nature: Int, digits: String)
        /// A.1.2 b: a routing number whose country code is not 39.
        case notItalian(String)
        /// A.1.2 c: a plain number that must arrive as a routing number from this peer (e.g. "55", §6.2.3).
        case routingNumberRequired(prefix: String)
        /// A.1.2 e: X is an extra-decadic value other than "C".
        case notC(Character)
        /// A.1.2 e: AB is reserved (0X, 2X: ST 763-4 Allegato 2).
        case reservedAB(String)
        /// A.1.2 e: AB is not assigned by ST 769 §6.1.
        case unassignedAB(String)
        /// A.1.2 d/f/g (by the field that takes up the excess): the digit count, "39" included, is outside the format.
        case invalidLength(NumberKind, actual: Int, allowed: ClosedRange<Int>, part: FieldPart)
        /// A.1.2 d/f/g or A.1.1 c (by the field's part): a field that does not fit its rule.
        case invalidField(NumberKind, field: String, value: String, expected: String, part: FieldPart)
        /// A.2.1 (and R-DOM): the routing number names another network.
        case unexpectedDestination(NumberKind, identity: String)
        /// A.1.2: the originating operator has not subscribed this service with the destination.
        case serviceNotEnabled(NumberKind, origin: String)
        /// A.2.2: own routing code, but the number is not served here.
        case databaseMismatch(NumberKind, number: String)

        public var clause: AnnexACase {
            switch self {
            case .telURI, .malformedURI: .malformedURI
            case .invalidCharacter, .tooManyDigits, .routingNumberAsCallingNumber: .invalidSubscriber
            case .invalidDomain, .unknownDomain: .invalidDomain
            case .missingPlus, .nature, .noTranslationRule: .notGlobal
            case .notItalian: .notItalian
            case .routingNumberRequired: .routingNumberRequired
            case .notC, .reservedAB, .unassignedAB: .xabInvalid
            case .invalidLength(_, _, _, let part), .invalidField(_, _, _, _, let part): part.clause
            case .unexpectedDestination: .unexpectedDestination
            case .serviceNotEnabled: .serviceNotEnabled
            case .databaseMismatch: .databaseMismatch
            }
        }

        public var description: String {
            switch self {
            case .telURI: "tel URI (only sip: URIs with user=phone are used, §7.3.1)"
            case .malformedURI(let what): "malformed SIP URI: \(what)"
            case .invalidCharacter(let c, let offset): "\"\(c)\" at offset \(offset) is not a decimal digit"
            case .routingNumberAsCallingNumber(let kind): "calling number is a \(kind.rawValue) routing number, not a DN"
            case .tooManyDigits(let count): "\(count) digits, more than an ISUP number holds"
            case .invalidDomain(let host): "\"\(host)\" is not a valid domain name"
            case .unknownDomain(let host): "\"\(host)\" is not a domain of an interconnected operator"
            case .missingPlus: "not a global number (no leading \"+\")"
            case .nature(let nai, let expected):
                "nature of address \(nai) where the SIP-I NNI uses \(expected) (R-GEN-4)"
            case .noTranslationRule(let nai, let digits): "no trunk rule translates NAI \(nai) digits \(digits)"
            case .notItalian(let digits): "routing number after country code other than 39 (\(digits))"
            case .routingNumberRequired(let prefix): "plain \(prefix)… number where a routing number is required"
            case .notC(let x): "X digit \"\(x)\" is not C"
            case .reservedAB(let ab): "AB \"\(ab)\" is reserved"
            case .unassignedAB(let ab): "AB \"\(ab)\" is not assigned"
            case .invalidLength(let kind, let actual, let allowed, _):
                "\(kind.rawValue): \(actual) digits, allowed \(allowed.lowerBound == allowed.upperBound ? "\(allowed.lowerBound)" : "\(allowed.lowerBound)–\(allowed.upperBound)") (\"39\" included)"
            case .invalidField(let kind, let field, let value, let expected, _):
                "\(kind.rawValue) \(field) \"\(value)\": expected \(expected)"
            case .unexpectedDestination(let kind, let identity): "\(kind.rawValue) names another network (\(identity))"
            case .serviceNotEnabled(let kind, let origin): "\(kind.rawValue) is not enabled for \(origin)"
            case .databaseMismatch(let kind, let number): "\(kind.rawValue): \(number) is not served by this network"
            }
        }
    }
}
