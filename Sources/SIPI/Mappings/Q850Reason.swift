/// The Q.850 value of a `Reason` header (RFC 3326 §2; `location` from RFC 8606 §3):
/// `Reason: SIP;cause=487, Q.850;cause=17;text="User busy";location=LN`. A header holds at most one value per
/// protocol; only the Q.850 one gives an ISUP cause.
public struct Q850Reason: Hashable, Sendable {
    public let cause: UInt8
    public let location: UInt8?

    /// The Q.850 value of a Reason header value (without the `Reason:` name), or nil when there is none or its cause
    /// is not 1–127 (the range OpenSIPS accepts, digest C.2).
    public init?(header: String) {
        for value in Self.split(header, on: ",") {
            let parameters = Self.split(value, on: ";").map { $0.trimmingWhitespace() }
            guard parameters.first?.lowercased() == "q.850" else { continue }
            var cause: UInt8?
            var location: UInt8?
            for parameter in parameters.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
                guard pair.count == 2 else { continue }
                switch pair[0].lowercased() {
                case "cause": cause = UInt8(pair[1]).flatMap { (1...127).contains($0) ? $0 : nil }
                case "location": location = CauseLocationToken.location(pair[1])
                default: continue
                }
            }
            guard let cause else { return nil }
            self.cause = cause
            self.location = location
            return
        }
        return nil
    }

    /// Splits on a separator outside quoted strings (`text="a, b; c"`).
    private static func split(_ text: some StringProtocol, on separator: Character) -> [Substring] {
        var parts = [Substring]()
        var start = text.startIndex
        var quoted = false
        var i = text.startIndex
        while i < text.endIndex {
            switch text[i] {
            case "\\" where quoted: i = text.index(after: i)
            case "\"": quoted.toggle()
            case separator where !quoted:
                parts.append(Substring(text[start..<i]))
                start = text.index(after: i)
            default: break
            }
            if i < text.endIndex { i = text.index(after: i) }
        }
        parts.append(Substring(text[start...]))
        return parts
    }
}
