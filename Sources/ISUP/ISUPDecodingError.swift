/// A malformed ISUP message: where (byte offset from the first octet given to the decoder), in which field,
/// and why. Q.764 §2.9.5 calls these format errors.
public struct ISUPDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// The message ends before a field that must be there.
        case truncated(needed: Int, available: Int)
        /// A mandatory variable parameter pointer is zero (Q.763 §1.4).
        case zeroPointer
        /// A pointer points outside the message.
        case pointerOutOfRange(target: Int, messageLength: Int)
        /// A length indicator runs past the end of the message.
        case lengthOverrun(length: Int, available: Int)
        /// The optional part is not closed by the end-of-optional-parameters octet.
        case missingEndOfOptionalParameters
        /// A fixed-length parameter has another length.
        case wrongLength(expected: Int, actual: Int)
        case tooShort(minimum: Int, actual: Int)
        case tooLong(maximum: Int, actual: Int)
        /// More address signals than `AddressSignals.capacity`.
        case digitsOverflow(count: Int, maximum: Int)
        /// O/E says odd but the filler nibble of the last octet is not 0000 (Q.763 §4.1).
        case fillerNotZero(nibble: UInt8)
        /// A sub-field is structurally wrong (text says which rule).
        case invalid(String)

        public var description: String {
            switch self {
            case .truncated(let needed, let available):
                "message truncated: \(needed) octet(s) needed, \(available) available"
            case .zeroPointer: "mandatory variable parameter pointer is 0 (Q.763 §1.4)"
            case .pointerOutOfRange(let target, let length):
                "pointer target \(target) is outside the message (\(length) octets)"
            case .lengthOverrun(let length, let available):
                "length indicator \(length) runs past the end of the message (\(available) octet(s) left)"
            case .missingEndOfOptionalParameters: "optional part not closed by end of optional parameters (0x00)"
            case .wrongLength(let expected, let actual): "length \(actual), Q.763 fixes it at \(expected)"
            case .tooShort(let minimum, let actual): "length \(actual), shorter than the minimum \(minimum)"
            case .tooLong(let maximum, let actual): "length \(actual), longer than the maximum \(maximum)"
            case .digitsOverflow(let count, let maximum): "\(count) address signals, more than \(maximum)"
            case .fillerNotZero(let nibble):
                "odd number of address signals but filler nibble is \(Hex.byte(nibble).dropFirst()), not 0 (Q.763 §4.1)"
            case .invalid(let text): text
            }
        }
    }

    public let offset: Int
    /// The parameter or field (`calledPartyNumber`, `pointer to optional part`, `cic`, ...).
    public let field: String
    public let reason: Reason

    public init(offset: Int, field: String, reason: Reason) {
        self.offset = offset
        self.field = field
        self.reason = reason
    }

    public var description: String { "offset \(offset), \(field): \(reason)" }
}

/// A value that cannot be encoded (a field out of range, a pointer or length over 255, a missing parameter).
public struct ISUPEncodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public let field: String
    public let reason: String
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
    public var description: String { "\(field): \(reason)" }
}
