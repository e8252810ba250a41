import ISUP
import OracleSupport
import Testing

/// tshark (Wireshark's ISUP dissector, an implementation no one here wrote) decodes what we encode, with no
/// malformed or error-severity item and the same field values; and our decoder agrees with tshark on the public
/// vectors. Captures are MTP3 (`text2pcap -l 141`), one packet per message.
@Suite(.enabled(if: Tshark.isAvailable, Comment(rawValue: Tshark.missingNote)))
struct TsharkOracleTests {
    static let fields = [
        "isup.cic", "isup.message_type", "isup.called", "isup.called_party_nature_of_address_indicator",
        "isup.calling", "isup.calling_party_nature_of_address_indicator", "isup.address_presentation_restricted_indicator",
        "isup.screening_indicator", "isup.cause_indicator", "isup.calling_partys_category", "_ws.malformed",
        "_ws.expert.severity", "_ws.expert.message",
    ]

    struct Row {
        let columns: [String: String]
        init(_ values: [String]) {
            columns = Dictionary(uniqueKeysWithValues: zip(TsharkOracleTests.fields, values + Array(repeating: "", count: 20)))
        }
        subscript(_ field: String) -> String { columns[field] ?? "" }
    }

    static func tshark(_ messages: [ISUPMessage]) throws -> [Row] {
        let packets = try messages.map { Tshark.mtp3(try $0.encoded()) }
        return try Tshark.fields(of: packets, text2pcap: ["-l", "141"], fields: fields).map(Row.init)
    }

    /// What our decoder says about the fields tshark reports.
    static func expectAgreement(_ m: ISUPMessage, _ row: Row, _ label: String) {
        #expect(row["_ws.malformed"].isEmpty, "\(label): malformed \(row["_ws.expert.message"])")
        #expect(!row["_ws.expert.severity"].contains(Tshark.errorSeverity), "\(label): \(row["_ws.expert.message"])")
        #expect(row["isup.cic"] == String(m.cic!.value), "\(label)")
        // Wireshark 4.0 treats SDM as "format is a national matter" and does not dissect its parameters.
        guard m.type != .sdm else { return }
        // A PAM also lists the embedded message's type after its own.
        #expect(row["isup.message_type"].split(separator: ",").first == Substring(String(m.type.rawValue)), "\(label)")
        if let called = m.calledPartyNumber {
            #expect(row["isup.called"] == called.digits.description, "\(label)")
            // Redirection numbers share the called-party field names and come after it.
            #expect(row["isup.called_party_nature_of_address_indicator"].split(separator: ",").first
                    == Substring(String(called.natureOfAddress!)), "\(label)")
        }
        if let calling = m.callingPartyNumber, !calling.digits.isEmpty {
            #expect(row["isup.calling"] == calling.digits.description, "\(label)")
            // Redirecting, original called, location ... numbers share the calling-party NAI field, in message order.
            #expect(row["isup.calling_party_nature_of_address_indicator"].split(separator: ",")
                    .contains(Substring(String(calling.natureOfAddress!))), "\(label)")
            let onlyPresentationCarrier = m.parameters.filter { $0.spec.map { spec in
                if case .number(let layout) = spec.format { layout.octet2?.contains { $0.name == "presentation" } ?? false } else { false }
            } ?? false }.count == 1
            if onlyPresentationCarrier {
                #expect(row["isup.address_presentation_restricted_indicator"] == String(calling.presentation!), "\(label)")
                #expect(row["isup.screening_indicator"] == String(calling.screening!), "\(label)")
            }
        }
        if let cause = m.causeIndicators, cause.codingStandard == 0 {
            #expect(row["isup.cause_indicator"].split(separator: ",").first == Substring(String(cause.value)), "\(label)")
        }
        if let category = m.callingPartysCategory {
            #expect(UInt8(row["isup.calling_partys_category"].dropFirst(2), radix: 16) == category, "\(label)")
        }
    }

    @Test func vectorsAgreeWithTshark() throws {
        let vectors = SpecVectors.all.map { ($0.name, $0.hex) }
            + MessageTypeVectors.rows.map { ($0.type.acronym, $0.hex) }
        let messages = try vectors.map { try decode($0.1) }
        let rows = try Self.tshark(messages)
        for ((name, _), (m, row)) in zip(vectors, zip(messages, rows)) {
            Self.expectAgreement(m, row, name)
        }
    }

    @Test func italianRoutingNumberDigitC() throws {
        // ST 769 §6.1 / R-GEN-4: CdPN "39C6012345", NAI 4 international; tshark prints nibble 0xC as "C".
        let m = try ISUPMessage(json: try JSONValue(parsing: """
            {"cic": 7, "type": "IAM", "parameters": {
              "natureOfConnectionIndicators": {"satelliteIndicator": 0}, "forwardCallIndicators": {"isdnUserPartIndicator": 1},
              "callingPartysCategory": {"value": 10}, "transmissionMediumRequirement": {"value": 0},
              "calledPartyNumber": {"natureOfAddress": 4, "numberingPlan": 1, "digits": "39C601234500000000000000000000"},
              "callingPartyNumber": {"natureOfAddress": 4, "numberingPlan": 1, "presentation": 1, "screening": 3, "digits": "390612345678"}}}
            """))
        let row = try #require(try Self.tshark([m]).first)
        Self.expectAgreement(m, row, "routing number")
        #expect(row["isup.called"] == "39C601234500000000000000000000")
    }

    @Test func malformedInputIsRejectedByBoth() throws {
        // oracles.md §1 "Negative oracle": the IAM of §1 with its calling party number's LI saying 6 but the
        // message cut 4 octets short. tshark flags it malformed; our decoder names the offset and the parameter.
        let bad = hex("01 00 01 00 60 01 0a 00 02 08 06 03 10 21 43 65 87 0a 06 83 13 55 15")
        let row = try #require(try Tshark.fields(of: [Tshark.mtp3(bad)], text2pcap: ["-l", "141"], fields: Self.fields).first.map(Row.init))
        #expect(!row["_ws.malformed"].isEmpty || row["_ws.expert.severity"].contains(Tshark.errorSeverity))
        #expect(throws: ISUPDecodingError(offset: 18, field: "callingPartyNumber", reason: .lengthOverrun(length: 6, available: 4))) {
            try ISUPMessage(decoding: bad)
        }
    }

    @Test func randomWellFormedMessagesDecodeCleanly() throws {
        var generator = MessageGenerator(seed: 0x7540, comparable: true)
        let messages = (0..<2_000).map { _ in generator.message() }
        let rows = try Self.tshark(messages)
        for (n, (m, row)) in zip(messages, rows).enumerated() {
            Self.expectAgreement(m, row, "generated \(n): \(Hex.string(try m.encoded()))")
        }
    }
}

@Test func oracleIsInstalledInCI() {
    if Tshark.isCI { #expect(Tshark.isAvailable, "CI must install tshark (make test does)") }
}
