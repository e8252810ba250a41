/// A message type code, Q.763 Table 4.
public struct MessageType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ rawValue: UInt8) { self.rawValue = rawValue }

    /// The catalogue entry, or nil for a message type this codec does not know (kept as raw bytes).
    public var spec: MessageSpec? { MessageCatalogue.spec(for: self) }

    /// The Q.763 acronym (`IAM`), or `0xNN` for an unknown message type.
    public var acronym: String { spec?.acronym ?? "0x" + Hex.byte(rawValue) }

    /// Looks a message type up by its acronym (`"IAM"`, case-insensitive) or by `0xNN`.
    public init?(acronym: String) {
        if let spec = MessageCatalogue.spec(acronym: acronym) {
            self = spec.type
        } else if acronym.lowercased().hasPrefix("0x"), let code = UInt8(acronym.dropFirst(2), radix: 16) {
            self.init(code)
        } else {
            return nil
        }
    }

    public var description: String { acronym }
}

extension MessageType {
    public static let iam = MessageType(0x01)
    public static let sam = MessageType(0x02)
    public static let inr = MessageType(0x03)
    public static let inf = MessageType(0x04)
    public static let cot = MessageType(0x05)
    public static let acm = MessageType(0x06)
    public static let con = MessageType(0x07)
    public static let fot = MessageType(0x08)
    public static let anm = MessageType(0x09)
    public static let rel = MessageType(0x0C)
    public static let sus = MessageType(0x0D)
    public static let res = MessageType(0x0E)
    public static let rlc = MessageType(0x10)
    public static let ccr = MessageType(0x11)
    public static let rsc = MessageType(0x12)
    public static let blo = MessageType(0x13)
    public static let ubl = MessageType(0x14)
    public static let bla = MessageType(0x15)
    public static let uba = MessageType(0x16)
    public static let grs = MessageType(0x17)
    public static let cgb = MessageType(0x18)
    public static let cgu = MessageType(0x19)
    public static let cgba = MessageType(0x1A)
    public static let cgua = MessageType(0x1B)
    public static let far = MessageType(0x1F)
    public static let faa = MessageType(0x20)
    public static let frj = MessageType(0x21)
    public static let lpa = MessageType(0x24)
    public static let pam = MessageType(0x28)
    public static let gra = MessageType(0x29)
    public static let cqm = MessageType(0x2A)
    public static let cqr = MessageType(0x2B)
    public static let cpg = MessageType(0x2C)
    public static let usr = MessageType(0x2D)
    public static let ucic = MessageType(0x2E)
    public static let cfn = MessageType(0x2F)
    public static let olm = MessageType(0x30)
    public static let crg = MessageType(0x31)
    public static let nrm = MessageType(0x32)
    public static let fac = MessageType(0x33)
    public static let upt = MessageType(0x34)
    public static let upa = MessageType(0x35)
    public static let idr = MessageType(0x36)
    public static let irs = MessageType(0x37)
    public static let sgm = MessageType(0x38)
    public static let lop = MessageType(0x40)
    public static let apm = MessageType(0x41)
    public static let pri = MessageType(0x42)
    public static let sdm = MessageType(0x43)
}
