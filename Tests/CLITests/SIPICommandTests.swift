import Foundation
import OracleSupport
import Testing

/// `sipigw sipi build` / `sipigw sipi parse` as a user runs them.
@Suite struct SIPICommandTests {
    let sipigw = Command.builtProduct("sipigw")

    /// An IAM written by hand in the TDM form (NAI 3, no "39"), CgPN presentation restricted, CIC 7.
    static let iamJSON = #"{"cic":7,"type":"IAM","parameters":{"natureOfConnectionIndicators":{},"forwardCallIndicators":{"isdnUserPartIndicator":1},"callingPartysCategory":{"value":10},"transmissionMediumRequirement":{"value":0},"calledPartyNumber":{"natureOfAddress":3,"numberingPlan":1,"digits":"0612345678"},"callingPartyNumber":{"natureOfAddress":3,"numberingPlan":1,"presentation":1,"screening":3,"digits":"0655512345"}}}"#

    @Test func buildThenParse() throws {
        try ScratchDirectory.with("sipigw-sipi") { dir in
            let built = try Command.run(sipigw, ["sipi", "build", "--iam", Self.iamJSON, "--peer-domain", "olo2.it", "--own-domain", "olo1.it"])
            #expect(built.status == 0, "\(built.stderr)")
            let file = dir.appendingPathComponent("invite.sip")
            try Data(built.output).write(to: file)
            let parsed = try Command.run(sipigw, ["sipi", "parse", file.path])
            #expect(parsed.status == 0, "\(parsed.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any])
            let start = try #require(json["startLine"] as? [String: String])
            // ST 769 Table 2 / R-GEN-3: Request-URI in global form at the peer's domain.
            #expect(start == ["method": "INVITE", "uri": "sip:+390612345678@olo2.it;user=phone"])
            let headers = try #require(json["headers"] as? [[String: String]])
            func header(_ name: String) -> String? { headers.first { $0["name"]?.lowercased() == name.lowercased() }?["value"] }
            #expect(header("P-Asserted-Identity") == "<sip:+390655512345@olo1.it;user=phone>")
            #expect(header("Privacy") == "id")
            #expect(header("From")?.hasPrefix("<sip:anonymous@anonymous.invalid>") == true)
            let isup = try #require(json["isup"] as? [String: Any])
            #expect(isup["cic"] == nil)  // RFC 3204: no CIC in the body
            let parameters = try #require(isup["parameters"] as? [String: Any])
            let called = try #require(parameters["calledPartyNumber"] as? [String: Any])
            #expect(called["digits"] as? String == "390612345678")  // R-GEN-4: "39…" with NAI 4
            #expect(called["natureOfAddress"] as? Int == 4)
            let calling = try #require(parameters["callingPartyNumber"] as? [String: Any])
            #expect(calling["digits"] as? String == "390655512345")
            #expect(calling["presentation"] as? Int == 1)
            #expect((json["sdp"] as? String)?.contains("a=fmtp:18 annexb=no") == true)
        }
    }

    @Test func unusableBodyIsReportedWithItsAnswer() throws {
        try ScratchDirectory.with("sipigw-sipi") { dir in
            // A lone ISUP body of an ANSI variant with handling=required: 415 (RFC 3204 §3).
            var raw = Array(("INVITE sip:+390612345678@olo2.it;user=phone SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
                + "From: <sip:+390655512345@olo1.it;user=phone>;tag=1\r\nTo: <sip:+390612345678@olo2.it;user=phone>\r\n"
                + "Call-ID: a@h\r\nCSeq: 1 INVITE\r\nContent-Type: application/ISUP;version=ansi00\r\n"
                + "Content-Disposition: signal;handling=required\r\nContent-Length: 4\r\n\r\n").utf8)
            raw += [0x09, 0x00, 0x00, 0x00]
            let file = dir.appendingPathComponent("bad.sip")
            try Data(raw).write(to: file)
            let r = try Command.run(sipigw, ["sipi", "parse", file.path])
            #expect(r.status == 1)
            #expect(r.stderr.contains("(answer 415)"))
        }
    }
}
