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

/// A `type/subtype; name=value; ...` header value (RFC 3261 §20.15, RFC 2045 §5.1), also read for the
/// `disposition; name=value` of Content-Disposition (§20.11): names case-insensitive, quoted values unquoted.
public struct MediaType: Hashable, Sendable {
    public let type: String
    public let parameters: [String: String]

    /// The lenient reading, for values already checked or built here: a parameter without a name (`;=x`) is
    /// skipped, one without a value (`;x`) reads as "".
    public init(_ value: String) {
        var malformed = [Piece]()
        self.init(value, malformed: &malformed)
    }

    /// The strict reading of RFC 3261 §25.1: `m-parameter = m-attribute EQUAL m-value` (Content-Type), or
    /// `generic-param = token [ EQUAL gen-value ]` (Content-Disposition) when `requireValues` is false. A
    /// parameter without a name is malformed in both; a quoted empty value (`x=""`) is a value.
    public init(validating value: String, header: String, requireValues: Bool) throws(SIPParseError) {
        var malformed = [Piece]()
        self.init(value, malformed: &malformed)
        if let bad = malformed.first(where: { $0.name.isEmpty || (requireValues && !$0.hasValue) }) {
            throw SIPParseError(.malformedParameter(header: header, parameter: bad.text))
        }
    }

    /// A parameter the grammar does not allow everywhere: no name, or no `= value`.
    private struct Piece {
        let text: String
        let name: String
        let hasValue: Bool
    }

    private init(_ value: String, malformed: inout [Piece]) {
        var pieces = value.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        type = (pieces.isEmpty ? "" : pieces.removeFirst()).lowercased()
        var parameters = [String: String]()
        for piece in pieces where !piece.isEmpty {
            let equals = piece.firstIndex(of: "=")
            let name = String(piece[..<(equals ?? piece.endIndex)]).trimmingWhitespace().lowercased()
            let raw = equals.map { String(piece[piece.index(after: $0)...]).trimmingWhitespace() }
            let hasValue = !(raw ?? "").isEmpty
            if name.isEmpty || !hasValue { malformed.append(Piece(text: piece, name: name, hasValue: hasValue)) }
            guard !name.isEmpty else { continue }
            var v = raw ?? ""
            if v.count >= 2, v.hasPrefix("\""), v.hasSuffix("\"") { v = String(v.dropFirst().dropLast()) }
            parameters[name] = v
        }
        self.parameters = parameters
    }
}
