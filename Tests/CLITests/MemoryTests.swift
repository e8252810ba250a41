import Foundation
import OracleSupport
import Testing

/// libosip2 memory is owned by the Swift wrapper: `valgrind --leak-check=full` finds nothing definitely lost when
/// `sipigw` builds a SIP-I INVITE and parses it back (checked to fail when the wrapper skips `osip_message_free`).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/valgrind"),
                "valgrind not installed (apt-get install valgrind); the leak check is skipped"))
struct MemoryTests {
    let sipigw = Command.builtProduct("sipigw")
    let valgrind = ["--leak-check=full", "--errors-for-leak-kinds=definite", "--show-possibly-lost=no",
                    "--error-exitcode=99", "--quiet"]

    /// Valgrind 3.19 cannot read the DWARF 5 of a Swift debug build: a copy without debug sections (leaks are
    /// still found; stacks show symbols only).
    func strippedCopy(in dir: URL) throws -> String {
        let sipigw = dir.appendingPathComponent("sipigw").path
        let strip = try Command.run("/usr/bin/objcopy", ["--strip-debug", self.sipigw, sipigw])
        #expect(strip.status == 0, "\(strip.stderr)")
        return sipigw
    }

    @Test func noLeakThroughLibosip2() throws {
        try ScratchDirectory.with("sipigw-vg") { dir in
            let sipigw = try strippedCopy(in: dir)
            let build = try Command.run("/usr/bin/valgrind", valgrind + [sipigw, "sipi", "build", "--iam", SIPICommandTests.iamJSON])
            #expect(build.status == 0, "valgrind on sipi build: \(build.stderr)")
            let file = dir.appendingPathComponent("invite.sip")
            try Data(build.output).write(to: file)
            let parse = try Command.run("/usr/bin/valgrind", valgrind + [sipigw, "sipi", "parse", file.path])
            #expect(parse.status == 0, "valgrind on sipi parse: \(parse.stderr)")
            #expect(parse.stdout.contains(#""type":"IAM""#))
        }
    }

    /// Issue 10, fuzzing finding (remote leak): libosip2 5.3 `osip_body_parse_mime` loses 36 bytes per repeated
    /// Content-Type of a body part (3.6 kB for 101 of them). `sipi parse` refuses the message (exit 1) before
    /// libosip2 sees it, and valgrind finds nothing definitely lost (exit 99 with the leak, checked on the
    /// binary before the fix).
    @Test func partWithRepeatedContentTypeDoesNotLeak() throws {
        let types = String(repeating: "Content-Type: application/sdp\r\n", count: 101)
        let parse = try parseUnderValgrind("INVITE sip:a@b SIP/2.0", "multipart/mixed;boundary=b1", "--b1\r\n\(types)\r\nv=0\r\n--b1--\r\n")
        #expect(parse.status == 1, "valgrind on sipi parse (99 = leak): \(parse.stderr)")
        #expect(parse.stderr.contains("more than one Content-Type"))
    }

    /// `sipi parse` under valgrind on an INVITE with this start line, multipart Content-Type and body.
    func parseUnderValgrind(_ startLine: String, _ contentType: String, _ body: String) throws -> Command.Result {
        try ScratchDirectory.with("sipigw-vg") { dir in
            let sipigw = try strippedCopy(in: dir)
            let message = startLine + "\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\n"
                + "To: <sip:c@d>\r\nCall-ID: x@h\r\nCSeq: 1 INVITE\r\nMIME-Version: 1.0\r\nContent-Type: \(contentType)\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
            let file = dir.appendingPathComponent("message.sip")
            try Data(message.utf8).write(to: file)
            return try Command.run("/usr/bin/valgrind", valgrind + [sipigw, "sipi", "parse", file.path])
        }
    }
}

extension MemoryTests {
    /// Issue 10, 2026-12-04 (LeakSanitizer in FuzzSIPIBody, then from reading libosip2's `msg_osip_body_parse`):
    /// messages whose header section or body parts libosip2 reads where the screening did not look, each with a part
    /// holding two Content-Types (start line, message Content-Type, body). `sipi parse` refuses each (exit 1) and
    /// valgrind finds nothing definitely lost (exit 99 on the binary before the fixes).
    static let twoTypes = "Content-Type: application/sdp\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n"
    static let partsLibosip2FoundElsewhere: [(String, String, String)] = [
        // The boundary on a continuation line.
        ("INVITE sip:a@b SIP/2.0", "multipart/mixed;\r\n boundary=b1", "--b1\r\n\(twoTypes)--b1--\r\n"),
        // A header on the delimiter line, one octet after the boundary.
        ("INVITE sip:a@b SIP/2.0", "multipart/mixed;boundary=b1", "--b1X\(twoTypes)--b1--\r\n"),
        // The empty boundary: every "--" at a line start delimits.
        ("INVITE sip:a@b SIP/2.0", "multipart/mixed;boundary=\"\"", "--\r\n\(twoTypes)----\r\n"),
        // A start line without its second SP, which libosip2 looks for on the next lines.
        ("INVITE sip:a@b\r\n\r\nx SIP/2.0", "multipart/mixed;boundary=b1", "--b1\r\n\(twoTypes)--b1--\r\n"),
        // Two SPs, but libosip2 looks for the second from two octets past the first.
        ("INVITE  sip:a@b\r\n\r\nx SIP/2.0", "multipart/mixed;boundary=b1", "--b1\r\n\(twoTypes)--b1--\r\n"),
        // The boundary given twice: libosip2 takes the first, the screening took the last.
        ("INVITE sip:a@b SIP/2.0", "multipart/mixed;boundary=b1;boundary=b2", "--b1\r\n\(twoTypes)--b1--\r\n"),
        // CRLFs before the start line, which libosip2 skips.
        ("\r\n\r\nINVITE sip:a@b SIP/2.0", "multipart/mixed;boundary=b1", "--b1\r\n\(twoTypes)--b1--\r\n"),
    ]

    @Test(arguments: partsLibosip2FoundElsewhere)
    func partsLibosip2FindsElsewhereDoNotLeak(_ startLine: String, _ contentType: String, _ body: String) throws {
        let parse = try parseUnderValgrind(startLine, contentType, body)
        #expect(parse.status == 1, "valgrind on sipi parse (99 = leak): \(parse.stderr)")
    }
}

@Test func valgrindIsInstalledInCI() {
    if Tshark.isCI { #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/valgrind"), "CI must install valgrind (make test does)") }
}
