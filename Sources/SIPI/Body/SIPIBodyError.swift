import ISUP

/// A SIP-I body that cannot be used, with the SIP answer Q.1912.5 / RFC 3204 call for where there is one.
public struct SIPIBodyError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// A body part we cannot process is marked `handling=required` (or has no handling): 415 (RFC 3204 §3,
        /// RFC 3261 §21.4.16).
        case unsupportedRequiredPart(contentType: String)
        /// The ISUP part does not decode.
        case isupMalformed(ISUPDecodingError)
        /// The ISUP message type does not belong in this SIP message (Q.1912.5, digest A.4); per A.5 rule 4 the
        /// body is ignored and the SIP message is mapped alone.
        case isupNotAllowed(type: String, carrier: String)
        case isupNotEncodable(String)
        case boundaryInPart(String)
        /// A `version` or `base` value that is not a token cannot be written into the Content-Type (RFC 3204 §4).
        case invalidParameter(name: String, value: String)
    }

    public let reason: Reason
    public init(_ reason: Reason) { self.reason = reason }

    /// The description followed by the SIP answer it calls for, if any: one line for logs and the CLI.
    @inline(never)
    public var report: String { description + (sipStatus.map { " (answer \($0))" } ?? "") }

    /// The SIP status to answer a request with, when the error calls for one.
    public var sipStatus: Int? {
        switch reason {
        case .unsupportedRequiredPart: 415
        case .isupMalformed: 400
        default: nil
        }
    }

    public var description: String {
        switch reason {
        case .unsupportedRequiredPart(let type): "body part \(type) is not supported and its handling is required (answer 415)"
        case .isupMalformed(let error): "encapsulated ISUP: \(error)"
        case .isupNotAllowed(let type, let carrier): "ISUP \(type) is not carried in \(carrier) (Q.1912.5)"
        case .isupNotEncodable(let text): "ISUP part cannot be encoded: \(text)"
        case .boundaryInPart(let boundary): "boundary \(boundary) occurs inside a body part (RFC 2046 §5.1.1)"
        case .invalidParameter(let name, let value):
            "application/ISUP parameter \(name)=\"\(value)\" is not a token (RFC 3204 §4, RFC 3261 §25.1)"
        }
    }
}
