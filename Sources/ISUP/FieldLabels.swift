/// Meanings of the code points most read in traces, for the text form (Q.763 §3 and §4 code tables, as in
/// isup-q763.md). Keyed by field name, or `parameter.field` where the field name alone is ambiguous.
public enum FieldLabels {
    public static let table: [String: [Int: String]] = [
        "natureOfAddress": [1: "subscriber number", 2: "unknown", 3: "national number", 4: "international number",
                            5: "network-specific number", 6: "network routing number, national format",
                            7: "network routing number, network-specific format",
                            8: "network routing number concatenated with called directory number"],
        "numberingPlan": [1: "ISDN/telephony E.164", 3: "data X.121", 4: "telex F.69", 5: "private"],
        "presentation": [0: "presentation allowed", 1: "presentation restricted", 2: "address not available"],
        "screening": [0: "user provided, not verified", 1: "user provided, verified and passed",
                      2: "user provided, verified and failed", 3: "network provided"],
        "callingPartysCategory.value": [
            0: "unknown", 1: "operator, French", 2: "operator, English", 3: "operator, German", 4: "operator, Russian",
            5: "operator, Spanish", 9: "national operator", 10: "ordinary calling subscriber",
            11: "calling subscriber with priority", 12: "data call", 13: "test call", 14: "IEPS call marking",
            15: "payphone", 16: "mobile terminal in home PLMN", 17: "mobile terminal in visited PLMN"],
        "transmissionMediumRequirement.value": [0: "speech", 2: "64 kbit/s unrestricted", 3: "3.1 kHz audio",
                                                6: "64 kbit/s preferred", 7: "2x64 kbit/s unrestricted"],
        "transmissionMediumUsed.value": [0: "speech", 2: "64 kbit/s unrestricted", 3: "3.1 kHz audio"],
        "transmissionMediumRequirementPrime.value": [0: "speech", 3: "3.1 kHz audio"],
        "eventIndicator": [1: "ALERTING", 2: "PROGRESS", 3: "in-band information available",
                           4: "call forwarded on busy", 5: "call forwarded on no reply", 6: "call forwarded unconditional"],
        "chargeIndicator": [0: "no indication", 1: "no charge", 2: "charge"],
        "calledPartysStatusIndicator": [0: "no indication", 1: "subscriber free", 2: "connect when free"],
        "location": [0: "user", 1: "private network serving the local user", 2: "public network serving the local user",
                     3: "transit network", 4: "public network serving the remote user",
                     5: "private network serving the remote user", 7: "international network",
                     10: "network beyond interworking point"],
        "typeIndicator": [0: "maintenance oriented", 1: "hardware failure oriented"],
        "continuityIndicator": [0: "continuity check failed", 1: "continuity check successful"],
    ]

    /// The meaning of `value` in `field` of `parameter`, if the table has one.
    public static func label(parameter: String, field: String, value: Int) -> String? {
        (table["\(parameter).\(field)"] ?? table[field])?[value]
    }
}
