/// What a number at the VoIP NNI is: one of the routing-number formats of ST 769 §6.1 (a closed set, R-GEN-5), or a
/// plain E.164 number (§6.1.10, §7.3.2). The raw value is the prefix the spec names the format by.
public enum NumberKind: String, Codable, CaseIterable, Hashable, Sendable {
    /// ST 769 §6.1.2 Fig. 5: service routed on the area code (emergency, public utility).
    case areaRouted = "C99"
    /// ST 769 §6.1.3 Fig. 6: NUE (112 family) with the originating operator's OP_ID.
    case emergencyNUE = "C97"
    /// ST 769 §6.1.4 Fig. 7: non-geographic service routed on OP_ID.
    case operatorRouted = "C80"
    /// ST 769 §6.1.4 Fig. 8: the same, alternative ("0180") format.
    case operatorRoutedAlternative = "0180"
    /// ST 769 §6.1.4 Fig. 9: 894 mass calling.
    case massCalling = "C82"
    /// ST 769 §6.1.4 Fig. 10: 70X Internet, per-minute offer.
    case internetPerMinute = "C70"
    /// ST 769 §6.1.4 Fig. 10: 70X Internet, numbers needing a different routing.
    case internetSpecialRouting = "C71"
    /// ST 769 §6.1.4 Fig. 10: 70X Internet, flat-rate offer.
    case internetFlatRate = "C72"
    /// ST 769 §6.1.4 Fig. 11: nomadic "55", NP resolved (OP_ID of the Recipient).
    case nomadicResolved = "C50"
    /// ST 769 §6.1.4 Fig. 11: nomadic "55", NP to be resolved (OP_ID of the Donor).
    case nomadicToResolve = "C59"
    /// ST 769 §6.1.4 Fig. 12: Wholesale Line Rental.
    case wholesaleLineRental = "C12"
    /// ST 769 §6.1.5 Fig. 13: 186 with the originating operator's OP_ID.
    case serviceWithOrigin = "C98"
    /// ST 769 §6.1.6 Fig. 14: fixed number portability, decade 0.
    case fixedPortability = "C60"
    /// ST 769 §6.1.7 Fig. 15: carrier selection, easy access (the dialled 10XY(Z)).
    case carrierSelection = "10XY(Z)"
    /// ST 769 §6.1.7 Fig. 16: carrier pre-selection.
    case carrierPreselection = "C10"
    /// ST 769 §6.1.7 Fig. 17: carrier selection, district calls.
    case carrierSelectionDistrict = "C11"
    /// ST 769 §6.1.8 Fig. 18: RPV (VPN) access, 1482 / 149XY(Z).
    case privateNetworkAccess = "RPV"
    /// ST 769 §6.1.9 Fig. 19: mobile number portability, 3XY + MSN.
    case mobilePortability = "3XY"
    /// ST 769 §6.2.2: voice-mail access of a mobile network, 3XY_VMS + digits.
    case voiceMailAccess = "3XY_VMS"
    /// A plain national number, "+39" + the national number (§6.1.10, §7.3.2).
    case national
    /// A plain foreign number, "+" + country code + number (§7.3.2).
    case international

    /// A routing number (§6.1), as opposed to a plain E.164 number.
    public var isRoutingNumber: Bool { self != .national && self != .international }
}
