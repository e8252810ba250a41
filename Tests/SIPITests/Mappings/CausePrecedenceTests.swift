import ISUP
import SIPI
import Testing

/// Where the REL cause comes from when a SIP message carries more than a status (cause-precedence.csv,
/// corrections §1 #13): responses take the encapsulated REL first, BYE and CANCEL the Reason header first.
@Suite struct CausePrecedenceTests {
    /// A REL cause as another SIP-I gateway would encapsulate it: location and diagnostic must survive unchanged.
    let encapsulated = CauseIndicators(value: 63, location: 4, diagnostics: [0x01])

    private func map(status: Int? = nil, method: String = "INVITE", reason: String? = nil,
                     encapsulated: CauseIndicators? = nil, profile: String = "rfc3398") throws -> MappedISUPCause {
        let mapper = try #require(MappingsFixture.mapper)
        return try mapper.isupCause(
            forStatus: status, reasonHeader: reason, encapsulatedCause: encapsulated, method: method, profile: profile)
    }

    /// RFC 3398 §8.2.6.1: a rejection carrying a REL reuses its cause indicators, before any Reason header.
    @Test(arguments: ["rfc3398", "q1912.5", "st769"])
    func responseTakesTheEncapsulatedRELFirst(profile: String) throws {
        let mapped = try map(status: 500, reason: "Q.850;cause=17", encapsulated: encapsulated, profile: profile)
        #expect(mapped.outcome == .release(encapsulated))
        #expect(mapped.decidedBy == .encapsulatedREL)
        #expect(mapped.precedence.citation.contains("§8.2.6.1"))
    }

    /// RFC 6432 / digest C.2: without a REL, a Reason Q.850 cause replaces the status table.
    @Test func responseTakesTheReasonBeforeTheTable() throws {
        let mapped = try map(status: 486, reason: #"Q.850;cause=34;text="No circuit""#)
        #expect(mapped.outcome == .release(CauseIndicators(value: 34, location: 10)))
        guard case .reasonHeader(let locationSource) = mapped.decidedBy else { Issue.record("\(mapped.decidedBy)"); return }
        #expect(locationSource?.file == GeneratedCauseLocation.file)
        // The location of a 6xx is the user's (RFC 3398 §8.2.6.1) unless RFC 8606 `location=` says otherwise.
        #expect(try map(status: 603, reason: "Q.850;cause=21").outcome == .release(CauseIndicators(value: 21, location: 0)))
        let located = try map(status: 603, reason: "Q.850;cause=21;location=LN")
        #expect(located.outcome == .release(CauseIndicators(value: 21, location: 2)))
        #expect(located.decidedBy == .reasonHeader(locationSource: nil))
    }

    @Test func responseFallsBackToTheTable() throws {
        let mapped = try map(status: 486, reason: "SIP;cause=486;text=\"Busy Here\"")
        #expect(mapped.outcome == .release(CauseIndicators(value: 17, location: 10)))
        guard case .table(let row, _) = mapped.decidedBy else { Issue.record("\(mapped.decidedBy)"); return }
        #expect(row.file == SIPStatusToISUPCause.file)
    }

    /// A Reason can make a REL out of a response whose table row sends none (487).
    @Test func reasonOnAResponseWithoutMapping() throws {
        #expect(try map(status: 487).outcome == .noRelease)
        #expect(try map(status: 487, reason: "Q.850;cause=16").outcome == .release(CauseIndicators(value: 16, location: 10)))
    }

    /// RFC 3398 §7.2.3: a BYE with both a Reason header and encapsulated ISUP MUST prefer the Reason value.
    @Test(arguments: ["rfc3398", "q1912.5", "st769"])
    func byeTakesTheReasonFirst(profile: String) throws {
        let mapped = try map(method: "BYE", reason: "Q.850;cause=31", encapsulated: encapsulated, profile: profile)
        #expect(mapped.outcome == .release(CauseIndicators(value: 31, location: 10)))
        #expect(mapped.precedence.citation.contains("§7.2.3"))
    }

    /// RFC 3398 §7.2.3: without a Reason, the encapsulated REL's cause is re-used, else 16.
    @Test func byeThenTheEncapsulatedRELThenSixteen() throws {
        #expect(try map(method: "BYE", encapsulated: encapsulated).outcome == .release(encapsulated))
        #expect(try map(method: "BYE").outcome == .release(CauseIndicators(value: 16, location: 10)))
    }

    /// CANCEL has no body (RFC 3398 §8.2.7): only its Reason can carry the cause.
    @Test func cancelTakesOnlyTheReason() throws {
        #expect(try map(method: "CANCEL", reason: "Q.850;cause=17").outcome == .release(CauseIndicators(value: 17, location: 10)))
        #expect(try map(method: "CANCEL", encapsulated: encapsulated).outcome == .release(CauseIndicators(value: 16, location: 10)))
        #expect(try map(method: "CANCEL", encapsulated: encapsulated, profile: "q1912.5").outcome
            == .release(CauseIndicators(value: 31, location: 10)))
    }

    /// OpenSIPS takes a Reason cause only in 1…127 (digest C.2); anything else leaves the table's answer.
    @Test(arguments: ["Q.850;cause=0", "Q.850;cause=128", "Q.850;cause=x", "Q.850", "Q.850;text=\"17\"", "", "garbage"])
    func unusableReasonIsIgnored(reason: String) throws {
        #expect(try map(status: 486, reason: reason).outcome == .release(CauseIndicators(value: 17, location: 10)))
    }
}
