import ISUP

/// An M3UA parameter tag, RFC 4666 §3.2.
public struct ParameterTag: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    /// The catalogue entry, or nil for a tag this codec does not know (kept as octets).
    public var spec: M3UAParameterSpec? { M3UAParameterCatalogue.spec(for: self) }

    /// The lowerCamelCase name (`routingContext`), or `tag0xNNNN` for an unknown tag.
    public var name: String {
        spec?.name ?? "tag0x" + Hex.byte(UInt8(rawValue >> 8)) + Hex.byte(UInt8(rawValue & 0xFF))
    }

    public var description: String { name }
}

extension ParameterTag {
    public static let infoString = ParameterTag(0x0004)
    public static let routingContext = ParameterTag(0x0006)
    public static let diagnosticInformation = ParameterTag(0x0007)
    public static let heartbeatData = ParameterTag(0x0009)
    public static let trafficModeType = ParameterTag(0x000B)
    public static let errorCode = ParameterTag(0x000C)
    public static let status = ParameterTag(0x000D)
    public static let aspIdentifier = ParameterTag(0x0011)
    public static let affectedPointCode = ParameterTag(0x0012)
    public static let correlationID = ParameterTag(0x0013)
    public static let networkAppearance = ParameterTag(0x0200)
    public static let userCause = ParameterTag(0x0204)
    public static let congestionIndications = ParameterTag(0x0205)
    public static let concernedDestination = ParameterTag(0x0206)
    public static let routingKey = ParameterTag(0x0207)
    public static let registrationResult = ParameterTag(0x0208)
    public static let deregistrationResult = ParameterTag(0x0209)
    public static let localRoutingKeyIdentifier = ParameterTag(0x020A)
    public static let destinationPointCode = ParameterTag(0x020B)
    public static let serviceIndicators = ParameterTag(0x020C)
    public static let originatingPointCodeList = ParameterTag(0x020E)
    public static let circuitRange = ParameterTag(0x020F)
    public static let protocolData = ParameterTag(0x0210)
    public static let registrationStatus = ParameterTag(0x0212)
    public static let deregistrationStatus = ParameterTag(0x0213)
}
