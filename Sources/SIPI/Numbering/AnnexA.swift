/// The error cases of ST 769 Annex A that number handling can detect, named by their clause.
///
/// ST 769 Annex A §A.1.1 (malformed SIP URI), §A.1.2 (erroneous routing number, cases a–h and "valid but not
/// enabled") and §A.2 (number portability: unexpected destination network, DB mismatch).
public enum AnnexACase: String, Codable, CodingKeyRepresentable, CaseIterable, Hashable, Sendable {
    /// A.1.1 a: not a `sip:` URI with a telephone-subscriber, an `@` and a domain; or a `tel:` URI (E1, E2).
    case malformedURI = "A.1.1 a"
    /// A.1.1 c: the base number holds something other than decimal digits (E3).
    case invalidSubscriber = "A.1.1 c"
    /// A.1.1 d: the domain is not a valid FQDN or not a known interconnected operator (E4).
    case invalidDomain = "A.1.1 d"
    /// A.1.2 a: the number is not global (no leading "+"; in ISUP, not the international NAI) (E5).
    case notGlobal = "A.1.2 a"
    /// A.1.2 b: the digits after "+" are not 39 (E6).
    case notItalian = "A.1.2 b"
    /// A.1.2 c: a routing number is required at this PdI but none is recognised (E7).
    case routingNumberRequired = "A.1.2 c"
    /// A.1.2 d: an XAB based on the PNN (e.g. an RPV access code) is not permitted or not assigned (E8).
    case accessCodeInvalid = "A.1.2 d"
    /// A.1.2 e: X is not "C", or AB is reserved (0X, 2X) or not assigned (E9).
    case xabInvalid = "A.1.2 e"
    /// A.1.2 f: the U…UU field (OP_ID, area code, DCM, carrier code) does not fit or is not permitted (E10).
    case routingFieldInvalid = "A.1.2 f"
    /// A.1.2 g: the trailing XYZ… field does not fit the XAB structure or names a service not allowed (E11).
    case trailingFieldInvalid = "A.1.2 g"
    /// A.1.2 (last paragraph): valid routing number, but the service is not enabled for the originating operator (E13).
    case serviceNotEnabled = "A.1.2 not enabled"
    /// A.2.1: a valid NP/RgN names a network other than the receiving one (E14).
    case unexpectedDestination = "A.2.1"
    /// A.2.2: DB mismatch: own routing code, but the number is not a subscriber of this network (E15, E16).
    case databaseMismatch = "A.2.2"
}

/// What a call released for an Annex A error carries: the ISUP cause value and the SIP status code.
///
/// ST 769 Annex A Tables 9–12: cause 28 ↔ 484 Address Incomplete, cause 63 ↔ 500 Server Internal Error.
public struct AnnexAOutcome: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Q.850 cause value carried in the ISUP REL (ST 763).
    public var isupCause: Int
    /// SIP final response status code (ST 769).
    public var sipStatus: Int

    public init(isupCause: Int, sipStatus: Int) {
        self.isupCause = isupCause
        self.sipStatus = sipStatus
    }

    /// Cause 28 "invalid number format (address incomplete)" ↔ 484 (Annex A Tables 9, 10, 11).
    public static let addressIncomplete = AnnexAOutcome(isupCause: 28, sipStatus: 484)
    /// Cause 63 "service or option not available, unspecified" ↔ 500 (Annex A Tables 10, 12).
    public static let serviceNotAvailable = AnnexAOutcome(isupCause: 63, sipStatus: 500)

    public var description: String { "ISUP cause \(isupCause), SIP \(sipStatus)" }
}

/// Which outcome each Annex A case releases with. This is data, not code.
///
/// ST 769 Annex A is marked provisional ("to be verified by the operators, implemented in a later phase") and the
/// per-case split between cause 28 and 63 for A.1.2 a–h lives in ST 763-4 Allegato 3, which we do not have
/// (st769-3 §11.2 [inference], st769-2 §4 E11 [OPEN]). The defaults (`AnnexACase.defaultOutcome`) follow the
/// digests; `overrides` replaces any of them from configuration.
public struct AnnexAPolicy: Codable, Hashable, Sendable {
    /// Outcomes that replace the default of their case.
    public var overrides: [AnnexACase: AnnexAOutcome]

    public init(overrides: [AnnexACase: AnnexAOutcome] = [:]) { self.overrides = overrides }

    /// The ST 769 defaults (Annex A Tables 9–12; st769-3 §11.4).
    public static let st769 = AnnexAPolicy()

    public func outcome(_ clause: AnnexACase) -> AnnexAOutcome { overrides[clause] ?? clause.defaultOutcome }

    /// The typed error for `reason` under this policy.
    public func error(_ reason: NumberingError.Reason) -> NumberingError {
        NumberingError(reason: reason, outcome: outcome(reason.clause))
    }
}

extension AnnexACase {
    /// Cause 63 / 500 for "not enabled" and "DB mismatch" (Annex A Tables 10 and 12), cause 28 / 484 otherwise
    /// (Tables 9, 10, 11; for A.1.2 a–h this is the digests' [inference]).
    public var defaultOutcome: AnnexAOutcome {
        switch self {
        case .serviceNotEnabled, .databaseMismatch: .serviceNotAvailable
        default: .addressIncomplete
        }
    }
}
