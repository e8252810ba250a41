import ISUP
import SIPI
import Testing

/// `CauseMapper.isupCause` from the tables alone (no Reason, no encapsulated REL): RFC 3398 §8.2.6.1 and profiles.
@Suite struct SIPToISUPCauseTests {
    private func release(_ status: Int, _ profile: String) throws -> CauseIndicators? {
        let mapper = try #require(MappingsFixture.mapper)
        guard case .release(let cause) = try mapper.isupCause(forStatus: status, profile: profile).outcome else { return nil }
        return cause
    }

    private func release(method: String, _ profile: String) throws -> CauseIndicators? {
        let mapper = try #require(MappingsFixture.mapper)
        guard case .release(let cause) = try mapper.isupCause(forStatus: nil, method: method, profile: profile).outcome
        else { return nil }
        return cause
    }

    /// vectors.md D2 (487 sends no REL), with the RFC 3398 §8.2.6.1 location: network (BI) for 4xx/5xx, user for 6xx.
    @Test(arguments: Independent.vectorsD2.keys.sorted())
    func vectorsD2(status: Int) throws {
        let cause = try release(status, "rfc3398")
        #expect(cause?.value == Independent.vectorsD2[status]!)
        if let cause { #expect(cause.location == (status >= 600 ? 0 : 10)) }
    }

    /// corrections §1 #8: every status RFC 3398 does not list → 31, 409…608 included (not 41/127/47/21).
    @Test(arguments: [409, 411, 417, 422, 428, 429, 430, 433, 489, 491, 493, 494, 580, 607, 608, 499, 599, 699])
    func unlistedStatusGives31(status: Int) throws {
        #expect(try release(status, "rfc3398")?.value == 31)
    }

    /// corrections §1 #9: 488 and 606 take the Warning mapping's default, 31.
    @Test func notAcceptableGives31() throws {
        #expect(try release(488, "rfc3398") == CauseIndicators(value: 31, location: 10))
        #expect(try release(606, "rfc3398") == CauseIndicators(value: 31, location: 0))
    }

    /// vectors.md D3: the profile divergences, and the q1912.5 default 127 with location BI (digest C.6).
    @Test(arguments: [
        (480, 18, 20), (400, 41, 127), (488, 31, 127), (501, 79, 127), (409, 31, 127), (603, 21, 21), (433, 31, 24),
    ] as [(Int, UInt8, UInt8)])
    func vectorsD3(status: Int, rfc3398: UInt8, q1912: UInt8) throws {
        #expect(try release(status, "rfc3398")?.value == rfc3398)
        #expect(try release(status, "q1912.5") == CauseIndicators(value: q1912, location: 10))
    }

    /// RFC 3398 §8.2.6.1: 487 sends no REL; OpenSIPS: 491 sends none (digest C.6).
    @Test func responsesThatSendNoREL() throws {
        let mapper = try #require(MappingsFixture.mapper)
        #expect(try mapper.isupCause(forStatus: 487, profile: "rfc3398").outcome == .noRelease)
        #expect(try mapper.isupCause(forStatus: 491, profile: "q1912.5").outcome == .noRelease)
        #expect(try mapper.isupCause(forStatus: 491, profile: "st769").outcome == .noRelease)
        #expect(try release(491, "rfc3398")?.value == 31)
    }

    /// vectors.md D3 last row; corrections §1 #11, #14: BYE → 16 everywhere, CANCEL → 16 (RFC 3398) or 31 (q1912.5).
    @Test func byeAndCancelWithoutACause() throws {
        #expect(try release(method: "BYE", "rfc3398") == CauseIndicators(value: 16, location: 10))
        #expect(try release(method: "CANCEL", "rfc3398")?.value == 16)
        #expect(try release(method: "BYE", "q1912.5")?.value == 16)
        #expect(try release(method: "CANCEL", "q1912.5") == CauseIndicators(value: 31, location: 10))
        #expect(try release(method: "CANCEL", "st769")?.value == 31)
    }

    /// Only the messages of cause-precedence.csv end a call.
    @Test func otherRequestsDoNotRelease() throws {
        let mapper = try #require(MappingsFixture.mapper)
        #expect(throws: CauseMappingError.notReleasing(method: "INFO")) {
            try mapper.isupCause(forStatus: nil, method: "INFO", profile: "rfc3398")
        }
        #expect(throws: CauseMappingError.notReleasing(method: "bye")) {
            try mapper.isupCause(forStatus: nil, method: "bye", profile: "rfc3398")
        }
    }

    @Test func unknownProfileIsRefused() throws {
        let mapper = try #require(MappingsFixture.mapper)
        #expect(throws: CauseMappingError.self) { try mapper.isupCause(forStatus: 486, profile: "RFC3398") }
    }
}
