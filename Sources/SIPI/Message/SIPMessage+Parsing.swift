import COsip2

extension SIPMessage {
    /// Parses one SIP message (RFC 3261 §7) with libosip2. Header values come back in libosip2's canonical
    /// form (full names, its spacing); body parts keep their octets exactly.
    ///
    /// libosip2 reads some malformed values into something it then writes differently: an escape that is not two
    /// hex digits (`;%version=x`, RFC 3261 §25.1) empties a URI parameter's name, a Contact `<To: <sip:a@b>>` loses
    /// its last `>`; read again, such a message changes once more (a To header echoed in a response would no longer
    /// match the request's). Every message is therefore parsed once more from its own serialization and refused
    /// unless it comes back the same (issue 10, fuzzing findings FuzzSIPMessage).
    public init(parsing bytes: [UInt8]) throws(SIPParseError) {
        let wire: [UInt8]
        do {
            (self, wire) = try Self.parsedWithLibosip2(bytes)
        } catch {
            guard case .rejectedByParser = error.reason else { throw error }
            throw Self.requestURIRefusal(bytes) ?? error
        }
        // The second reading is only compared: it needs neither validation nor a serialization of its own.
        var again = SIPMessage(startLine: .response(statusCode: 0, reasonPhrase: ""), headers: [])
        guard (try? again.fill(parsing: wire, validating: false)) != nil, again.hasSameContent(as: self) else {
            throw SIPParseError(.invalid("libosip2 does not read this message back the same (malformed URI or escape)"))
        }
    }

    /// What a transport hands the interworking engine: the parsed message or, for a request whose Request-URI is
    /// invalid, that request, to be answered as its method requires (ST 769 Annex A.1.1 a for an INVITE: 484 with
    /// cause 28, ST769-2 ERR-02). Every other parse error is thrown.
    public init(receiving bytes: [UInt8]) throws(SIPParseError) {
        do {
            self = try SIPMessage(parsing: bytes)
        } catch {
            guard case .invalidRequestURI(_, let request) = error.reason else { throw error }
            self = request
        }
    }

    /// A request libosip2 refused whose request line is `Method SP x SP SIP/2.0` (RFC 3261 §25.1) and whose rest
    /// parses with a valid URI in place of `x`: `x` is what is wrong, and the error carries the request to answer.
    private static func requestURIRefusal(_ bytes: [UInt8]) -> SIPParseError? {
        guard let end = bytes[...].range(of: [13, 10])?.lowerBound else { return nil }
        let line = bytes[..<end]
        guard let first = line.firstIndex(of: 0x20), let last = line.lastIndex(of: 0x20), first < last,
              line[(last + 1)...].elementsEqual("SIP/2.0".utf8) else { return nil }
        let method = String(decoding: line[..<first], as: UTF8.self)
        guard SIPGrammar.isToken(method) else { return nil }
        let patched = Array(line[...first]) + Array("sip:invalid.invalid SIP/2.0".utf8) + bytes[end...]
        guard var request = try? parsedWithLibosip2(patched).message else { return nil }
        let uri = String(decoding: line[(first + 1)..<last], as: UTF8.self)
        request.startLine = .request(method: method, uri: uri)
        return SIPParseError(.invalidRequestURI(uri, request: request))
    }

    /// Whether `other` carries the same start line, fields and body parts. The order of fields of different names
    /// is not significant (RFC 3261 §7.3.1) and libosip2 writes its own; a multipart message `serialized()`
    /// gave the MIME-Version it needs counts as the message without it. Header names compare case-insensitively.
    public func hasSameContent(as other: SIPMessage) -> Bool {
        func fields(_ m: SIPMessage, mimeVersion: Bool) -> [SIPHeader] {
            m.headers.filter { mimeVersion || !$0.hasName("mime-version") }.enumerated()
                .map { (SIPHeader.canonical($0.element.name), $0.offset, $0.element.value) }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                .map { SIPHeader($0.0, $0.2) }
        }
        func parts(_ m: SIPMessage) -> [MIMEPart] {
            m.parts.map { MIMEPart(contentType: $0.contentType, headers: $0.headers.map { SIPHeader(SIPHeader.canonical($0.name), $0.value) },
                                   bytes: $0.bytes) }
        }
        guard startLine == other.startLine, parts(self) == parts(other) else { return false }
        // Both readings of a message come out of libosip2 in its order: field by field first, sorted only if not.
        if headers.count == other.headers.count,
           zip(headers, other.headers).allSatisfy({ $0.value == $1.value && SIPHeader.sameName($0.name, $1.name) }) {
            return true
        }
        let mimeVersion = header("mime-version") != nil && other.header("mime-version") != nil
        return fields(self, mimeVersion: mimeVersion) == fields(other, mimeVersion: mimeVersion)
    }

    /// One libosip2 parse, with the message's own serialization (which the parse checks can be written).
    private static func parsedWithLibosip2(_ bytes: [UInt8]) throws(SIPParseError) -> (message: SIPMessage, wire: [UInt8]) {
        var parsed = SIPMessage(startLine: .response(statusCode: 0, reasonPhrase: ""), headers: [])
        try parsed.fill(parsing: bytes, validating: true)
        do {
            return (parsed, try parsed.serialized(validating: false))
        } catch {
            // What libosip2 accepts it does not always write back (a Via such as `SIP/./U`, start-line octets that
            // are not UTF-8): a message that could not be answered or relayed is refused here (issue 10, fuzzing
            // findings: FuzzSIPMessage, FuzzSIPIBody).
            throw SIPParseError(.invalid("not writable back: \(error)"))
        }
    }

    private mutating func fill(parsing bytes: [UInt8], validating: Bool) throws(SIPParseError) {
        _ = OSIPRuntime.ready
        guard let end = Self.endOfHeaders(bytes) else { throw SIPParseError(.noEndOfHeaders) }
        if let length = Self.declaredContentLength(bytes[..<end]), bytes.count - end < length {
            throw SIPParseError(.bodyTruncated(contentLength: length, available: bytes.count - end))
        }
        try Self.screen(head: bytes[..<end], body: bytes[end...])
        var message: UnsafeMutablePointer<osip_message_t>? = nil
        guard osip_message_init(&message) == 0, let message else { throw SIPParseError(.invalid("out of memory")) }
        defer { osip_message_free(message) }
        let rc = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { osip_message_parse(message, $0.baseAddress, $0.count) }
        }
        guard rc == 0 else { throw SIPParseError(.rejectedByParser(code: rc)) }
        OSIPRuntime.dropValuelessParameters(message.pointee.content_type)

        if let method = message.pointee.sip_method {
            var uri: UnsafeMutablePointer<CChar>? = nil
            osip_uri_to_str(message.pointee.req_uri, &uri)
            startLine = .request(method: String(cString: method), uri: String(decoding: OSIPRuntime.take(uri), as: UTF8.self))
        } else {
            startLine = .response(statusCode: Int(message.pointee.status_code),
                                  reasonPhrase: OSIPRuntime.string(message.pointee.reason_phrase))
        }

        // The header section as libosip2 writes it: one field per line, full names.
        var text: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        guard osip_message_to_str(message, &text, &length) == 0 else { throw SIPParseError(.rejectedByParser(code: -1)) }
        let canonical = OSIPRuntime.take(text, length: length)
        let headerEnd = Self.endOfHeaders(canonical) ?? canonical.count
        headers = Self.lines(canonical[..<headerEnd]).dropFirst().compactMap { line -> SIPHeader? in
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let name = String(decoding: line[..<colon].trimmingProtocolWhitespace(), as: UTF8.self)
            guard !SIPHeader.sameName(name, "content-length") else { return nil }
            return SIPHeader(name, String(decoding: line[(colon + 1)...].trimmingProtocolWhitespace(), as: UTF8.self))
        }

        let messageType = headers.first { $0.hasName("content-type") }?.value ?? ""
        // RFC 2046 §5.1: a body part without a Content-Type is text/plain, never the multipart type around it.
        let defaultPartType = MediaType(messageType).type.hasPrefix("multipart/") ? "text/plain" : messageType
        var parts = [MIMEPart]()
        withUnsafeMutablePointer(to: &message.pointee.bodies) { bodies in
            for i in 0..<osip_list_size(bodies) {
                guard let body = osip_list_get(bodies, i)?.assumingMemoryBound(to: osip_body_t.self).pointee else { continue }
                OSIPRuntime.dropValuelessParameters(body.content_type)
                var contentType = defaultPartType
                if let ct = body.content_type {
                    var out: UnsafeMutablePointer<CChar>? = nil
                    if osip_content_type_to_str(ct, &out) == 0 { contentType = String(decoding: OSIPRuntime.take(out), as: UTF8.self) }
                }
                var partHeaders = [SIPHeader]()
                if let list = body.headers {
                    for j in 0..<osip_list_size(list) {
                        guard let h = osip_list_get(list, j)?.assumingMemoryBound(to: osip_header_t.self).pointee else { continue }
                        partHeaders.append(SIPHeader(OSIPRuntime.string(h.hname), OSIPRuntime.string(h.hvalue)))
                    }
                }
                let octets = body.body.map { p in
                    p.withMemoryRebound(to: UInt8.self, capacity: body.length) { Array(UnsafeBufferPointer(start: $0, count: body.length)) }
                } ?? []
                parts.append(MIMEPart(contentType: contentType, headers: partHeaders, bytes: octets))
            }
        }
        self.parts = parts
        if validating { try validate() }
    }

    /// Index of the first body octet: just after the first empty line (CRLF CRLF).
    static func endOfHeaders(_ b: [UInt8]) -> Int? {
        guard b.count >= 4 else { return nil }
        for i in 0...(b.count - 4) where b[i] == 13 && b[i + 1] == 10 && b[i + 2] == 13 && b[i + 3] == 10 {
            return i + 4
        }
        return nil
    }

    static func declaredContentLength(_ head: ArraySlice<UInt8>) -> Int? {
        headerValue("content-length", in: head).flatMap { Int($0) }
    }
}
