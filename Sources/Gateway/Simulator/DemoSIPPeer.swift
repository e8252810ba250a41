import Interworking
import ISUP
import NIOCore
import NIOPosix
import SIPI

/// The demo's SIP side: a small user agent on a UDP socket that answers the gateway's INVITEs as its table says
/// (RFC 3261 §13.3: 180 then 200 with SDP, or a final refusal; CANCEL → 200 and 487, §9.2; BYE → 200, §15.1.2),
/// releases answered calls itself when told to, and places calls toward the gateway (§13.2, 2xx ACK §13.2.2.4).
/// No retransmission: it runs on loopback only.
public final class DemoSIPPeer: @unchecked Sendable {
    /// What the peer does with an INVITE, by the Request-URI's user part.
    public enum Behaviour: Sendable {
        /// 180, then 200 after the ringing time; BYE from here after `releaseAfter` when given.
        case answer(releaseAfter: Duration?)
        /// 486 Busy Here.
        case busy
        /// 180 and nothing more: the caller gives up (CANCEL).
        case noAnswer
        /// 404 Not Found.
        case notFound
    }

    private struct Dialog {
        var invite: SIPMessage
        var remote: SocketAddress
        var localTag: String
        var uac: Bool
        var answered = false
    }

    private let host: String
    private let port: Int
    private let loop: EventLoop
    private let ringing: Duration
    private let behaviour: @Sendable (String) -> Behaviour
    private let trace: @Sendable (_ sentByPeer: Bool, SIPMessage) -> Void
    private var channel: Channel?
    private var dialogs: [String: Dialog] = [:]
    /// Calls placed here: when to send BYE after the answer, by Call-ID.
    private var releaseAfter: [String: Duration] = [:]
    private var counter = 0

    public init(host: String, port: Int, group: EventLoopGroup, ringing: Duration,
                behaviour: @escaping @Sendable (String) -> Behaviour,
                trace: @escaping @Sendable (Bool, SIPMessage) -> Void) {
        self.host = host
        self.port = port
        self.loop = group.next()
        self.ringing = ringing
        self.behaviour = behaviour
        self.trace = trace
    }

    public func start() throws {
        channel = try DatagramBootstrap(group: loop)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Receiver(peer: self))
                }
            }
            .bind(host: host, port: port).wait()
    }

    public func stop() { try? channel?.close().wait() }

    /// An INVITE to `number` at the gateway, from `calling`, with SDP and, when given, the IAM (SIP-I); BYE from
    /// here after `releaseAfter` once answered.
    public func call(_ number: String, from calling: String, gateway: SocketAddress, domain: String,
                     isup: ISUPMessage?, releaseAfter: Duration) {
        loop.execute {
            self.counter += 1
            let tag = "peer\(self.counter)"
            var invite = SIPMessage(startLine: .request(method: "INVITE", uri: "sip:\(number)@\(domain);user=phone"), headers: [
                SIPHeader("Via", "SIP/2.0/UDP \(self.host):\(self.port);branch=z9hG4bK-demo-\(self.counter)"),
                SIPHeader("Max-Forwards", "70"),
                SIPHeader("From", "<sip:\(calling)@\(self.host);user=phone>;tag=\(tag)"),
                SIPHeader("To", "<sip:\(number)@\(domain);user=phone>"),
                SIPHeader("Call-ID", "demo-\(self.counter)@\(self.host)"),
                SIPHeader("CSeq", "1 INVITE"),
                SIPHeader("Contact", "<sip:peer@\(self.host):\(self.port)>"),
            ])
            if let isup {
                try? SIPIBody(isup: isup, sdp: self.sdp, handling: .required).apply(to: &invite)
            } else {
                Self.setSDP(self.sdp, on: &invite)
            }
            self.dialogs["demo-\(self.counter)@\(self.host)"] = Dialog(invite: invite, remote: gateway, localTag: tag, uac: true)
            self.releaseAfter["demo-\(self.counter)@\(self.host)"] = releaseAfter
            self.send(invite, to: gateway)
        }
    }

    private var sdp: [UInt8] {
        Array("v=0\r\no=peer 1 1 IN IP4 \(host)\r\ns=-\r\nc=IN IP4 \(host)\r\nt=0 0\r\nm=audio 30000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n".utf8)
    }

    private static func setSDP(_ sdp: [UInt8], on message: inout SIPMessage) {
        message.setHeader("Content-Type", "application/sdp")
        message.parts = [MIMEPart(contentType: "application/sdp", bytes: sdp)]
    }

    private func send(_ message: SIPMessage, to address: SocketAddress) {
        guard let channel, let bytes = try? message.serialized() else { return }
        trace(true, message)
        channel.writeAndFlush(AddressedEnvelope(remoteAddress: address, data: channel.allocator.buffer(bytes: bytes)), promise: nil)
    }

    private func after(_ delay: Duration, _ body: @escaping () -> Void) {
        let (seconds, attoseconds) = delay.components
        loop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) { body() }
    }

    // MARK: Receiving

    private func received(_ message: SIPMessage, from source: SocketAddress) {
        trace(false, message)
        let callID = message.header("call-id") ?? ""
        switch message.method {
        case "INVITE": incoming(message, callID: callID, from: source)
        case "CANCEL":
            send(message.response(200), to: source)
            if let dialog = dialogs.removeValue(forKey: callID) {
                send(dialog.invite.response(487, toTag: dialog.localTag), to: source)
            }
        case "BYE":
            send(message.response(200), to: source)
            dialogs[callID] = nil
        case "OPTIONS":
            send(message.response(200, toTag: "peer-options"), to: source)
        case nil: response(message, callID: callID)
        default: break  // ACK
        }
    }

    private func incoming(_ invite: SIPMessage, callID: String, from source: SocketAddress) {
        guard dialogs[callID] == nil else { return }  // a retransmission
        counter += 1
        let dialog = Dialog(invite: invite, remote: source, localTag: "peer\(counter)", uac: false)
        let user = Self.user(of: invite)
        switch behaviour(user) {
        case .busy: send(invite.response(486, toTag: dialog.localTag), to: source)
        case .notFound: send(invite.response(404, toTag: dialog.localTag), to: source)
        case .noAnswer:
            dialogs[callID] = dialog
            send(ringingResponse(dialog), to: source)
        case .answer(let release):
            dialogs[callID] = dialog
            send(ringingResponse(dialog), to: source)
            after(ringing) {
                guard var dialog = self.dialogs[callID] else { return }
                var ok = dialog.invite.response(200, toTag: dialog.localTag)
                ok.headers.append(SIPHeader("Contact", "<sip:peer@\(self.host):\(self.port)>"))
                Self.setSDP(self.sdp, on: &ok)
                dialog.answered = true
                self.dialogs[callID] = dialog
                self.send(ok, to: source)
                if let release { self.after(release) { self.bye(callID) } }
            }
        }
    }

    private func ringingResponse(_ dialog: Dialog) -> SIPMessage {
        var ringing = dialog.invite.response(180, toTag: dialog.localTag)
        ringing.headers.append(SIPHeader("Contact", "<sip:peer@\(host):\(port)>"))
        return ringing
    }

    /// A response to one of our requests: the 2xx of our INVITE is ACKed (§13.2.2.4) and the call released later.
    private func response(_ response: SIPMessage, callID: String) {
        guard let status = response.statusCode, response.header("cseq")?.hasSuffix("INVITE") == true,
              var dialog = dialogs[callID], dialog.uac else { return }
        if (200..<300).contains(status), !dialog.answered {
            dialog.answered = true
            dialog.invite.setHeader("To", response.header("to"))
            dialogs[callID] = dialog
            send(inDialog("ACK", dialog, cseq: 1, target: Self.contact(of: response)), to: dialog.remote)
            if let release = releaseAfter[callID] { after(release) { self.bye(callID) } }
        } else if status >= 300 {
            dialogs[callID] = nil
        }
    }

    /// BYE from here (§15.1.1), in the dialog's direction.
    private func bye(_ callID: String) {
        guard let dialog = dialogs.removeValue(forKey: callID) else { return }
        send(inDialog("BYE", dialog, cseq: 2, target: Self.contact(of: dialog.invite)), to: dialog.remote)
    }

    /// A request inside the dialog (§12.2.1.1): From and To as this side sees them, the remote target as URI.
    private func inDialog(_ method: String, _ dialog: Dialog, cseq: Int, target: String?) -> SIPMessage {
        counter += 1
        let invite = dialog.invite
        let local = dialog.uac ? invite.header("from") : invite.header("to").map { "\($0);tag=\(dialog.localTag)" }
        let remote = dialog.uac ? invite.header("to") : invite.header("from")
        let uri: String
        if let target {
            uri = target
        } else if case .request(_, let requestURI) = invite.startLine {
            uri = requestURI
        } else {
            uri = ""
        }
        return SIPMessage(startLine: .request(method: method, uri: uri), headers: [
            SIPHeader("Via", "SIP/2.0/UDP \(host):\(port);branch=z9hG4bK-demo-\(counter)"),
            SIPHeader("Max-Forwards", "70"),
            SIPHeader("From", local ?? ""),
            SIPHeader("To", remote ?? ""),
            SIPHeader("Call-ID", invite.header("call-id") ?? ""),
            SIPHeader("CSeq", "\(dialog.uac ? cseq : 1) \(method)"),
        ])
    }

    /// The URI of the Contact header (without angle brackets).
    private static func contact(of message: SIPMessage) -> String? {
        guard let value = message.header("contact") else { return nil }
        guard let open = value.firstIndex(of: "<"), let close = value.firstIndex(of: ">") else { return value }
        return String(value[value.index(after: open)..<close])
    }

    /// The Request-URI's user part (`+390612345001`).
    static func user(of request: SIPMessage) -> String {
        guard case .request(_, let uri) = request.startLine else { return "" }
        let afterScheme = uri.drop { $0 != ":" }.dropFirst()
        return String(afterScheme.prefix { $0 != "@" && $0 != ";" })
    }

    private final class Receiver: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        let peer: DemoSIPPeer
        init(peer: DemoSIPPeer) { self.peer = peer }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = unwrapInboundIn(data)
            guard let message = try? SIPMessage(parsing: Array(envelope.data.readableBytesView)) else { return }
            peer.received(message, from: envelope.remoteAddress)
        }
    }
}
