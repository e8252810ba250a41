/// A 32-bit enumerated value of RFC 4666 with its table of names. Values outside the table are kept as numbers
/// (the RFC reserves them for extensions), so a decoded message re-encodes unchanged.
public protocol M3UACode: RawRepresentable, Hashable, Sendable, CustomStringConvertible where RawValue == UInt32 {
    /// The RFC's name for each defined value: the one table the JSON form and `description` read.
    static var names: [UInt32: String] { get }
}

extension M3UACode {
    /// The RFC name, or nil for a value the RFC does not define.
    public var name: String? { Self.names[rawValue] }
    public var description: String { name ?? "\(rawValue)" }
}

/// Traffic Mode Type, RFC 4666 §3.7.1 (also inside a Routing Key, §3.6.1).
public struct TrafficModeType: M3UACode {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let override = TrafficModeType(rawValue: 1)
    public static let loadshare = TrafficModeType(rawValue: 2)
    public static let broadcast = TrafficModeType(rawValue: 3)

    public static let names: [UInt32: String] = [1: "Override", 2: "Loadshare", 3: "Broadcast"]
}

/// Error Code, RFC 4666 §3.8.1: what an ERR message reports, and what a decoding error says to answer with.
public struct M3UAErrorCode: M3UACode {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let invalidVersion = M3UAErrorCode(rawValue: 0x01)
    public static let unsupportedMessageClass = M3UAErrorCode(rawValue: 0x03)
    public static let unsupportedMessageType = M3UAErrorCode(rawValue: 0x04)
    public static let unsupportedTrafficModeType = M3UAErrorCode(rawValue: 0x05)
    public static let unexpectedMessage = M3UAErrorCode(rawValue: 0x06)
    public static let protocolError = M3UAErrorCode(rawValue: 0x07)
    public static let invalidStreamIdentifier = M3UAErrorCode(rawValue: 0x09)
    public static let refusedManagementBlocking = M3UAErrorCode(rawValue: 0x0D)
    public static let aspIdentifierRequired = M3UAErrorCode(rawValue: 0x0E)
    public static let invalidASPIdentifier = M3UAErrorCode(rawValue: 0x0F)
    public static let invalidParameterValue = M3UAErrorCode(rawValue: 0x11)
    public static let parameterFieldError = M3UAErrorCode(rawValue: 0x12)
    public static let unexpectedParameter = M3UAErrorCode(rawValue: 0x13)
    public static let destinationStatusUnknown = M3UAErrorCode(rawValue: 0x14)
    public static let invalidNetworkAppearance = M3UAErrorCode(rawValue: 0x15)
    public static let missingParameter = M3UAErrorCode(rawValue: 0x16)
    public static let invalidRoutingContext = M3UAErrorCode(rawValue: 0x19)
    public static let noConfiguredASForASP = M3UAErrorCode(rawValue: 0x1A)

    /// 0x02, 0x08, 0x0a–0x0c, 0x10, 0x17 and 0x18 are "Not Used in M3UA".
    public static let names: [UInt32: String] = [
        0x01: "Invalid Version", 0x03: "Unsupported Message Class", 0x04: "Unsupported Message Type",
        0x05: "Unsupported Traffic Mode Type", 0x06: "Unexpected Message", 0x07: "Protocol Error",
        0x09: "Invalid Stream Identifier", 0x0D: "Refused - Management Blocking", 0x0E: "ASP Identifier Required",
        0x0F: "Invalid ASP Identifier", 0x11: "Invalid Parameter Value", 0x12: "Parameter Field Error",
        0x13: "Unexpected Parameter", 0x14: "Destination Status Unknown", 0x15: "Invalid Network Appearance",
        0x16: "Missing Parameter", 0x19: "Invalid Routing Context", 0x1A: "No Configured AS for ASP",
    ]
}

/// Registration Status, RFC 4666 §3.6.2.
public struct RegistrationStatus: M3UACode {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let successfullyRegistered = RegistrationStatus(rawValue: 0)

    public static let names: [UInt32: String] = [
        0: "Successfully Registered", 1: "Error - Unknown", 2: "Error - Invalid DPC",
        3: "Error - Invalid Network Appearance", 4: "Error - Invalid Routing Key", 5: "Error - Permission Denied",
        6: "Error - Cannot Support Unique Routing", 7: "Error - Routing Key not Currently Provisioned",
        8: "Error - Insufficient Resources", 9: "Error - Unsupported RK parameter Field",
        10: "Error - Unsupported/Invalid Traffic Handling Mode", 11: "Error - Routing Key Change Refused",
        12: "Error - Routing Key Already Registered",
    ]
}

/// Deregistration Status, RFC 4666 §3.6.4.
public struct DeregistrationStatus: M3UACode {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let successfullyDeregistered = DeregistrationStatus(rawValue: 0)

    public static let names: [UInt32: String] = [
        0: "Successfully Deregistered", 1: "Error - Unknown", 2: "Error - Invalid Routing Context",
        3: "Error - Permission Denied", 4: "Error - Not Registered",
        5: "Error - ASP Currently Active for Routing Context",
    ]
}
