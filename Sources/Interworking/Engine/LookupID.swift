/// An asynchronous lookup the engine asked the shell for (an ENUM query, RFC 6116).
public struct LookupID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }
    public var description: String { "lookup \(rawValue)" }
}

/// The shell's answer to an ENUM lookup: the SIP URI of the first usable NAPTR record (`E2U+sip`, RFC 6116 §3.4),
/// no such number (NXDOMAIN or no usable record), or a failure (timeout, SERVFAIL).
public enum LookupAnswer: Hashable, Sendable {
    case uri(String)
    case notFound
    case failed(String)
}
