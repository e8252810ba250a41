import ISUP

/// An M3UA message type: the message class and the type code within it, RFC 4666 §3.1.2.
public struct M3UAMessageType: Hashable, Sendable, CustomStringConvertible {
    public var messageClass: MessageClass
    public var code: UInt8

    public init(_ messageClass: MessageClass, _ code: UInt8) {
        self.messageClass = messageClass
        self.code = code
    }

    /// The catalogue entry, or nil for a type M3UA does not define in this class.
    public var spec: M3UAMessageSpec? { M3UAMessageCatalogue.spec(for: self) }

    /// The acronym (`ASPUP_ACK`), or `CLASS/0xNN` for a type M3UA does not define.
    public var acronym: String { spec?.acronym ?? "\(messageClass.acronym)/0x\(Hex.byte(code))" }

    public var description: String { acronym }
}

extension M3UAMessageType {
    /// RFC 4666 §3.8.1
    public static let err = M3UAMessageType(.mgmt, 0)
    /// RFC 4666 §3.8.2
    public static let ntfy = M3UAMessageType(.mgmt, 1)
    /// RFC 4666 §3.3.1
    public static let data = M3UAMessageType(.transfer, 1)
    /// RFC 4666 §3.4.1
    public static let duna = M3UAMessageType(.ssnm, 1)
    /// RFC 4666 §3.4.2
    public static let dava = M3UAMessageType(.ssnm, 2)
    /// RFC 4666 §3.4.3
    public static let daud = M3UAMessageType(.ssnm, 3)
    /// RFC 4666 §3.4.4
    public static let scon = M3UAMessageType(.ssnm, 4)
    /// RFC 4666 §3.4.5
    public static let dupu = M3UAMessageType(.ssnm, 5)
    /// RFC 4666 §3.4.6
    public static let drst = M3UAMessageType(.ssnm, 6)
    /// RFC 4666 §3.5.1
    public static let aspup = M3UAMessageType(.aspsm, 1)
    /// RFC 4666 §3.5.3
    public static let aspdn = M3UAMessageType(.aspsm, 2)
    /// RFC 4666 §3.5.5
    public static let beat = M3UAMessageType(.aspsm, 3)
    /// RFC 4666 §3.5.2
    public static let aspupAck = M3UAMessageType(.aspsm, 4)
    /// RFC 4666 §3.5.4
    public static let aspdnAck = M3UAMessageType(.aspsm, 5)
    /// RFC 4666 §3.5.6
    public static let beatAck = M3UAMessageType(.aspsm, 6)
    /// RFC 4666 §3.7.1
    public static let aspac = M3UAMessageType(.asptm, 1)
    /// RFC 4666 §3.7.3
    public static let aspia = M3UAMessageType(.asptm, 2)
    /// RFC 4666 §3.7.2
    public static let aspacAck = M3UAMessageType(.asptm, 3)
    /// RFC 4666 §3.7.4
    public static let aspiaAck = M3UAMessageType(.asptm, 4)
    /// RFC 4666 §3.6.1
    public static let regReq = M3UAMessageType(.rkm, 1)
    /// RFC 4666 §3.6.2
    public static let regRsp = M3UAMessageType(.rkm, 2)
    /// RFC 4666 §3.6.3
    public static let deregReq = M3UAMessageType(.rkm, 3)
    /// RFC 4666 §3.6.4
    public static let deregRsp = M3UAMessageType(.rkm, 4)
}
