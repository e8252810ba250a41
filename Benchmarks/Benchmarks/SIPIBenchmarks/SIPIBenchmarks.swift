import Benchmark
import SIPI

/// Receiving and sending the SIP messages of one call: an INVITE with a SIP-I body (RFC 3204 / Q.1912.5 multipart
/// with the vectors.md A1 IAM and an SDP offer) and a 200 OK with an SDP answer, µs and mallocs per message.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        maxDuration: .seconds(1),
        maxIterations: 10_000
    )

    let sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8 101\r\n"
        + "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\n"
    // vectors.md A1: the IAM without its CIC, as a SIP-I body carries it (Q.1912.5 §6).
    let iam: [UInt8] = [0x01, 0x10, 0x48, 0x00, 0x0a, 0x03, 0x02, 0x0a, 0x08, 0x83, 0x10, 0x29, 0x99, 0x24, 0x00, 0x80,
                        0x0f, 0x0a, 0x08, 0x03, 0x13, 0x94, 0x03, 0x42, 0x30, 0x93, 0x20, 0xf2, 0x15, 0x36, 0x19, 0x08,
                        0x00, 0x00, 0x15, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1d, 0x45, 0x38,
                        0xcb, 0x20, 0x00]
    var body = Array(("--b1\r\nContent-Type: application/sdp\r\n\r\n" + sdp + "\r\n--b1\r\n"
        + "Content-Type: application/ISUP;version=itu-t92+\r\nContent-Disposition: signal;handling=optional\r\n\r\n").utf8)
    body += iam + Array("\r\n--b1--\r\n".utf8)
    func head(toTag: String) -> String {
        "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-1-2-3\r\nFrom: <sip:+390612345678@gw.example.net;user=phone>;tag=a1b2c3\r\n"
            + "To: <sip:+390298765432@peer.example.net;user=phone>\(toTag)\r\nCall-ID: 4f1c2d3e@gw.example.net\r\n"
    }
    let invite = Array(("INVITE sip:+390298765432@peer.example.net;user=phone SIP/2.0\r\n" + head(toTag: "")
        + "CSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContact: <sip:gw@127.0.0.1:5060>\r\n"
        + "P-Asserted-Identity: <sip:+390612345678@gw.example.net;user=phone>\r\nSupported: 100rel,timer\r\n"
        + "Session-Expires: 90;refresher=uac\r\nMin-SE: 90\r\nAllow: INVITE,ACK,BYE,CANCEL,OPTIONS,PRACK,UPDATE\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;boundary=b1\r\nContent-Length: \(body.count)\r\n\r\n").utf8) + body
    let ok = Array(("SIP/2.0 200 OK\r\n" + head(toTag: ";tag=x9")
        + "CSeq: 1 INVITE\r\nContact: <sip:peer@127.0.0.1:5070>\r\nRequire: timer\r\nSession-Expires: 90;refresher=uac\r\n"
        + "Content-Type: application/sdp\r\nContent-Length: \(sdp.utf8.count)\r\n\r\n" + sdp).utf8)
    let parsedInvite = try! SIPMessage(receiving: invite)

    Benchmark("SIP INVITE with SIP-I body: receive (\(invite.count) octets)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SIPMessage(receiving: invite)) }
    }
    Benchmark("SIP 200 OK with SDP: receive (\(ok.count) octets)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SIPMessage(receiving: ok)) }
    }
    Benchmark("SIP INVITE with SIP-I body: serialize") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try parsedInvite.serialized()) }
    }
}
