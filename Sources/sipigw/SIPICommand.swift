import ArgumentParser
import ISUP
import SIPI

/// `sipigw sipi`: SIP-I messages (Q.1912.5 / RFC 3204) with the ST 769 profile.
struct SIPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sipi",
        abstract: "Build and parse SIP-I messages (SIP with encapsulated ISUP, Q.1912.5 / RFC 3204).",
        subcommands: [SIPIBuildCommand.self, SIPIParseCommand.self]
    )
}

struct SIPIBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the SIP-I INVITE for an IAM; the SIP message is written to standard output.",
        discussion: """
            The IAM is hex (as `decode` takes it) or JSON (as `decode` prints it). Its called and calling numbers are \
            put into the SIP-I form (ST 769 R-GEN-4: "39…", NAI 4) with the trunk's rules (--trunk, JSON; default: \
            national NAI 3 without 39). The Request-URI and To come from --to or from the called number at \
            --peer-domain; From, P-Asserted-Identity and Privacy from the calling number at --own-domain \
            (RFC 3323/3325). Without --sdp an ST 769 offer (PCMA, G.729 annexb=no, telephone-event) is built.
            """
    )

    @Option(help: "The IAM: hex, or JSON; '-' reads it from standard input.")
    var iam: String

    @Flag(name: .customLong("no-cic"), help: "The hex/JSON IAM has no CIC (it starts at the message type).")
    var noCIC = false

    @Option(help: "SDP offer file (default: an ST 769 §7.4 offer at --media-address).")
    var sdp: String?

    @Option(help: "Request-URI (default: the called number as sip:+39…@<peer-domain>;user=phone).")
    var to: String?

    @Option(help: "The peer's domain (ST 769 Table 2: host of Request-URI and To).")
    var peerDomain = "peer.invalid"

    @Option(help: "Our domain (ST 769 Table 2: host of P-Asserted-Identity and From, Via, Contact).")
    var ownDomain = "gateway.invalid"

    @Option(help: "Media address of the built SDP offer.")
    var mediaAddress = "127.0.0.1"

    @Option(help: "Trunk numbering rules (JSON, the TrunkNumbering keys).")
    var trunk: String?

    @Option(help: "Content-Disposition handling of the ISUP part (RFC 3204): optional or required.")
    var handling = "optional"

    func run() throws {
        let numbering = try trunk.map { try JSONFile.decode(TrunkNumbering.self, path: $0, what: "trunk numbering") } ?? .national
        let domains = IdentityDomains(own: ownDomain, peer: peerDomain)
        guard let handling = SIPIBody.Handling(rawValue: handling) else {
            throw ValidationError("--handling is optional or required")
        }
        var message = try readIAM()
        guard message.type == .iam else { throw ValidationError("the message is \(message.type.acronym), not an IAM") }

        // ST 769 R-GEN-4: the encapsulated numbers in the global form.
        if let called = message.calledPartyNumber { message.calledPartyNumber = try numbering.sipI(fromTDM: called, as: .called) }
        if let calling = message.callingPartyNumber { message.callingPartyNumber = try numbering.sipI(fromTDM: calling, as: .calling) }
        let requestURI: String
        if let to {
            requestURI = to
        } else {
            guard let called = message.calledPartyNumber else { throw ValidationError("the IAM has no called party number: give --to") }
            requestURI = domains.requestURI(userPart: try numbering.userPart(of: called)).description
        }
        let identity = try CallingIdentity(callingParty: message.callingPartyNumber, numbering: numbering, domains: domains)
        let sessionID = UInt64.random(in: 1...UInt64(Int64.max))
        let offer = try sdp.map { try StandardStreams.read(path: $0) }
            ?? ST769SDPProfile().offer(address: mediaAddress, port: 4000, sessionID: sessionID).bytes

        let token = String(sessionID, radix: 36)
        var invite = SIPMessage(startLine: .request(method: "INVITE", uri: requestURI), headers: [
            SIPHeader("Via", "SIP/2.0/UDP \(ownDomain);rport;branch=z9hG4bK-\(token)"),
            SIPHeader("Max-Forwards", "70"),
            SIPHeader("To", "<\(requestURI)>"),
        ] + identity.headers(fromTag: token) + [
            SIPHeader("Call-ID", "\(token)@\(ownDomain)"),
            SIPHeader("CSeq", "1 INVITE"),
            SIPHeader("Contact", "<sip:gw@\(ownDomain)>"),
            SIPHeader("Accept", "application/sdp, application/ISUP, multipart/mixed"),
        ])
        try SIPIBody(isup: message, sdp: offer, handling: handling).apply(to: &invite)
        StandardStreams.output(try invite.serialized())
    }

    private func readIAM() throws -> ISUPMessage {
        let text = iam == "-" ? String(decoding: try StandardStreams.read(path: "-"), as: UTF8.self) : iam
        let framing: ISUPMessage.Framing = noCIC ? .withoutCIC : .withCIC
        if text.contains("{") {
            return try ISUPMessage(json: try JSONValue(parsing: text), framing: framing)
        }
        guard let bytes = Hex.bytes(text) else { throw ValidationError("--iam is neither hex nor JSON") }
        return try ISUPMessage(decoding: bytes, framing: framing)
    }
}

struct SIPIParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a SIP-I message: its start line, headers, SDP and the encapsulated ISUP, as JSON.",
        discussion: """
            FILE holds one SIP message as received (binary body). The output is one JSON object: startLine, \
            headers (libosip2's canonical form), sdp (text), isup (the ISUP JSON form, without cic) with \
            isupVersion and handling. A message that does not parse, or whose SIP-I body cannot be used, is \
            reported on stderr with the SIP answer it calls for (400, 415), and the exit status is 1.
            """
    )

    @Argument(help: "The SIP message file ('-' for standard input).")
    var file: String

    func run() throws {
        let message = try SIPMessage(parsing: try StandardStreams.read(path: file))
        var o = JSONObject()
        switch message.startLine {
        case .request(let method, let uri):
            o.append("startLine", .object(["method": .string(method), "uri": .string(uri)]))
        case .response(let code, let reason):
            o.append("startLine", .object(["status": .int(code), "reason": .string(reason)]))
        }
        o.append("headers", .array(message.headers.map { .object(["name": .string($0.name), "value": .string($0.value)]) }))
        // The complaint is built in the catch through `report` (reading the typed error's fields here crashes the
        // Swift 6.3.1 optimizer in release builds).
        var complaint: String? = nil
        do {
            if let body = try SIPIBody(parsing: message) {
                if let sdp = body.sdp { o.append("sdp", .string(String(decoding: sdp, as: UTF8.self))) }
                o.append("isupVersion", .string(body.version))
                o.append("handling", .string(body.handling.rawValue))
                o.append("isup", .object(body.isup.json))
            } else if let sdp = message.parts.first(where: { $0.mediaType == "application/sdp" }) {
                o.append("sdp", .string(String(decoding: sdp.bytes, as: UTF8.self)))
            }
        } catch {
            complaint = "\(file): \(error.report)"
        }
        var out = [UInt8]()
        JSONValue.object(o).write(into: &out)
        out.append(UInt8(ascii: "\n"))
        StandardStreams.output(out)
        if let complaint {
            StandardStreams.error(complaint)
            throw ExitCode(1)
        }
    }
}
