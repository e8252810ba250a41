/// `isup-cause-to-sip-status.csv`: what a REL's cause becomes on the SIP side (RFC 3398 §7.2.4.1 and its
/// profiles). Columns `profile,isup_cause,condition,sip_outcome,source`.
public enum ISUPCauseToSIPStatus {
    public static let file = "isup-cause-to-sip-status.csv"

    /// When a row applies beyond its cause value. A conditional row is tried before the plain one.
    public enum Condition: Hashable, Sendable, CustomStringConvertible {
        case always
        /// `location=U`: the cause location is this one (RFC 3398 note (+): location user turns 403 into 603).
        case location(UInt8)
        /// `diagnostic`: the cause carries a diagnostic (cause 22: the new number, RFC 3398 §7.2.4.1).
        case diagnostic

        public var description: String {
            switch self {
            case .always: ""
            case .location(let location): "location=\(CauseLocationToken.token(for: location) ?? String(location))"
            case .diagnostic: "diagnostic"
            }
        }
    }

    public struct Key: Hashable, Sendable, CustomStringConvertible {
        public let cause: UInt8
        public let condition: Condition

        public var description: String { condition == .always ? "\(cause)" : "\(cause) \(condition)" }
    }

    /// The `sip_outcome` column.
    public enum Outcome: Hashable, Sendable {
        /// A final status code.
        case status(Int)
        /// `release-dialog`: no status; BYE after answer, CANCEL for a pending INVITE (RFC 3398 note (*)).
        case releaseDialog
        /// `retry-circuit`: no SIP status; the IAM is re-sent on another circuit (RFC 3398, cause 44).
        case retryCircuit
    }

    public typealias Table = ProfileTable<Key, Outcome>

    static func table(csv text: String, profiles: MappingProfiles) throws(MappingError) -> Table {
        let columns = ["profile", "isup_cause", "condition", "sip_outcome", "source"]
        return try Table(try CSV.records(text, file: file, columns: columns), profiles: profiles) {
            record throws(MappingError) in
            let condition = try record.condition()
            let key = try record.keyOrDefault("isup_cause") { record throws(MappingError) in
                Key(cause: try record.cause("isup_cause"), condition: condition)
            }
            let outcome = try record.outcome()
            if key == nil {
                guard condition == .always else {
                    throw record.error(.badValue(column: "condition", value: record["condition"], expected: "empty on a * row"))
                }
                // The default is also the fallback of `release-dialog`: it must be a status.
                guard case .status = outcome else {
                    throw record.error(.badValue(
                        column: "sip_outcome", value: record["sip_outcome"], expected: "a status code on a * row"))
                }
            }
            return (key, outcome)
        }
    }
}

extension CSVRecord {
    fileprivate func condition() throws(MappingError) -> ISUPCauseToSIPStatus.Condition {
        let text = self["condition"]
        switch text {
        case "": return .always
        case "diagnostic": return .diagnostic
        default:
            guard text.hasPrefix("location="), let location = CauseLocationToken.location(text.dropFirst(9)) else {
                throw error(.badValue(column: "condition", value: text, expected: "empty, diagnostic or location=<token>"))
            }
            return .location(location)
        }
    }

    fileprivate func outcome() throws(MappingError) -> ISUPCauseToSIPStatus.Outcome {
        switch self["sip_outcome"] {
        case "release-dialog": .releaseDialog
        case "retry-circuit": .retryCircuit
        default: .status(try integer("sip_outcome", in: 300...699))
        }
    }
}
