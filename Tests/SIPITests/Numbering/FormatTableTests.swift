import Foundation
import SIPI
import Testing

/// The format table and the plan as data: the lengths the fields add up to against the figures the digests state,
/// the district table, and the [verify]/[OPEN] points changed by configuration rather than code.
@Suite struct FormatTableTests {
    struct Stated: CustomTestStringConvertible, Sendable {
        let kind: NumberKind
        let lengths: ClosedRange<Int>
        let source: String
        var testDescription: String { "\(kind.rawValue) \(source)" }
    }

    /// Digit counts with "39" (R-GEN-7): st769-1 §3.3–§3.10 and st769-2 §2.1. Minimums the source does not state
    /// are those of the shortest field values it allows.
    static let stated: [Stated] = [
        Stated(kind: .areaRouted, lengths: 10...18, source: "Fig. 5: max 18 (min 10)"),
        Stated(kind: .emergencyNUE, lengths: 14...16, source: "Fig. 6: 14–16"),
        Stated(kind: .operatorRouted, lengths: 11...18, source: "Fig. 7: max 18, selection 3–10"),
        Stated(kind: .operatorRoutedAlternative, lengths: 12...19, source: "Fig. 8: max 19, selection 3–10"),
        Stated(kind: .massCalling, lengths: 14...16, source: "Fig. 9: 14 or 16"),
        Stated(kind: .internetPerMinute, lengths: 18...18, source: "Fig. 10: 18 (computed)"),
        Stated(kind: .internetSpecialRouting, lengths: 18...18, source: "Fig. 10: 18 (computed)"),
        Stated(kind: .internetFlatRate, lengths: 18...18, source: "Fig. 10: 18 (computed)"),
        Stated(kind: .nomadicResolved, lengths: 18...18, source: "Fig. 11: stated 16 without 39 (§3.14)"),
        Stated(kind: .nomadicToResolve, lengths: 18...18, source: "Fig. 11: stated 16 without 39 (§3.14)"),
        Stated(kind: .wholesaleLineRental, lengths: 9...30, source: "Fig. 12: max 28 excluding +39"),
        Stated(kind: .serviceWithOrigin, lengths: 14...14, source: "Fig. 13: fixed 14"),
        Stated(kind: .fixedPortability, lengths: 11...22, source: "Fig. 14: 11, + DN of 6–11 [OPEN]"),
        Stated(kind: .carrierSelection, lengths: 7...24, source: "Fig. 15: max 24"),
        Stated(kind: .carrierPreselection, lengths: 8...25, source: "Fig. 16: max 25"),
        Stated(kind: .carrierSelectionDistrict, lengths: 8...19, source: "Fig. 17: max 19"),
        Stated(kind: .privateNetworkAccess, lengths: 7...26, source: "Fig. 18: max 26"),
        Stated(kind: .mobilePortability, lengths: 14...15, source: "Fig. 19: 14 or 15"),
        Stated(kind: .national, lengths: 3...15, source: "E.164: 15 digits"),
    ]

    @Test(arguments: stated)
    func lengthsAddUpToTheStatedFigures(_ row: Stated) throws {
        let format = try #require(NumberingPlan.st769Formats.first { $0.kind == row.kind })
        let prefix = try #require(format.prefixes.first)
        #expect(format.lengths(countryCodeLength: 2, prefix: prefix) == row.lengths)
    }

    @Test func everyKindHasOneFormat() {
        let kinds = NumberingPlan.st769Formats.map(\.kind) + [NumberingPlan.st769Foreign.kind]
        #expect(kinds.sorted { $0.rawValue < $1.rawValue } == NumberKind.allCases.sorted { $0.rawValue < $1.rawValue })
    }

    /// Annex B Table 13: 232 districts, "058" read as 0585 [verify], no code a prefix of another (so that an area code
    /// splits off the digits after it).
    @Test func districtTable() {
        let codes = NumberingPlan.annexBDistrictCodes
        #expect(codes.count == 232)
        #expect(Set(codes).count == 232)
        #expect(codes.contains("0585") && !codes.contains("058"))
        #expect(codes.allSatisfy { $0.hasPrefix("0") && (2...4).contains($0.count) })
        for code in codes {
            #expect(!codes.contains { $0 != code && $0.hasPrefix(code) }, "\(code) is a prefix of another code")
        }
    }

    @Test func planRoundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(Fixtures.plan)
        #expect(try JSONDecoder().decode(NumberingPlan.self, from: data) == Fixtures.plan)
    }

    @Test func partialPlanKeepsTheDefaults() throws {
        let plan = try JSONDecoder().decode(NumberingPlan.self, from: Data(#"{"carrierCodes": ["1055"]}"#.utf8))
        #expect(plan.carrierCodes == ["1055"])
        #expect(plan.formats == NumberingPlan.st769Formats)
        #expect(plan.rpvCodes == ["1482"])
        // CS-01 needs the assigned code.
        #expect(throws: NumberingError.self) { try NumberingPlan.st769.classify(userPart: "+3910550612345678") }
        #expect(try plan.classify(userPart: "+3910550612345678").kind == .carrierSelection)
    }

    /// [verify] st769-1 §3.14: read Fig. 11's "fixed 16" as counting "39", i.e. an 8-digit 55 number.
    @Test func nomadicLengthIsData() throws {
        var plan = Fixtures.plan
        for n in plan.formats.indices where [.nomadicResolved, .nomadicToResolve].contains(plan.formats[n].kind) {
            plan.formats[n].fields[1].lengths = [8]
        }
        #expect(try plan.classify(userPart: "+39C5067855123456").fields.last?.value == "55123456")
        #expect(throws: NumberingError.self) { try plan.classify(userPart: "+39C506785512345678") }
    }

    /// [OPEN] st769-2 §7.1: the C60 RgN alone (Fig. 14), without the DN.
    @Test func fixedPortabilityWithoutTheDirectoryNumberIsData() throws {
        var plan = Fixtures.plan
        let n = try #require(plan.formats.firstIndex { $0.kind == .fixedPortability })
        plan.formats[n].fields.removeLast()
        #expect(try plan.classify(userPart: "+39C60065432").kind == .fixedPortability)
        let error = #expect(throws: NumberingError.self) { try plan.classify(userPart: "+39C600651230612345678") }
        #expect(error?.reason == .invalidLength(.fixedPortability, actual: 21, allowed: 11...11, part: .routing))
    }

    /// [OPEN] GEN-04: lower-case "c" accepted when configured, and reported upper-case.
    @Test func lowercaseRoutingDigitIsALeniency() throws {
        var plan = Fixtures.plan
        plan.acceptsLowercaseC = true
        let number = try plan.classify(userPart: "+39c80345800123456")
        #expect(number.kind == .operatorRouted)
        #expect(number.userPart == "+39C80345800123456")
    }

    /// [OPEN] E11 / st769-3 §15.2: the cause of each Annex A case is configuration.
    @Test func annexAOutcomesAreData() throws {
        let json = #"{"annexA": {"overrides": {"A.1.2 g": {"isupCause": 63, "sipStatus": 500}}}}"#
        let plan = try JSONDecoder().decode(NumberingPlan.self, from: Data(json.utf8))
        let recognisedButNotConfigured = #expect(throws: NumberingError.self) {
            try plan.classify(userPart: "+39C98301187402")
        }
        #expect(recognisedButNotConfigured?.outcome == AnnexAOutcome(isupCause: 63, sipStatus: 500))
        let otherCase = #expect(throws: NumberingError.self) { try plan.classify(userPart: "+39C80123800123456") }
        #expect(otherCase?.outcome == AnnexAOutcome(isupCause: 28, sipStatus: 484))
        #expect(plan.annexA.outcome(.databaseMismatch) == AnnexAOutcome(isupCause: 63, sipStatus: 500))
    }

    /// Reserved values are data too (Annex A fn 20, fn 22).
    @Test func reservedPrefixesAreData() throws {
        var plan = Fixtures.plan
        plan.reservedOperatorPrefixes = ["0"]
        #expect(try plan.classify(userPart: "+39C80123800123456")["opId"] == "123")
    }
}
