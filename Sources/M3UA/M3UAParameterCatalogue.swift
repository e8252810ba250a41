/// One row of the parameter table: RFC 4666 §3.2 tag, name and the clause whose figure gives the layout.
public struct M3UAParameterSpec: Sendable {
    public let tag: ParameterTag
    /// lowerCamelCase, the key of the JSON form.
    public let name: String
    public let title: String
    public let clause: String
    public let format: ValueFormat
}

/// The one table of M3UA parameter tags. Tags not listed are kept as octets.
public enum M3UAParameterCatalogue {
    private static func p(
        _ tag: ParameterTag, _ name: String, _ title: String, _ clause: String, _ format: ValueFormat
    ) -> M3UAParameterSpec {
        M3UAParameterSpec(tag: tag, name: name, title: title, clause: clause, format: format)
    }
    private static let identifier = ValueFormat.integer(names: [:])

    /// RFC 4666 §3.6.1: Local-RK-Identifier (M), Routing Context (O), Traffic Mode Type (O), then groups of
    /// Destination Point Code (M), Service Indicators (O), OPC List (O) that "MAY be repeated"; Network
    /// Appearance (O). Circuit Range (O, repeatable with the group) is RFC 3332's.
    public static let routingKeyRules = [
        ParameterRule(.localRoutingKeyIdentifier, .mandatory), ParameterRule(.routingContext, .optional),
        ParameterRule(.trafficModeType, .optional), ParameterRule(.destinationPointCode, .mandatory, repeatable: true),
        ParameterRule(.networkAppearance, .optional), ParameterRule(.serviceIndicators, .optional, repeatable: true),
        ParameterRule(.originatingPointCodeList, .optional, repeatable: true),
        ParameterRule(.circuitRange, .optional, repeatable: true),
    ]
    /// RFC 4666 §3.6.2
    public static let registrationResultRules = [
        ParameterRule(.localRoutingKeyIdentifier, .mandatory), ParameterRule(.registrationStatus, .mandatory),
        ParameterRule(.routingContext, .mandatory),
    ]
    /// RFC 4666 §3.6.4
    public static let deregistrationResultRules = [
        ParameterRule(.routingContext, .mandatory), ParameterRule(.deregistrationStatus, .mandatory),
    ]

    /// RFC 4666 §3.2 (common tags 0x0004–0x0013, M3UA tags 0x0200–0x0213) and RFC 3332 Circuit Range.
    public static let all: [M3UAParameterSpec] = [
        p(.infoString, "infoString", "INFO String", "§3.4.1", .text),
        p(.routingContext, "routingContext", "Routing Context", "§3.7.1", .integers),
        p(.diagnosticInformation, "diagnosticInformation", "Diagnostic Information", "§3.8.1", .octets),
        p(.heartbeatData, "heartbeatData", "Heartbeat Data", "§3.5.5", .octets),
        p(.trafficModeType, "trafficModeType", "Traffic Mode Type", "§3.7.1", .integer(names: TrafficModeType.names)),
        p(.errorCode, "errorCode", "Error Code", "§3.8.1", .integer(names: M3UAErrorCode.names)),
        p(.status, "status", "Status", "§3.8.2", .status),
        p(.aspIdentifier, "aspIdentifier", "ASP Identifier", "§3.5.1", identifier),
        p(.affectedPointCode, "affectedPointCode", "Affected Point Code", "§3.4.1", .pointCodes),
        p(.correlationID, "correlationID", "Correlation ID", "§3.3.1", identifier),
        p(.networkAppearance, "networkAppearance", "Network Appearance", "§3.3.1", identifier),
        p(.userCause, "userCause", "User/Cause", "§3.4.5", .userCause),
        p(.congestionIndications, "congestionIndications", "Congestion Indications", "§3.4.4", .congestionIndications),
        p(.concernedDestination, "concernedDestination", "Concerned Destination", "§3.4.4", .concernedDestination),
        p(.routingKey, "routingKey", "Routing Key", "§3.6.1", .nested(routingKeyRules)),
        p(.registrationResult, "registrationResult", "Registration Result", "§3.6.2", .nested(registrationResultRules)),
        p(.deregistrationResult, "deregistrationResult", "Deregistration Result", "§3.6.4",
          .nested(deregistrationResultRules)),
        p(.localRoutingKeyIdentifier, "localRoutingKeyIdentifier", "Local Routing Key Identifier", "§3.6.1", identifier),
        p(.destinationPointCode, "destinationPointCode", "Destination Point Code", "§3.6.1", .pointCode),
        p(.serviceIndicators, "serviceIndicators", "Service Indicators", "§3.6.1", .serviceIndicators),
        p(.originatingPointCodeList, "originatingPointCodeList", "Originating Point Code List", "§3.6.1", .pointCodes),
        p(.circuitRange, "circuitRange", "Circuit Range", "RFC 3332 §3.6.1", .circuitRanges),
        p(.protocolData, "protocolData", "Protocol Data", "§3.3.1", .protocolData),
        p(.registrationStatus, "registrationStatus", "Registration Status", "§3.6.2",
          .integer(names: RegistrationStatus.names)),
        p(.deregistrationStatus, "deregistrationStatus", "Deregistration Status", "§3.6.4",
          .integer(names: DeregistrationStatus.names)),
    ]

    private static let byTag: [ParameterTag: M3UAParameterSpec] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.tag, $0) })

    public static func spec(for tag: ParameterTag) -> M3UAParameterSpec? { byTag[tag] }
}
