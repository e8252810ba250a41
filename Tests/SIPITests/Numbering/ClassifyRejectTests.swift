import SIPI
import Testing

/// Numbers ST 769 rejects at the NNI, each with the Annex A clause and the release outcome the digests give
/// (st769-1 §5.2; st769-2 §4, §6; st769-3 §11, §14.1, §14.3). The row id is the digest's case id.
@Suite struct ClassifyRejectTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let id: String
        let input: String
        let clause: AnnexACase
        /// The field the error names, when it is a field error.
        let field: String?
        let isup: Bool
        var testDescription: String { "\(id) \(input)" }

        init(_ id: String, _ input: String, _ clause: AnnexACase, field: String? = nil, isup: Bool = false) {
            self.id = id
            self.input = input
            self.clause = clause
            self.field = field
            self.isup = isup
        }
    }

    static let rows: [Row] = [
        Row("N1", "C60065432", .notGlobal),
        Row("N2", "+44C80345800123456", .notItalian),
        Row("N3", "+39D80345800123456", .xabInvalid),
        Row("N4", "+39C05345800123456", .xabInvalid),
        Row("N4", "+39C23345800123456", .xabInvalid),
        Row("N5", "+39C80123800123456", .routingFieldInvalid, field: "opId"),
        Row("N6", "+39C9961113", .routingFieldInvalid, field: "areaCode"),
        // 19 digits: above the C99 maximum of 18.
        Row("N7", "+39C9903311131234567", .trailingFieldInvalid),
        // 18 digits, but a 3-digit area code leaves a 10-digit selection.
        Row("N7", "+39C990111131234567", .trailingFieldInvalid, field: "serviceCode"),
        Row("N8", "+39C97061149234", .trailingFieldInvalid, field: "nueCode"),
        Row("N9", "+39C5067855123456789", .trailingFieldInvalid),
        Row("N9", "+39C983011862341", .trailingFieldInvalid),
        Row("N10", "+39C8034580", .routingFieldInvalid),
        Row("N10", "+39C8034580012345678", .trailingFieldInvalid),
        Row("NNI-6", "+39063688A1", .invalidSubscriber),
        Row("NNI-7", "+39%200636881", .invalidSubscriber),
        Row("NNI-30", "39C60012700", .notGlobal),
        Row("NNI-31", "+44C60012700", .notItalian),
        Row("NNI-32", "+39D60012700", .xabInvalid),
        Row("NNI-34", "+39C80012800123456", .routingFieldInvalid, field: "opId"),
        Row("NNI-35", "+39C996113", .routingFieldInvalid, field: "areaCode"),
        Row("NP0-06", "+39C605651230612345678", .routingFieldInvalid, field: "block"),
        Row("NP0-07", "+39C6006512", .routingFieldInvalid),
        Row("N55-10", "+39C5940255123456", .routingFieldInvalid),
        Row("NG-07", "+39C80099800123456", .routingFieldInvalid, field: "opId"),
        Row("NG-07", "+39C80150800123456", .routingFieldInvalid, field: "opId"),
        Row("NG-08", "+39C8030180", .routingFieldInvalid),
        Row("CS-03", "+391055" + Fixtures.digits(19), .trailingFieldInvalid),
        Row("CS-09", "+39C10770612345678", .routingFieldInvalid, field: "carrierCode"),
        Row("RPV-03", "+391482" + Fixtures.digits(21), .trailingFieldInvalid),
        Row("EM-07", "+39C97061128402", .trailingFieldInvalid, field: "separator"),
        Row("EM-08", "+39C97061149402", .trailingFieldInvalid, field: "nueCode"),
        Row("EM-09", "+39C996112", .routingFieldInvalid, field: "areaCode"),
        Row("TR-03", "39C97033111129402", .trailingFieldInvalid, isup: true),
        Row("ERR-02", "+39 0612345678", .invalidSubscriber),
        Row("ERR-03", "+39-06-12345678", .invalidSubscriber),
        Row("ERR-06", "39C80301800123456", .notGlobal),
        Row("ERR-07", "+33C80301800123456", .notItalian),
        Row("ERR-08", "+39D80301800123456", .xabInvalid),
        Row("ERR-09", "+39C23301800123456", .xabInvalid),
        Row("ERR-10", "+39C45301800123456", .xabInvalid),
        Row("GEN-04", "+39c80345800123456", .xabInvalid),
        // Fig. 9: an 894 selection has 6 or 8 digits.
        Row("Fig. 9", "+39C823018941234", .trailingFieldInvalid, field: "selection"),
        // Fig. 13: 186 is the only C98 service.
        Row("Fig. 13", "+39C98301187402", .trailingFieldInvalid, field: "serviceCode"),
        // Fig. 7 / §7.3.2: a C80 selection starts with a listed non-geographic service code.
        Row("Fig. 7", "+39C80301555123456", .trailingFieldInvalid, field: "selection"),
        // st769-2 §5.1: OP_IDorig 000 is reserved (only the Serving network appends it, towards the PSAP).
        Row("§6.6", "+39C97061129000", .trailingFieldInvalid, field: "opIdOrig"),
        // st769-2 §2.3 step 5: a 149 code that is not assigned.
        Row("§6.1.8", "+391490012345", .accessCodeInvalid, field: "accessCode"),
        // E.164: at most 15 digits after "+".
        Row("E.164", "+39" + Fixtures.digits(14), .invalidSubscriber),
        Row("E.164", "+44" + Fixtures.digits(14), .invalidSubscriber),
        Row("§6.1.1", "+39C", .xabInvalid),
    ]

    @Test(arguments: rows)
    func rejected(_ row: Row) {
        #expect {
            _ = row.isup
                ? try Fixtures.plan.classify(internationalDigits: row.input)
                : try Fixtures.plan.classify(userPart: row.input)
        } throws: { error in
            guard let error = error as? NumberingError else { return false }
            let field: String? = switch error.reason {
            case .invalidField(_, let name, _, _, _): name
            default: nil
            }
            // Every format error in these rows releases with cause 28 / SIP 484 (Annex A Tables 9, 10).
            return error.clause == row.clause && field == row.field
                && error.outcome == AnnexAOutcome(isupCause: 28, sipStatus: 484)
        }
    }

    @Test func lengthErrorReportsTheAllowedRange() throws {
        // N7: 19 digits where C99 allows 10–18.
        let error = #expect(throws: NumberingError.self) { try Fixtures.plan.classify(userPart: "+39C9903311131234567") }
        #expect(error?.reason == .invalidLength(.areaRouted, actual: 19, allowed: 10...18, part: .trailing))
    }

    @Test func invalidCharacterOffsetIsInTheInput() throws {
        // NNI-6: "A" is at offset 9 of the user part ("+" is offset 0).
        let error = #expect(throws: NumberingError.self) { try Fixtures.plan.classify(userPart: "+39063688A1") }
        #expect(error?.reason == .invalidCharacter("A", offset: 9))
    }

    @Test func reservedAndUnassignedABAreTold() throws {
        let reserved = #expect(throws: NumberingError.self) { try Fixtures.plan.classify(userPart: "+39C05345800123456") }
        #expect(reserved?.reason == .reservedAB("05"))
        let unassigned = #expect(throws: NumberingError.self) { try Fixtures.plan.classify(userPart: "+39C45301800123456") }
        #expect(unassigned?.reason == .unassignedAB("45"))
    }
}
