#if canImport(Glibc)
import Glibc
#endif

/// The system call an `SCTPError` comes from.
public enum SCTPOperation: String, Hashable, Sendable {
    case socket, setsockopt, bind, bindx, listen, accept, connect, connectx, poll, send, receive, shutdown, close
    case addresses
}

/// Why an SCTP operation failed. System failures keep their `errno`.
public enum SCTPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)` gave errno 93 (EPROTONOSUPPORT): this kernel has no SCTP
    /// (or its module is not loaded). Run SCTP code inside `Scripts/sctp-vm`.
    case protocolNotSupported
    /// Any other failed system call, with its errno.
    case system(SCTPOperation, errno: Int32)
    /// The operation did not complete in the time given (connect, receive).
    case timedOut(SCTPOperation)
    /// Not a numeric IPv4/IPv6 address, or addresses of both families where one is needed.
    case invalidAddress(String)
    /// The association is closed (the descriptor was closed locally).
    case closed

    /// The errno behind this error (93 for `.protocolNotSupported`, ETIMEDOUT for a timeout), nil otherwise.
    public var errno: Int32? {
        switch self {
        case .protocolNotSupported: EPROTONOSUPPORT
        case .system(_, let e): e
        case .timedOut: ETIMEDOUT
        case .invalidAddress, .closed: nil
        }
    }

    /// An error from `errno` after `operation` failed.
    static func from(_ operation: SCTPOperation, errno e: Int32) -> SCTPError {
        if operation == .socket && e == EPROTONOSUPPORT { return .protocolNotSupported }
        return .system(operation, errno: e)
    }

    public var description: String {
        switch self {
        case .protocolNotSupported:
            "socket: this kernel has no SCTP (errno \(EPROTONOSUPPORT), \(String(cString: strerror(EPROTONOSUPPORT))))"
        case .system(let op, let e): "\(op.rawValue): \(String(cString: strerror(e))) (errno \(e))"
        case .timedOut(let op): "\(op.rawValue): timed out"
        case .invalidAddress(let text): "invalid address: \(text)"
        case .closed: "the association is closed"
        }
    }
}
