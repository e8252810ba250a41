import ISUP

/// How one TDM trunk writes called and calling numbers, and how they map to the global form of the SIP-I NNI.
/// Data, one value per trunk (decoded from configuration).
///
/// ST 769 §6.1.1 R-GEN-3/R-GEN-4 and §6.1.10 CLI-1/CLI-2: at the NNI every number is global, "+39…" in the SIP URI
/// and the same digits "39…" with the international nature of address in the encapsulated ISUP. How the TDM side
/// (ST 763) writes them is the operator's own (st769-2 §7.8 [OPEN]); the usual national form is NAI 3 without "39".
public struct TrunkNumbering: Codable, Hashable, Sendable {
    /// One way a TDM number is written: its nature of address and the digits that turn it into the global number.
    ///
    /// TDM → NNI: a number with `nature` whose digits start with `tdmPrefix` becomes `globalPrefix` + the digits
    /// after `tdmPrefix`. NNI → TDM: a rule whose `globalPrefix` starts the global digits applies backwards. In both
    /// directions the longest matching prefix wins (then the first rule), so the order of the rules does not matter.
    public struct Rule: Codable, Hashable, Sendable {
        /// Nature of address indicator on the TDM side (Q.763 §3.9: 3 national, 4 international, 2 unknown, ...).
        public var nature: Int
        /// Digits the TDM number starts with and the global number does not (e.g. "00" in an NAI 2 international).
        public var tdmPrefix: String
        /// Digits the global number starts with and the TDM number does not (e.g. "39" for a national number).
        public var globalPrefix: String

        public init(nature: Int, tdmPrefix: String = "", globalPrefix: String = "") {
            self.nature = nature
            self.tdmPrefix = tdmPrefix
            self.globalPrefix = globalPrefix
        }

        /// Decodes a rule in which the prefixes are optional (empty).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                nature: try c.decode(Int.self, forKey: .nature),
                tdmPrefix: try c.decodeIfPresent(String.self, forKey: .tdmPrefix) ?? "",
                globalPrefix: try c.decodeIfPresent(String.self, forKey: .globalPrefix) ?? "")
        }
    }

    /// Rules for the called party number (and its relatives: redirection, called directory number).
    public var called: [Rule]
    /// Rules for the calling party number (and other identities: connected, redirecting, generic numbers).
    public var calling: [Rule]
    /// Nature of address in the encapsulated ISUP. [DERIVED] R-GEN-4 says "international format": 4.
    public var sipINature: Int
    /// Numbering plan in the encapsulated ISUP: 1, ISDN/telephony (E.164).
    public var sipINumberingPlan: Int
    /// Called numbers sent to the TDM side end with ST (end of pulsing, Q.763 §3.9); the NNI is en bloc (§7.3.2).
    public var calledEndOfPulsing: Bool

    public init(
        called: [Rule], calling: [Rule], sipINature: Int = PartyNumber.NatureOfAddress.international,
        sipINumberingPlan: Int = 1, calledEndOfPulsing: Bool = false
    ) {
        self.called = called
        self.calling = calling
        self.sipINature = sipINature
        self.sipINumberingPlan = sipINumberingPlan
        self.calledEndOfPulsing = calledEndOfPulsing
    }

    /// Decodes a trunk in which every key is optional (the defaults are `TrunkNumbering.national`'s).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TrunkNumbering.national
        self.init(
            called: try c.decodeIfPresent([Rule].self, forKey: .called) ?? d.called,
            calling: try c.decodeIfPresent([Rule].self, forKey: .calling) ?? d.calling,
            sipINature: try c.decodeIfPresent(Int.self, forKey: .sipINature) ?? d.sipINature,
            sipINumberingPlan: try c.decodeIfPresent(Int.self, forKey: .sipINumberingPlan) ?? d.sipINumberingPlan,
            calledEndOfPulsing: try c.decodeIfPresent(Bool.self, forKey: .calledEndOfPulsing) ?? d.calledEndOfPulsing)
    }

    /// National numbers as NAI 3 without "39", foreign ones as NAI 4: the usual ST 763 trunk.
    public static let national: TrunkNumbering = {
        let rules = [Rule(nature: PartyNumber.NatureOfAddress.national, globalPrefix: "39"),
                     Rule(nature: PartyNumber.NatureOfAddress.international)]
        return TrunkNumbering(called: rules, calling: rules)
    }()
}
