extension SIPMessage {
    /// Checks what libosip2 would write unchecked (RFC 3261 §25.1): `Method` is a token, the Request-URI holds no
    /// SP or CTL, the Reason-Phrase no CTL but HTAB, header names are tokens, header values (message and body
    /// parts) hold no CR, LF, NUL or other CTL, and Content-Type / Content-Disposition parameters are
    /// `name=value`. Run on every parsed message and before every serialization, so that no value can split a
    /// message on the wire or be cut at a NUL.
    func validate() throws(SIPParseError) {
        switch startLine {
        case .request(let method, let uri):
            guard SIPGrammar.isToken(method) else {
                throw SIPParseError(.invalidField(field: "Method", detail: "\"\(method)\" is not a token"))
            }
            try Self.check(uri, field: "Request-URI", space: false)
        case .response(_, let reason):
            try Self.check(reason, field: "Reason-Phrase")
        }
        try Self.check(headers, in: "")
        for part in parts {
            try Self.check(part.contentType, field: "body part Content-Type")
            try Self.check(part.headers, in: "body part ")
            _ = try MediaType(validating: part.contentType, header: "body part Content-Type", requireValues: true)
        }
    }

    private static func check(_ headers: [SIPHeader], in place: String) throws(SIPParseError) {
        for h in headers {
            guard SIPGrammar.isToken(h.name) else {
                throw SIPParseError(.invalidField(field: "\(place)header name \"\(h.name)\"", detail: "not a token"))
            }
            try check(h.value, field: place + h.name)
            if h.hasName("content-type") {
                _ = try MediaType(validating: h.value, header: place + h.name, requireValues: true)
            } else if h.hasName("content-disposition") {
                _ = try MediaType(validating: h.value, header: place + h.name, requireValues: false)
            }
        }
    }

    private static func check(_ text: String, field: String, space: Bool = true) throws(SIPParseError) {
        if let octet = SIPGrammar.firstForbiddenOctet(in: text, space: space) {
            throw SIPParseError(.invalidField(field: field, detail: "contains \(SIPGrammar.describe(octet))"))
        }
    }
}
