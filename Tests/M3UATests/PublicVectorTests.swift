import ISUP
import M3UA
import OracleSupport
import Testing

/// The public M3UA vectors of vectors.md part B and C1, and the worked examples of sipi-m3ua.md §F (each checked
/// with tshark by their authors): every one decodes to the documented fields and re-encodes bit-exact.
struct PublicVectorTests {
    @Test func b1AspUpWithIdentifierAndInfo() throws {
        // vectors.md B1: wmnsk/go-m3ua messages/asp-up_test.go "has-all".
        let m = try decodeRoundTrip("01 00 03 01 00 00 00 1c 00 11 00 08 00 00 00 01 00 04 00 0c 64 65 61 64 62 65 65 66")
        #expect(m.type == .aspup)
        #expect(m.encodedLength == 28)
        #expect(m.aspIdentifier == 1)
        #expect(m.infoString == "deadbeef")
        #expect(m.parameters.map(\.tag) == [.aspIdentifier, .infoString])
    }

    @Test func b2AspActiveLoadshare() throws {
        // vectors.md B2: go-m3ua messages/asp-active_test.go "has-all".
        let m = try decodeRoundTrip(
            "01 00 04 01 00 00 00 24 00 0b 00 08 00 00 00 02 00 06 00 08 00 00 00 01 00 04 00 0c 64 65 61 64 62 65 65 66")
        #expect(m.type == .aspac)
        #expect(m.trafficModeType == .loadshare)
        #expect(m.routingContexts == [1])
        #expect(m.infoString == "deadbeef")
    }

    @Test func b3DataWithNetworkAppearance() throws {
        // vectors.md B3: go-m3ua messages/data_test.go "has-all".
        let m = try decodeRoundTrip(
            "01 00 01 01 00 00 00 2c 02 00 00 08 00 00 00 01 00 06 00 08 00 00 00 01 02 10 00 14 00 00 00 01 00 00 00 02 03 01 00 01 de ad be ef")
        #expect(m.type == .data)
        #expect(m.networkAppearance == 1)
        #expect(m.routingContexts == [1])
        let pd = try #require(m.protocolData)
        #expect((pd.opc, pd.dpc, pd.si, pd.ni, pd.mp, pd.sls) == (1, 2, .sccp, 1, 0, 1))
        #expect(Array(pd.userProtocolData) == [0xDE, 0xAD, 0xBE, 0xEF])
        #expect(try pd.isup() == nil)
    }

    @Test func b4DunaWithTwoAffectedPointCodes() throws {
        // vectors.md B4: go-m3ua messages/duna_test.go.
        let m = try decodeRoundTrip(
            "01 00 02 01 00 00 00 30 02 00 00 08 00 00 00 01 00 06 00 08 00 00 00 02 00 12 00 0c 00 00 00 03 00 00 00 04 00 04 00 0c 64 65 61 64 62 65 65 66")
        #expect(m.type == .duna)
        #expect(m.networkAppearance == 1)
        #expect(m.routingContexts == [2])
        #expect(m.affectedPointCodes == [MaskedPointCode(3), MaskedPointCode(4)])
        #expect(m.infoString == "deadbeef")
    }

    @Test func b5RegistrationRequestWithNestedRoutingKey() throws {
        // vectors.md B5: osmocom/libosmo-sigtran tests/xua/xua_test.c rkm_reg[] (asserts LRK-ID 1, DPC 23).
        let m = try decodeRoundTrip(
            "01 00 09 01 00 00 00 2c 00 04 00 0e 4d 33 55 41 20 72 6f 63 6b 73 00 00 02 07 00 14 02 0a 00 08 00 00 00 01 02 0b 00 08 00 00 00 17")
        #expect(m.type == .regReq)
        #expect(m.infoString == "M3UA rocks")
        #expect(m[.infoString]?.value.count == 10)
        let key = try #require(m.routingKeys.first)
        #expect(m.routingKeys.count == 1)
        #expect(key.localRoutingKeyIdentifier == 1)
        #expect(key.destinationPointCodes == [MaskedPointCode(23)])
    }

    @Test func b6RealCaptureDataCarryingSCCP() throws {
        // vectors.md B6: P1sec/pycrate test/res/tcapmap_pcapr.json; Protocol Data of 61 octets, 3 padding octets.
        let m = try decodeRoundTrip("""
            01 00 01 01 00 00 00 50 00 06 00 08 00 00 0c 29 02 10 00 3d 00 00 08 39 00 00 0c 29 03 02 00 05 09 80 03 0b
            13 08 92 06 00 12 04 44 31 45 08 92 07 00 12 04 44 11 22 15 65 13 48 04 2c 5b 00 1d 49 04 02 00 00 0b 6c 05
            a2 03 02 01 01 00 00 00
            """)
        #expect(m.routingContexts == [3113])
        let pd = try #require(m.protocolData)
        #expect((pd.opc, pd.dpc, pd.si, pd.ni, pd.mp, pd.sls) == (2105, 3113, .sccp, 2, 0, 5))
        #expect(pd.userProtocolData.count == 61 - 16)
    }

    @Test func c1IsupIAMInsideData() throws {
        // vectors.md C1: the A1 IAM (osmo_ss7 ISUP_IAM_BIN) in DATA with RC 10, OPC 1, DPC 2, SI 5, NI 2, SLS 7.
        let a1 = """
            09 00 01 10 48 00 0a 03 02 0a 08 83 10 29 99 24 00 80 0f 0a 08 03 13 94 03 42 30 93 20 f2 15 36 19 08 00
            00 15 ff ff ff ff ff ff ff ff ff ff 1d 45 38 cb 20 00
            """
        let m = try decodeRoundTrip(
            "01 00 01 01 00 00 00 58 00 06 00 08 00 00 00 0a 02 10 00 45 00 00 00 01 00 00 00 02 05 02 00 07 \(a1) 00 00 00")
        #expect(m.routingContexts == [10])
        let pd = try #require(m.protocolData)
        #expect((pd.opc, pd.dpc, pd.si, pd.ni, pd.mp, pd.sls) == (1, 2, .isup, 2, 0, 7))
        let isup = try #require(try pd.isup())
        #expect(isup == (try ISUPMessage(decoding: hex(a1), framing: .withCIC)))
        #expect(isup.cic?.value == 9)
        #expect(isup.type == .iam)
        #expect(isup.calledPartyNumber?.digits.description == "9299420008F")
        #expect(isup.callingPartyNumber?.digits.description == "493024033902")
    }

    /// sipi-m3ua.md §F.1–F.4 and F.7, each decoded back with tshark 4.0.17 by the digest's author.
    static let digestExamples: [Vector] = [
        Vector("F.1 ASPUP", "01 00 03 01 00 00 00 08", .aspup),
        Vector("F.1 ASPUP with ASP Identifier", "01 00 03 01 00 00 00 10 00 11 00 08 00 00 00 01", .aspup),
        Vector("F.1 ASPUP ACK", "01 00 03 04 00 00 00 08", .aspupAck),
        Vector("F.2 ASPAC", "01 00 04 01 00 00 00 18 00 0b 00 08 00 00 00 02 00 06 00 08 00 00 00 01", .aspac),
        Vector("F.2 ASPAC ACK", "01 00 04 03 00 00 00 18 00 0b 00 08 00 00 00 02 00 06 00 08 00 00 00 01", .aspacAck),
        Vector("F.2 NTFY AS-ACTIVE", "01 00 00 01 00 00 00 18 00 0d 00 08 00 01 00 03 00 06 00 08 00 00 00 01", .ntfy),
        Vector("F.2 ASPIA", "01 00 04 02 00 00 00 10 00 06 00 08 00 00 00 01", .aspia),
        Vector("F.2 ASPDN", "01 00 03 02 00 00 00 08", .aspdn),
        Vector("F.3 BEAT", "01 00 03 03 00 00 00 10 00 09 00 08 00 00 00 2a", .beat),
        Vector("F.3 BEAT ACK", "01 00 03 06 00 00 00 10 00 09 00 08 00 00 00 2a", .beatAck),
        Vector("F.3 BEAT padded", "01 00 03 03 00 00 00 14 00 09 00 09 41 42 43 44 45 00 00 00", .beat),
        Vector("F.4 DATA IAM with RC", """
            01 00 01 01 00 00 00 40 00 06 00 08 00 00 00 01 02 10 00 2e 00 00 00 01 00 00 00 02 05 02 00 00
            10 00 01 01 48 00 0a 03 02 0a 08 84 90 21 20 55 05 21 03 0a 08 84 13 21 20 55 05 91 09 00 00 00
            """, .data),
        Vector("F.4 DATA IAM without RC", """
            01 00 01 01 00 00 00 38 02 10 00 2e 00 00 00 01 00 00 00 02 05 02 00 00 10 00 01 01 48 00 0a 03
            02 0a 08 84 90 21 20 55 05 21 03 0a 08 84 13 21 20 55 05 91 09 00 00 00
            """, .data),
        Vector("F.7 DUNA", "01 00 02 01 00 00 00 18 00 06 00 08 00 00 00 01 00 12 00 08 00 00 00 02", .duna),
        Vector("F.7 DAUD", "01 00 02 03 00 00 00 18 00 06 00 08 00 00 00 01 00 12 00 08 00 00 00 02", .daud),
        Vector("F.7 DUPU", "01 00 02 05 00 00 00 20 00 06 00 08 00 00 00 01 00 12 00 08 00 00 00 02 02 04 00 08 00 02 00 05", .dupu),
        Vector("F.7 ERR", "01 00 00 00 00 00 00 18 00 0c 00 08 00 00 00 19 00 06 00 08 00 00 00 07", .err),
    ]

    @Test(arguments: digestExamples)
    func digestExampleRoundTrips(_ example: Vector) throws {
        #expect(try decodeRoundTrip(example.hex).type == example.type)
    }

    private static func example(_ name: String) throws -> M3UAMessage {
        try decodeRoundTrip(try #require(digestExamples.first { $0.name == name }).hex)
    }

    @Test func digestExampleFields() throws {
        let ntfy = try Self.example("F.2 NTFY AS-ACTIVE")
        #expect(ntfy.status == .asActive)
        #expect(ntfy.routingContexts == [1])
        let beat = try Self.example("F.3 BEAT padded")
        #expect(beat.heartbeatData.map(Array.init) == Array("ABCDE".utf8))
        let data = try Self.example("F.4 DATA IAM with RC")
        let iam = try #require(try data.protocolData?.isup())
        #expect(iam.cic?.value == 16)
        #expect(iam.calledPartyNumber?.digits.description == "12025550123")
        #expect(iam.callingPartyNumber?.digits.description == "12025550199")
        let dupu = try Self.example("F.7 DUPU")
        #expect(dupu.userCause == UserCause(cause: 2, user: 5))
        let err = try Self.example("F.7 ERR")
        #expect(err.errorCode == .invalidRoutingContext)
        #expect(err.routingContexts == [7])
    }
}
