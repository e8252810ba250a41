import ISUP
import M3UA
import OracleSupport
import Testing

/// tshark (Wireshark's M3UA and ISUP dissectors, code no one here wrote) decodes what we encode: every message
/// type, in one capture, with the message class and type, routing context, Protocol Data fields and the ISUP
/// message type we put there, and with no malformed or error-severity expert item. Each M3UA PDU is one packet,
/// wrapped by text2pcap in SCTP with PPID 3 (M3UA) on port 2905.
@Suite(.enabled(if: Tshark.isAvailable, Comment(rawValue: Tshark.missingNote)))
struct TsharkOracleTests {
    static let sctp = ["-S", "2905,2905,3"]
    static let fields = [
        "m3ua.message_class", "m3ua.message_type", "m3ua.message_length", "m3ua.routing_context",
        "m3ua.protocol_data_opc", "m3ua.protocol_data_dpc", "m3ua.protocol_data_si", "m3ua.protocol_data_sls",
        "isup.cic", "isup.message_type", "m3ua.traffic_mode_type", "m3ua.error_code", "m3ua.status_type",
        "m3ua.status_info", "m3ua.asp_identifier", "m3ua.affected_point_code_pc", "m3ua.info_string",
        "m3ua.dpc_pc", "m3ua.cic_range_lower", "m3ua.cic_range_upper",
        "_ws.malformed", "_ws.expert.severity", "_ws.expert.message",
    ]

    /// Every message type (RFC 4666 vectors), the C1 ISUP IAM in DATA and a Routing Key with a Circuit Range.
    static func messages() throws -> [M3UAMessage] {
        let c1 = """
            01 00 01 01 00 00 00 58 00 06 00 08 00 00 00 0a 02 10 00 45 00 00 00 01 00 00 00 02 05 02 00 07 09 00 01 10
            48 00 0a 03 02 0a 08 83 10 29 99 24 00 80 0f 0a 08 03 13 94 03 42 30 93 20 f2 15 36 19 08 00 00 15 ff ff ff
            ff ff ff ff ff ff ff 1d 45 38 cb 20 00 00 00 00
            """
        let circuitRange = M3UAMessage(.regReq, [
            .routingKey(RoutingKey(parameters: [
                .localRoutingKeyIdentifier(3), .destinationPointCode(MaskedPointCode(1234)), .serviceIndicators([.isup]),
                .circuitRange([CircuitRange(opc: MaskedPointCode(5678), lowerCIC: 1, upperCIC: 31)]),
            ])),
        ])
        return RFCVectors.all.map(\.message) + [try M3UAMessage(decoding: hex(c1)), circuitRange]
    }

    @Test func tsharkDecodesEveryMessageTypeWeEncode() throws {
        try Self.expectAgreement(try Self.messages())
    }

    @Test func tsharkDecodesGeneratedMessages() throws {
        var generator = M3UAMessageGenerator(seed: 0x0B0E)
        try Self.expectAgreement((0..<600).map { _ in generator.message() })
    }

    /// Encodes the messages into one capture and checks tshark's fields against our own typed accessors.
    static func expectAgreement(_ messages: [M3UAMessage]) throws {
        let rows = try Tshark.fields(of: messages.map { try $0.encoded() }, text2pcap: sctp, fields: fields)
        try #require(rows.count == messages.count)
        for (n, (m, columns)) in zip(messages, rows).enumerated() {
            let row = Dictionary(uniqueKeysWithValues: zip(fields, columns + Array(repeating: "", count: fields.count)))
            let label = "#\(n) \(m.type.acronym) \(Hex.string(try m.encoded())): \(row["_ws.expert.message"] ?? "")"
            let expected: [String: String?] = [
                "m3ua.message_class": String(m.type.messageClass.rawValue),
                "m3ua.message_type": String(m.type.code),
                "m3ua.message_length": String(m.encodedLength),
                // tshark reports the Routing Contexts inside Routing Keys and results under the same field.
                "m3ua.routing_context": (m.routingContexts + m.routingKeys.flatMap(\.routingContexts)
                    + m.registrationResults.flatMap(\.routingContexts) + m.deregistrationResults.flatMap(\.routingContexts))
                    .map(String.init).joined(separator: ","),
                "m3ua.protocol_data_opc": m.protocolData.map { String($0.opc) } ?? "",
                "m3ua.protocol_data_dpc": m.protocolData.map { String($0.dpc) } ?? "",
                "m3ua.protocol_data_si": m.protocolData.map { String($0.si.rawValue) } ?? "",
                "m3ua.protocol_data_sls": m.protocolData.map { String($0.sls) } ?? "",
                "isup.cic": try m.protocolData?.isup().flatMap { $0.cic.map { String($0.value) } } ?? "",
                "isup.message_type": try m.protocolData?.isup().map { String($0.type.rawValue) } ?? "",
                "m3ua.traffic_mode_type": ([m.trafficModeType] + m.routingKeys.map(\.trafficModeType)).compactMap { $0 }
                    .map { String($0.rawValue) }.joined(separator: ","),
                "m3ua.error_code": m.errorCode.map { String($0.rawValue) } ?? "",
                "m3ua.status_type": m.status.map { String($0.type) } ?? "",
                "m3ua.status_info": m.status.map { String($0.information) } ?? "",
                "m3ua.asp_identifier": m.aspIdentifier.map(String.init) ?? "",
                "m3ua.affected_point_code_pc": m.affectedPointCodes.map { String($0.pointCode) }.joined(separator: ","),
                "m3ua.info_string": m.infoString ?? "",
                "m3ua.dpc_pc": m.routingKeys.flatMap(\.destinationPointCodes).map { String($0.pointCode) }.joined(separator: ","),
                "m3ua.cic_range_lower": m.routingKeys.flatMap(\.circuitRanges).map { String($0.lowerCIC) }.joined(separator: ","),
                "m3ua.cic_range_upper": m.routingKeys.flatMap(\.circuitRanges).map { String($0.upperCIC) }.joined(separator: ","),
            ]
            for (field, value) in expected {
                #expect(row[field] == value, "\(label) \(field)")
            }
            #expect(row["_ws.malformed"] == "", "\(label)")
            #expect(!(row["_ws.expert.severity"] ?? "").split(separator: ",").contains(Substring(Tshark.errorSeverity)), "\(label)")
        }
    }
}

@Test func tsharkOracleIsInstalledInCI() {
    if Tshark.isCI { #expect(Tshark.isAvailable, Comment(rawValue: Tshark.missingNote)) }
}
