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
    /// parameter without a name is malformed in both; a quoted empty value (`x=""`) is a value. A parameter named
    /// twice is malformed too (RFC 2045 §5.1): libosip2 reads the first, this reading the last, and a `boundary`
    /// given twice hid the parts libosip2 parsed from the screening (issue 10, a leak).
    public init(validating value: String, header: String, requireValues: Bool) throws(SIPParseError) {
        var malformed = [Piece]()
        self.init(value, malformed: &malformed)
        if let bad = malformed.first(where: { $0.name.isEmpty || $0.repeated || (requireValues && !$0.hasValue) }) {
            throw SIPParseError(.malformedParameter(header: header, parameter: bad.text))
        }
    }

    /// A parameter the grammar does not allow everywhere: no name, no `= value`, or a name given before.
    private struct Piece {
        let text: String
        let name: String
        let hasValue: Bool
        var repeated = false
    }

    /// Works on the UTF-8 octets: every Content-Type of every received message is read several times (screening,
    /// validation, multipart boundary), and the Character-based split and trim took a fifth of a parse (issue 8).
    private init(_ value: String, malformed: inout [Piece]) {
        var pieces = value.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
            .map { Substring($0).trimmingWhitespaceSlice() }
        type = (pieces.isEmpty ? "" : pieces.removeFirst()).lowercasedASCII()
        var parameters = [String: String]()
        for piece in pieces where !piece.isEmpty {
            let equals = piece.utf8.firstIndex(of: UInt8(ascii: "="))
            let name = piece[..<(equals ?? piece.endIndex)].trimmingWhitespaceSlice().lowercasedASCII()
            var v = equals.map { piece[piece.utf8.index(after: $0)...].trimmingWhitespaceSlice() } ?? ""
            let hasValue = !v.isEmpty
            let repeated = parameters[name] != nil
            if name.isEmpty || !hasValue || repeated {
                malformed.append(Piece(text: String(piece), name: name, hasValue: hasValue, repeated: repeated))
            }
            guard !name.isEmpty else { continue }
            if v.utf8.count >= 2, v.utf8.first == UInt8(ascii: "\""), v.utf8.last == UInt8(ascii: "\"") {
                v = v[v.utf8.index(after: v.startIndex)..<v.utf8.index(before: v.endIndex)]
            }
            parameters[name] = String(v)
        }
        self.parameters = parameters
    }
}
