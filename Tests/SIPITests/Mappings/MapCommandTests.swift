import Foundation
import ISUP
import OracleSupport
import SIPI
import Testing

/// `sipigw map cause` as a user runs it: the binary built next to this test bundle (`swift build --build-tests`).
@Suite struct MapCommandTests {
    static let sipigw = Command.builtProduct("sipigw")
    /// The checkout, so that `./Mappings` is found without `--mappings`.
    static let checkout = MappingsFixture.directory.deletingLastPathComponent()

    private func sipigw(_ arguments: [String], in directory: URL = checkout) throws -> Command.Result {
        try Command.run(Self.sipigw, ["map", "cause"] + arguments, in: directory)
    }

    private func json(_ run: Command.Result) throws -> JSONObject {
        try #require(try JSONValue(parsing: run.stdout).object)
    }

    /// A copy of Mappings/ in a fresh directory, with one file replaced (nil: removed), for the duration of `body`.
    private func withMappingsCopy(replacing name: String, with text: String?, _ body: (URL) throws -> Void) throws {
        try ScratchDirectory.with("sipigw-map") { directory in
            for (file, contents) in MappingsFixture.files(replacing: name, with: text ?? "") where file != name || text != nil {
                try contents.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
            }
            try body(directory)
        }
    }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.sipigw), "run `swift build --build-tests` first")
    }

    /// The answer comes first; ./Mappings is found from the checkout.
    @Test(arguments: [
        (["--isup", "17"], "486 Busy Here"),
        (["--isup", "21", "--location", "U"], "603 Decline"),
        (["--isup", "22", "--diagnostic"], "301 Moved Permanently"),
        (["--isup", "63"], "500 Server Internal Error"),
        (["--isup", "25", "--profile", "q1912.5"], "483 Too Many Hops"),
        (["--isup", "63", "--profile", "st769"], "500 Server Internal Error"),
        (["--sip", "486"], "17 User busy"),
        (["--sip", "500"], "41 Temporary failure"),
        (["--sip", "500", "--profile", "st769"], "63 Service or option not available, unspecified"),
        (["--sip", "480", "--profile", "q1912.5"], "20 Subscriber absent"),
        (["--sip", "486", "--reason", "Q.850;cause=34"], "34 No circuit/channel available"),
        (["--sip", "500", "--reason", "Q.850;cause=17", "--rel-cause", "63"], "63 Service or option not available, unspecified"),
        (["--sip", "BYE", "--reason", "Q.850;cause=17", "--rel-cause", "63"], "17 User busy"),
        (["--sip", "cancel", "--profile", "q1912.5"], "31 Normal, unspecified"),
        (["--sip", "487"], "no REL"),
    ])
    func answerComesFirst(arguments: [String], first: String) throws {
        let run = try sipigw(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.firstLine == first)
    }

    @Test func specialOutcomes() throws {
        let bye = try sipigw(["--isup", "16"])
        #expect(bye.firstLine.hasPrefix("no response: BYE"))
        #expect(bye.firstLine.contains("500 Server Internal Error"))
        #expect(try sipigw(["--isup", "44"]).firstLine == "no SIP status: retry the IAM on another circuit")
    }

    @Test func textNamesTheRowAndItsClause() throws {
        let run = try sipigw(["--isup", "17", "--profile", "st769"])
        #expect(run.stdout.contains("profile: st769"))
        #expect(run.stdout.contains("row: isup-cause-to-sip-status.csv:"))
        #expect(run.stdout.contains("RFC 3398 §7.2.4.1"))
    }

    @Test func isupToSIPAsJSON() throws {
        let object = try json(try sipigw(["--isup", "17", "--format", "json"]))
        #expect(object["profile"] == .string("rfc3398"))
        #expect(object["isup"]?.object?["cause"] == .int(17))
        #expect(object["outcome"] == .string("response"))
        #expect(object["sip"] == .object(["status": .int(486), "reasonPhrase": .string("Busy Here")]))
        #expect(object["source"]?.object?["row"]?.string?.hasPrefix("isup-cause-to-sip-status.csv:") == true)
        let bye = try json(try sipigw(["--isup", "16", "--format", "json"]))
        #expect(bye["outcome"] == .string("release-dialog"))
        #expect(bye["fallback"]?.object?["status"] == .int(500))
        #expect(try json(try sipigw(["--isup", "44", "--format", "json"]))["outcome"] == .string("retry-circuit"))
    }

    @Test func sipToISUPAsJSON() throws {
        let object = try json(try sipigw(["--sip", "603", "--format", "json"]))
        #expect(object["sip"]?.object?["reasonPhrase"] == .string("Decline"))
        #expect(object["outcome"] == .string("release"))
        #expect(object["isup"] == .object(["cause": .int(21), "name": .string("Call rejected"), "location": .int(0)]))
        #expect(object["decidedBy"] == .string("table"))
        let reason = try json(try sipigw(["--sip", "BYE", "--reason", "Q.850;cause=17;location=LN", "--format", "json"]))
        #expect(reason["decidedBy"] == .string("reason"))
        #expect(reason["isup"]?.object?["location"] == .int(2))
        #expect(try json(try sipigw(["--sip", "487", "--format", "json"]))["outcome"] == .string("no-release"))
    }

    /// Usage errors exit 64 (ArgumentParser's validation status) with the reason on stderr.
    @Test(arguments: [
        (["--isup", "17", "--profile", "q1912_5"], "unknown profile 'q1912_5'"),
        (["--isup", "200"], "a cause value is 0–127"),
        (["--sip", "486", "--isup", "17"], "exactly one of --isup and --sip"),
        ([], "exactly one of --isup and --sip"),
        (["--sip", "4860"], "status code 100–699"),
        (["--sip", "INFO"], "INFO does not end a call"),
        (["--isup", "17", "--reason", "Q.850;cause=1"], "--reason and --rel-cause go with --sip"),
        (["--isup", "21", "--location", "X"], "--location X"),
        (["--isup", "17", "--mappings", "/nonexistent/Mappings"], "no such directory"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let run = try sipigw(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// A malformed table exits 1 with its file:line on stderr.
    @Test func malformedMappingsExit1() throws {
        let text = "profile,sip_status,isup_cause,source\nrfc3398,486,17,RFC 3398\nrfc3398,486,18,RFC 3398\n"
        try withMappingsCopy(replacing: SIPStatusToISUPCause.file, with: text) { directory in
            let run = try sipigw(["--isup", "17", "--mappings", directory.path])
            #expect(run.status == 1)
            #expect(run.stderr.contains("\(directory.path)/sip-status-to-isup-cause.csv:3: duplicate key rfc3398 486 (first on line 2)"))
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func missingFileExit1() throws {
        try withMappingsCopy(replacing: MappingProfiles.file, with: nil) { directory in
            let run = try sipigw(["--sip", "486", "--mappings", directory.path])
            #expect(run.status == 1)
            #expect(run.stderr.contains("\(directory.path)/profiles.csv: file not found"))
        }
    }

    /// `--mappings` reads another copy; without it and without ./Mappings there is nothing to load.
    @Test func mappingsDirectory() throws {
        try withMappingsCopy(replacing: SIPReasonPhrases.file, with: MappingsFixture.files[SIPReasonPhrases.file]) { directory in
            #expect(try sipigw(["--isup", "17", "--mappings", directory.path]).firstLine == "486 Busy Here")
            let elsewhere = try sipigw(["--isup", "17"], in: directory)
            #expect(elsewhere.status == 1)
            #expect(elsewhere.stderr.contains("no Mappings directory"))
        }
    }
}

extension Command.Result {
    /// The answer line of `sipigw map cause`.
    fileprivate var firstLine: Substring { stdout.split(separator: "\n").first ?? "" }
}
