extension NumberingPlan {
    /// The number formats of the VoIP NNI: every routing number of ST 769 §6.1 and the plain national number, in one
    /// table (st769-1 §3.3–§3.12, st769-2 §2.1). Each row is data a configuration may replace.
    ///
    /// Points the digests mark [verify]/[OPEN]/[inference], kept here as data:
    /// - Fig. 11 (C50/C59) is stated "fixed 16"; the fields give 18 with "39" (st769-1 §3.14): the `number` field
    ///   is 10 digits.
    /// - Fig. 12 (C12) is stated "max 28 excluding +39": `selection` is 1–22 digits (30 with "39").
    /// - Fig. 14 (C60): whether the DN follows the DCM is open (st769-2 §7.1). `directoryNumber` may be absent
    ///   (length 0, the 11-digit RgN of Fig. 14) or a geographic DN of 6–11 digits (the RgN‖DN of §6.2.1).
    /// - C80/0180 service codes are those §7.3.2 lists (800, 840, 841, 847, 848, 892, 899, 178, 199, 895); C70–C72
    ///   take 700, 701, 702, 709 (§7.3.2; Fig. 10 names 700/702/709 for AB=70).
    /// - C97 NUE codes include the migration test codes 131, 132, 135, 138 (§6.6).
    /// - C11 carries a number in the caller's own district, so a geographic one starting with 0 [inference].
    /// - RPV: 1482 or 149XY(Z) as printed; whether "1482" is a literal code is open (st769-2 §7.4): the access
    ///   codes are the plan's `rpvCodes`.
    public static let st769Formats: [NumberFormat] = {
        let opId = FieldSpec("opId", lengths: [3], .operatorCode, part: .routing)
        let areaCode = FieldSpec("areaCode", lengths: 2...4, .member(list: .districts), part: .routing)
        let nonGeographic = FieldSpec(
            "selection", lengths: 3...10,
            .startsWith(prefixes: ["800", "840", "841", "847", "848", "892", "899", "178", "199", "895"]),
            part: .trailing)
        let internet = FieldSpec(
            "selection", lengths: [10], .startsWith(prefixes: ["700", "701", "702", "709"]), part: .trailing)
        let nomadic = FieldSpec("number", lengths: [10], .startsWith(prefixes: ["55"]), part: .trailing)
        let carrierSuffix = FieldSpec("carrierCode", lengths: [2, 3], .member(list: .carrierSuffixes), part: .routing)
        let byOperator = IdentityField("opId", .operatorCode)
        let internetService = "70X Internet dial-up"

        return [
            NumberFormat(
                .areaRouted, "ST 769 §6.1.2 Fig. 5", "Service routed on the area code (emergency, public utility)",
                prefixes: ["C99"],
                fields: [areaCode, FieldSpec("serviceCode", lengths: 3...9, part: .trailing)]),
            NumberFormat(
                .emergencyNUE, "ST 769 §6.1.3 Fig. 6", "NUE emergency call with the originating operator",
                prefixes: ["C97"],
                fields: [
                    areaCode,
                    FieldSpec(
                        "nueCode", lengths: [3],
                        .oneOf(values: ["112", "113", "115", "118", "131", "132", "135", "138"]), part: .trailing),
                    FieldSpec("separator", lengths: [1], .oneOf(values: ["9"]), part: .trailing),
                    FieldSpec("opIdOrig", lengths: [3], .operatorCode, part: .trailing),
                ]),
            NumberFormat(
                .operatorRouted, "ST 769 §6.1.4 Fig. 7", "Non-geographic service routed on OP_ID",
                prefixes: ["C80"], fields: [opId, nonGeographic], identity: byOperator),
            NumberFormat(
                .operatorRoutedAlternative, "ST 769 §6.1.4 Fig. 8",
                "Non-geographic service routed on OP_ID (alternative format)",
                prefixes: ["0180"], fields: [opId, nonGeographic], identity: byOperator),
            NumberFormat(
                .massCalling, "ST 769 §6.1.4 Fig. 9", "894 mass calling",
                prefixes: ["C82"],
                fields: [opId, FieldSpec("selection", lengths: [6, 8], .startsWith(prefixes: ["894"]), part: .trailing)],
                identity: byOperator),
            NumberFormat(
                .internetPerMinute, "ST 769 §6.1.4 Fig. 10", "\(internetService), per-minute offer",
                prefixes: ["C70"], fields: [opId, internet], identity: byOperator),
            NumberFormat(
                .internetSpecialRouting, "ST 769 §6.1.4 Fig. 10", "\(internetService), different routing",
                prefixes: ["C71"], fields: [opId, internet], identity: byOperator),
            NumberFormat(
                .internetFlatRate, "ST 769 §6.1.4 Fig. 10", "\(internetService), flat-rate offer",
                prefixes: ["C72"], fields: [opId, internet], identity: byOperator),
            NumberFormat(
                .nomadicResolved, "ST 769 §6.1.4 Fig. 11", "Nomadic 55 number, NP resolved (OP_ID of the Recipient)",
                prefixes: ["C50"], fields: [opId, nomadic], identity: byOperator, subscriberField: "number"),
            NumberFormat(
                .nomadicToResolve, "ST 769 §6.1.4 Fig. 11", "Nomadic 55 number, NP to resolve (OP_ID of the Donor)",
                prefixes: ["C59"], fields: [opId, nomadic], identity: byOperator),
            NumberFormat(
                .wholesaleLineRental, "ST 769 §6.1.4 Fig. 12", "Wholesale Line Rental (OP_ID of the WLR network)",
                prefixes: ["C12"], fields: [opId, FieldSpec("selection", lengths: 1...22, part: .trailing)],
                identity: byOperator),
            NumberFormat(
                .serviceWithOrigin, "ST 769 §6.1.5 Fig. 13", "186 service with the originating operator",
                prefixes: ["C98"],
                fields: [
                    opId,
                    FieldSpec("serviceCode", lengths: [3], .oneOf(values: ["186"]), part: .trailing),
                    FieldSpec("opIdOrig", lengths: [3], .operatorCode, part: .trailing),
                ],
                identity: byOperator),
            NumberFormat(
                .fixedPortability, "ST 769 §6.1.6 Fig. 14", "Fixed number portability, decade 0 (DCM of the Recipient)",
                prefixes: ["C60"],
                fields: [
                    FieldSpec("block", lengths: [6], .startsWith(prefixes: ["0"]), part: .routing),
                    FieldSpec("directoryNumber", lengths: [0] + Array(6...11), .startsWith(prefixes: ["0"]), part: .trailing),
                ],
                identity: IdentityField("block", .block)),
            NumberFormat(
                .carrierSelection, "ST 769 §6.1.7 Fig. 15", "Carrier selection, easy access",
                prefixes: ["10"], prefixIsField: true,
                fields: [
                    FieldSpec("carrierCode", lengths: [4, 5], .member(list: .carrierCodes), part: .routing),
                    FieldSpec("number", lengths: 1...17, part: .trailing),
                ],
                identity: IdentityField("carrierCode", .carrierCode)),
            NumberFormat(
                .carrierPreselection, "ST 769 §6.1.7 Fig. 16", "Carrier pre-selection",
                prefixes: ["C10"], fields: [carrierSuffix, FieldSpec("number", lengths: 1...17, part: .trailing)],
                identity: IdentityField("carrierCode", .carrierSuffix)),
            NumberFormat(
                .carrierSelectionDistrict, "ST 769 §6.1.7 Fig. 17", "Carrier selection, district call",
                prefixes: ["C11"],
                fields: [
                    carrierSuffix,
                    FieldSpec("number", lengths: 1...11, .startsWith(prefixes: ["0"]), part: .trailing),
                ],
                identity: IdentityField("carrierCode", .carrierSuffix)),
            NumberFormat(
                .privateNetworkAccess, "ST 769 §6.1.8 Fig. 18", "RPV (VPN) access",
                prefixes: ["148", "149"], prefixIsField: true,
                fields: [
                    FieldSpec("accessCode", lengths: 4...6, .member(list: .rpvCodes), part: .accessCode),
                    FieldSpec("destination", lengths: 1...20, part: .trailing),
                ],
                maxLength: 26, identity: IdentityField("accessCode", .rpvCode)),
            NumberFormat(
                .mobilePortability, "ST 769 §6.1.9 Fig. 19", "Mobile number portability, 3XY + MSN",
                prefixes: ["3"], prefixIsField: true,
                fields: [
                    FieldSpec("mnpCode", lengths: [3], .member(list: .mnpCodes), part: .routing),
                    FieldSpec("msn", lengths: [9, 10], .startsWith(prefixes: ["3"]), part: .trailing),
                ],
                tentative: true, identity: IdentityField("mnpCode", .mnpCode), subscriberField: "msn"),
            NumberFormat(
                .voiceMailAccess, "ST 769 §6.2.2", "Mobile voice-mail access, 3XY_VMS + digits",
                prefixes: ["3"], prefixIsField: true,
                fields: [
                    FieldSpec("vmsCode", lengths: [3], .member(list: .vmsCodes), part: .routing),
                    FieldSpec("digits", lengths: 1...10, part: .trailing),
                ],
                tentative: true, identity: IdentityField("vmsCode", .vmsCode)),
            NumberFormat(
                .national, "ST 769 §6.1.10, §7.3.2", "Plain national number",
                prefixes: [""], fields: [FieldSpec("number", lengths: 1...13, part: .plain)]),
        ]
    }()

    /// A foreign number: "+" and up to 15 digits, country code included (ITU-T E.164; ST 769 §7.3.2).
    public static let st769Foreign = NumberFormat(
        .international, "ST 769 §7.3.2", "Plain foreign number", prefixes: [""],
        fields: [FieldSpec("number", lengths: 3...15, part: .plain)])
}
