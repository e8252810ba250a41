import Foundation
import ISUP
import OracleSupport
import Testing
@testable import SIPI

/// Kamailio's `sipt` module — an ISUP parser no one here wrote — receives our SIP-I INVITE over loopback UDP and
/// reports the called/calling numbers, NAI, presentation, screening, category and hop counter it found (reply
/// headers X-…, config in Fixtures/kamailio-sipt.cfg). The test starts kamailio and stops it by its PID.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/kamailio"),
                "kamailio not installed (apt-get install kamailio); the peer test is skipped"))
struct KamailioSIPTTests {
    @Test func kamailioReadsOurIAM() throws {
        let port = try UDPExchange.freePort()
        try ScratchDirectory.with("sipigw-kamailio") { run in
            let template = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/kamailio-sipt.cfg"), encoding: .utf8)
            let config = run.appendingPathComponent("kamailio.cfg")
            try template.replacingOccurrences(of: "@PORT@", with: String(port)).write(to: config, atomically: true, encoding: .utf8)

            let kamailio = try PeerProcess("/usr/sbin/kamailio", [
                "-f", config.path, "-DD", "-E", "-Y", run.path, "-P", run.appendingPathComponent("k.pid").path, "-m", "32", "-M", "8",
            ], log: run.appendingPathComponent("kamailio.log"))
            defer { kamailio.stop() }

            // The IAM: ST 769 international numbers (R-GEN-4), presentation restricted, hop counter 20.
            let iam = try ISUPMessage(json: try JSONValue(parsing: """
                {"type": "IAM", "parameters": {
                  "natureOfConnectionIndicators": {"satelliteIndicator": 0},
                  "forwardCallIndicators": {"isdnUserPartIndicator": 1, "isdnAccessIndicator": 1},
                  "callingPartysCategory": {"value": 10}, "transmissionMediumRequirement": {"value": 3},
                  "calledPartyNumber": {"natureOfAddress": 4, "numberingPlan": 1, "digits": "390612345678"},
                  "callingPartyNumber": {"natureOfAddress": 4, "numberingPlan": 1, "presentation": 1, "screening": 3, "digits": "390655512345"},
                  "hopCounter": {"hopCounter": 20}}}
                """), framing: .withoutCIC)
            var invite = SIPIBodyTests.request("INVITE")
            invite.startLine = .request(method: "INVITE", uri: "sip:+390612345678@127.0.0.1:\(port);user=phone")
            try SIPIBody(isup: iam, sdp: SIPIBodyTests.sdp).apply(to: &invite)
            let bytes = try invite.serialized()

            var reply: SIPMessage? = nil
            for _ in 0..<50 where reply == nil {  // kamailio needs a moment to bind; bounded to about 5 s
                if let answer = try UDPExchange.send(bytes, toLoopbackPort: port, timeout: 0.1) {
                    reply = try SIPMessage(parsing: answer)
                }
            }
            let r = try #require(reply, "no answer from kamailio on 127.0.0.1:\(port): \(kamailio.log)")
            #expect(r.statusCode == 404)
            #expect(r.header("X-CdPN") == "390612345678")
            #expect(r.header("X-CdPN-NAI") == "4")
            #expect(r.header("X-CgPN") == "390655512345")
            #expect(r.header("X-CgPN-NAI") == "4")
            #expect(r.header("X-CgPN-Pres") == "1")
            #expect(r.header("X-CgPN-Screen") == "3")
            #expect(r.header("X-CPC") == "10")
            #expect(r.header("X-Hop") == "20")
        }
    }
}

@Test func kamailioIsInstalledInCI() {
    if Tshark.isCI { #expect(FileManager.default.isExecutableFile(atPath: "/usr/sbin/kamailio"), "CI must install kamailio (make test does)") }
}
