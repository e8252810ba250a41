import Foundation
import OracleSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `sipigw demo --once` as `make run` starts it (issue 8, "Switch simulator and demo"): the binary, real sockets on
/// loopback, stopped by PID if it does not end by itself.
@Suite struct DemoTests {
    /// Six calls, their ladders and the records. The expected outcomes follow Q.1912.5 / ST 769 Annex A: 486 →
    /// cause 17, 404 → cause 1 (Table 9 of ST 769 Annex A / Q.1912.5 Table 10); a REL from the switch before
    /// answer → CANCEL, the INVITE ends 487 (Q.1912.5 §7.2); REL 16 ↔ BYE in both directions.
    @Test func demoOnce() throws {
        try ScratchDirectory.with("demo") { dir in
            let records = dir.appendingPathComponent("records.jsonl").path
            let demo = try PeerProcess(Command.builtProduct("sipigw"), [
                "demo", "--once", "--pace", "400ms", "--records", records,
                "--sip-port", "\(try UDPExchange.freePort())", "--peer-port", "\(try UDPExchange.freePort())",
                "--m3ua-port", "\(try UDPExchange.freePort())",
                "--mappings", DaemonEndToEndTests.root.appendingPathComponent("Mappings").path,
            ], log: dir.appendingPathComponent("demo.log"))
            defer { demo.stop() }
            let deadline = Date().addingTimeInterval(30)
            while demo.process.isRunning, Date() < deadline { usleep(50_000) }
            #expect(!demo.process.isRunning, "demo --once did not end:\n\(demo.log)")
            #expect(demo.process.terminationStatus == 0, "\(demo.log)")
            let output = demo.log
            for n in 1...6 { #expect(output.contains("── call \(n):"), "\(output)") }
            #expect(output.contains("◀─ GRS CIC 1 range 30"))
            #expect(output.contains("◀─ 486 Busy Here"))
            #expect(output.contains("◀─ REL CIC 2 cause 17"))
            #expect(output.contains("─▶ CANCEL"))
            #expect(output.contains("◀─ REL CIC 2 cause 1 "))
            #expect(output.contains("outgoing attempts=5 answered=2 failed=3"))
            #expect(output.contains("incoming calls=1 answered=1"))
            #expect(output.contains("Call records: \(records)"))

            let lines = try String(contentsOfFile: records, encoding: .utf8).split(separator: "\n")
            let parsed = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(parsed.count == 6, "\(output)")
            guard parsed.count == 6 else { return }
            let expected: [(direction: String, cause: Int, status: Int, releasedBy: String, answered: Bool)] = [
                ("isup-to-sip", 16, 200, "isup", true), ("isup-to-sip", 16, 200, "sip", true),
                ("isup-to-sip", 17, 486, "sip", false), ("isup-to-sip", 19, 487, "isup", false),
                ("isup-to-sip", 1, 404, "sip", false), ("sip-to-isup", 16, 200, "sip", true),
            ]
            for (record, want) in zip(parsed, expected) {
                #expect(record["direction"] as? String == want.direction, "\(record)")
                #expect(record["isupCause"] as? Int == want.cause, "\(record)")
                #expect(record["sipStatus"] as? Int == want.status, "\(record)")
                #expect(record["releasedBy"] as? String == want.releasedBy, "\(record)")
                #expect((record["answer"] != nil && !(record["answer"] is NSNull)) == want.answered, "\(record)")
            }
        }
    }
}
