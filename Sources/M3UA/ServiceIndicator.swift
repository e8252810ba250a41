/// The MTP3 Service Indicator (Q.704 §14.2.1): the SI of Protocol Data (RFC 4666 §3.3.1), the entries of the
/// Service Indicators parameter (§3.6.1) and the MTP3-User Identity of User/Cause (§3.4.5).
public struct ServiceIndicator: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let sccp = ServiceIndicator(rawValue: 3)
    public static let isup = ServiceIndicator(rawValue: 5)

    /// Q.704 §14.2.1 and RFC 4666 §3.4.5 (MTP3-User Identity).
    public static let names: [UInt8: String] = [
        0: "SNM", 1: "MTN", 2: "MTNS", 3: "SCCP", 4: "TUP", 5: "ISUP", 9: "Broadband ISUP", 10: "Satellite ISUP",
        12: "AAL type 2 Signalling", 13: "BICC", 14: "Gateway Control Protocol",
    ]

    public var name: String? { Self.names[rawValue] }
    public var description: String { name ?? "\(rawValue)" }
}
