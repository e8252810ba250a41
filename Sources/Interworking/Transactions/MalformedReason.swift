/// Why the transaction layer cannot place a message in a transaction (RFC 3261 §8.1.1: Via and CSeq are what
/// matching needs; the other mandatory header fields are the TU's business). The description is the reason phrase
/// of the 400 the layer answers with (§21.4.1: "SHOULD identify the syntax problem in more detail").
public enum MalformedReason: Error, Hashable, Sendable, CustomStringConvertible {
    case missingVia
    case invalidVia(String)
    /// RFC 3261 §8.1.1.7: the top Via has no `branch`.
    case missingBranch
    /// RFC 3261 §8.1.1.7: a branch not starting with `z9hG4bK` (RFC 2543 matching, §17.2.3, is not supported).
    case branchWithoutMagicCookie(String)
    case missingCSeq
    case invalidCSeq(String)
    /// RFC 3261 §8.1.1.5: "The method MUST match that of the request."
    case cseqMethodMismatch(requestMethod: String, cseqMethod: String)

    public var description: String {
        switch self {
        case .missingVia: "Missing Via header field"
        case .invalidVia(let value): "Invalid Via header field: \(value)"
        case .missingBranch: "Missing branch parameter in the top Via"
        case .branchWithoutMagicCookie(let branch): "Via branch \(branch) lacks the RFC 3261 magic cookie z9hG4bK"
        case .missingCSeq: "Missing CSeq header field"
        case .invalidCSeq(let value): "Invalid CSeq header field: \(value)"
        case .cseqMethodMismatch(let request, let cseq): "CSeq method \(cseq) does not match the request method \(request)"
        }
    }
}
