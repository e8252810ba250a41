/// SDP that cannot be parsed, or that breaks a rule of the ST 769 NNI profile (the clause is named).
public struct SDPError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case syntax(line: Int, text: String)
        /// A rule of ST 769 §7.4–§7.6 (`rule` names the clause).
        case profile(rule: String, detail: String)
    }

    public let reason: Reason
    public init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .syntax(let line, let text): "SDP line \(line): \(text)"
        case .profile(let rule, let detail): "ST 769 \(rule): \(detail)"
        }
    }
}
