extension StringProtocol {
    /// The text without leading and trailing white space: SP, HTAB, CR and LF, the white space of the protocol
    /// texts this package reads (RFC 3261 §25.1 LWS, SDP, CSV). Works on UTF-8 octets, without Foundation.
    public func trimmingWhitespace() -> String { String(Substring(self).trimmingWhitespaceSlice()) }

    /// ASCII letters compared case-insensitively, everything else exactly; no allocation (header and parameter
    /// names, RFC 3261 §7.3.1).
    public func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        var j = b.startIndex
        for c in a {
            if lowerASCII(c) != lowerASCII(b[j]) { return false }
            j = b.index(after: j)
        }
        return true
    }
}

extension Substring {
    /// Splits on SP and HTAB runs (RFC 3261 §25.1 LWS between tokens), on UTF-8 octets.
    public func splittingOnSpaces() -> [Substring] {
        var pieces: [Substring] = []
        var start: Substring.UTF8View.Index? = nil
        var i = utf8.startIndex
        while i < utf8.endIndex {
            if utf8[i].isProtocolWhitespace {
                if let s = start { pieces.append(self[s..<i]) }
                start = nil
            } else if start == nil {
                start = i
            }
            i = utf8.index(after: i)
        }
        if let s = start { pieces.append(self[s..<utf8.endIndex]) }
        return pieces
    }
}

extension Substring {
    /// A copy with the ASCII letters in lower case and every other octet as it is (media types, parameter names:
    /// RFC 2045 §5.1 compares them case-insensitively), without the Unicode case tables of `lowercased()`.
    func lowercasedASCII() -> String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(self) }
        return String(decoding: utf8.map(lowerASCII), as: UTF8.self)
    }

    /// The same as `trimmingWhitespace`, without a copy.
    public func trimmingWhitespaceSlice() -> Substring { Substring(utf8.trimmingProtocolWhitespace()) }
}

extension BidirectionalCollection where Element == UInt8 {
    /// The octets without leading and trailing SP, HTAB, CR and LF, without a copy (header lines as received).
    func trimmingProtocolWhitespace() -> SubSequence {
        guard let first = firstIndex(where: { !$0.isProtocolWhitespace }) else { return self[endIndex...] }
        return self[first...lastIndex(where: { !$0.isProtocolWhitespace })!]
    }
}

extension UInt8 {
    /// SP, HTAB, CR or LF: the white space `trimmingWhitespace` removes and `splittingOnSpaces` splits on.
    public var isProtocolWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0D || self == 0x0A }
}
/// The octet with an ASCII capital letter in lower case.
func lowerASCII(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
