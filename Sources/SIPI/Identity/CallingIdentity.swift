import ISUP

/// The calling party's identity as SIP carries it (RFC 3325 P-Asserted-Identity, RFC 3323 Privacy, From), mapped
/// to and from the ISUP calling party number (Q.763 §3.10 presentation and screening) as Q.1912.5 does (digest
/// sipi-m3ua.md B.5), with the ST 769 §7.3.1 rule that only the Request-URI and P-Asserted-Identity are trusted.
public struct CallingIdentity: Hashable, Sendable {
    /// P-Asserted-Identity: the network-certified identity; nil when the number is not available or not screened.
    public var assertedIdentity: NNIPhoneURI?
    /// `Privacy:` value (`id` for a restricted number), nil for none.
    public var privacy: String?
    /// The From URI (without display name and tag): the number, or the anonymous URI of RFC 3323 §4.1.1.2.
    public var from: String

    /// RFC 3323 §4.1.1.2: the From of a user that asks for anonymity.
    public static let anonymousFrom = "sip:anonymous@anonymous.invalid"

    public init(assertedIdentity: NNIPhoneURI?, privacy: String?, from: String) {
        self.assertedIdentity = assertedIdentity
        self.privacy = privacy
        self.from = from
    }

    /// The header fields to put in an INVITE (From gets `;tag=` from the caller): From, P-Asserted-Identity,
    /// Privacy, in that order.
    public func headers(fromTag tag: String) -> [SIPHeader] {
        var headers = [SIPHeader("From", "<\(from)>;tag=\(tag)")]
        if let assertedIdentity { headers.append(SIPHeader("P-Asserted-Identity", "<\(assertedIdentity)>")) }
        if let privacy { headers.append(SIPHeader("Privacy", privacy)) }
        return headers
    }

    // MARK: ISUP → SIP

    /// From the calling party number of an encapsulated IAM (already in the SIP-I form, "39…" with NAI 4):
    /// - presentation 2 (address not available) or no digits: no PAI, anonymous From;
    /// - screening 1 or 3 (user provided verified and passed, network provided): PAI with the number;
    ///   screening 0 or 2 (not verified, failed): no PAI, the number only in From (not certified);
    /// - presentation 1 (restricted): `Privacy: id` and an anonymous From; 0 (allowed): the number in From.
    public init(callingParty number: PartyNumber?, numbering: TrunkNumbering, domains: IdentityDomains,
                policy: AnnexAPolicy = .st769) throws(NumberingError) {
        guard let number, !number.digits.isEmpty, number.presentation != 2 else {
            self.init(assertedIdentity: nil, privacy: nil, from: Self.anonymousFrom)
            return
        }
        let uri = NNIPhoneURI(user: try numbering.userPart(of: number, policy: policy), host: domains.own)
        let screened = [1, 3].contains(number.screening ?? 3)
        let restricted = number.presentation == 1
        self.init(assertedIdentity: screened ? uri : nil, privacy: restricted ? "id" : nil,
                  from: restricted ? Self.anonymousFrom : uri.description)
    }

    // MARK: SIP → ISUP

    /// The calling party number for an IAM (SIP-I form, calling-party layout) from the received headers. Only
    /// P-Asserted-Identity is trusted (ST 769 §7.3.1): it gives the digits with screening 3 (network provided);
    /// `Privacy: id`, `header` or `user` gives presentation 1 (restricted). Without a PAI the number is "address not
    /// available" (presentation 2, screening 3, no digits: the `00 0B` value of Q.763 §3.10).
    public static func callingPartyNumber(
        assertedIdentity: String?, privacy: String?, numbering: TrunkNumbering, policy: AnnexAPolicy = .st769
    ) throws(NumberingError) -> PartyNumber {
        let layout = ParameterCatalogue.callingLayout
        guard let assertedIdentity else {
            return PartyNumber(layout: layout, digits: AddressSignals(), fields: ["presentation": 2, "screening": 3])
        }
        let uri = try NNIPhoneURI(parsing: Self.uriText(assertedIdentity), policy: policy)
        let restricted = Self.privacyTokens(privacy).contains { ["id", "header", "user"].contains($0) }
        return try numbering.sipINumber(
            userPart: uri.user, layout: layout,
            indicators: ["presentation": restricted ? 1 : 0, "screening": 3], policy: policy)
    }

    /// A From whose telephone number differs from the PAI's (not certified): the generic number "additional calling
    /// party number" (qualifier 6) with screening 0, user provided not verified (digest B.5). Nil for an anonymous
    /// or non-telephone From, or the same number as the PAI.
    public static func additionalCallingNumber(
        from: String, assertedIdentity: String?, numbering: TrunkNumbering
    ) -> PartyNumber? {
        guard let uri = try? NNIPhoneURI(parsing: uriText(from)), uri.user.hasPrefix("+") else { return nil }
        if let pai = assertedIdentity, let asserted = try? NNIPhoneURI(parsing: uriText(pai)), asserted.user == uri.user {
            return nil
        }
        guard var number = try? numbering.sipINumber(
            userPart: uri.user, layout: ParameterCatalogue.genericLayout, indicators: ["presentation": 0, "screening": 0])
        else { return nil }
        number.numberQualifier = 6
        return number
    }

    /// The URI inside a name-addr (`"Name" <sip:…>;tag=x`) or the addr-spec itself (RFC 3261 §20.10).
    static func uriText(_ header: String) -> Substring {
        guard let open = header.firstIndex(of: "<"), let close = header[open...].firstIndex(of: ">") else {
            return Substring(header).prefix { $0 != ";" && $0 != " " }
        }
        return header[header.index(after: open)..<close]
    }

    /// RFC 3323 §4.2 priv-values, lower-cased.
    static func privacyTokens(_ privacy: String?) -> [String] {
        (privacy ?? "").split(separator: ";").map { $0.trimmingWhitespace().lowercased() }
    }
}
