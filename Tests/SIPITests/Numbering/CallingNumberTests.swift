import SIPI
import Testing

/// Calling identities (ST 769 §6.1.10): global, and the subscriber's number, never a routing number.
@Suite struct CallingNumberTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let id: String
        let userPart: String
        let kind: NumberKind?
        var testDescription: String { "\(id) \(userPart)" }
    }

    static let rows: [Row] = [
        // T25 / GEN-01: PAI +39 + national number, leading 0 kept (CLI-1).
        Row(id: "T25", userPart: "+390612345678", kind: .national),
        Row(id: "GEN-01", userPart: "+390655512345", kind: .national),
        // T26 / NP0-08: a ported caller's CLI is the DN (CLI-4).
        Row(id: "NP0-08", userPart: "+390612345678", kind: .national),
        Row(id: "T24", userPart: "+393351234567", kind: .national),
        Row(id: "NNI-16", userPart: "+44555666", kind: .international),
        // NP0-08: never C60 or a DCM; no routing number at all.
        Row(id: "NP0-08", userPart: "+39C600651230612345678", kind: nil),
        Row(id: "CLI-4", userPart: "+39C60065123", kind: nil),
        Row(id: "CLI-4", userPart: "+393923351234567", kind: nil),
    ]

    @Test(arguments: rows)
    func callingNumber(_ row: Row) throws {
        let number = try Fixtures.plan.classify(userPart: row.userPart)
        if let kind = row.kind {
            #expect(number.kind == kind)
            #expect(throws: Never.self) { try Fixtures.plan.requireCallingNumber(number) }
        } else {
            let error = #expect(throws: NumberingError.self) { try Fixtures.plan.requireCallingNumber(number) }
            #expect(error?.reason == .routingNumberAsCallingNumber(number.kind))
            #expect(error?.outcome == AnnexAOutcome(isupCause: 28, sipStatus: 484))
        }
    }

    @Test func callingNumberWithoutPlusIsRejected() {
        // CLI-1: global format.
        let error = #expect(throws: NumberingError.self) { try Fixtures.plan.classify(userPart: "0612345678") }
        #expect(error?.reason == .missingPlus)
    }
}
