import Foundation
import ISUP
import OracleSupport
import Testing

/// Issue 8, tests with real peers: Kamailio's `sipt` module, an ISUP parser no one here wrote, is the SIP-I peer of
/// the running daemon. It judges the IAM encapsulated in the gateway's INVITE (Tests/Fixtures/kamailio/
/// sipt-judge.cfg): 486 when the called number is 390612345678 with NAI 4 (ST 769 R-GEN-4: international on the NNI,
/// from the switch's national 0612345678) and the category is 10, 404 otherwise. The switch sees REL 17 or REL 1.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/kamailio"),
                             "kamailio not installed (apt-get install kamailio); the peer test is skipped"))
struct KamailioPeerTests {
    @Test func kamailioReadsTheIAMOfTheDaemonsInvite() throws {
        let port = try UDPExchange.freePort()
        try ScratchDirectory.with("sipigw-kamailio-peer") { run in
            let template = try String(contentsOf: DaemonEndToEndTests.root.appendingPathComponent("Tests/Fixtures/kamailio/sipt-judge.cfg"),
                                      encoding: .utf8)
            let config = run.appendingPathComponent("kamailio.cfg")
            try template.replacingOccurrences(of: "@PORT@", with: String(port)).write(to: config, atomically: true, encoding: .utf8)
            let kamailio = try PeerProcess("/usr/sbin/kamailio", [
                "-f", config.path, "-DD", "-E", "-Y", run.path, "-P", run.appendingPathComponent("k.pid").path, "-m", "32", "-M", "8",
            ], log: run.appendingPathComponent("kamailio.log"))
            defer { kamailio.stop() }
            usleep(500_000)  // kamailio binds its port
            try DaemonEndToEndTests.withDaemon(peerPort: port) { h in
                try h.send(ISUPMessage(type: .iam, cic: CIC(12), parameters: [
                    Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
                    Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
                    Parameter(code: .callingPartysCategory, value: [0x0A]),
                    Parameter(code: .transmissionMediumRequirement, value: [0x00]),
                    // Q.763 §3.9: NAI 3 national, odd, E.164, "0612345678" + ST.
                    Parameter(code: .calledPartyNumber, value: [0x83, 0x10, 0x60, 0x21, 0x43, 0x65, 0x87, 0x0F]),
                ]))
                let rel = try #require(h.observed.waitFor(.rel), "no REL:\n\(h.daemon.log)\n\(kamailio.log)")
                #expect(rel.causeIndicators?.value == 17, "Kamailio answered otherwise (REL \(rel.causeIndicators?.value ?? 0)): \(h.daemon.log)")
                try h.send(ISUPMessage(type: .rlc, cic: CIC(12), parameters: []))
            }
        }
    }
}
