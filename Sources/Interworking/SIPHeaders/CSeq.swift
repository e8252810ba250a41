import SIPI

/// The CSeq header field, RFC 3261 §20.16: a sequence number and the request's method.
public struct CSeq: Hashable, Sendable, CustomStringConvertible {
    /// RFC 3261 §8.1.1.5: "MUST be expressible as a 32-bit unsigned integer and MUST be less than 2**31".
    public var number: UInt32
    public var method: String

    public init(_ number: UInt32, _ method: String) {
        self.number = number
        self.method = method
    }

    /// `1*DIGIT LWS Method` (RFC 3261 §25.1); nil when the text is not that or the number is 2^31 or more.
    public init?(parsing text: some StringProtocol) {
        let fields = Substring(text).splittingOnSpaces()
        guard fields.count == 2, fields[0].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = UInt32(fields[0]),
              number < 1 << 31, fields[1].allSatisfy(Self.isTokenCharacter)
        else { return nil }
        self.number = number
        method = String(fields[1])
    }

    /// The CSeq of a message, nil when absent or unparsable.
    public init?(of message: SIPMessage) {
        guard let value = message.header("cseq") else { return nil }
        self.init(parsing: value)
    }

    public var description: String { "\(number) \(method)" }

    /// RFC 3261 §25.1 `token`.
    private static func isTokenCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "-.!%*_+`'~".contains(c))
    }
}
