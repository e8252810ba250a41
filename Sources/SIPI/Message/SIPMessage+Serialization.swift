import COsip2
#if canImport(Glibc)
import Glibc
#endif

extension SIPMessage {
    /// Builds the message with libosip2 and returns its octets. Content-Length is computed by libosip2 from the
    /// body it writes, so it is always right; multipart bodies are written with the boundary of `Content-Type`.
    /// The start line and headers are checked first (`validate()`): libosip2 writes CR, LF and NUL unchecked.
    public func serialized() throws(SIPParseError) -> [UInt8] { try serialized(validating: true) }

    /// `validating: false` only for a message `validate()` has just passed (a parse's own serialization).
    func serialized(validating: Bool) throws(SIPParseError) -> [UInt8] {
        if validating { try validate() }
        _ = OSIPRuntime.ready
        var message: UnsafeMutablePointer<osip_message_t>? = nil
        guard osip_message_init(&message) == 0, let message else { throw SIPParseError(.invalid("out of memory")) }
        defer { osip_message_free(message) }
        osip_message_set_version(message, osip_strdup("SIP/2.0"))
        switch startLine {
        case .request(let method, let uri):
            var parsed: UnsafeMutablePointer<osip_uri_t>? = nil
            osip_uri_init(&parsed)
            guard osip_uri_parse(parsed, uri) == 0 else {
                osip_uri_free(parsed)
                throw SIPParseError(.invalid("Request-URI \"\(uri)\" is not a valid SIP URI (RFC 3261 §19.1)"))
            }
            osip_message_set_method(message, osip_strdup(method))
            osip_message_set_uri(message, parsed)
        case .response(let code, let reason):
            guard (100...699).contains(code) else { throw SIPParseError(.invalid("status code \(code) is not 100...699")) }
            osip_message_set_status_code(message, Int32(code))
            osip_message_set_reason_phrase(message, osip_strdup(reason))
        }
        for h in headers {
            // The parser's dispatcher: known names go to their typed fields (Via, From, Content-Type, ...), the
            // rest to the generic list. It may rewrite its arguments, so it gets copies.
            let name = strdup(h.name), value = strdup(h.value)
            defer {
                free(name)
                free(value)
            }
            guard osip_message_set_multiple_header(message, name, value) == 0 else {
                throw SIPParseError(.invalid("header \(h.name): \"\(h.value)\" is not valid for libosip2"))
            }
        }
        let multipart = contentType?.type.hasPrefix("multipart/") ?? false
        // libosip2 writes the multipart delimiters only for a MIME message (RFC 2045 §4 MIME-Version).
        if multipart, header("mime-version") == nil {
            try Self.check(osip_message_set_mime_version(message, "1.0"), "MIME-Version header")
        }
        if multipart {
            for part in parts {
                var mime = Array("Content-Type: \(part.contentType)\r\n".utf8)
                for h in part.headers { mime += Array("\(h.name): \(h.value)\r\n".utf8) }
                mime += [13, 10] + part.bytes
                try Self.check(mime.withUnsafeBufferPointer { b in
                    b.withMemoryRebound(to: CChar.self) { osip_message_set_body_mime(message, $0.baseAddress, $0.count) }
                }, "body part \(part.contentType)")
            }
        } else if let part = parts.first {
            guard parts.count == 1 else {
                throw SIPParseError(.invalid("\(parts.count) body parts need a multipart Content-Type"))
            }
            try Self.check(part.bytes.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { osip_message_set_body(message, $0.baseAddress, $0.count) }
            }, "body")
        }
        var text: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        try Self.check(osip_message_to_str(message, &text, &length), "message")
        return OSIPRuntime.take(text, length: length)
    }

    private static func check(_ rc: Int32, _ what: String) throws(SIPParseError) {
        guard rc == 0 else { throw SIPParseError(.invalid("libosip2 could not build the \(what) (error \(rc))")) }
    }
}
