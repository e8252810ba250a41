import ISUP
import SIPI
import Testing

/// `CauseMapper.sipStatus`: what a received REL's cause becomes on SIP (RFC 3398 §7.2.4.1 and profiles).
@Suite struct ISUPCauseToSIPStatusTests {
    static let profiles = ["rfc3398", "q1912.5", "st769"]

    private func map(_ cause: UInt8, location: UInt8? = nil, diagnostic: Bool = false, _ profile: String) throws
        -> MappedSIPStatus.Outcome
    {
        let mapper = try #require(MappingsFixture.mapper)
        return try mapper.sipStatus(forCause: cause, location: location, hasDiagnostic: diagnostic, profile: profile).outcome
    }

    private func status(_ outcome: MappedSIPStatus.Outcome) -> Int? {
        if case .response(let status) = outcome { return status.code }
        return nil
    }

    /// vectors.md D1 holds in every profile: q1912.5 and st769 change no D1 row (st769's 28 → 484 agrees).
    @Test(arguments: Independent.vectorsD1.keys.sorted(), profiles)
    func vectorsD1(cause: UInt8, profile: String) throws {
        let outcome = try map(cause, profile)
        switch Independent.vectorsD1[cause] {
        case .status(let code): #expect(status(outcome) == code)
        case .releaseDialog:
            guard case .releaseDialog = outcome else { Issue.record("\(outcome)"); return }
        default: Issue.record("D1 has only statuses and BYE")
        }
    }

    /// corrections §1 #3: a cause RFC 3398 does not list → 500, in every profile (q1912.5 and st769 inherit it).
    @Test(arguments: [0, 4, 5, 6, 9, 24, 30, 43, 50, 62, 66, 81, 95, 99, 101, 110] as [UInt8], profiles)
    func unlistedCauseGives500(cause: UInt8, profile: String) throws {
        let outcome = try map(cause, profile)
        #expect(outcome == .response(.init(code: 500, reasonPhrase: "Server Internal Error")))
    }

    /// corrections §1 #5: 16 sends no status (BYE or CANCEL); 500 if a final response cannot be avoided, not 480.
    @Test(arguments: profiles)
    func normalClearingReleasesTheDialog(profile: String) throws {
        #expect(try map(16, profile) == .releaseDialog(fallback: .init(code: 500, reasonPhrase: "Server Internal Error")))
    }

    /// corrections §1 #4: 44 sends nothing on SIP; the IAM is retried on another CIC.
    @Test(arguments: profiles)
    func circuitNotAvailableRetriesAnotherCircuit(profile: String) throws {
        #expect(try map(44, profile) == .retryOnAnotherCircuit)
    }

    /// RFC 3398 note (+), corrections §1 #6: 21 from the user (location 0) → 603 Decline, from a network → 403.
    @Test(arguments: profiles)
    func callRejectedByLocation(profile: String) throws {
        #expect(try map(21, location: 0, profile) == .response(.init(code: 603, reasonPhrase: "Decline")))
        for location: UInt8 in [1, 2, 3, 4, 5, 7, 10] { #expect(status(try map(21, location: location, profile)) == 403) }
        #expect(status(try map(21, profile)) == 403)
    }

    /// corrections §1 #2: 22 with the new number in the diagnostic → 301 (Contact), without → 410.
    @Test(arguments: profiles)
    func numberChangedByDiagnostic(profile: String) throws {
        let mapper = try #require(MappingsFixture.mapper)
        let withNumber = CauseIndicators(value: 22, location: 2, diagnostics: [0x83, 0x10, 0x21, 0x43])
        #expect(try mapper.sipStatus(for: withNumber, profile: profile).outcome
            == .response(.init(code: 301, reasonPhrase: "Moved Permanently")))
        #expect(status(try mapper.sipStatus(for: CauseIndicators(value: 22), profile: profile).outcome) == 410)
        #expect(status(try map(22, location: 0, profile)) == 410)
    }

    /// corrections §1 #7: 25 → 483 is the Q.1912.5 candidate delta; RFC 3398 does not list 25 (→ 500).
    @Test func exchangeRoutingErrorByProfile() throws {
        #expect(status(try map(25, "rfc3398")) == 500)
        #expect(status(try map(25, "q1912.5")) == 483)
        #expect(status(try map(25, "st769")) == 483)
    }

    /// vectors.md D3: 47 → 503 in RFC 3398 and in Q.1912.5 (01/2018) p.54 (FreeSWITCH's 480 is not followed).
    @Test(arguments: profiles)
    func resourceUnavailableIs503(profile: String) throws {
        #expect(status(try map(47, profile)) == 503)
    }

    @Test func theRowAndProfileAreReported() throws {
        let mapper = try #require(MappingsFixture.mapper)
        let mapped = try mapper.sipStatus(forCause: 17, profile: "st769")
        #expect(mapped.profile == "st769")
        #expect(mapped.source.file == ISUPCauseToSIPStatus.file)
        #expect(mapped.source.citation.hasPrefix("RFC 3398 §7.2.4.1"))
    }

    @Test func unknownProfileIsRefused() throws {
        let mapper = try #require(MappingsFixture.mapper)
        #expect(throws: CauseMappingError.unknownProfile("q1912_5", known: ["rfc3398", "q1912.5", "st769"])) {
            try mapper.sipStatus(forCause: 17, profile: "q1912_5")
        }
    }
}
