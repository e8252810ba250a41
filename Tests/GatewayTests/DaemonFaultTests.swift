import Foundation
import ISUP
import M3UA
import OracleSupport
import SIPI
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 10, faults end to end: the daemon as users run it, its M3UA association cut under an answered call and
/// its SIP peer silent, then both back.
@Suite(.serialized) struct DaemonFaultTests {
    typealias Daemon = DaemonEndToEndTests

    /// The association to the switch is cut (TCP closed) under an answered call: the peer gets a BYE with Reason
    /// cause 41 (the default `associationLossCause`); the ASP reconnects by itself, the gateway resets the trunk's
    /// circuits with GRS (Q.764 §2.9.3.2), and the same CIC carries a new call. The lost call has its record.
    @Test func associationCutUnderACall() throws {
        try Daemon.withDaemon { h in
            let invite = try h.call(cic: 6)
            h.peer.send(Daemon.Peer.response(200, "OK", to: invite, sdp: true), to: h.sipPort)
            #expect(h.observed.waitFor(.con) != nil)
            _ = try h.peer.receive(skipping: ["INVITE"])  // ACK
            h.node.sever(1)
            let bye = try h.peer.receive(skipping: ["INVITE", "ACK"])
            #expect(bye.method == "BYE")
            #expect(bye.header("reason")?.contains("cause=41") == true, "\(bye)")
            h.peer.send(Daemon.Peer.response(200, "OK", to: bye), to: h.sipPort)
            let grs = try #require(h.observed.waitFor(.grs, count: 2, seconds: 15), "no GRS on return:\n\(h.daemon.log)")
            #expect(grs.cic == CIC(1))
            try h.send(ISUPMessage(type: .gra, cic: CIC(1), parameters: [Parameter(code: .rangeAndStatus, value: [30, 0, 0, 0, 0])]))
            usleep(100_000)
            let again = try h.call(cic: 6)
            #expect(again.method == "INVITE" && again.header("call-id") != invite.header("call-id"))
            let (status, lines) = try h.terminate()
            #expect(status == 0)
            #expect(lines.contains { $0.contains("\"isupCause\":41") && $0.contains("\"cic\":6") }, "\(lines)")
        }
    }

    /// ST 769 §7.7.1.2: the peer does not answer the OPTIONS keep-alive (Timer F, 64·T1 with T1 = 50 ms), so it
    /// is down and a call toward it is refused with the configured cause (REL 34 by default); when it answers an
    /// OPTIONS with 200 it is up again and the next call reaches it.
    @Test func silentPeerIsDownThenBack() throws {
        try Daemon.withDaemon(peerOptions: ", keepAliveInterval: 1s", extra: "sipTimers: { t1Milliseconds: 50 }") { h in
            // Let OPTIONS go unanswered until Timer F (3.2 s) has expired at least once.
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline { _ = try? h.peer.receive() }
            try h.send(ISUPMessage(type: .iam, cic: CIC(8), parameters: [
                Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
                Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
                Parameter(code: .callingPartysCategory, value: [0x0A]),
                Parameter(code: .transmissionMediumRequirement, value: [0x00]),
                Parameter(code: .calledPartyNumber, value: [0x83, 0x10, 0x60, 0x21, 0x43, 0x65, 0x87, 0x0F]),
            ]))
            let rel = try #require(h.observed.waitFor(.rel), "no REL for a call to a silent peer:\n\(h.daemon.log)")
            #expect(rel.causeIndicators?.value == 34)
            try h.send(ISUPMessage(type: .rlc, cic: CIC(8), parameters: []))
            // The peer comes back: it answers every OPTIONS for 2.5 s. Not only the first: that one may be a
            // retransmission whose transaction Timer F ended while it sat in the socket (CI found its answer stray and
            // the peer left down), while the keep-alive sent every second is answered in time.
            let back = Date().addingTimeInterval(2.5)
            while Date() < back {
                if let options = try? h.peer.receive(seconds: 0.5), options.method == "OPTIONS" {
                    h.peer.send(Daemon.Peer.response(200, "OK", to: options), to: h.sipPort)
                }
            }
            let invite = try h.call(cic: 9, skipping: ["OPTIONS"])
            #expect(invite.method == "INVITE")
        }
    }
}
