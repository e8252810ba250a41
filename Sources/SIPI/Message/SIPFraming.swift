/// A stream that cannot carry SIP messages any further: where (offset in the octets given), in which field, why.
public struct SIPFramingError: Error, Hashable, Sendable, CustomStringConvertible {
    public let offset: Int
    public let field: String
    public let reason: String

    public init(offset: Int, field: String, reason: String) {
        self.offset = offset
        self.field = field
        self.reason = reason
    }

    public var description: String { "offset \(offset), \(field): \(reason)" }
}

/// Telling SIP from other payloads, and finding where a SIP message ends in a stream (RFC 3261 §7, §18.3): the
/// capture decoder's TCP streams and the daemon's SIP over TCP.
public enum SIPFraming {
    public enum StartLine: Equatable, Sendable {
        case sip
        case notSIP
        /// The octets so far could begin a start line that is not complete yet.
        case needMore
    }

    /// A start line longer than this is taken for something else.
    public static let maximumStartLine = 4_096
    /// A header (start line and header fields) longer than this is taken for a stream out of step.
    public static let maximumHeader = 65_536
    static let version = Array("SIP/2.0".utf8)
    public static let crlf: [UInt8] = [0x0D, 0x0A]

    /// RFC 3261 §7.1 Request-Line (`Method SP Request-URI SP SIP-Version CRLF`, the method a §25.1 token) or
    /// §7.2 Status-Line (`SIP-Version SP Status-Code SP Reason-Phrase CRLF`).
    public static func startLine(of octets: ArraySlice<UInt8>) -> StartLine {
        let window = octets.prefix(maximumStartLine)
        guard let end = window.range(of: crlf)?.lowerBound else {
            let printable = window.allSatisfy { (0x20...0x7E).contains($0) }
            return printable && window.count < maximumStartLine ? .needMore : .notSIP
        }
        let line = Array(octets[octets.startIndex..<end])
        if line.starts(with: version + [0x20]) {
            let code = line.dropFirst(version.count + 1).prefix(3)
            let afterCode = version.count + 4
            let wellFormed = code.count == 3 && code.allSatisfy(isDigit)
                && (line.count == afterCode || line[afterCode] == 0x20)
            return wellFormed ? .sip : .notSIP
        }
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, SIPGrammar.isToken(String(decoding: parts[0], as: UTF8.self)), !parts[1].isEmpty,
              Array(parts[2]) == version
        else { return .notSIP }
        return .sip
    }

    /// The length of the SIP message at the start of `octets` (which must begin with its start line): the
    /// header up to the empty line, then Content-Length octets of body (RFC 3261 §20.14, compact form `l`;
    /// absent, no body). Nil until the header and body are all there. Throws for a header without its empty line
    /// within `maximumHeader` octets, and for a Content-Length that is not a number or larger than `maximum`.
    public static func messageLength(in octets: ArraySlice<UInt8>, maximum: Int) throws(SIPFramingError) -> Int? {
        guard let headerEnd = octets.prefix(maximumHeader).range(of: crlf + crlf)?.lowerBound else {
            guard octets.count < maximumHeader else {
                throw SIPFramingError(offset: octets.startIndex, field: "SIP header",
                                      reason: "no empty line within \(maximumHeader) octets (RFC 3261 §7)")
            }
            return nil
        }
        var bodyLength = 0
        var lineStart = octets.startIndex
        while lineStart < headerEnd {
            let lineEnd = octets[lineStart..<headerEnd + 2].range(of: crlf)?.lowerBound ?? headerEnd
            let line = octets[lineStart..<lineEnd]
            if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                let name = String(decoding: line[..<colon], as: UTF8.self).trimmingWhitespace()
                if name.equalsIgnoringASCIICase("content-length") || name.equalsIgnoringASCIICase("l") {
                    let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace()
                    guard let length = Int(value), length >= 0, length <= maximum else {
                        throw SIPFramingError(
                            offset: colon + 1, field: "SIP Content-Length",
                            reason: "'\(value)' is not a length up to \(maximum) (RFC 3261 §20.14)")
                    }
                    bodyLength = length
                }
            }
            lineStart = lineEnd + 2
        }
        let total = headerEnd + 4 - octets.startIndex + bodyLength
        return octets.count >= total ? total : nil
    }

    private static func isDigit(_ octet: UInt8) -> Bool { (0x30...0x39).contains(octet) }
}

