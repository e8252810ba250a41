/// One body part: its content type, its other headers (e.g. `Content-Disposition`) and its octets, kept binary.
/// A message with a single, non-multipart body has one part whose type is the message's `Content-Type`.
public struct MIMEPart: Hashable, Sendable {
    public var contentType: String
    public var headers: [SIPHeader]
    public var bytes: [UInt8]

    public init(contentType: String, headers: [SIPHeader] = [], bytes: [UInt8]) {
        self.contentType = contentType
        self.headers = headers
        self.bytes = bytes
    }

    public func header(_ name: String) -> String? { headers.first { $0.hasName(name) }?.value }

    /// The media type without parameters, lower-cased (`application/isup`).
    public var mediaType: String { MediaType(contentType).type }
}

/// A `type/subtype; name=value; ...` header value (RFC 3261 §20.15, RFC 2045 §5.1): names case-insensitive,
/// quoted values unquoted.
public struct MediaType: Hashable, Sendable {
    public let type: String
    public let parameters: [String: String]

    public init(_ value: String) {
        var pieces = value.split(separator: ";", omittingEmptySubsequences: false).map {
            $0.trimmingWhitespace()
        }
        type = (pieces.isEmpty ? "" : pieces.removeFirst()).lowercased()
        var parameters = [String: String]()
        for piece in pieces where !piece.isEmpty {
            let kv = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
            var v = kv.count > 1 ? kv[1] : ""
            if v.count >= 2, v.hasPrefix("\""), v.hasSuffix("\"") { v = String(v.dropFirst().dropLast()) }
            parameters[kv[0].lowercased()] = v
        }
        self.parameters = parameters
    }
}
