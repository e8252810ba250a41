import ISUP
import M3UA
import OracleSupport
import Testing

/// One vector per RFC 4666 message type, derived by hand from the message's figure in the clause cited: the
/// message built from typed values encodes to these octets, and the octets decode back to the same message.
struct RFCVector: CustomTestStringConvertible, Sendable {
    let clause: String
    let message: M3UAMessage
    let hex: String
    var testDescription: String { "\(message.type.acronym) (RFC 4666 \(clause))" }
}

enum RFCVectors {
    static let pc1234 = MaskedPointCode(1234)  // 0x0004D2, an ITU 14-bit point code right-aligned in 24 bits

    static let all: [RFCVector] = [
        RFCVector(
            clause: "§3.8.1", // Error Code 0x04 with the offending message (ASPSM type 7) as Diagnostic Information
            message: M3UAMessage(.err, [.errorCode(.unsupportedMessageType), .diagnosticInformation(hex("01 00 03 07 00 00 00 08"))]),
            hex: "01 00 00 00 00 00 00 1c  00 0c 00 08 00 00 00 04  00 07 00 0c 01 00 03 07 00 00 00 08"),
        RFCVector(
            clause: "§3.8.2", // Status Other/Alternate ASP Active, ASP Identifier of that ASP, RC, INFO (pad 1)
            message: M3UAMessage(.ntfy, [.status(.alternateASPActive), .aspIdentifier(7), .routingContext([1]), .infoString("AS1")]),
            hex: "01 00 00 01 00 00 00 28  00 0d 00 08 00 02 00 02  00 11 00 08 00 00 00 07  00 06 00 08 00 00 00 01  00 04 00 07 41 53 31 00"),
        RFCVector(
            clause: "§3.3.1", // NA first, RC, Protocol Data with an ISUP RLC (CIC 1), Correlation Id
            message: M3UAMessage(.data, [
                .networkAppearance(1), .routingContext([1]),
                .protocolData(try! ProtocolData(opc: 1, dpc: 2, ni: 2, sls: 1, isup: ISUPMessage(type: .rlc, cic: 1, parameters: []))),
                .correlationID(0x1234),
            ]),
            hex: """
                01 00 01 01 00 00 00 34  02 00 00 08 00 00 00 01  00 06 00 08 00 00 00 01
                02 10 00 14 00 00 00 01 00 00 00 02 05 02 00 01 01 00 10 00  00 13 00 08 00 00 12 34
                """),
        RFCVector(
            clause: "§3.4.1", // RC list of two, Affected PCs 1234 and 2048 with mask 3 (an ITU region), INFO
            message: M3UAMessage(.duna, [
                .routingContext([1, 2]), .affectedPointCode([pc1234, MaskedPointCode(2048, mask: 3)]), .infoString("down"),
            ]),
            hex: "01 00 02 01 00 00 00 28  00 06 00 0c 00 00 00 01 00 00 00 02  00 12 00 0c 00 00 04 d2 03 00 08 00  00 04 00 08 64 6f 77 6e"),
        RFCVector(
            clause: "§3.4.2",
            message: M3UAMessage(.dava, [.networkAppearance(5), .affectedPointCode([pc1234])]),
            hex: "01 00 02 02 00 00 00 18  02 00 00 08 00 00 00 05  00 12 00 08 00 00 04 d2"),
        RFCVector(
            clause: "§3.4.3",
            message: M3UAMessage(.daud, [.routingContext([3]), .affectedPointCode([pc1234])]),
            hex: "01 00 02 03 00 00 00 18  00 06 00 08 00 00 00 03  00 12 00 08 00 00 04 d2"),
        RFCVector(
            clause: "§3.4.4", // Concerned Destination 5, Congestion Level 2
            message: M3UAMessage(.scon, [
                .routingContext([1]), .affectedPointCode([pc1234]), .concernedDestination(5), .congestionIndications(level: 2),
            ]),
            hex: "01 00 02 04 00 00 00 28  00 06 00 08 00 00 00 01  00 12 00 08 00 00 04 d2  02 06 00 08 00 00 00 05  02 05 00 08 00 00 00 02"),
        RFCVector(
            clause: "§3.4.5", // Unavailability Cause 1 (Unequipped Remote User), MTP3-User Identity 5 (ISUP)
            message: M3UAMessage(.dupu, [.routingContext([1]), .affectedPointCode([pc1234]), .userCause(UserCause(cause: 1, user: 5))]),
            hex: "01 00 02 05 00 00 00 20  00 06 00 08 00 00 00 01  00 12 00 08 00 00 04 d2  02 04 00 08 00 01 00 05"),
        RFCVector(
            clause: "§3.4.6",
            message: M3UAMessage(.drst, [.affectedPointCode([pc1234])]),
            hex: "01 00 02 06 00 00 00 10  00 12 00 08 00 00 04 d2"),
        RFCVector(
            clause: "§3.5.1", // INFO of 5 octets: length 9, 3 padding octets
            message: M3UAMessage(.aspup, [.aspIdentifier(0x2A), .infoString("ASP-A")]),
            hex: "01 00 03 01 00 00 00 1c  00 11 00 08 00 00 00 2a  00 04 00 09 41 53 50 2d 41 00 00 00"),
        RFCVector(
            clause: "§3.5.2", // an IPSP answering with its own ASP Identifier
            message: M3UAMessage(.aspupAck, [.aspIdentifier(0x2B)]),
            hex: "01 00 03 04 00 00 00 10  00 11 00 08 00 00 00 2b"),
        RFCVector(
            clause: "§3.5.3",
            message: M3UAMessage(.aspdn, [.infoString("bye")]),
            hex: "01 00 03 02 00 00 00 10  00 04 00 07 62 79 65 00"),
        RFCVector(
            clause: "§3.5.4",
            message: M3UAMessage(.aspdnAck),
            hex: "01 00 03 05 00 00 00 08"),
        RFCVector(
            clause: "§3.5.5", // 6 octets of Heartbeat Data (sequence 1, 1000 ms): length 10, 2 padding octets
            message: M3UAMessage(.beat, [.heartbeatData(hex("00 01 00 00 03 e8"))]),
            hex: "01 00 03 03 00 00 00 14  00 09 00 0a 00 01 00 00 03 e8 00 00"),
        RFCVector(
            clause: "§3.5.6", // the BEAT's parameters "without any change"
            message: M3UAMessage(.beatAck, [.heartbeatData(hex("00 01 00 00 03 e8"))]),
            hex: "01 00 03 06 00 00 00 14  00 09 00 0a 00 01 00 00 03 e8 00 00"),
        RFCVector(
            clause: "§3.7.1", // Override for two Routing Contexts
            message: M3UAMessage(.aspac, [.trafficModeType(.override), .routingContext([1, 2])]),
            hex: "01 00 04 01 00 00 00 1c  00 0b 00 08 00 00 00 01  00 06 00 0c 00 00 00 01 00 00 00 02"),
        RFCVector(
            clause: "§3.7.2",
            message: M3UAMessage(.aspacAck, [.trafficModeType(.override), .routingContext([1])]),
            hex: "01 00 04 03 00 00 00 18  00 0b 00 08 00 00 00 01  00 06 00 08 00 00 00 01"),
        RFCVector(
            clause: "§3.7.3", // INFO of 11 octets: length 15, 1 padding octet
            message: M3UAMessage(.aspia, [.routingContext([1]), .infoString("maintenance")]),
            hex: "01 00 04 02 00 00 00 20  00 06 00 08 00 00 00 01  00 04 00 0f 6d 61 69 6e 74 65 6e 61 6e 63 65 00"),
        RFCVector(
            clause: "§3.7.4",
            message: M3UAMessage(.aspiaAck, [.routingContext([1])]),
            hex: "01 00 04 04 00 00 00 10  00 06 00 08 00 00 00 01"),
        RFCVector(
            clause: "§3.6.1", // Routing Key: LRK-Id, TMT, DPC, NA, SI (length 5, padding counted in the key), OPC List
            message: M3UAMessage(.regReq, [
                .routingKey(RoutingKey(parameters: [
                    .localRoutingKeyIdentifier(1), .trafficModeType(.loadshare), .destinationPointCode(pc1234),
                    .networkAppearance(1), .serviceIndicators([.isup]), .originatingPointCodeList([MaskedPointCode(5678)]),
                ])),
            ]),
            hex: """
                01 00 09 01 00 00 00 3c  02 07 00 34  02 0a 00 08 00 00 00 01  00 0b 00 08 00 00 00 02
                02 0b 00 08 00 00 04 d2  02 00 00 08 00 00 00 01  02 0c 00 05 05 00 00 00  02 0e 00 08 00 00 16 2e
                """),
        RFCVector(
            clause: "§3.6.2", // one success (RC 7) and one failure (Invalid DPC, RC 0)
            message: M3UAMessage(.regRsp, [
                .registrationResult(RegistrationResult(localRoutingKeyIdentifier: 1, status: .successfullyRegistered, routingContext: 7)),
                .registrationResult(RegistrationResult(localRoutingKeyIdentifier: 2, status: RegistrationStatus(rawValue: 2), routingContext: 0)),
            ]),
            hex: """
                01 00 09 02 00 00 00 40
                02 08 00 1c  02 0a 00 08 00 00 00 01  02 12 00 08 00 00 00 00  00 06 00 08 00 00 00 07
                02 08 00 1c  02 0a 00 08 00 00 00 02  02 12 00 08 00 00 00 02  00 06 00 08 00 00 00 00
                """),
        RFCVector(
            clause: "§3.6.3",
            message: M3UAMessage(.deregReq, [.routingContext([7, 8])]),
            hex: "01 00 09 03 00 00 00 14  00 06 00 0c 00 00 00 07 00 00 00 08"),
        RFCVector(
            clause: "§3.6.4",
            message: M3UAMessage(.deregRsp, [.deregistrationResult(DeregistrationResult(routingContext: 7, status: .successfullyDeregistered))]),
            hex: "01 00 09 04 00 00 00 1c  02 09 00 14  00 06 00 08 00 00 00 07  02 13 00 08 00 00 00 00"),
    ]
}

struct RFCMessageTypeTests {
    @Test(arguments: RFCVectors.all)
    func encodesAndDecodesTheRFCLayout(_ v: RFCVector) throws {
        #expect(Hex.string(try v.message.encoded()) == Hex.string(hex(v.hex)))
        let decoded = try decodeRoundTrip(v.hex)
        #expect(decoded == v.message)
        #expect(decoded.spec?.clause == v.clause)
        #expect(decoded.encodedLength == hex(v.hex).count)
    }

    @Test func everyMessageTypeOfTheCatalogueHasAVector() {
        #expect(Set(RFCVectors.all.map(\.message.type)) == Set(M3UAMessageCatalogue.all.map(\.type)))
        #expect(M3UAMessageCatalogue.all.count == 23)
    }

    @Test func typedAccessorsReadTheRFCFields() throws {
        func message(_ type: M3UAMessageType) throws -> M3UAMessage {
            try M3UAMessage(decoding: hex(try #require(RFCVectors.all.first { $0.message.type == type }).hex))
        }
        let ntfy = try message(.ntfy)
        #expect(ntfy.status == .alternateASPActive)
        #expect(ntfy.status?.name == "Alternate ASP Active")
        #expect(ntfy.aspIdentifier == 7)
        #expect(ntfy.infoString == "AS1")

        let data = try message(.data)
        #expect(data.networkAppearance == 1)
        #expect(data.correlationID == 0x1234)
        let rlc = try #require(try data.protocolData?.isup())
        #expect(rlc.type == .rlc && rlc.cic?.value == 1)

        let duna = try message(.duna)
        #expect(duna.routingContexts == [1, 2])
        #expect(duna.affectedPointCodes == [MaskedPointCode(1234), MaskedPointCode(2048, mask: 3)])

        let scon = try message(.scon)
        #expect(scon.concernedDestination == 5)
        #expect(scon.congestionLevel == 2)

        let dupu = try message(.dupu)
        #expect(dupu.userCause?.causeName == "Unequipped Remote User")
        #expect(dupu.userCause?.userName == "ISUP")

        let beat = try message(.beat)
        #expect(beat.heartbeatData.map(Array.init) == hex("00 01 00 00 03 e8"))
        #expect(try message(.beatAck).parameters == beat.parameters)

        let aspac = try message(.aspac)
        #expect(aspac.trafficModeType == .override)

        let key = try #require(try message(.regReq).routingKeys.first)
        #expect(key.localRoutingKeyIdentifier == 1)
        #expect(key.trafficModeType == .loadshare)
        #expect(key.destinationPointCodes == [MaskedPointCode(1234)])
        #expect(key.networkAppearance == 1)
        #expect(key.serviceIndicators == [.isup])
        #expect(key.originatingPointCodes == [MaskedPointCode(5678)])

        let results = try message(.regRsp).registrationResults
        #expect(results.map(\.localRoutingKeyIdentifier) == [1, 2])
        #expect(results.map(\.registrationStatus) == [.successfullyRegistered, RegistrationStatus(rawValue: 2)])
        #expect(results.map(\.routingContexts) == [[7], [0]])
        #expect(results.last?.registrationStatus?.name == "Error - Invalid DPC")

        #expect(try message(.deregReq).routingContexts == [7, 8])
        let dereg = try #require(try message(.deregRsp).deregistrationResults.first)
        #expect(dereg.routingContexts == [7])
        #expect(dereg.deregistrationStatus == .successfullyDeregistered)
    }

    @Test func circuitRangeInARoutingKey() throws {
        // RFC 3332 §3.6.1 (tag 0x020f, reserved in RFC 4666): OPC 5678, CICs 1–31, after the DPC of its group.
        let message = M3UAMessage(.regReq, [
            .routingKey(RoutingKey(parameters: [
                .localRoutingKeyIdentifier(3), .destinationPointCode(RFCVectors.pc1234), .serviceIndicators([.isup]),
                .circuitRange([CircuitRange(opc: MaskedPointCode(5678), lowerCIC: 1, upperCIC: 31)]),
            ])),
        ])
        let octets = hex("""
            01 00 09 01 00 00 00 30  02 07 00 28  02 0a 00 08 00 00 00 03  02 0b 00 08 00 00 04 d2
            02 0c 00 05 05 00 00 00  02 0f 00 0c 00 00 16 2e 00 01 00 1f
            """)
        #expect(try message.encoded() == octets)
        let decoded = try M3UAMessage(decoding: octets)
        #expect(decoded == message)
        #expect(decoded.routingKeys.first?.circuitRanges == [CircuitRange(opc: MaskedPointCode(5678), lowerCIC: 1, upperCIC: 31)])
    }
}
