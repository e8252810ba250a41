import ISUP
import OracleSupport
import Testing

/// Field-level checks of the independent vectors (sources in SpecVectors), and bit-exact re-encoding.
@Suite struct SpecVectorTests {
    @Test(arguments: SpecVectors.all)
    func reencodesBitExact(_ v: Vector) throws {
        let bytes = hex(v.hex)
        let message = try ISUPMessage(decoding: bytes)
        #expect(try message.encoded() == bytes, "\(v.source)")
    }

    @Test func iamWorkedExample() throws {
        // isup-q763.md §7.1, every octet decoded in the table there.
        let m = try decode(SpecVectors.iam71.hex)
        #expect(m.cic?.value == 291)
        #expect(m.type == .iam)
        let nci = try #require(m.indicators(.natureOfConnectionIndicators))
        #expect(nci.raw == 0)
        let fci = try #require(m.indicators(.forwardCallIndicators))
        #expect(fci["nationalInternationalCallIndicator"] == 0)
        #expect(fci["isdnUserPartIndicator"] == 1)
        #expect(fci["isdnUserPartPreferenceIndicator"] == 1)
        #expect(fci["isdnAccessIndicator"] == 1)
        #expect(m.callingPartysCategory == 0x0A)
        let called = try #require(m.calledPartyNumber)
        #expect(called.digits.description == "14155551234")
        #expect(called.natureOfAddress == 4)
        #expect(called["internalNetworkNumber"] == 1)
        #expect(called.numberingPlan == 1)
        let calling = try #require(m.callingPartyNumber)
        #expect(calling.digits.description == "442071234567")
        #expect(calling.natureOfAddress == 4)
        #expect(calling["numberIncomplete"] == 0)
        #expect(calling.presentation == 0)
        #expect(calling.screening == 3)
        #expect(m.optionalParameters.map(\.code) == [.callingPartyNumber])
    }

    @Test func acmWithOptionalBackwardCallIndicators() throws {
        // isup-q763.md §7.2
        let m = try decode(SpecVectors.acm72.hex)
        #expect(m.type == .acm)
        let bci = try #require(m.indicators(.backwardCallIndicators))
        #expect(bci["chargeIndicator"] == 2)
        #expect(bci["calledPartysStatusIndicator"] == 1)
        #expect(bci["calledPartysCategoryIndicator"] == 1)
        #expect(bci["endToEndMethodIndicator"] == 0)
        #expect(bci["isdnUserPartIndicator"] == 1)
        #expect(bci["isdnAccessIndicator"] == 1)
        #expect(bci["echoControlDeviceIndicator"] == 0)
        let obci = try #require(m.indicators(.optionalBackwardCallIndicators))
        #expect(obci["inBandInformationIndicator"] == 1)
        // "The same ACM without optional parameters is 23 01 06 16 14 00"
        var bare = m
        bare.removeOptional(.optionalBackwardCallIndicators)
        #expect(try bare.encoded() == hex("23 01 06 16 14 00"))
    }

    @Test func releaseNormalCallClearing() throws {
        // isup-q763.md §7.3; the answer RLC is 23 01 10 00.
        let m = try decode(SpecVectors.rel73.hex)
        let cause = try #require(m.causeIndicators)
        #expect(cause.value == 16)
        #expect(cause.location == 2)
        #expect(cause.codingStandard == 0)
        #expect(cause.recommendation == nil)
        #expect(cause.diagnostics.isEmpty)
        #expect(cause.name == "Normal call clearing")
        let rlc = ISUPMessage(type: .rlc, cic: 291, parameters: [])
        #expect(try rlc.encoded() == hex("23 01 10 00"))
    }

    @Test func a1KeepsNationalParameterRaw() throws {
        let m = try decode(SpecVectors.a1.hex)
        #expect(m.cic?.value == 9)
        #expect(m.calledPartyNumber?.digits.description == "9299420008F")
        #expect(m.calledPartyNumber?.digits.endsWithST == true)
        #expect(m.calledPartyNumber?.natureOfAddress == 3)
        #expect(m.callingPartyNumber?.digits.description == "493024033902")
        #expect(m.callingPartyNumber?.screening == 3)
        #expect(m.indicators(.transmissionMediumRequirement)?["value"] == 3)
        #expect(m.indicators(.natureOfConnectionIndicators)?["echoControlDeviceIndicator"] == 1)
        let national = try #require(m[ParameterCode(0xF2)])
        #expect(national.spec == nil)
        #expect(national.value.count == 0x15)
        #expect(m.optionalParameters.map(\.code.rawValue) == [0x0A, 0xF2])
    }

    @Test func a2GroupReset() throws {
        let m = try decode(SpecVectors.a2.hex)
        let rs = try RangeAndStatus(decoding: try #require(m[.rangeAndStatus]).value)
        #expect(rs.range == 14)  // CICs 1...15; tshark shows "Range: 15"
        #expect(rs.status == nil)
    }

    @Test func a3LocationNumberAndAccessTransport() throws {
        let m = try decode(SpecVectors.a3.hex)
        #expect(m.cic?.value == 115)
        #expect(m.indicators(.natureOfConnectionIndicators)?["satelliteIndicator"] == 1)
        #expect(m.calledPartyNumber?.digits.description == "970754629")
        #expect(m.calledPartyNumber?["internalNetworkNumber"] == 1)
        #expect(m.callingPartyNumber?.digits.description == "953658690")
        let location = try #require(m.number(.locationNumber))
        #expect(location.digits.description == "710502300")
        #expect(location.presentation == 1)
        #expect(location.screening == 3)
        let elements = try InformationElement.list(decoding: try #require(m[.accessTransport]).value)
        #expect(elements.count == 1)
        #expect(elements[0].identifier == 0x28)
        #expect(elements[0].name == "display")
        #expect(String(decoding: elements[0].contents, as: UTF8.self) == "BERTHALIN Jacques")
    }

    @Test func a4ManyOptionalParameters() throws {
        let m = try decode(SpecVectors.a4.hex)
        #expect(m.cic?.value == 2828)
        #expect(m.calledPartyNumber?.digits.description == "79000000000F")
        #expect(m.calledPartyNumber?.natureOfAddress == 4)
        #expect(m.callingPartyNumber?.screening == 1)
        #expect(m.number(.redirectingNumber)?.digits.description == "9000000000")
        #expect(m.number(.originalCalledNumber)?.digits.description == "9000000000")
        let ri = try #require(m.indicators(ParameterCode(0x13)))
        #expect(ri["redirectingIndicator"] == 3)
        #expect(ri["redirectingReason"] == 3)
        #expect(ri["redirectionCounter"] == 2)
        let usi = try BearerCapability(decoding: try #require(m[ParameterCode(0x1D)]).value)
        #expect(usi.informationTransferCapability == 0)
        #expect(usi.informationTransferRate == 16)
        #expect(usi.layer1Protocol == 3)
        #expect(m.indicators(.propagationDelayCounter)?["milliseconds"] == 90)
        let calledIN = try #require(m.number(ParameterCode(0x6F)))
        #expect(calledIN.digits.description == "70000000000")
        #expect(calledIN.presentation == 1)
        #expect(m.optionalParameters.map(\.code.rawValue) == [0x0A, 0x0B, 0x13, 0x28, 0x1D, 0x31, 0x34, 0x6F])
    }

    @Test func a5ToA7() throws {
        let acm = try decode(SpecVectors.a5.hex)
        #expect(acm.indicators(.backwardCallIndicators)?["chargeIndicator"] == 1)
        #expect(acm.causeIndicators?.value == 28)
        #expect(acm.causeIndicators?.location == 2)
        let rel = try decode(SpecVectors.a6.hex)
        #expect(rel.causeIndicators?.value == 31)
        #expect(rel.causeIndicators?.location == 3)
        let rlc = try decode(SpecVectors.a7.hex)
        #expect(rlc.type == .rlc)
        #expect(rlc.parameters.isEmpty)
    }

    @Test func a8CallProgress() throws {
        let m = try decode(SpecVectors.a8.hex)
        #expect(m.indicators(.eventInformation)?["eventIndicator"] == 2)
        let bci = try #require(m.indicators(.backwardCallIndicators))
        #expect(bci["chargeIndicator"] == 2)
        #expect(bci["calledPartysStatusIndicator"] == 1)
        #expect(bci["calledPartysCategoryIndicator"] == 2)
        #expect(bci["interworkingIndicator"] == 1)
        #expect(bci["isdnUserPartIndicator"] == 1)
        #expect(bci["holdingIndicator"] == 1)
        #expect(m.indicators(.transmissionMediumUsed)?["value"] == 3)
        #expect(m.number(.connectedNumber)?.digits.description == "380683")
    }

    @Test func a9ProgressIndicatorInAccessTransport() throws {
        let m = try decode(SpecVectors.a9.hex)
        let elements = try InformationElement.list(decoding: try #require(m[.accessTransport]).value)
        #expect(elements == [InformationElement(identifier: 0x1E, contents: [0x81, 0x88])])
    }

    @Test func a10FromMTP2Frame() throws {
        let msu = hex(SpecVectors.a10MSU)
        let m = try ISUPMessage(decoding: msu[8...])
        #expect(m.cic?.value == 5)
        #expect(m.calledPartyNumber?.digits.description == "1111111F")
        #expect(m.callingPartyNumber?.digits.description == "22222222")
        #expect(try m.encoded()[...] == msu[8...])
    }
}
