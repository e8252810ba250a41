import Foundation
import ISUP
import M3UA
import OracleSupport
import SIPI
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 10, bad input on the wire: the daemon as users run it answers each malformed or unrecognised message with
/// the protocol's own reply, and then serves the next call as before.
@Suite(.serialized) struct WireBadInputTests {
    typealias Daemon = DaemonEndToEndTests

    /// The daemon still places a call from the switch to the peer.
    static func stillServes(_ h: Daemon.Harness, cic: Int) throws {
        let invite = try h.call(cic: cic)
        #expect(invite.method == "INVITE", "the daemon stopped serving:\n\(h.daemon.log)")
    }

    /// RFC 3261 §8.1.1.5, §21.4.1: a request whose CSeq is not a number is answered 400.
    @Test func malformedSIPRequestGets400() throws {
        try Daemon.withDaemon { h in
            h.peer.send(Self.invite(cseq: "one INVITE", callID: "bad-cseq@olo"), to: h.sipPort)
            let reply = try h.peer.receive()
            #expect(reply.statusCode == 400, "\(reply)")
            try Self.stillServes(h, cic: 3)
        }
    }

    /// Q.1912.5 / RFC 3204 §5 (digest A.3): an ISUP part that does not decode, with `handling=required`, cannot be
    /// ignored: 415 Unsupported Media Type, with the Accept the gateway takes (RFC 3261 §21.4.16).
    @Test func brokenRequiredISUPPartGets415() throws {
        try Daemon.withDaemon { h in
            h.peer.send(Self.invite(cseq: "1 INVITE", callID: "broken-isup@olo", isup: [0x01, 0x02, 0xFF]), to: h.sipPort)
            let reply = try h.peer.receive(skipping: ["100"])
            #expect(reply.statusCode == 415, "\(reply)")
            #expect(reply.headers("accept").joined(separator: ",").contains("application/ISUP"), "\(reply.headers("accept"))")
            try Self.stillServes(h, cic: 4)
        }
    }

    /// Q.764 §2.9.5.1 a): an unrecognised message (type 0xFE, no compatibility information) during a call is
    /// discarded and answered with CFN, cause 97; the call goes on (the peer's 180 still becomes an ACM).
    @Test func unrecognisedISUPMessageGetsCFN() throws {
        try Daemon.withDaemon { h in
            let invite = try h.call(cic: 9)
            // CIC 9, message type 0xFE, pointer to the optional part 0 (none): Q.763 §1.3 layout, derived by hand.
            h.node.feed(.sendData(ProtocolData(opc: 2, dpc: 1, si: .isup, ni: 2, sls: 9, userProtocolData: [9, 0, 0xFE, 0x00])))
            let cfn = try #require(h.observed.waitFor(.cfn), "no CFN; daemon log:\n\(h.daemon.log)")
            #expect(cfn.cic == CIC(9))
            #expect(cfn.causeIndicators?.value == 97)
            h.peer.send(Daemon.Peer.response(180, "Ringing", to: invite), to: h.sipPort)
            #expect(h.observed.waitFor(.acm) != nil, "the call did not go on")
        }
    }

    /// RFC 4666 §3.8.1: a message with version 2 is answered with ERR "Invalid Version" (0x01) on its association;
    /// the switch's own association goes on carrying calls.
    @Test func malformedM3UAGetsERR() throws {
        try Daemon.withDaemon { h in
            let client = try TCPClient(port: h.m3uaPort)
            // Common header (RFC 4666 §3.1): version 2, reserved, class 3 (ASPSM), type 1 (ASPUP), length 8.
            try client.send([2, 0, 3, 1, 0, 0, 0, 8])
            let reply = try client.receive(count: 8)
            #expect(reply.count == 8 && reply[0] == 1 && reply[2] == 0 && reply[3] == 0, "not an ERR: \(reply)")
            let length = reply.count == 8 ? Int(reply[4]) << 24 | Int(reply[5]) << 16 | Int(reply[6]) << 8 | Int(reply[7]) : 8
            let rest = try client.receive(count: length - 8)
            let err = try M3UAMessage(decoding: reply + rest)
            #expect(err.type == .err && err.errorCode == .invalidVersion, "\(err)")
            try Self.stillServes(h, cic: 11)
        }
    }

    /// An INVITE from the peer to +390612345678 with the given CSeq; an SDP body, or with `isup` a multipart
    /// SIP-I body whose ISUP part (those octets) is `handling=required`.
    /// SIP over TCP (RFC 3261 §18.3) on the daemon's TCP listener: a double-CRLF keep-alive gets its CRLF pong
    /// (RFC 5626 §3.5.1); an OPTIONS cut in two writes and a second one right behind it in the same write are
    /// framed by Content-Length and both answered 200 on the connection; octets that do not start a SIP message
    /// close the connection; the daemon still serves calls.
    @Test func sipOverTCPFraming() throws {
        let listeners = "listeners: [{ host: 127.0.0.1, port: @SIP_PORT@, transport: UDP }, { host: 127.0.0.1, port: @SIP_PORT@, transport: TCP }]"
        try Daemon.withDaemon(extra: listeners) { h in
            let client = try TCPClient(port: h.sipPort)
            try client.send(Array("\r\n\r\n".utf8))
            #expect(try client.receive(count: 2) == Array("\r\n".utf8))
            let options = { (n: Int) in
                Array(["OPTIONS sip:gw.example.it SIP/2.0", "Via: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-tcp\(n)",
                       "Max-Forwards: 70", "From: <sip:olo.example.it>;tag=t\(n)", "To: <sip:gw.example.it>",
                       "Call-ID: tcp-options-\(n)@olo", "CSeq: \(n) OPTIONS", "Content-Length: 0", "", ""]
                    .joined(separator: "\r\n").utf8)
            }
            let first = options(1)
            try client.send(Array(first.prefix(40)))
            usleep(100_000)
            try client.send(Array(first.dropFirst(40)) + options(2))
            for n in 1...2 {
                let answer = try SIPMessage(receiving: try Self.sipMessage(from: client))
                #expect(answer.statusCode == 200, "\(answer)")
                #expect(answer.header("cseq") == "\(n) OPTIONS")
            }
            try client.send(Array("HELLO\r\n\r\n".utf8))
            let sent = Date()
            // Closed at once: end of stream well before the client's 10 s receive timeout.
            #expect(try client.receive(count: 1).isEmpty && Date().timeIntervalSince(sent) < 5,
                    "the connection stayed open after octets that are not SIP")
            try Self.stillServes(h, cic: 3)
        }
    }

    /// One SIP message read from a TCP connection, framed by SIPFraming.
    static func sipMessage(from client: TCPClient) throws -> [UInt8] {
        var octets = [UInt8]()
        while (try? SIPFraming.messageLength(in: octets[...], maximum: 65_536)).flatMap({ $0 }) == nil {
            let next = try client.receive(count: 1)
            guard !next.isEmpty else { throw TCPClient.Failure(description: "connection ended after \(octets.count) octets") }
            octets += next
        }
        return octets
    }

    static func invite(cseq: String, callID: String, isup: [UInt8]? = nil) -> String {
        let sdp = "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 30000 RTP/AVP 8\r\n"
        var body = sdp, type = "application/sdp"
        if let isup {
            type = "multipart/mixed;boundary=b1"
            body = "--b1\r\nContent-Type: application/sdp\r\n\r\n\(sdp)\r\n--b1\r\nContent-Type: application/ISUP;version=itu-t92+\r\n"
                + "Content-Disposition: signal;handling=required\r\n\r\n"
                + String(decoding: isup, as: UTF8.self) + "\r\n--b1--\r\n"
        }
        let head = ["INVITE sip:+390612345678@gw.example.it;user=phone SIP/2.0",
                    "Via: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK-\(callID.prefix(8))",
                    "Max-Forwards: 70", "From: <sip:+390298765432@olo.example.it;user=phone>;tag=caller",
                    "To: <sip:+390612345678@gw.example.it;user=phone>", "Call-ID: \(callID)", "CSeq: \(cseq)",
                    "Contact: <sip:caller@127.0.0.1>", "P-Asserted-Identity: <sip:+390298765432@olo.example.it;user=phone>",
                    "MIME-Version: 1.0", "Content-Type: \(type)", "Content-Length: \(body.utf8.count)", ""]
        return (head.joined(separator: "\r\n") + "\r\n" + body).replacingOccurrences(of: "\r\n", with: "\n")
    }
}

/// A blocking TCP connection on loopback with a 10 s receive timeout.
final class TCPClient {
    let fd: Int32

    struct Failure: Error, CustomStringConvertible { var description: String }

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let rc = withUnsafePointer(to: &address) { a in
            a.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { close(fd); throw Failure(description: "connect to \(port): errno \(errno)") }
        var tv = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ octets: [UInt8]) throws {
        guard octets.withUnsafeBytes({ Glibc.send(fd, $0.baseAddress, $0.count, 0) }) == octets.count else {
            throw Failure(description: "send: errno \(errno)")
        }
    }

    /// Exactly `count` octets, or fewer if the connection ends or the timeout passes.
    func receive(count: Int) throws -> [UInt8] {
        var out = [UInt8]()
        while out.count < count {
            var buffer = [UInt8](repeating: 0, count: count - out.count)
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { break }
            out += buffer[0..<n]
        }
        return out
    }
}
