/// An M3UA message (RFC 4666 §3): the common header's class, type and reserved octet, and the parameters in
/// wire order, unknown tags and repeated tags included, so that a decoded message re-encodes bit-exact.
public struct M3UAMessage: M3UAParameterList, Hashable, Sendable {
    /// RFC 4666 §3.1.1: "1 Release 1.0", the only version.
    public static let version: UInt8 = 1
    /// RFC 4666 §3.1: version, reserved, class, type and the 32-bit message length.
    public static let headerLength = 8

    public var type: M3UAMessageType
    /// RFC 4666 §3.1.3: SHOULD be 0 and is ignored by the receiver; kept so that re-encoding is bit-exact.
    public var reserved: UInt8
    public var parameters: [M3UAParameter]

    public init(_ type: M3UAMessageType, _ parameters: [M3UAParameter] = [], reserved: UInt8 = 0) {
        self.type = type
        self.reserved = reserved
        self.parameters = parameters
    }

    public var spec: M3UAMessageSpec? { type.spec }
}
