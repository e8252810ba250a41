/// A parameter name code, Q.763 Table 5.
public struct ParameterCode: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ rawValue: UInt8) { self.rawValue = rawValue }

    public static func < (lhs: ParameterCode, rhs: ParameterCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The catalogue entry, or nil for a code this codec does not know (kept as bytes).
    public var spec: ParameterSpec? { ParameterCatalogue.spec(for: self) }

    /// The lowerCamelCase Q.763 name, or `parameter0xNN` for an unknown code.
    public var name: String { spec?.name ?? "parameter0x" + Hex.byte(rawValue) }

    public var description: String { name }
}

extension ParameterCode {
    public static let endOfOptionalParameters = ParameterCode(0x00)
    public static let callReference = ParameterCode(0x01)
    public static let transmissionMediumRequirement = ParameterCode(0x02)
    public static let accessTransport = ParameterCode(0x03)
    public static let calledPartyNumber = ParameterCode(0x04)
    public static let subsequentNumber = ParameterCode(0x05)
    public static let natureOfConnectionIndicators = ParameterCode(0x06)
    public static let forwardCallIndicators = ParameterCode(0x07)
    public static let optionalForwardCallIndicators = ParameterCode(0x08)
    public static let callingPartysCategory = ParameterCode(0x09)
    public static let callingPartyNumber = ParameterCode(0x0A)
    public static let redirectingNumber = ParameterCode(0x0B)
    public static let redirectionNumber = ParameterCode(0x0C)
    public static let informationRequestIndicators = ParameterCode(0x0E)
    public static let informationIndicators = ParameterCode(0x0F)
    public static let continuityIndicators = ParameterCode(0x10)
    public static let backwardCallIndicators = ParameterCode(0x11)
    public static let causeIndicators = ParameterCode(0x12)
    public static let redirectionInformation = ParameterCode(0x13)
    public static let circuitGroupSupervisionMessageType = ParameterCode(0x15)
    public static let rangeAndStatus = ParameterCode(0x16)
    public static let facilityIndicator = ParameterCode(0x18)
    public static let userToUserInformation = ParameterCode(0x20)
    public static let connectedNumber = ParameterCode(0x21)
    public static let suspendResumeIndicators = ParameterCode(0x22)
    public static let transitNetworkSelection = ParameterCode(0x23)
    public static let eventInformation = ParameterCode(0x24)
    public static let circuitStateIndicator = ParameterCode(0x26)
    public static let originalCalledNumber = ParameterCode(0x28)
    public static let optionalBackwardCallIndicators = ParameterCode(0x29)
    public static let userToUserIndicators = ParameterCode(0x2A)
    public static let genericNotificationIndicator = ParameterCode(0x2C)
    public static let propagationDelayCounter = ParameterCode(0x31)
    public static let transmissionMediumUsed = ParameterCode(0x35)
    public static let echoControlInformation = ParameterCode(0x37)
    public static let messageCompatibilityInformation = ParameterCode(0x38)
    public static let parameterCompatibilityInformation = ParameterCode(0x39)
    public static let hopCounter = ParameterCode(0x3D)
    public static let transmissionMediumRequirementPrime = ParameterCode(0x3E)
    public static let locationNumber = ParameterCode(0x3F)
    public static let applicationTransportParameter = ParameterCode(0x78)
    public static let numberPortabilityForwardInformation = ParameterCode(0x8D)
    public static let genericNumber = ParameterCode(0xC0)
    public static let genericDigits = ParameterCode(0xC1)
}
