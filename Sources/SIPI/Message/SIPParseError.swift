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
        }
    }
}
