import SIPI

/// Which transaction a message belongs to, RFC 3261 §17.1.3 (client: top Via branch and CSeq method) and §17.2.3
/// (server: branch, sent-by and method, ACK counting as INVITE). Branches compare exactly (they are opaque tokens
/// made by one element); the sent-by compares as `Via.sentBy` does.
///
/// A request whose branch lacks the magic cookie `z9hG4bK` is refused (`MalformedReason.branchWithoutMagicCookie`):
/// the RFC 2543 matching rules of §17.2.3 are not implemented, as no peer of the NNI predates RFC 3261.
public struct TransactionID: Hashable, Sendable, CustomStringConvertible {
    public enum Role: String, Hashable, Sendable {
        case client, server
    }

    public let role: Role
    /// The `branch` of the top Via.
    public let branch: String
    /// The method of the transaction: CSeq's (§17.1.3), the request's (§17.2.3), INVITE for an ACK.
    public let method: String
    /// Server transactions only: the sent-by of the top Via (§17.2.3); nil for client transactions.
    public let sentBy: String?

    public init(role: Role, branch: String, method: String, sentBy: String? = nil) {
        self.role = role
        self.branch = branch
        self.method = method
        self.sentBy = sentBy
    }

    /// RFC 3261 §17.1.3: the client transaction of a response, or of a request the TU sends (whose CSeq method
    /// must then be its own, §8.1.1.5).
    public init(client message: SIPMessage) throws(MalformedReason) {
        let (via, cseq) = try Self.viaAndCSeq(of: message)
        guard let branch = via.branch else { throw .missingBranch }
        self.init(role: .client, branch: branch, method: cseq.method)
    }

    /// RFC 3261 §17.2.3: the server transaction of a received request. The branch must carry the magic cookie.
    public init(server request: SIPMessage) throws(MalformedReason) {
        let (via, _) = try Self.viaAndCSeq(of: request)
        guard let branch = via.branch else { throw .missingBranch }
        guard branch.hasPrefix(Via.magicCookie) else { throw .branchWithoutMagicCookie(branch) }
        let method = request.method ?? ""
        self.init(role: .server, branch: branch, method: method == "ACK" ? "INVITE" : method, sentBy: via.sentBy)
    }

    /// RFC 3261 §9.2: the INVITE server transaction a CANCEL (with this identifier) would cancel.
    var cancelledInvite: TransactionID { TransactionID(role: role, branch: branch, method: "INVITE", sentBy: sentBy) }

    public var description: String {
        "\(role) \(method) \(branch)" + (sentBy.map { " from \($0)" } ?? "")
    }

    /// The top Via and the CSeq, the CSeq method checked against a request's (§8.1.1.5).
    private static func viaAndCSeq(of message: SIPMessage) throws(MalformedReason) -> (Via, CSeq) {
        guard let top = Via.topValue(of: message) else { throw .missingVia }
        guard let via = Via(parsing: top) else { throw .invalidVia(String(top)) }
        guard let value = message.header("cseq") else { throw .missingCSeq }
        guard let cseq = CSeq(parsing: value) else { throw .invalidCSeq(value) }
        if let method = message.method, method != cseq.method {
            throw .cseqMethodMismatch(requestMethod: method, cseqMethod: cseq.method)
        }
        return (via, cseq)
    }
}
