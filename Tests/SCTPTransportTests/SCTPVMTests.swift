import Foundation
import ISUP
import OracleSupport
import Testing

/// The real thing: `Scripts/sctp-vm` boots Debian's kernel (which has SCTP) in qemu, and inside it
/// `Scripts/sctp-probe-osmo-stp` runs `sipigw m3ua sctp-probe` against osmo-stp (two ASPs in two ASes up and
/// active, an IAM and an ACM routed between them by DPC, BEAT, ASPDN, shutdown). Skipped, with the reason, when
/// the VM cannot start here.
enum SCTPVM {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let harness = repository.appendingPathComponent("Scripts/sctp-vm").path
    static let probeScript = repository.appendingPathComponent("Scripts/sctp-probe-osmo-stp").path
    static let sipigw = Command.builtProduct("sipigw")

    /// Why the VM test cannot run here, or nil when it can.
    static let unavailableReason: String? = {
        if ProcessInfo.processInfo.environment["SIPIGW_SKIP_SCTP_VM"] != nil {
            return "SIPIGW_SKIP_SCTP_VM is set"
        }
        guard FileManager.default.isExecutableFile(atPath: sipigw) else {
            return "no built sipigw at \(sipigw) (swift build --build-tests builds it)"
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/osmo-stp") else {
            return "osmo-stp not installed (make test-sctp installs it)"
        }
        guard let check = try? Command.run(harness, ["--check"]) else { return "cannot run \(harness)" }
        guard check.status == 0 else {
            return "qemu VM cannot start: \(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) (make test-sctp installs it)"
        }
        return nil
    }()
}

@Suite(.serialized, .enabled(if: SCTPVM.unavailableReason == nil, Comment(rawValue: SCTPVM.unavailableReason ?? "")))
struct SCTPVMTests {
    /// Two of our own nodes over kernel SCTP (Scripts/sctp-asp-sgp): `sipigw m3ua sgp` accepts, `sipigw m3ua asp`
    /// becomes active, aborts, comes back on a new association, and 20 DATA reach the SGP.
    @Test(.timeLimit(.minutes(5)))
    func ourASPAndOurSGPOverSCTP() throws {
        let script = SCTPVM.repository.appendingPathComponent("Scripts/sctp-asp-sgp").path
        let result = try Command.run(SCTPVM.harness, ["--timeout", "180", "--", script, SCTPVM.sipigw])
        #expect(result.status == 0, "exit \(result.status):\n\(result.stdout)\n\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let asp = lines.filter { $0.hasPrefix("{") }.compactMap { try? JSONValue(parsing: $0).object }
        let sgp = lines.filter { $0.hasPrefix("sgp {") }.compactMap { try? JSONValue(parsing: $0.dropFirst(4)).object }
        #expect(asp.last { $0["event"] == .string("result") }?["activations"] == .int(2))
        let activeAssociations = sgp.filter { $0["event"] == .string("asp") && $0["state"] == .string("ASP-ACTIVE") }
            .compactMap { $0["association"]?.int }
        #expect(activeAssociations == [1, 2], "SGP saw ASP-ACTIVE on \(activeAssociations)")
        #expect(sgp.filter { $0["event"] == .string("deliver") && $0["association"] == .int(2) }.count == 20)
    }

    /// The ASP state machine itself, run by the node shell over kernel SCTP (sipigw m3ua asp), against osmo-stp:
    /// ASP-ACTIVE, then the association aborted (SCTP ABORT), ASP-DOWN, and the ASP back to ASP-ACTIVE by itself
    /// with osmo-stp's NTFY AS-ACTIVE (RFC 4666 §4.3.4.1, §4.3.4.3).
    @Test(.timeLimit(.minutes(5)))
    func stateMachineOverSCTPRecoversFromAbort() throws {
        let result = try Command.run(SCTPVM.harness, [
            "--timeout", "180", "--", SCTPVM.probeScript, SCTPVM.sipigw, "asp", "--abort-once-active", "--duration", "60",
        ])
        let objects = result.stdout.split(separator: "\n").filter { $0.hasPrefix("{") }
            .compactMap { try? JSONValue(parsing: $0).object }
        #expect(result.status == 0, "exit \(result.status):\n\(result.stdout)\n\(result.stderr)")
        let summary = objects.last { $0["event"] == .string("result") }
        #expect(summary?["ok"] == .bool(true))
        #expect(summary?["activations"] == .int(2))
        let story = objects.compactMap { o -> String? in
            switch o["event"]?.string {
            case "asp": o["state"]?.string
            case "abort": "abort"
            default: nil
            }
        }
        // Active, aborted, down, and active again — in that order.
        let firstActive = try #require(story.firstIndex(of: "ASP-ACTIVE"))
        let abort = try #require(story.firstIndex(of: "abort"))
        let down = try #require(story[abort...].firstIndex(of: "ASP-DOWN"))
        #expect(firstActive < abort)
        #expect(story[down...].contains("ASP-ACTIVE"))
        #expect(objects.contains { $0["event"] == .string("ntfy") && $0["status"] == .string("AS-ACTIVE") })
    }

    @Test(.timeLimit(.minutes(5)))
    func aspUpActiveDataHeartbeatDownThroughOsmoSTP() throws {
        let start = Date()
        let result = try Command.run(SCTPVM.harness, ["--timeout", "240", "--", SCTPVM.probeScript, SCTPVM.sipigw])
        let seconds = Date().timeIntervalSince(start)
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("{") }
        let objects = lines.compactMap { try? JSONValue(parsing: $0).object }
        let steps = objects.filter { $0["event"] == .string("step") }
        let summary = objects.last { $0["event"] == .string("result") }
        #expect(result.status == 0, "VM run (\(Int(seconds)) s) exit \(result.status):\n\(result.stdout)\n\(result.stderr)")
        #expect(summary?["ok"] == .bool(true))
        #expect(steps.map { "\($0["asp"]?.string ?? "?") \($0["step"]?.string ?? "?")" } == [
            "gw connect", "gw ASPUP", "gw ASPAC",
            "switch connect", "switch ASPUP", "switch ASPAC",
            "gw DATA switch->gw (IAM)", "switch DATA gw->switch (ACM)",
            "switch ASPDN", "switch shutdown",
            "gw BEAT", "gw ASPDN", "gw shutdown",
        ])
        #expect(steps.allSatisfy { $0["ok"] == .bool(true) })
        // The IAM went switch -> osmo-stp -> gateway ASP, routed by DPC, with the gateway AS's routing context.
        let iam = objects.first { o in
            o["asp"] == .string("gw") && o["event"] == .string("received")
                && o["m3ua"]?.object?["type"] == .string("DATA")
        }
        let iamData = iam?["m3ua"]?.object?["parameters"]?.array?.compactMap(\.object)
            .first { $0["parameter"] == .string("protocolData") }
        #expect(iamData?["opc"] == .int(3) && iamData?["dpc"] == .int(1))
        #expect(iamData?["isup"]?.object?["type"] == .string("IAM"))
        // The messages osmo-stp answered with, in the order they came.
        let received = objects.filter { $0["event"] == .string("received") && $0["asp"] == .string("gw") }
            .compactMap { $0["m3ua"]?.object?["type"]?.string }
        for type in ["ASPUP_ACK", "ASPAC_ACK", "NTFY", "DATA", "BEAT_ACK", "ASPDN_ACK"] {
            #expect(received.contains(type), "no \(type) in \(received)")
        }
        // Every message came with PPID 3 (RFC 4666 §1.4.7).
        for m in objects where m["event"] == .string("received") {
            #expect(m["ppid"] == .int(3))
        }
        let states = objects.filter { $0["event"] == .string("sctp") && $0["asp"] == .string("gw") }
            .compactMap { $0["state"]?.string }
        #expect(states.first == "SCTP_COMM_UP")
        #expect(states.last == "SCTP_SHUTDOWN_COMP")
    }
}

extension SCTPVMTests {
    /// SCTPLoopbackTests (our own listener and association over the kernel's SCTP) run inside the VM, through
    /// this very test binary.
    @Test(.timeLimit(.minutes(5)))
    func loopbackTestsInsideTheVM() throws {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        try #require(FileManager.default.isExecutableFile(atPath: testBinary), "no test binary at \(testBinary)")
        let result = try Command.run(SCTPVM.harness, [
            "--timeout", "240", "--", testBinary, "--testing-library", "swift-testing",
            "--filter", "SCTPTransportTests.SCTPLoopbackTests",
        ])
        let report = "exit \(result.status):\n\(result.stdout)\n\(result.stderr)"
        #expect(result.status == 0, "\(report)")
        // swift-testing reports on standard error (the harness passes the guest's stderr on after the run).
        let output = result.stdout + result.stderr
        #expect(output.contains("Suite SCTPLoopbackTests passed"), "\(report)")
        // Every test of the suite ran inside the guest, none failed (the count follows the suite as it grows).
        let ran = output.split(separator: "\n").filter { $0.contains("✔ Test ") && $0.contains("() passed") }.count
        #expect(ran >= 5, "\(report)")
        #expect(!output.contains("✘"), "\(report)")
        #expect(!output.contains("skipped"), "\(report)")
    }
}

extension SCTPVMTests {
    /// Calls end to end over kernel SCTP through a real STP (issue 8; Scripts/sctp-call-osmo-stp): `sipigw
    /// switch-sim` as ASP (point code 3) → osmo-stp → `sipigw run` as ASP (point code 1) → SIPp UAS. The switch
    /// counts every call answered, SIPp exits 0, the gateway writes one record per call. One more attempt when the
    /// first fails: under a loaded CI host the emulated guest once took over a second per setup and SIPp counted
    /// three calls failed (not yet understood; both attempts' reports are kept).
    @Test(.timeLimit(.minutes(9)))
    func callsThroughOsmoSTPToSIPp() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sipp") else {
            #expect(!Tshark.isCI, "sipp not installed (apt-get install sip-tester)")
            return
        }
        let script = SCTPVM.repository.appendingPathComponent("Scripts/sctp-call-osmo-stp").path
        var result = try Command.run(SCTPVM.harness, ["--timeout", "200", "--", script, SCTPVM.sipigw, "5"])
        var report = "exit \(result.status):\n\(result.stdout)\n\(result.stderr)"
        if result.status != 0 {
            result = try Command.run(SCTPVM.harness, ["--timeout", "200", "--", script, SCTPVM.sipigw, "5"])
            report = "first attempt: \(report)\nsecond attempt: exit \(result.status):\n\(result.stdout)\n\(result.stderr)"
        }
        #expect(result.status == 0, "\(report)")
        #expect(result.stdout.contains("switch outgoing attempts=5 answered=5 failed=0"), "\(report)")
        #expect(result.stdout.contains("sipp exit 0") && result.stdout.contains("records 5"), "\(report)")
    }

    /// The probe is not vacuous: a routing context osmo-stp does not know gets ERR (Invalid Routing Context,
    /// RFC 4666 §3.8.1 code 0x19), the step fails and the exit status is 1.
    @Test(.timeLimit(.minutes(5)))
    func unknownRoutingContextGetsERRAndExitStatus1() throws {
        let result = try Command.run(SCTPVM.harness, [
            "--timeout", "240", "--", SCTPVM.probeScript, SCTPVM.sipigw, "--timeout", "3", "--routing-context", "9",
        ])
        let objects = result.stdout.split(separator: "\n").filter { $0.hasPrefix("{") }
            .compactMap { try? JSONValue(parsing: $0).object }
        #expect(result.status == 1, "exit \(result.status):\n\(result.stdout)\n\(result.stderr)")
        let aspac = objects.first { $0["event"] == .string("step") && $0["step"] == .string("ASPAC") }
        #expect(aspac?["ok"] == .bool(false))
        #expect(aspac?["error"] == .string("ERR Invalid Routing Context"))
        #expect(objects.last?["event"] == .string("result") && objects.last?["ok"] == .bool(false))
    }
}

@Test func sctpVMRunsInCI() {
    if Tshark.isCI, ProcessInfo.processInfo.environment["SIPIGW_SKIP_SCTP_VM"] == nil {
        #expect(SCTPVM.unavailableReason == nil, "CI must run the SCTP VM tests (make test installs qemu and osmo-stp)")
    }
}
