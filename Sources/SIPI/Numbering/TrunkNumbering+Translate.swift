import ISUP

/// Which rules of a trunk a number follows: the called party's, or a party identity's (calling and the like).
public enum PartyRole: String, Codable, Hashable, Sendable {
    case called
    case calling
}

extension TrunkNumbering {
    /// TDM → SIP-I: the number in the global form of the encapsulated ISUP (NAI `sipINature`, NPI
    /// `sipINumberingPlan`, digits "39…"); every other indicator (presentation, screening, INN, number incomplete)
    /// is kept. A trailing ST is dropped (the NNI is en bloc, §7.3.2). A calling number whose address is not
    /// available (no digits, Q.763 §3.10) is passed on as it is.
    ///
    /// ST 769 §6.1.1 R-GEN-4, §6.1.10 CLI-2.
    public func sipI(fromTDM number: PartyNumber, as role: PartyRole, policy: AnnexAPolicy = .st769)
        throws(NumberingError) -> PartyNumber
    {
        guard !number.digits.isEmpty else { return number }
        let digits = Self.withoutST(number.digits)
        let nature = number.natureOfAddress ?? 0
        let matching = rules(role).filter { $0.nature == nature && digits.hasPrefix($0.tdmPrefix) }
        guard let rule = Self.longest(matching, by: \.tdmPrefix) else {
            throw policy.error(.noTranslationRule(nature: nature, digits: digits))
        }
        var out = number
        out.digits = try Self.nniSignals(rule.globalPrefix + digits.dropFirst(rule.tdmPrefix.count), policy)
        out.natureOfAddress = sipINature
        out.numberingPlan = sipINumberingPlan
        return out
    }

    /// SIP-I → TDM: the number as this trunk writes it; indicators other than the nature of address are kept, and a
    /// called number gets ST when `calledEndOfPulsing`.
    public func tdm(fromSIPI number: PartyNumber, as role: PartyRole, policy: AnnexAPolicy = .st769)
        throws(NumberingError) -> PartyNumber
    {
        guard !number.digits.isEmpty else { return number }
        let global = try globalDigits(of: number, policy)
        guard let rule = Self.longest(rules(role).filter { global.hasPrefix($0.globalPrefix) }, by: \.globalPrefix) else {
            throw policy.error(.noTranslationRule(nature: sipINature, digits: global))
        }
        var out = number
        let end = role == .called && calledEndOfPulsing ? "F" : ""
        out.digits = try Self.signals(rule.tdmPrefix + global.dropFirst(rule.globalPrefix.count) + end, policy)
        out.natureOfAddress = rule.nature
        return out
    }

    /// The SIP URI user part of an encapsulated ISUP number: "+" and its digits (R-GEN-4: the same digits as the URI).
    /// A number not in the SIP-I form (e.g. NAI 3 `C80…`, st769-1 N18) is rejected (Annex A.1.2 a).
    public func userPart(of number: PartyNumber, policy: AnnexAPolicy = .st769) throws(NumberingError) -> String {
        "+" + (try globalDigits(of: number, policy))
    }

    /// The encapsulated ISUP number for a SIP URI user part: the digits after "+", NAI `sipINature`, NPI
    /// `sipINumberingPlan`, and `indicators` for the rest of the layout (e.g. presentation and screening).
    public func sipINumber(
        userPart: some StringProtocol, layout: NumberLayout, indicators: [String: Int] = [:],
        policy: AnnexAPolicy = .st769
    ) throws(NumberingError) -> PartyNumber {
        guard userPart.first == "+" else { throw policy.error(.missingPlus) }
        var fields = indicators
        fields["natureOfAddress"] = sipINature
        fields["numberingPlan"] = sipINumberingPlan
        return PartyNumber(layout: layout, digits: try Self.nniSignals(userPart.dropFirst(), policy, offset: 1),
                           fields: fields)
    }

    /// The rule with the longest matching prefix; the first of them on a tie.
    private static func longest(_ rules: [Rule], by prefix: KeyPath<Rule, String>) -> Rule? {
        rules.max { $0[keyPath: prefix].count < $1[keyPath: prefix].count }
    }

    private func rules(_ role: PartyRole) -> [Rule] {
        switch role {
        case .called: called
        case .calling: calling
        }
    }

    private func globalDigits(of number: PartyNumber, _ policy: AnnexAPolicy) throws(NumberingError) -> String {
        let nature = number.natureOfAddress ?? 0
        guard nature == sipINature else { throw policy.error(.nature(nature, expected: sipINature)) }
        let digits = Self.withoutST(number.digits)
        _ = try Self.nniSignals(digits, policy)
        return digits
    }

    private static func withoutST(_ signals: AddressSignals) -> String {
        let text = signals.description
        return signals.endsWithST ? String(text.dropLast()) : text
    }

    /// Signals the NNI carries: decimal digits and the routing digit C (ST 769 §6.1.1); anything else is A.1.1 c.
    private static func nniSignals(_ digits: some StringProtocol, _ policy: AnnexAPolicy, offset: Int = 0)
        throws(NumberingError) -> AddressSignals
    {
        // The octets tell whether all are 0-9 or C; the characters are walked only to name the first that is not.
        if !digits.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x43 }),
           let bad = digits.enumerated().first(where: { !$0.element.isASCII || !($0.element.isNumber || $0.element == "C") }) {
            throw policy.error(.invalidCharacter(bad.element, offset: bad.offset + offset))
        }
        return try signals(digits, policy)
    }

    private static func signals(_ digits: some StringProtocol, _ policy: AnnexAPolicy) throws(NumberingError)
        -> AddressSignals
    {
        guard let signals = AddressSignals(digits) else { throw policy.error(.tooManyDigits(digits.count)) }
        return signals
    }
}
