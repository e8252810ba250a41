/// Everything number classification reads, as one Codable value: the format table and the code lists it refers to,
/// plus the leniencies the digests leave open. `NumberingPlan.st769` holds the defaults; a configuration file may
/// give any subset of the keys (the others keep their defaults).
///
/// ST 769 §6.1. Assigned codes (carrier codes, RPV codes, 3XY and 3XY_VMS) are MiSE assignments, so they are
/// configuration: a code that is not listed is "not assigned" (Annex A.1.2 d/f), and a 3XY that is not listed is
/// read as part of a plain mobile number (st769-2 §2.3 step 6: the digit pattern alone is ambiguous).
public struct NumberingPlan: Codable, Hashable, Sendable {
    /// The country code of the national numbers ("39", §6.1.1).
    public var countryCode: String
    /// Formats of the digits after the country code (§6.1.2–§6.1.10); `NumberingPlan.st769Formats`.
    public var formats: [NumberFormat]
    /// The format of numbers with another country code.
    public var foreign: NumberFormat
    /// Real district codes (Annex B Table 13), for C99/C97 area codes.
    public var districtCodes: [String]
    /// Assigned carrier-selection codes 10XY(Z) (§6.1.7; Del. 26/08/CIR art. 24).
    public var carrierCodes: [String]
    /// Assigned RPV access codes (§6.1.8; Del. 26/08/CIR art. 25). [verify] "1482" as printed (st769-2 §7.4).
    public var rpvCodes: [String]
    /// Assigned MNP routing codes 3XY of the mobile networks (§6.1.9).
    public var mnpCodes: [String]
    /// Assigned voice-mail access codes 3XY_VMS (§6.2.2).
    public var vmsCodes: [String]
    /// First digits of reserved OP_IDs: 0XY and 1XY (Annex A fn 22).
    public var reservedOperatorPrefixes: [String]
    /// First digits of reserved AB values: 0X and 2X (Annex A fn 20, ST 763-4 Allegato 2).
    public var reservedABPrefixes: [String]
    /// Accept a lower-case "c" as the routing-number digit (and report it upper-case). [OPEN] GEN-04; off by default.
    public var acceptsLowercaseC: Bool
    /// The service codes already moved to NUE (st769-2 §6.6: "today this applies to 112"; 113, 115 and 118 follow
    /// area by area). A C99 call with one of them reaching this network as the Serving one goes on toward the PSAP
    /// in C97 form with OP_IDorig 000 (`nueTowardPSAP`).
    public var nueCodes: [String]
    /// The ISUP cause and SIP status of each Annex A case.
    public var annexA: AnnexAPolicy

    public init(
        countryCode: String = "39", formats: [NumberFormat] = NumberingPlan.st769Formats,
        foreign: NumberFormat = NumberingPlan.st769Foreign, districtCodes: [String] = NumberingPlan.annexBDistrictCodes,
        carrierCodes: [String] = [], rpvCodes: [String] = ["1482"], mnpCodes: [String] = [], vmsCodes: [String] = [],
        reservedOperatorPrefixes: [String] = ["0", "1"], reservedABPrefixes: [String] = ["0", "2"],
        acceptsLowercaseC: Bool = false, nueCodes: [String] = ["112"], annexA: AnnexAPolicy = .st769
    ) {
        self.countryCode = countryCode
        self.formats = formats
        self.foreign = foreign
        self.districtCodes = districtCodes
        self.carrierCodes = carrierCodes
        self.rpvCodes = rpvCodes
        self.mnpCodes = mnpCodes
        self.vmsCodes = vmsCodes
        self.reservedOperatorPrefixes = reservedOperatorPrefixes
        self.reservedABPrefixes = reservedABPrefixes
        self.acceptsLowercaseC = acceptsLowercaseC
        self.nueCodes = nueCodes
        self.annexA = annexA
    }

    /// The ST 769 defaults, with no assigned codes beyond the RPV code the source prints.
    public static let st769 = NumberingPlan()

    /// Decodes a plan in which every key is optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = NumberingPlan.st769
        self.init(
            countryCode: try c.decodeIfPresent(String.self, forKey: .countryCode) ?? d.countryCode,
            formats: try c.decodeIfPresent([NumberFormat].self, forKey: .formats) ?? d.formats,
            foreign: try c.decodeIfPresent(NumberFormat.self, forKey: .foreign) ?? d.foreign,
            districtCodes: try c.decodeIfPresent([String].self, forKey: .districtCodes) ?? d.districtCodes,
            carrierCodes: try c.decodeIfPresent([String].self, forKey: .carrierCodes) ?? d.carrierCodes,
            rpvCodes: try c.decodeIfPresent([String].self, forKey: .rpvCodes) ?? d.rpvCodes,
            mnpCodes: try c.decodeIfPresent([String].self, forKey: .mnpCodes) ?? d.mnpCodes,
            vmsCodes: try c.decodeIfPresent([String].self, forKey: .vmsCodes) ?? d.vmsCodes,
            reservedOperatorPrefixes: try c.decodeIfPresent([String].self, forKey: .reservedOperatorPrefixes)
                ?? d.reservedOperatorPrefixes,
            reservedABPrefixes: try c.decodeIfPresent([String].self, forKey: .reservedABPrefixes) ?? d.reservedABPrefixes,
            acceptsLowercaseC: try c.decodeIfPresent(Bool.self, forKey: .acceptsLowercaseC) ?? d.acceptsLowercaseC,
            nueCodes: try c.decodeIfPresent([String].self, forKey: .nueCodes) ?? d.nueCodes,
            annexA: try c.decodeIfPresent(AnnexAPolicy.self, forKey: .annexA) ?? d.annexA)
    }

    /// The codes of a list that `FieldRule.member` names.
    public func codes(_ list: CodeList) -> [String] {
        switch list {
        case .districts: districtCodes
        case .carrierCodes: carrierCodes
        case .carrierSuffixes: carrierCodes.map { String($0.dropFirst(2)) }
        case .rpvCodes: rpvCodes
        case .mnpCodes: mnpCodes
        case .vmsCodes: vmsCodes
        }
    }
}
