/// The one table of ISUP parameters, Q.763 Table 5 and §3 (codes, names, lengths, codings).
public enum ParameterCatalogue {
    // MARK: Number layouts, Q.763 §3.9 and relatives (digest §3.2)

    static let natureOfAddress = BitField("natureOfAddress", 0, 7)
    static let numberingPlan = BitField("numberingPlan", 4, 3)
    static let presentation = BitField("presentation", 2, 2)
    static let screening = BitField("screening", 0, 2)

    /// Called party number, redirection number, called directory number (Q.763 §3.9, §3.46, §3.101).
    public static let calledLayout = NumberLayout(
        qualifier: false, octet1: [natureOfAddress],
        octet2: [BitField("internalNetworkNumber", 7, 1), numberingPlan], allowsST: true)
    /// Calling party number (Q.763 §3.10).
    public static let callingLayout = NumberLayout(
        qualifier: false, octet1: [natureOfAddress],
        octet2: [BitField("numberIncomplete", 7, 1), numberingPlan, presentation, screening], allowsST: false)
    /// Connected number, call transfer number (Q.763 §3.16, §3.64).
    public static let connectedLayout = NumberLayout(
        qualifier: false, octet1: [natureOfAddress], octet2: [numberingPlan, presentation, screening], allowsST: false)
    /// Redirecting number, original called number, called IN number, original called IN number (Q.763 §3.44, §3.39).
    public static let redirectingLayout = NumberLayout(
        qualifier: false, octet1: [natureOfAddress], octet2: [numberingPlan, presentation], allowsST: false)
    /// Location number (Q.763 §3.30).
    public static let locationLayout = NumberLayout(
        qualifier: false, octet1: [natureOfAddress],
        octet2: [BitField("internalNetworkNumber", 7, 1), numberingPlan, presentation, screening], allowsST: false)
    /// Generic number (Q.763 §3.26): number qualifier octet, then the calling-party-number layout.
    public static let genericLayout = NumberLayout(
        qualifier: true, octet1: [natureOfAddress],
        octet2: [BitField("numberIncomplete", 7, 1), numberingPlan, presentation, screening], allowsST: false)
    /// Subsequent number (Q.763 §3.51): O/E and seven spare bits.
    public static let subsequentLayout = NumberLayout(qualifier: false, octet1: [], octet2: nil, allowsST: true)
    /// Transit network selection (Q.763 §3.53): type of network identification and plan instead of a NAI.
    public static let transitNetworkLayout = NumberLayout(
        qualifier: false,
        octet1: [BitField("typeOfNetworkIdentification", 4, 3), BitField("networkIdentificationPlan", 0, 4)],
        octet2: nil, allowsST: false)
    /// HTR information (Q.763 §3.89).
    public static let htrLayout = NumberLayout(
        qualifier: false, octet1: [natureOfAddress], octet2: [numberingPlan], allowsST: false)

    // MARK: Indicator layouts

    private static func one(_ fields: BitField...) -> ParameterFormat { .indicators(IndicatorLayout(fields)) }
    private static func two(_ fields: BitField...) -> ParameterFormat {
        .indicators(IndicatorLayout(octets: 2, fields))
    }
    private static func ext(_ fields: BitField...) -> ParameterFormat {
        .indicators(IndicatorLayout(extensible: true, fields))
    }
    private static let value = one(BitField("value", 0, 8))
    private static let pointCode = two(BitField("pointCode", 0, 14))
    private static let milliseconds = ParameterFormat.indicators(
        IndicatorLayout(octets: 2, bigEndian: true, [BitField("milliseconds", 0, 16)]))

    private static func p(
        _ code: UInt8, _ name: String, _ title: String, _ length: LengthRule, _ format: ParameterFormat,
        repeatable: Bool = false
    ) -> ParameterSpec {
        ParameterSpec(
            code: ParameterCode(code), name: name, title: title, length: length, format: format,
            repeatable: repeatable)
    }
    private static func fixed(_ n: Int) -> LengthRule { .fixed(n) }
    private static func variable(_ min: Int, _ max: Int = 255) -> LengthRule { .variable(min: min, max: max) }

    /// Every Q.763 parameter code (ITU, 2000-era tables + amendments). Codes not listed are kept as bytes.
    public static let all: [ParameterSpec] = [
        p(0x01, "callReference", "Call reference", fixed(5), .callReference),
        p(0x02, "transmissionMediumRequirement", "Transmission medium requirement", fixed(1), value),
        p(0x03, "accessTransport", "Access transport", variable(1), .informationElements),
        p(0x04, "calledPartyNumber", "Called party number", variable(2), .number(calledLayout)),
        p(0x05, "subsequentNumber", "Subsequent number", variable(1), .number(subsequentLayout)),
        p(0x06, "natureOfConnectionIndicators", "Nature of connection indicators", fixed(1),
          one(BitField("satelliteIndicator", 0, 2), BitField("continuityCheckIndicator", 2, 2),
              BitField("echoControlDeviceIndicator", 4, 1))),
        p(0x07, "forwardCallIndicators", "Forward call indicators", fixed(2),
          two(BitField("nationalInternationalCallIndicator", 0, 1), BitField("endToEndMethodIndicator", 1, 2),
              BitField("interworkingIndicator", 3, 1), BitField("endToEndInformationIndicator", 4, 1),
              BitField("isdnUserPartIndicator", 5, 1), BitField("isdnUserPartPreferenceIndicator", 6, 2),
              BitField("isdnAccessIndicator", 8, 1), BitField("sccpMethodIndicator", 9, 2),
              BitField("portedNumberTranslationIndicator", 12, 1),
              BitField("queryOnReleaseAttemptIndicator", 13, 1))),
        p(0x08, "optionalForwardCallIndicators", "Optional forward call indicators", fixed(1),
          one(BitField("closedUserGroupCallIndicator", 0, 2), BitField("simpleSegmentationIndicator", 2, 1),
              BitField("connectedLineIdentityRequestIndicator", 7, 1))),
        p(0x09, "callingPartysCategory", "Calling party's category", fixed(1), value),
        p(0x0A, "callingPartyNumber", "Calling party number", variable(2), .number(callingLayout)),
        p(0x0B, "redirectingNumber", "Redirecting number", variable(2), .number(redirectingLayout)),
        p(0x0C, "redirectionNumber", "Redirection number", variable(2), .number(calledLayout)),
        p(0x0D, "connectionRequest", "Connection request", variable(5, 7), .octets),
        p(0x0E, "informationRequestIndicators", "Information request indicators", fixed(2),
          two(BitField("callingPartyAddressRequestIndicator", 0, 1), BitField("holdingIndicator", 1, 1),
              BitField("callingPartysCategoryRequestIndicator", 3, 1),
              BitField("chargeInformationRequestIndicator", 4, 1),
              BitField("maliciousCallIdentificationRequestIndicator", 7, 1))),
        p(0x0F, "informationIndicators", "Information indicators", fixed(2),
          two(BitField("callingPartyAddressResponseIndicator", 0, 2), BitField("holdProvidedIndicator", 2, 1),
              BitField("callingPartysCategoryResponseIndicator", 5, 1),
              BitField("chargeInformationResponseIndicator", 6, 1),
              BitField("solicitedInformationIndicator", 7, 1))),
        p(0x10, "continuityIndicators", "Continuity indicators", fixed(1), one(BitField("continuityIndicator", 0, 1))),
        p(0x11, "backwardCallIndicators", "Backward call indicators", fixed(2),
          two(BitField("chargeIndicator", 0, 2), BitField("calledPartysStatusIndicator", 2, 2),
              BitField("calledPartysCategoryIndicator", 4, 2), BitField("endToEndMethodIndicator", 6, 2),
              BitField("interworkingIndicator", 8, 1), BitField("endToEndInformationIndicator", 9, 1),
              BitField("isdnUserPartIndicator", 10, 1), BitField("holdingIndicator", 11, 1),
              BitField("isdnAccessIndicator", 12, 1), BitField("echoControlDeviceIndicator", 13, 1),
              BitField("sccpMethodIndicator", 14, 2))),
        p(0x12, "causeIndicators", "Cause indicators", variable(2), .cause),
        p(0x13, "redirectionInformation", "Redirection information", variable(1, 2),
          two(BitField("redirectingIndicator", 0, 3), BitField("originalRedirectionReason", 4, 4),
              BitField("redirectionCounter", 8, 3), BitField("redirectingReason", 12, 4))),
        p(0x15, "circuitGroupSupervisionMessageType", "Circuit group supervision message type", fixed(1),
          one(BitField("typeIndicator", 0, 2))),
        p(0x16, "rangeAndStatus", "Range and status", variable(1, 33), .rangeAndStatus),
        p(0x18, "facilityIndicator", "Facility indicator", fixed(1), value),
        p(0x1A, "closedUserGroupInterlockCode", "Closed user group interlock code", fixed(4), .interlockCode),
        p(0x1D, "userServiceInformation", "User service information", variable(2), .bearerCapability),
        p(0x1E, "signallingPointCode", "Signalling point code", fixed(2), pointCode),
        p(0x20, "userToUserInformation", "User-to-user information", variable(1, 129), .userToUser),
        p(0x21, "connectedNumber", "Connected number", variable(2), .number(connectedLayout)),
        p(0x22, "suspendResumeIndicators", "Suspend/resume indicators", fixed(1),
          one(BitField("suspendResumeIndicator", 0, 1))),
        p(0x23, "transitNetworkSelection", "Transit network selection", variable(1), .number(transitNetworkLayout)),
        p(0x24, "eventInformation", "Event information", fixed(1),
          one(BitField("eventIndicator", 0, 7), BitField("eventPresentationRestrictedIndicator", 7, 1))),
        p(0x25, "circuitAssignmentMap", "Circuit assignment map", variable(1), .octets),
        p(0x26, "circuitStateIndicator", "Circuit state indicator", variable(1, 32), .octets),
        p(0x27, "automaticCongestionLevel", "Automatic congestion level", fixed(1), value),
        p(0x28, "originalCalledNumber", "Original called number", variable(2), .number(redirectingLayout)),
        p(0x29, "optionalBackwardCallIndicators", "Optional backward call indicators", fixed(1),
          one(BitField("inBandInformationIndicator", 0, 1), BitField("callDiversionMayOccurIndicator", 1, 1),
              BitField("simpleSegmentationIndicator", 2, 1), BitField("mlppUserIndicator", 3, 1))),
        p(0x2A, "userToUserIndicators", "User-to-user indicators", fixed(1),
          one(BitField("type", 0, 1), BitField("service1", 1, 2), BitField("service2", 3, 2),
              BitField("service3", 5, 2), BitField("networkDiscardIndicator", 7, 1))),
        p(0x2B, "originationIscPointCode", "Origination ISC point code", fixed(2), pointCode),
        p(0x2C, "genericNotificationIndicator", "Generic notification indicator", fixed(1),
          one(BitField("notificationIndicator", 0, 7), BitField("extension", 7, 1)), repeatable: true),
        p(0x2D, "callHistoryInformation", "Call history information", fixed(2), milliseconds),
        p(0x2E, "accessDeliveryInformation", "Access delivery information", fixed(1),
          one(BitField("accessDeliveryIndicator", 0, 1))),
        p(0x2F, "networkSpecificFacility", "Network specific facility", variable(1), .octets),
        p(0x30, "userServiceInformationPrime", "User service information prime", variable(2), .bearerCapability),
        p(0x31, "propagationDelayCounter", "Propagation delay counter", fixed(2), milliseconds),
        p(0x32, "remoteOperations", "Remote operations", variable(1), .octets),
        p(0x33, "serviceActivation", "Service activation", variable(1), .octets),
        p(0x34, "userTeleserviceInformation", "User teleservice information", variable(2, 3), .octets),
        p(0x35, "transmissionMediumUsed", "Transmission medium used", fixed(1), value),
        p(0x36, "callDiversionInformation", "Call diversion information", fixed(1),
          one(BitField("notificationSubscriptionOptions", 0, 3), BitField("redirectingReason", 3, 4))),
        p(0x37, "echoControlInformation", "Echo control information", fixed(1),
          one(BitField("outgoingEchoControlDeviceInformation", 0, 2),
              BitField("incomingEchoControlDeviceInformation", 2, 2),
              BitField("outgoingEchoControlDeviceRequest", 4, 2),
              BitField("incomingEchoControlDeviceRequest", 6, 2))),
        p(0x38, "messageCompatibilityInformation", "Message compatibility information", variable(1),
          ext(BitField("transitAtIntermediateExchangeIndicator", 0, 1), BitField("releaseCallIndicator", 1, 1),
              BitField("sendNotificationIndicator", 2, 1), BitField("discardMessageIndicator", 3, 1),
              BitField("passOnNotPossibleIndicator", 4, 1),
              BitField("broadbandNarrowbandInterworkingIndicator", 5, 2), BitField("extension", 7, 1))),
        p(0x39, "parameterCompatibilityInformation", "Parameter compatibility information", variable(2),
          .parameterCompatibility),
        p(0x3A, "mlppPrecedence", "MLPP precedence", fixed(6), .octets),
        p(0x3B, "mcidRequestIndicators", "MCID request indicators", fixed(1),
          one(BitField("mcidRequestIndicator", 0, 1), BitField("holdingIndicator", 1, 1))),
        p(0x3C, "mcidResponseIndicators", "MCID response indicators", fixed(1),
          one(BitField("mcidResponseIndicator", 0, 1), BitField("holdProvidedIndicator", 1, 1))),
        p(0x3D, "hopCounter", "Hop counter", fixed(1), one(BitField("hopCounter", 0, 5))),
        p(0x3E, "transmissionMediumRequirementPrime", "Transmission medium requirement prime", fixed(1), value),
        p(0x3F, "locationNumber", "Location number", variable(2), .number(locationLayout)),
        p(0x40, "redirectionNumberRestriction", "Redirection number restriction", fixed(1),
          one(BitField("presentationRestrictedIndicator", 0, 2))),
        p(0x43, "callTransferReference", "Call transfer reference", fixed(1), value),
        p(0x44, "loopPreventionIndicators", "Loop prevention indicators", fixed(1),
          one(BitField("type", 0, 1), BitField("response", 1, 2))),
        p(0x45, "callTransferNumber", "Call transfer number", variable(2), .number(connectedLayout)),
        p(0x4B, "ccss", "CCSS", fixed(1), one(BitField("ccssCallIndicator", 0, 1))),
        p(0x4C, "forwardGvns", "Forward GVNS", variable(1), .octets),
        p(0x4D, "backwardGvns", "Backward GVNS", fixed(1),
          one(BitField("terminatingAccessIndicator", 0, 2), BitField("extension", 7, 1))),
        p(0x4E, "redirectCapability", "Redirect capability", variable(1), .octets),
        p(0x5B, "networkManagementControls", "Network management controls", variable(1),
          ext(BitField("temporaryAlternativeRoutingIndicator", 0, 1), BitField("extension", 7, 1))),
        p(0x65, "correlationId", "Correlation id", variable(1), .octets),
        p(0x66, "scfId", "SCF id", variable(1), .octets),
        p(0x6E, "callDiversionTreatmentIndicators", "Call diversion treatment indicators", variable(1),
          ext(BitField("callToBeDivertedIndicator", 0, 2), BitField("extension", 7, 1))),
        p(0x6F, "calledInNumber", "Called IN number", variable(2), .number(redirectingLayout)),
        p(0x70, "callOfferingTreatmentIndicators", "Call offering treatment indicators", variable(1),
          ext(BitField("callToBeOfferedIndicator", 0, 2), BitField("extension", 7, 1))),
        p(0x71, "chargedPartyIdentification", "Charged party identification", variable(1), .octets),
        p(0x72, "conferenceTreatmentIndicators", "Conference treatment indicators", variable(1),
          ext(BitField("conferenceAcceptanceIndicator", 0, 2), BitField("extension", 7, 1))),
        p(0x73, "displayInformation", "Display information", variable(1), .octets),
        p(0x74, "uidActionIndicators", "UID action indicators", variable(1),
          ext(BitField("throughConnectionInstructionIndicator", 0, 1),
              BitField("t9TimerInstructionIndicator", 1, 1), BitField("extension", 7, 1))),
        p(0x75, "uidCapabilityIndicators", "UID capability indicators", variable(1),
          ext(BitField("throughConnectionIndicator", 0, 1), BitField("t9Indicator", 1, 1),
              BitField("extension", 7, 1))),
        p(0x77, "redirectCounter", "Redirect counter", fixed(1), value),
        p(0x78, "applicationTransportParameter", "Application transport parameter", variable(3), .octets,
          repeatable: true),
        p(0x79, "collectCallRequest", "Collect call request", fixed(1),
          one(BitField("collectCallRequestIndicator", 0, 1))),
        p(0x7A, "ccnrPossibleIndicator", "CCNR possible indicator", fixed(1),
          one(BitField("ccnrPossibleIndicator", 0, 1))),
        p(0x7B, "pivotCapability", "Pivot capability", variable(1),
          ext(BitField("pivotPossibleIndicator", 0, 3), BitField("interworkingToRedirectionIndicator", 6, 1),
              BitField("extension", 7, 1))),
        p(0x7C, "pivotRoutingIndicators", "Pivot routing indicators", variable(1),
          ext(BitField("pivotRoutingIndicator", 0, 7), BitField("extension", 7, 1))),
        p(0x7D, "calledDirectoryNumber", "Called directory number", variable(2), .number(calledLayout)),
        p(0x7F, "originalCalledInNumber", "Original called IN number", variable(2), .number(redirectingLayout)),
        p(0x81, "callingGeodeticLocation", "Calling geodetic location", variable(1), .octets),
        p(0x82, "htrInformation", "HTR information", variable(2), .number(htrLayout)),
        p(0x84, "networkRoutingNumber", "Network routing number", variable(2), .octets),
        p(0x85, "queryOnReleaseCapability", "Query on release capability", variable(1),
          ext(BitField("qorCapabilityIndicator", 0, 1), BitField("extension", 7, 1))),
        p(0x86, "pivotStatus", "Pivot status", variable(1),
          ext(BitField("pivotStatusIndicator", 0, 2), BitField("extension", 7, 1))),
        p(0x87, "pivotCounter", "Pivot counter", fixed(1), one(BitField("pivotCounter", 0, 5))),
        p(0x88, "pivotRoutingForwardInformation", "Pivot routing forward information", variable(1), .octets),
        p(0x89, "pivotRoutingBackwardInformation", "Pivot routing backward information", variable(1), .octets),
        p(0x8A, "redirectStatus", "Redirect status", variable(1),
          ext(BitField("redirectStatusIndicator", 0, 2), BitField("extension", 7, 1))),
        p(0x8B, "redirectForwardInformation", "Redirect forward information", variable(1), .octets),
        p(0x8C, "redirectBackwardInformation", "Redirect backward information", variable(1), .octets),
        p(0x8D, "numberPortabilityForwardInformation", "Number portability forward information", variable(1),
          ext(BitField("numberPortabilityStatusIndicator", 0, 4), BitField("extension", 7, 1))),
        p(0x8E, "forwardCatIndicators", "Forward CAT indicators", variable(1), .octets),
        p(0x8F, "backwardCatIndicators", "Backward CAT indicators", variable(1), .octets),
        p(0x96, "automaticReRouting", "Automatic re-routing", variable(1), .octets),
        p(0xA6, "iepsCallInformation", "IEPS call information", variable(1), .octets),
        p(0xA8, "vedInformation", "VED information", variable(1), .octets),
        p(0xC0, "genericNumber", "Generic number", variable(3), .number(genericLayout), repeatable: true),
        p(0xC1, "genericDigits", "Generic digits", variable(1), .genericDigits, repeatable: true),
    ]

    private static let byCode: [ParameterSpec?] = {
        var table = [ParameterSpec?](repeating: nil, count: 256)
        for spec in all {
            precondition(table[Int(spec.code.rawValue)] == nil, "duplicate parameter \(spec.name)")
            table[Int(spec.code.rawValue)] = spec
        }
        return table
    }()

    private static let byName: [String: ParameterSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func spec(for code: ParameterCode) -> ParameterSpec? { byCode[Int(code.rawValue)] }
    public static func spec(named name: String) -> ParameterSpec? { byName[name] }
}
