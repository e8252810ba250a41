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

    @Test func noLeakThroughLibosip2() throws {
        try ScratchDirectory.with("sipigw-vg") { dir in
            // Valgrind 3.19 cannot read the DWARF 5 of a Swift debug build: run a copy without debug sections
            // (leaks are still found; stacks show symbols only).
            let sipigw = dir.appendingPathComponent("sipigw").path
            let strip = try Command.run("/usr/bin/objcopy", ["--strip-debug", self.sipigw, sipigw])
            #expect(strip.status == 0, "\(strip.stderr)")
            let build = try Command.run("/usr/bin/valgrind", valgrind + [sipigw, "sipi", "build", "--iam", SIPICommandTests.iamJSON])
            #expect(build.status == 0, "valgrind on sipi build: \(build.stderr)")
            let file = dir.appendingPathComponent("invite.sip")
            try Data(build.output).write(to: file)
            let parse = try Command.run("/usr/bin/valgrind", valgrind + [sipigw, "sipi", "parse", file.path])
            #expect(parse.status == 0, "valgrind on sipi parse: \(parse.stderr)")
            #expect(parse.stdout.contains(#""type":"IAM""#))
        }
    }
}

@Test func valgrindIsInstalledInCI() {
    if Tshark.isCI { #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/valgrind"), "CI must install valgrind (make test does)") }
}
