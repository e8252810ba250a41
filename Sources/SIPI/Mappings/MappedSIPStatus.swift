/// What an ISUP release cause becomes on the SIP side, and the row that decided it.
public struct MappedSIPStatus: Hashable, Sendable {
    public struct StatusLine: Hashable, Sendable, CustomStringConvertible {
        public let code: Int
        public let reasonPhrase: String

        public init(code: Int, reasonPhrase: String) {
            self.code = code
            self.reasonPhrase = reasonPhrase
        }

        public var description: String { "\(code) \(reasonPhrase)" }
    }

    public enum Outcome: Hashable, Sendable {
        /// Send this final response (with `Reason: Q.850;cause=N`, digest C.2).
        case response(StatusLine)
        /// Send no status: BYE after answer, CANCEL for a pending INVITE; `fallback` when a final response cannot be
        /// avoided (RFC 3398 §7.2.4.1 note (*), corrections §1 #5).
        case releaseDialog(fallback: StatusLine)
        /// Send nothing on SIP: re-send the IAM on another circuit (RFC 3398 §7.2.4.1, cause 44).
        case retryOnAnotherCircuit
    }

    public let outcome: Outcome
    public let profile: String
    public let source: RowSource
}
