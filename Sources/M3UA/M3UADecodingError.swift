import ISUP

/// A malformed M3UA message: where (offset from the first octet given to the decoder), in which field, why, and
/// the RFC 4666 §3.8.1 Error Code to answer with on a live association.
public struct M3UADecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Fewer than the 8 octets of the common header (RFC 4666 §3.1).
        case truncatedHeader(available: Int)
        /// RFC 4666 §3.1.1: only version 1 exists.
        case invalidVersion(UInt8)
        /// Not one of the classes of RFC 4666 §3.1.2.
        case unsupportedMessageClass(UInt8)
        /// A known class, but not one of its types in RFC 4666 §3.1.2.
        case unsupportedMessageType(UInt8)
        /// The Message Length field (RFC 4666 §3.1.4) differs from the number of octets given.
        case lengthMismatch(declared: Int, actual: Int)
        /// Octets left after the last parameter that cannot hold a tag and a length (RFC 4666 §3.2).
        case truncatedParameter(available: Int)
        /// A Parameter Length below 4, the size of the tag and length fields (RFC 4666 §3.2).
        case parameterLengthTooShort(Int)
        /// A Parameter Length that runs past the end of the message or of the enclosing parameter.
        case parameterOverrun(length: Int, available: Int)
        /// The value does not end on a 4-octet boundary and the padding after it is missing (RFC 4666 §3.2).
        case missingPadding(needed: Int, available: Int)
        /// A padding octet is not zero (RFC 4666 §3.2: the sender pads "with all zero octets").
        case nonZeroPadding(UInt8)
        /// The value length does not fit the parameter's layout.
        case wrongValueLength(actual: Int, expected: String)
        /// A parameter with sub-parameters outside the messages that carry it (RFC 4666 §3.6).
        case unexpectedParameter
        /// A second occurrence of a parameter that may appear only once (RFC 4666 §3.2: "only one parameter of the
        /// same type is allowed in a message" unless the format says otherwise).
        case duplicateParameter
        /// A mandatory parameter is absent.
        case missingParameter
        /// A parameter that must come first does not (RFC 4666 §3.3.1: Network Appearance in DATA).
        case misplacedParameter
        /// A value the message does not allow (text says which rule).
        case invalidValue(String)
    }

    public let offset: Int
    /// `version`, `messageClass`, `messageType`, `messageLength`, a parameter name (`routingContext`), or a
    /// sub-parameter path (`routingKey.destinationPointCode`).
    public let field: String
    public let reason: Reason

    public init(offset: Int, field: String, reason: Reason) {
        self.offset = offset
        self.field = field
        self.reason = reason
    }

    /// The RFC 4666 §3.8.1 Error Code to send back in an ERR message.
    public var errorCode: M3UAErrorCode {
        switch reason {
        case .invalidVersion: .invalidVersion
        case .unsupportedMessageClass: .unsupportedMessageClass
        case .unsupportedMessageType: .unsupportedMessageType
        case .truncatedHeader, .lengthMismatch, .misplacedParameter: .protocolError
        case .truncatedParameter, .parameterLengthTooShort, .parameterOverrun, .missingPadding, .nonZeroPadding,
            .wrongValueLength:
            .parameterFieldError
        case .unexpectedParameter, .duplicateParameter: .unexpectedParameter
        case .missingParameter: .missingParameter
        case .invalidValue: .invalidParameterValue
        }
    }

    /// Why, without the offset and field (`version 2, only 1 is defined (RFC 4666 §3.1.1)`).
    public var explanation: String {
        switch reason {
        case .truncatedHeader(let available): "\(available) octet(s), the common header needs 8"
        case .invalidVersion(let v): "version \(v), only 1 is defined (RFC 4666 §3.1.1)"
        case .unsupportedMessageClass(let c): "message class \(c) is not an M3UA class (RFC 4666 §3.1.2)"
        case .unsupportedMessageType(let t): "message type \(t) is not defined in this class (RFC 4666 §3.1.2)"
        case .lengthMismatch(let declared, let actual):
            "message length field says \(declared) octets, \(actual) given"
        case .truncatedParameter(let available): "\(available) octet(s) left, a parameter needs at least 4"
        case .parameterLengthTooShort(let length): "parameter length \(length), less than 4"
        case .parameterOverrun(let length, let available):
            "parameter length \(length) runs past the end (\(available) octet(s) left)"
        case .missingPadding(let needed, let available):
            "\(needed) padding octet(s) needed, \(available) present"
        case .nonZeroPadding(let octet): "padding octet is 0x\(Hex.byte(octet)), not 0"
        case .wrongValueLength(let actual, let expected): "value of \(actual) octet(s), must be \(expected)"
        case .unexpectedParameter: "parameter not allowed here"
        case .duplicateParameter: "parameter may appear only once"
        case .missingParameter: "mandatory parameter missing"
        case .misplacedParameter: "parameter must be the first one"
        case .invalidValue(let text): text
        }
    }

    public var description: String {
        "offset \(offset), \(field): \(explanation) → ERR 0x\(Hex.byte(UInt8(errorCode.rawValue))) \(errorCode)"
    }
}

extension M3UADecodingError {
    /// RFC 4666 §3.8.1: Diagnostic Information carries "the first 40 octets of the offending message".
    public static let diagnosticLength = 40

    /// The ERR message to send back on a live association for the offending octets (RFC 4666 §3.8.1): this
    /// error's code, and the first 40 octets of the offending message as Diagnostic Information (a MUST for
    /// 0x03 and 0x04, a SHOULD otherwise). Nil when the offending message is itself an ERR: "Error messages
    /// MUST NOT be generated in response to other Error messages".
    public func reply(to offending: some Collection<UInt8>) -> M3UAMessage? {
        let head = Array(offending.prefix(Self.diagnosticLength))
        if head.count >= 4, head[2] == MessageClass.mgmt.rawValue, head[3] == M3UAMessageType.err.code { return nil }
        return M3UAMessage(.err, [.errorCode(errorCode), .diagnosticInformation(head)])
    }
}

/// A message that cannot be encoded.
public struct M3UAEncodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public let field: String
    public let reason: String
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
    public var description: String { "\(field): \(reason)" }
}
