import Interworking

extension CallRecord {
    /// One JSON line (docs/call-records.md): times as seconds since the daemon's start, numbers as text.
    var jsonLine: String {
        func seconds(_ instant: Instant) -> String {
            let (s, atto) = instant.sinceEpoch.components
            let ms = atto / 1_000_000_000_000_000
            return "\(s).\(String(repeating: "0", count: 3 - String(ms).count))\(ms)"
        }
        func text(_ value: String?) -> String {
            guard let value else { return "null" }
            var out = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20: out += "\\u00" + String(scalar.value, radix: 16).leftPadded(2)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        func number<T: BinaryInteger>(_ value: T?) -> String { value.map { "\($0)" } ?? "null" }
        let fields: [(String, String)] = [
            ("callID", number(callID)), ("direction", text(direction.rawValue)), ("seizure", seconds(seizure)),
            ("alerting", alerting.map(seconds) ?? "null"), ("answer", answer.map(seconds) ?? "null"),
            ("release", seconds(release)), ("durationSeconds", seconds(Instant(duration))),
            ("trunk", text(trunk)), ("cic", number(cic)), ("opc", number(opc)), ("dpc", number(dpc)),
            ("isupCalling", text(isupCalling)), ("isupCalled", text(isupCalled)), ("sipFrom", text(sipFrom)),
            ("sipTo", text(sipTo)), ("sipCallID", text(sipCallID)), ("peer", text(peer)),
            ("isupCause", number(isupCause)), ("sipStatus", number(sipStatus)), ("releasedBy", text(releasedBy.rawValue)),
            ("unfinished", unfinished ? "true" : "false"),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
