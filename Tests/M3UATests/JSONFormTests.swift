import ISUP
import M3UA
import OracleSupport
import Testing

/// The JSON form documented on `M3UAMessage.json` and `M3UAParameter.json`.
struct JSONFormTests {
    @Test func documentedExample() throws {
        // The doc comment's example: RFC 4666 §3.7.1 ASP Active, Loadshare, RC 1 (sipi-m3ua.md §F.2).
        let m = try decodeRoundTrip("01 00 04 01 00 00 00 18 00 0b 00 08 00 00 00 02 00 06 00 08 00 00 00 01")
        #expect(JSONValue.object(m.json).jsonText == """
            {"version":1,"class":"ASPTM","classCode":4,"type":"ASPAC","typeCode":1,"length":24,"parameters":[\
            {"parameter":"trafficModeType","tag":11,"value":2,"meaning":"Loadshare"},\
            {"parameter":"routingContext","tag":6,"values":[1]}]}
            """)
    }

    @Test func dataEmbedsTheISUPJSONForm() throws {
        // vectors.md C1: the ISUP part is the ISUP codec's own JSON form of the user data.
        let a1 = "09 00 01 10 48 00 0a 03 02 0a 08 83 10 29 99 24 00 80 0f 0a 08 03 13 94 03 42 30 93 20 f2 15 36 19 08 00 00 15 ff ff ff ff ff ff ff ff ff ff 1d 45 38 cb 20 00"
        let m = try decodeRoundTrip(
            "01 00 01 01 00 00 00 58 00 06 00 08 00 00 00 0a 02 10 00 45 00 00 00 01 00 00 00 02 05 02 00 07 \(a1) 00 00 00")
        let parameters = try #require(m.json["parameters"]?.array)
        let pd = try #require(parameters.last?.object)
        #expect(pd.keys == ["parameter", "tag", "opc", "dpc", "si", "siMeaning", "ni", "mp", "sls", "userData", "isup"])
        #expect(pd["parameter"] == .string("protocolData"))
        #expect(pd["opc"] == .int(1) && pd["dpc"] == .int(2) && pd["si"] == .int(5) && pd["sls"] == .int(7))
        #expect(pd["siMeaning"] == .string("ISUP"))
        #expect(pd["userData"] == .string(Hex.string(hex(a1))))
        #expect(pd["isup"] == .object(try ISUPMessage(decoding: hex(a1)).json))
        #expect(pd["isup"]?.object?["cic"] == .int(9))
    }

    @Test func everyFormatHasItsKeys() throws {
        func parameters(_ type: M3UAMessageType) throws -> [JSONObject] {
            let v = try #require(RFCVectors.all.first { $0.message.type == type })
            return objects(try M3UAMessage(decoding: hex(v.hex)).json["parameters"])
        }
        let err = try parameters(.err)
        #expect(err[0] == ["parameter": .string("errorCode"), "tag": .int(12), "value": .int(4), "meaning": .string("Unsupported Message Type")])
        #expect(err[1] == ["parameter": .string("diagnosticInformation"), "tag": .int(7), "hex": .string("0100030700000008")])

        let ntfy = try parameters(.ntfy)
        #expect(ntfy[0] == ["parameter": .string("status"), "tag": .int(13), "statusType": .int(2), "statusInformation": .int(2),
                            "meaning": .string("Alternate ASP Active")])
        #expect(ntfy[3] == ["parameter": .string("infoString"), "tag": .int(4), "value": .string("AS1")])

        let duna = try parameters(.duna)
        #expect(duna[1]["pointCodes"] == .array([.object(["mask": .int(0), "pointCode": .int(1234)]),
                                                 .object(["mask": .int(3), "pointCode": .int(2048)])]))
        let scon = try parameters(.scon)
        #expect(scon[2] == ["parameter": .string("concernedDestination"), "tag": .int(0x206), "pointCode": .int(5)])
        #expect(scon[3] == ["parameter": .string("congestionIndications"), "tag": .int(0x205), "congestionLevel": .int(2)])

        let dupu = try parameters(.dupu)
        #expect(dupu[2] == ["parameter": .string("userCause"), "tag": .int(0x204), "cause": .int(1),
                            "causeMeaning": .string("Unequipped Remote User"), "user": .int(5), "userMeaning": .string("ISUP")])

        let key = try #require(try parameters(.regReq).first)
        #expect(key["parameter"] == .string("routingKey"))
        let sub = objects(key["parameters"])
        #expect(sub.map { $0["parameter"]?.string ?? "" } == [
            "localRoutingKeyIdentifier", "trafficModeType", "destinationPointCode", "networkAppearance", "serviceIndicators",
            "originatingPointCodeList",
        ])
        #expect(sub[2] == ["parameter": .string("destinationPointCode"), "tag": .int(0x20B), "mask": .int(0), "pointCode": .int(1234)])
        #expect(sub[4]["values"] == .array([.int(5)]))

        let result = objects(try parameters(.regRsp).last?["parameters"])
        #expect(result[1]["meaning"] == .string("Error - Invalid DPC"))
    }

    @Test func unknownTagsAndNonUTF8TextAreHex() {
        let m = M3UAMessage(.aspup, [M3UAParameter(tag: ParameterTag(0x0300), value: [0xAB]), M3UAParameter(tag: .infoString, value: [0xFF])])
        let parameters = objects(m.json["parameters"])
        #expect(parameters[0] == ["parameter": .string("tag0x0300"), "tag": .int(0x300), "hex": .string("AB")])
        #expect(parameters[1] == ["parameter": .string("infoString"), "tag": .int(4), "hex": .string("FF")])
    }

    /// The objects of a JSON array (empty when the value is not an array).
    private func objects(_ value: JSONValue?) -> [JSONObject] { value?.array?.compactMap(\.object) ?? [] }
}
