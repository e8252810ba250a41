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
        let text = Substring(text).trimmingWhitespaceSlice()
        guard let space = text.utf8.firstIndex(where: \.isProtocolWhitespace) else { return nil }
        let digits = text[..<space], method = text[space...].trimmingWhitespaceSlice()
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let number = UInt32(digits), number < 1 << 31,
              !method.isEmpty, method.utf8.allSatisfy(Self.isTokenOctet)
        else { return nil }
        self.number = number
        self.method = String(method)
    }

    /// The CSeq of a message, nil when absent or unparsable.
    public init?(of message: SIPMessage) {
        guard let value = message.header("cseq") else { return nil }
        self.init(parsing: value)
    }

    public var description: String { "\(number) \(method)" }

    /// RFC 3261 §25.1 `token`: alphanumerics and `-.!%*_+`'~`.
    private static func isTokenOctet(_ c: UInt8) -> Bool {
        switch c {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x21, 0x25, 0x2A, 0x5F, 0x2B, 0x60, 0x27, 0x7E: true
        default: false
        }
    }
}
