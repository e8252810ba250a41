import ISUP

/// An M3UA message class, RFC 4666 §3.1.2.
public struct MessageClass: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The catalogue entry, or nil for a class M3UA does not define (answered with ERR 0x03).
    public var spec: MessageClassSpec? { M3UAMessageCatalogue.spec(for: self) }

    /// The RFC 4666 acronym (`ASPSM`), or `0xNN` for a class M3UA does not define.
    public var acronym: String { spec?.acronym ?? "0x" + Hex.byte(rawValue) }

    public var description: String { acronym }
}

extension MessageClass {
    /// RFC 4666 §3.8 Management (MGMT) messages.
    public static let mgmt = MessageClass(rawValue: 0)
    /// RFC 4666 §3.3 Transfer messages.
    public static let transfer = MessageClass(rawValue: 1)
    /// RFC 4666 §3.4 SS7 Signalling Network Management (SSNM) messages.
    public static let ssnm = MessageClass(rawValue: 2)
    /// RFC 4666 §3.5 ASP State Maintenance (ASPSM) messages.
    public static let aspsm = MessageClass(rawValue: 3)
    /// RFC 4666 §3.7 ASP Traffic Maintenance (ASPTM) messages.
    public static let asptm = MessageClass(rawValue: 4)
    /// RFC 4666 §3.6 Routing Key Management (RKM) messages.
    public static let rkm = MessageClass(rawValue: 9)
}
