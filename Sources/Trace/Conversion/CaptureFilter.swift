import ISUP

/// `--filter cic=5,opc=2,dpc=1,number=0612`: which of a capture's ISUP messages a conversion takes. Point codes
/// match either end of the routing label; `number` is a prefix of the IAM's called number and selects the call's
/// circuit until its RLC (or the next IAM there). Every condition given must hold.
public struct CaptureFilter: Hashable, Sendable {
    public var cic: Int?
    public var dpc: UInt32?
    public var opc: UInt32?
    public var number: String?
    /// Circuits (pair of point codes and CIC) whose IAM matched `number`.
    var selected: Set<[UInt32]> = []

    public init() {}

    public struct SyntaxError: Error, CustomStringConvertible {
        public var description: String
    }

    /// `key=value` terms separated by commas: `cic`, `opc`, `dpc` (numbers), `number` (digits).
    public init(parsing text: String) throws(SyntaxError) {
        for term in text.split(separator: ",") {
            let pair = term.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { throw SyntaxError(description: "filter term '\(term)' is not key=value") }
            let value = String(pair[1])
            switch pair[0] {
            case "cic":
                guard let cic = Int(value), (0...4095).contains(cic) else { throw SyntaxError(description: "cic=\(value) is not 0…4095") }
                self.cic = cic
            case "opc", "dpc":
                guard let code = UInt32(value), code < 1 << 14 else { throw SyntaxError(description: "\(pair[0])=\(value) is not a 14-bit point code") }
                if pair[0] == "opc" { opc = code } else { dpc = code }
            case "number":
                guard !value.isEmpty, value.allSatisfy({ $0.isHexDigit }) else { throw SyntaxError(description: "number=\(value) is not digits") }
                number = value.uppercased()
            default:
                throw SyntaxError(description: "unknown filter key '\(pair[0])' (cic, opc, dpc, number)")
            }
        }
    }

    /// Whether the conversion takes this message.
    public mutating func admits(_ message: CapturedMessage) -> Bool {
        guard case .isup(let bytes, let route) = message.payload else { return number == nil && cic == nil }
        let codes = [min(route.opc, route.dpc), max(route.opc, route.dpc)]
        if let opc, route.opc != opc, route.dpc != opc { return false }
        if let dpc, route.opc != dpc, route.dpc != dpc { return false }
        let messageCIC = bytes.count >= 2 ? Int(bytes[0]) | Int(bytes[1] & 0x0F) << 8 : -1
        if let cic, messageCIC != cic { return false }
        guard let number else { return true }
        let circuit = codes + [UInt32(max(0, messageCIC))]
        if bytes.count > 2, bytes[2] == MessageType.iam.rawValue {
            let called = (try? ISUPMessage(decoding: bytes))?.calledPartyNumber?.digits.description ?? ""
            if called.hasPrefix(number) { selected.insert(circuit) } else { selected.remove(circuit) }
        }
        return selected.contains(circuit)
    }
}
