import ISUP
import SIPI
import Testing

/// The st769 profile: ST 769 Annex A Tables 9–12 (28 ⇄ 484, 63 ⇄ 500) over q1912.5, with the cases of
/// st769-2 §6.9 and §5 (MNP).
@Suite struct ST769ProfileTests {
    private var mapper: CauseMapper {
        get throws { try #require(MappingsFixture.mapper) }
    }

    private func status(_ cause: UInt8, _ profile: String = "st769") throws -> Int? {
        guard case .response(let status) = try mapper.sipStatus(forCause: cause, profile: profile).outcome else { return nil }
        return status.code
    }

    private func cause(_ status: Int, reason: String? = nil, encapsulated: UInt8? = nil, _ profile: String = "st769")
        throws -> UInt8?
    {
        let mapped = try mapper.isupCause(
            forStatus: status, reasonHeader: reason, encapsulatedCause: encapsulated.map { CauseIndicators(value: $0) },
            profile: profile)
        guard case .release(let cause) = mapped.outcome else { return nil }
        return cause.value
    }

    /// ERR-11: TDM REL #28 → 484 (Tables 9, 10, 11).
    @Test func err11() throws { #expect(try status(28) == 484) }

    /// ERR-12: TDM REL #63 → 500, not 503 (Tables 10, 12). RFC 3398 has no row for 63 and also gives 500.
    @Test func err12() throws {
        #expect(try status(63) == 500)
        let mapped = try mapper.sipStatus(forCause: 63, profile: "st769")
        #expect(mapped.source.citation.contains("ST 769"))
    }

    /// ERR-13: plain SIP 484 → REL #28.
    @Test(arguments: ["rfc3398", "q1912.5", "st769"])
    func err13(profile: String) throws { #expect(try cause(484, profile) == 28) }

    /// ERR-14: a plain 500 with no Reason → #63 in st769, #41 in RFC 3398, #127 in q1912.5.
    @Test func err14() throws {
        #expect(try cause(500) == 63)
        #expect(try cause(500, "rfc3398") == 41)
        #expect(try cause(500, "q1912.5") == 127)
    }

    /// MNP-14 / MNP-13: 500 with an encapsulated REL #63 → REL #63 (not 41), whatever the profile; st769-3 §11.4:
    /// a Reason Q.850 cause is honoured on a 500.
    @Test(arguments: ["rfc3398", "q1912.5", "st769"])
    func mnp14(profile: String) throws {
        #expect(try cause(500, encapsulated: 63, profile) == 63)
        #expect(try cause(500, reason: "Q.850;cause=63", profile) == 63)
    }

    /// Inheritance: what st769 does not override comes from q1912.5, and for ISUP → SIP from rfc3398 beneath it.
    @Test func inheritsQ19125AndRFC3398() throws {
        #expect(try status(25) == 483)  // q1912.5
        #expect(try status(17) == 486)  // rfc3398
        #expect(try status(99) == 500)  // rfc3398 default
        #expect(try cause(480) == 20)  // q1912.5
        #expect(try cause(400) == 127)  // q1912.5 default, not rfc3398's 41
        #expect(try cause(433) == 24)  // q1912.5
        let chain = try mapper.mappings.profiles.chain(of: "st769", for: .causeToStatus)
        #expect(chain == ["st769", "q1912.5", "rfc3398"])
        #expect(try mapper.mappings.profiles.chain(of: "st769", for: .statusToCause) == ["st769", "q1912.5"])
    }
}
