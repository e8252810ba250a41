/// The Status parameter of NTFY, RFC 4666 §3.8.2: Status Type (16 bits) then Status Information (16 bits).
public struct NotifyStatus: Hashable, Sendable, CustomStringConvertible {
    public var type: UInt16
    public var information: UInt16

    public init(type: UInt16, information: UInt16) {
        self.type = type
        self.information = information
    }

    init(wire: ArraySlice<UInt8>) { self.init(type: wire.uint16(at: 0), information: wire.uint16(at: 2)) }
    var octets: [UInt8] {
        var out = [UInt8]()
        out.appendUInt16(type)
        out.appendUInt16(information)
        return out
    }

    /// Status Type 1, AS-State_Change.
    public static let asInactive = NotifyStatus(type: 1, information: 2)
    public static let asActive = NotifyStatus(type: 1, information: 3)
    public static let asPending = NotifyStatus(type: 1, information: 4)
    /// Status Type 2, Other.
    public static let insufficientASPResources = NotifyStatus(type: 2, information: 1)
    public static let alternateASPActive = NotifyStatus(type: 2, information: 2)
    public static let aspFailure = NotifyStatus(type: 2, information: 3)

    /// RFC 4666 §3.8.2 Status Type values.
    public static let typeNames: [UInt16: String] = [1: "AS-State_Change", 2: "Other"]
    /// RFC 4666 §3.8.2 Status Information values, keyed by `type << 16 | information`.
    public static let names: [UInt32: String] = [
        0x0001_0001: "Reserved", 0x0001_0002: "AS-INACTIVE", 0x0001_0003: "AS-ACTIVE", 0x0001_0004: "AS-PENDING",
        0x0002_0001: "Insufficient ASP Resources Active in AS", 0x0002_0002: "Alternate ASP Active",
        0x0002_0003: "ASP Failure",
    ]

    public var name: String? { Self.names[UInt32(type) << 16 | UInt32(information)] }
    public var description: String { name ?? "\(Self.typeNames[type] ?? String(type))/\(information)" }
}
