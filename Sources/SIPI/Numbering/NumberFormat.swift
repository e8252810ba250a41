/// The layout of one kind of number at the VoIP NNI, as data: how it is recognised (its prefix after the country
/// code), the fields that follow, and which field names the destination network.
///
/// ST 769 §6.1.1 (generic RgN `+39 X AB UU…U XYZ…`) and §6.1.2–§6.1.10. The table itself is
/// `NumberingPlan.st769Formats`; lengths are always derived from the fields, so that the totals stated in the source
/// are informative only (st769-1 §3.14: Fig. 11 and Fig. 12 contradict R-GEN-7).
public struct NumberFormat: Codable, Hashable, Sendable {
    public var kind: NumberKind
    /// Where the format is defined, e.g. "ST 769 §6.1.4 Fig. 7".
    public var clause: String
    /// What the format is used for.
    public var service: String
    /// Digits (or "C" + AB) right after the country code that select this format; the longest match wins.
    public var prefixes: [String]
    /// The prefix is also the start of the first field (e.g. the RPV access code 1482, the MNP code 3XY) rather
    /// than a marker that the fields follow (X + AB, "0180").
    public var prefixIsField: Bool
    public var fields: [FieldSpec]
    /// A cap on the total digit count ("39" included) tighter than the fields allow (Fig. 18: max 26).
    public var maxLength: Int?
    /// A number that does not fit is "not this format" rather than an error, so that the next candidate (a plain
    /// number) is tried: §6.2.2 / st769-2 §2.3 step 6, a 3XY + MSN and a plain MSN share their first digit.
    public var tentative: Bool
    /// The field whose value names the network the call must reach (R-DOM, Annex A.2.1), if any.
    public var identity: IdentityField?
    /// The field holding the number a Recipient checks against its subscribers (Annex A.2.2 DB mismatch), if any.
    public var subscriberField: String?

    public init(
        _ kind: NumberKind, _ clause: String, _ service: String, prefixes: [String], prefixIsField: Bool = false,
        fields: [FieldSpec], maxLength: Int? = nil, tentative: Bool = false, identity: IdentityField? = nil,
        subscriberField: String? = nil
    ) {
        self.kind = kind
        self.clause = clause
        self.service = service
        self.prefixes = prefixes
        self.prefixIsField = prefixIsField
        self.fields = fields
        self.maxLength = maxLength
        self.tentative = tentative
        self.identity = identity
        self.subscriberField = subscriberField
    }

    /// The digit counts a number of this format may have, country code included (§6.1.1: lengths include "39"),
    /// when its digits start with the country code and `prefix`: the sum of the field lengths, capped by `maxLength`.
    public func lengths(countryCodeLength: Int, prefix: String) -> ClosedRange<Int> {
        let start = countryCodeLength + (prefixIsField ? 0 : prefix.utf8.count)
        let longest = start + fields.map { $0.lengths.max() ?? 0 }.reduce(0, +)
        return (start + fields.map { $0.lengths.min() ?? 0 }.reduce(0, +))...min(longest, maxLength ?? longest)
    }
}

/// One field of a `NumberFormat`.
public struct FieldSpec: Codable, Hashable, Sendable {
    /// The key the field is reported under, e.g. "opId", "areaCode", "selection".
    public var name: String
    /// The digit counts the field may have; 0 means the field may be absent.
    public var lengths: [Int]
    public var rule: FieldRule
    /// Which part of the generic RgN structure the field is: it decides the Annex A clause of an error.
    public var part: FieldPart

    public init(_ name: String, lengths: [Int], _ rule: FieldRule = .any, part: FieldPart) {
        self.name = name
        self.lengths = lengths
        self.rule = rule
        self.part = part
    }

    public init(_ name: String, lengths: ClosedRange<Int>, _ rule: FieldRule = .any, part: FieldPart) {
        self.init(name, lengths: Array(lengths), rule, part: part)
    }
}

/// What the digits of a field must be. Every field is decimal digits (checked once for the whole number).
public enum FieldRule: Codable, Hashable, Sendable {
    /// Any digits.
    case any
    /// Begins with one of these (e.g. the service codes a C80 selection may start with).
    case startsWith(prefixes: [String])
    /// Exactly one of these values.
    case oneOf(values: [String])
    /// One of the codes of a list configured in the `NumberingPlan` (district codes, carrier codes, ...).
    case member(list: CodeList)
    /// An OP_ID: 3 digits, not starting with a reserved digit (`NumberingPlan.reservedOperatorPrefixes`).
    case operatorCode
}

/// The lists of assigned codes a `NumberingPlan` holds, which `FieldRule.member` refers to.
public enum CodeList: String, Codable, Hashable, Sendable {
    /// Real district (area) codes, Annex B Table 13.
    case districts
    /// Carrier-selection codes 10XY(Z).
    case carrierCodes
    /// The XY(Z) part of the carrier-selection codes (CPS C10, district CS C11).
    case carrierSuffixes
    /// RPV access codes (1482, 149XY(Z)).
    case rpvCodes
    /// Mobile MNP routing codes 3XY.
    case mnpCodes
    /// Mobile voice-mail access codes 3XY_VMS.
    case vmsCodes
}

/// The part of the generic routing number `+39 X AB UU…U XYZ…` (§6.1.1) a field belongs to, which names the
/// Annex A clause of a field error.
public enum FieldPart: String, Codable, Hashable, Sendable {
    /// An XAB taken from the PNN, e.g. an RPV access code: A.1.2 d.
    case accessCode
    /// U…UU: OP_ID, area code, DCM, carrier code, 3XY: A.1.2 f.
    case routing
    /// XYZ…: the selection, service code, OP_IDorig: A.1.2 g.
    case trailing
    /// A plain number's digits: A.1.1 c (a PNN numbering error).
    case plain

    public var clause: AnnexACase {
        switch self {
        case .accessCode: .accessCodeInvalid
        case .routing: .routingFieldInvalid
        case .trailing: .trailingFieldInvalid
        case .plain: .invalidSubscriber
        }
    }
}

/// The field of a format that names the destination network, and what kind of identity it is.
public struct IdentityField: Codable, Hashable, Sendable {
    public var field: String
    public var kind: IdentityKind

    public init(_ field: String, _ kind: IdentityKind) {
        self.field = field
        self.kind = kind
    }
}

/// The kinds of network identity a routing number carries (ST 769 §6.1 R-DOM: OP_ID, CS code, decamigliaio, 3XY,
/// RPV code).
public enum IdentityKind: String, Codable, Hashable, Sendable {
    case operatorCode
    case block
    case carrierCode
    case carrierSuffix
    case rpvCode
    case mnpCode
    case vmsCode
}
