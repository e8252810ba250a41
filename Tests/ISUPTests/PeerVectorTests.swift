import Foundation
import ISUP
import OracleSupport
import Testing

/// Other ISUP implementations' own test vectors (Tests/Fixtures/peer-vectors/isup-messages.json, each citing the
/// peer's repository, test and line): our codec agrees with every peer that follows Q.763 — the values the peer
/// asserts, and encode(decode(x)) == x where the peer checks it — and refuses with a typed error the four bodies
/// whose layout breaks Q.763 (`non_canonical`). The two SIP messages of the set are not ISUP bodies and are skipped.
@Suite struct PeerVectorTests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        struct Expect: Decodable, Sendable {
            let cic: Int?
            let calledDigits: String?, calledNAI: Int?
            let callingDigits: String?, callingNAI: Int?
            let causeValue: Int?, causeLocation: Int?
            let category: Int?
            let paramCodes: [Int]?
        }
        let source: String
        let message: String
        let type_code: Int
        let hex: String
        let has_cic: Bool
        let expect: Expect?
        let peer_asserts_roundtrip: Bool?
        let non_canonical: Bool?
        let sipi: Bool?
        var testDescription: String { "\(message) from \(source.split(separator: ":").first ?? "")" }
    }

    static let vectors: [Vector] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/peer-vectors/isup-messages.json")
        let all = (try? JSONDecoder().decode([Vector].self, from: Data(contentsOf: url))) ?? []
        return all.filter { $0.sipi != true }
    }()

    @Test func theWholeSetIsRead() {
        #expect(Self.vectors.count == 69)
        #expect(Self.vectors.filter { $0.non_canonical == true }.count == 4)
    }

    @Test(arguments: vectors)
    func agreesWithThePeer(_ v: Vector) throws {
        let bytes = hex(v.hex)
        let framing: ISUPMessage.Framing = v.has_cic ? .withCIC : .withoutCIC
        if v.non_canonical == true {
            #expect(throws: ISUPDecodingError.self) { try ISUPMessage(decoding: bytes, framing: framing) }
            return
        }
        let m = try ISUPMessage(decoding: bytes, framing: framing)
        #expect(Int(m.type.rawValue) == v.type_code)
        if let e = v.expect {
            if let cic = e.cic { #expect(m.cic?.value == cic) }
            if let digits = e.calledDigits { #expect(m.calledPartyNumber?.digits.description == digits) }
            if let nai = e.calledNAI { #expect(m.calledPartyNumber?.natureOfAddress == nai) }
            if let digits = e.callingDigits { #expect(m.callingPartyNumber?.digits.description == digits) }
            if let nai = e.callingNAI { #expect(m.callingPartyNumber?.natureOfAddress == nai) }
            if let value = e.causeValue { #expect(m.causeIndicators.map { Int($0.value) } == value) }
            if let location = e.causeLocation { #expect(m.causeIndicators.map { Int($0.location) } == location) }
            if let category = e.category { #expect(m.callingPartysCategory.map(Int.init) == category) }
            if let codes = e.paramCodes { #expect(m.optionalParameters.map { Int($0.code.rawValue) } == codes) }
        }
        if v.peer_asserts_roundtrip == true { #expect(try m.encoded(framing: framing) == bytes) }
        // The streamed JSON form (`decode`'s output) is the text of the tree form.
        let stream = JSONStream()
        m.writeJSON(to: stream)
        #expect(String(decoding: stream.bytes, as: UTF8.self) == JSONValue.object(m.json).jsonText)
    }

    /// jSS7's UPT and UPA end their Parameter compatibility information without the closing instruction octet
    /// (bit 8 = 1, Q.763 §3.41): strict decoding refuses them; by default the parameter is kept, marked, and the
    /// rest of the message decodes (Q.764 §2.9.5).
    @Test(arguments: ["UPT", "UPA"])
    func compatibilityInformationWithoutItsClosingOctet(_ type: String) throws {
        let v = try #require(Self.vectors.first { $0.message == type })
        let bytes = hex(v.hex)
        #expect(throws: ISUPDecodingError.self) { try ISUPMessage(decoding: bytes, strict: true) }
        let m = try ISUPMessage(decoding: bytes)
        #expect(m.erroneousParameters.map(\.parameter.code) == [.parameterCompatibilityInformation])
        #expect(try m.encoded() == bytes)
        // JSON: the parameter as its octets and the error (at the offset the strict decoder names); read back as is.
        let strictError: ISUPDecodingError
        do {
            _ = try ISUPMessage(decoding: bytes, strict: true)
            return
        } catch {
            strictError = error
        }
        let json = JSONValue.object(m.json)
        let pci = json.object?["parameters"]?.object?["parameterCompatibilityInformation"]?.object
        #expect(pci?["error"]?.object?["offset"]?.int == strictError.offset)
        #expect(pci?["error"]?.object?["reason"] == .string(strictError.reason.description))
        #expect(pci.map { Array($0).map(\.key) } == ["hex", "error"])
        #expect(try ISUPMessage(json: JSONValue(parsing: json.jsonText)) == m)
    }
}
