/// One row of the class table, RFC 4666 §3.1.2.
public struct MessageClassSpec: Sendable {
    public let messageClass: MessageClass
    public let acronym: String
    public let title: String
}

/// One row of the message table: RFC 4666 §3.1.2 codes, §3.3–§3.8 parameter lists (in the RFC's order).
public struct M3UAMessageSpec: Sendable {
    public let type: M3UAMessageType
    /// The acronym Wireshark and the digest use (`ASPUP_ACK`, `REG_REQ`).
    public let acronym: String
    public let title: String
    /// The RFC 4666 clause that defines the message (`§3.5.2`).
    public let clause: String
    public let parameters: [ParameterRule]
}

/// The one table of M3UA message classes and types. Decoding, validation, encoding and the JSON form read it.
public enum M3UAMessageCatalogue {
    /// RFC 4666 §3.1.2, "valid Message Classes" (5–8 are reserved for other SIGTRAN adaptation layers).
    public static let classes: [MessageClassSpec] = [
        MessageClassSpec(messageClass: .mgmt, acronym: "MGMT", title: "Management"),
        MessageClassSpec(messageClass: .transfer, acronym: "Transfer", title: "Transfer"),
        MessageClassSpec(messageClass: .ssnm, acronym: "SSNM", title: "SS7 Signalling Network Management"),
        MessageClassSpec(messageClass: .aspsm, acronym: "ASPSM", title: "ASP State Maintenance"),
        MessageClassSpec(messageClass: .asptm, acronym: "ASPTM", title: "ASP Traffic Maintenance"),
        MessageClassSpec(messageClass: .rkm, acronym: "RKM", title: "Routing Key Management"),
    ]

    private static func m(_ tag: ParameterTag, repeatable: Bool = false) -> ParameterRule {
        ParameterRule(tag, .mandatory, repeatable: repeatable)
    }
    private static func c(_ tag: ParameterTag) -> ParameterRule { ParameterRule(tag, .conditional) }
    private static func o(_ tag: ParameterTag) -> ParameterRule { ParameterRule(tag, .optional) }

    private static func spec(
        _ type: M3UAMessageType, _ acronym: String, _ title: String, _ clause: String, _ parameters: [ParameterRule]
    ) -> M3UAMessageSpec {
        M3UAMessageSpec(type: type, acronym: acronym, title: title, clause: clause, parameters: parameters)
    }

    /// §3.4.1: DUNA, DAVA, DAUD and DRST share one parameter list.
    private static let destinationState = [o(.networkAppearance), c(.routingContext), m(.affectedPointCode), o(.infoString)]
    /// §3.5.1, §3.5.2
    private static let aspUp = [o(.aspIdentifier), o(.infoString)]
    /// §3.7.1, §3.7.2
    private static let aspActive = [o(.trafficModeType), o(.routingContext), o(.infoString)]
    /// §3.7.3, §3.7.4
    private static let aspInactive = [o(.routingContext), o(.infoString)]

    /// Every message of RFC 4666 §3.1.2 with its parameters (§3.3–§3.8).
    public static let all: [M3UAMessageSpec] = [
        spec(.err, "ERR", "Error", "§3.8.1", [
            // Routing Context, Network Appearance and Affected Point Code are "Mandatory*": only for some codes.
            m(.errorCode), c(.routingContext), c(.networkAppearance), c(.affectedPointCode), c(.diagnosticInformation),
        ]),
        spec(.ntfy, "NTFY", "Notify", "§3.8.2", [m(.status), c(.aspIdentifier), o(.routingContext), o(.infoString)]),
        spec(.data, "DATA", "Payload Data", "§3.3.1", [
            ParameterRule(.networkAppearance, .optional, constraint: .first),
            c(.routingContext), m(.protocolData), o(.correlationID),
        ]),
        spec(.duna, "DUNA", "Destination Unavailable", "§3.4.1", destinationState),
        spec(.dava, "DAVA", "Destination Available", "§3.4.2", destinationState),
        spec(.daud, "DAUD", "Destination State Audit", "§3.4.3", destinationState),
        spec(.scon, "SCON", "Signalling Congestion", "§3.4.4", [
            o(.networkAppearance), c(.routingContext), m(.affectedPointCode), o(.concernedDestination),
            o(.congestionIndications), o(.infoString),
        ]),
        spec(.dupu, "DUPU", "Destination User Part Unavailable", "§3.4.5", [
            o(.networkAppearance), c(.routingContext),
            ParameterRule(.affectedPointCode, .mandatory, constraint: .singleUnmaskedPointCode),
            m(.userCause), o(.infoString),
        ]),
        spec(.drst, "DRST", "Destination Restricted", "§3.4.6", destinationState),
        spec(.aspup, "ASPUP", "ASP Up", "§3.5.1", aspUp),
        spec(.aspdn, "ASPDN", "ASP Down", "§3.5.3", [o(.infoString)]),
        spec(.beat, "BEAT", "Heartbeat", "§3.5.5", [o(.heartbeatData)]),
        spec(.aspupAck, "ASPUP_ACK", "ASP Up Ack", "§3.5.2", aspUp),
        spec(.aspdnAck, "ASPDN_ACK", "ASP Down Ack", "§3.5.4", [o(.infoString)]),
        spec(.beatAck, "BEAT_ACK", "Heartbeat Ack", "§3.5.6", [o(.heartbeatData)]),
        spec(.aspac, "ASPAC", "ASP Active", "§3.7.1", aspActive),
        spec(.aspia, "ASPIA", "ASP Inactive", "§3.7.3", aspInactive),
        spec(.aspacAck, "ASPAC_ACK", "ASP Active Ack", "§3.7.2", aspActive),
        spec(.aspiaAck, "ASPIA_ACK", "ASP Inactive Ack", "§3.7.4", aspInactive),
        spec(.regReq, "REG_REQ", "Registration Request", "§3.6.1", [m(.routingKey, repeatable: true)]),
        spec(.regRsp, "REG_RSP", "Registration Response", "§3.6.2", [m(.registrationResult, repeatable: true)]),
        spec(.deregReq, "DEREG_REQ", "Deregistration Request", "§3.6.3", [m(.routingContext)]),
        spec(.deregRsp, "DEREG_RSP", "Deregistration Response", "§3.6.4", [m(.deregistrationResult, repeatable: true)]),
    ]

    private static let byType: [M3UAMessageType: M3UAMessageSpec] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.type, $0) })
    private static let byClass: [MessageClass: MessageClassSpec] = Dictionary(
        uniqueKeysWithValues: classes.map { ($0.messageClass, $0) })

    public static func spec(for type: M3UAMessageType) -> M3UAMessageSpec? { byType[type] }
    public static func spec(for messageClass: MessageClass) -> MessageClassSpec? { byClass[messageClass] }
}
