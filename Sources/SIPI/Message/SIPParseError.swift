/// A SIP message that cannot be parsed or built; the daemon answers a request that fails to parse with
/// 400 Bad Request (RFC 3261 §21.4.1).
public struct SIPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// No empty line ends the header section (RFC 3261 §7).
        case noEndOfHeaders
        /// Fewer body octets than Content-Length says (RFC 3261 §18.3).
        case bodyTruncated(contentLength: Int, available: Int)
        /// libosip2 refused the message (start line or a header is not valid SIP).
        case rejectedByParser(code: Int32)
        /// The value given for building a message is not valid (text says which).
        case invalid(String)
        /// A start-line element, header name or header value breaks the RFC 3261 §25.1 grammar (a CR, LF, NUL or
        /// other control character, a method or header name that is not a token); `field` names it.
        case invalidField(field: String, detail: String)
        /// A `Content-Type` or `Content-Disposition` parameter is not `name=value` (RFC 3261 §25.1 m-parameter,
        /// generic-param): `;=`, `;=x`, or, in a Content-Type being built, `;x`.
        case malformedParameter(header: String, parameter: String)
        /// A body part repeats a header that it may carry once (RFC 2045 §3 Content-Type).
        case repeatedPartHeader(String)
        /// The message repeats a header that it may carry once (RFC 3261 §7.3.1: Content-Type).
        case repeatedHeader(String)
        /// The request line is `Method SP x SP SIP/2.0` but `x` is no Request-URI (a space inside it, no scheme):
        /// `request` is the rest of the message, parsed, with `x` as its Request-URI, so that the request can be
        /// answered as its method requires (an INVITE: ST 769 Annex A.1.1 a, 484 with cause 28). It cannot be
        /// serialized.
        case invalidRequestURI(String, request: SIPMessage)
    }

    public let reason: Reason
    public init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .noEndOfHeaders: "no empty line after the headers (RFC 3261 §7)"
        case .bodyTruncated(let length, let available):
            "Content-Length is \(length) but only \(available) body octet(s) follow (RFC 3261 §18.3)"
        case .rejectedByParser(let code): "libosip2 rejected the message (error \(code)): invalid start line or header"
        case .invalid(let text): text
        case .invalidField(let field, let detail): "\(field): \(detail) (RFC 3261 §25.1)"
        case .malformedParameter(let header, let parameter):
            "\(header): parameter \"\(parameter)\" is not name=value (RFC 3261 §25.1)"
        case .repeatedPartHeader(let name): "a body part has more than one \(name) header (RFC 2045 §3)"
        case .repeatedHeader(let name): "more than one \(name) header (RFC 3261 §7.3.1)"
        case .invalidRequestURI(let uri, _): "the Request-URI \"\(uri)\" is not a URI (RFC 3261 §25.1 Request-Line)"
        }
    }
}
