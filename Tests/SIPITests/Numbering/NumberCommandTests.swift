import Foundation
import ISUP
import OracleSupport
import Testing

/// `sipigw number classify` and `sipigw number plan` as a user runs them: the binary built next to the test bundle.
@Suite struct NumberCommandTests {
    static let sipigw = Command.builtProduct("sipigw")

    func sipigw(_ arguments: String...) throws -> Command.Result { try Command.run(Self.sipigw, arguments) }

    func json(_ text: String) throws -> JSONObject { try #require(try JSONValue(parsing: text).object) }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.sipigw), "run `swift build --build-tests` first")
    }

    @Test func acceptedNumberAsText() throws {
        // T8
        let run = try sipigw("number", "classify", "+39C80345800123456")
        #expect(run.status == 0)
        #expect(run.stdout == """
            +39C80345800123456: C80, Non-geographic service routed on OP_ID (ST 769 §6.1.4 Fig. 7), 17 digits
              opId: 345
              selection: 800123456

            """)
    }

    @Test func acceptedNumberAsJSON() throws {
        // T6
        let run = try sipigw("number", "classify", "--format", "json", "+39C9703311189567")
        #expect(run.status == 0)
        let object = try json(run.stdout)
        #expect(object["input"] == .string("+39C9703311189567"))
        #expect(object["kind"] == .string("C97"))
        #expect(object["length"] == .int(16))
        #expect(object["fields"] == .object([
            "areaCode": .string("0331"), "nueCode": .string("118"), "separator": .string("9"), "opIdOrig": .string("567"),
        ]))
    }

    @Test func rejectedNumberPrintsTheAnnexAOutcome() throws {
        // N5: OP_ID 1XY is reserved.
        let run = try sipigw("number", "classify", "--format", "json", "+39C80123800123456")
        #expect(run.status == 1)
        let error = try #require(try json(run.stdout)["error"]?.object)
        #expect(error["clause"] == .string("A.1.2 f"))
        #expect(error["isupCause"] == .int(28))
        #expect(error["sipStatus"] == .int(484))

        let text = try sipigw("number", "classify", "+39C80123800123456")
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("+39C80123800123456: rejected, A.1.2 f: "))
        #expect(text.stdout.hasSuffix("→ ISUP cause 28, SIP 484\n"))
    }

    @Test func telURIIsRejected() throws {
        // ERR-01
        let run = try sipigw("number", "classify", "--format", "json", "tel:+390612345678")
        #expect(run.status == 1)
        #expect(try json(run.stdout)["error"]?.object?["clause"] == .string("A.1.1 a"))
    }

    @Test func sipURIIsClassifiedByItsUserPart() throws {
        // GEN-02
        let run = try sipigw("number", "classify", "--format", "json", "sip:+39C594025512345678@opb.it;user=phone")
        #expect(run.status == 0)
        let object = try json(run.stdout)
        #expect(object["kind"] == .string("C59"))
        #expect(object["identity"] == .object(["kind": .string("operatorCode"), "value": .string("402")]))
    }

    @Test func isupDigitsByNatureOfAddress() throws {
        // TR-04 (NAI 4) and T2 on the TDM side (NAI 3, no "39").
        let international = try sipigw("number", "classify", "--nai", "4", "--format", "json", "39C9703311129402")
        #expect(international.status == 0)
        #expect(try json(international.stdout)["userPart"] == .string("+39C9703311129402"))
        let national = try sipigw("number", "classify", "--nai", "3", "--format", "json", "C60065432")
        #expect(national.status == 0)
        #expect(try json(national.stdout)["kind"] == .string("C60"))
        // N1: the same digits as a SIP user part lack the "+".
        let sip = try sipigw("number", "classify", "C60065432")
        #expect(sip.status == 1)
        #expect(sip.stdout.contains("A.1.2 a"))
    }

    @Test func callingIdentityIsNeverARoutingNumber() throws {
        // NP0-08: the ported caller's PAI is the DN; C60… as a CLI is rejected.
        let dn = try sipigw("number", "classify", "--calling", "sip:+390612345678@opb.it;user=phone")
        #expect(dn.status == 0)
        let rgn = try sipigw("number", "classify", "--calling", "--format", "json", "+39C600651230612345678")
        #expect(rgn.status == 1)
        #expect(try json(rgn.stdout)["error"]?.object?["clause"] == .string("A.1.1 c"))
        // The same digits as a called number are a C60.
        #expect(try sipigw("number", "classify", "+39C600651230612345678").status == 0)
    }

    @Test func assignedCodesComeFromThePlan() throws {
        try ScratchDirectory.with("sipigw-number") { dir in
            let plan = dir.appendingPathComponent("plan.json")
            try #"{"carrierCodes": ["1055"], "mnpCodes": ["392"]}"#.write(to: plan, atomically: true, encoding: .utf8)

            // CS-01: 1055 is not assigned in the built-in plan.
            #expect(try sipigw("number", "classify", "+3910550612345678").status == 1)
            let cs = try sipigw("number", "classify", "--plan", plan.path, "--format", "json", "+3910550612345678")
            #expect(cs.status == 0)
            #expect(try json(cs.stdout)["fields"] == .object(["carrierCode": .string("1055"), "number": .string("0612345678")]))
            // MNP-02: without the 3XY code it is a plain number.
            let plain = try sipigw("number", "classify", "--format", "json", "+393923351234567")
            #expect(try json(plain.stdout)["kind"] == .string("national"))
            let mnp = try sipigw("number", "classify", "--plan", plan.path, "--format", "json", "+393923351234567")
            #expect(try json(mnp.stdout)["kind"] == .string("3XY"))

            // `number plan` prints the whole plan with the file's keys over the defaults.
            let printed = try sipigw("number", "plan", "--plan", plan.path)
            #expect(printed.status == 0)
            let object = try json(printed.stdout)
            #expect(object["carrierCodes"] == .array([.string("1055")]))
            #expect(object["rpvCodes"] == .array([.string("1482")]))
            #expect(object["districtCodes"]?.array?.count == 232)
        }
    }

    @Test func usageErrors() throws {
        let nai = try sipigw("number", "classify", "--nai", "2", "0612345678")
        #expect(nai.status == 64)
        #expect(nai.stderr.contains("--nai is 3 (national) or 4 (international)"))
        let plan = try sipigw("number", "classify", "--plan", "/nonexistent/plan.json", "+390612345678")
        #expect(plan.status == 64)
        #expect(plan.stderr.contains("cannot open /nonexistent/plan.json"))
    }
}
