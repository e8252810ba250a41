/// The User/Cause parameter of DUPU, RFC 4666 §3.4.5: Unavailability Cause (16 bits) then MTP3-User Identity
/// (16 bits, the Service Indicator of the unavailable user).
public struct UserCause: Hashable, Sendable {
    public var cause: UInt16
    public var user: UInt16

    public init(cause: UInt16, user: UInt16) {
        self.cause = cause
        self.user = user
    }

    init(wire: ArraySlice<UInt8>) { self.init(cause: wire.uint16(at: 0), user: wire.uint16(at: 2)) }
    var octets: [UInt8] {
        var out = [UInt8]()
        out.appendUInt16(cause)
        out.appendUInt16(user)
        return out
    }

    /// RFC 4666 §3.4.5 Unavailability Cause values.
    public static let causeNames: [UInt16: String] = [
        0: "Unknown", 1: "Unequipped Remote User", 2: "Inaccessible Remote User",
    ]

    public var causeName: String? { Self.causeNames[cause] }
    public var userName: String? { user <= 0xFF ? ServiceIndicator(rawValue: UInt8(user)).name : nil }
}
