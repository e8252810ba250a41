/// One SIP header field: name and value as text (RFC 3261 §7.3).
public struct SIPHeader: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// RFC 3261 §7.3.3 compact forms, and the full names they stand for.
    static let compactForms: [String: String] = [
        "i": "call-id", "m": "contact", "e": "content-encoding", "l": "content-length", "c": "content-type",
        "f": "from", "s": "subject", "k": "supported", "t": "to", "v": "via", "x": "session-expires",
        "o": "event", "r": "refer-to", "b": "referred-by", "u": "allow-events",
    ]

    /// The lower-case full header name (compact forms expanded), for case-insensitive comparison.
    public static func canonical(_ name: String) -> String {
        let lower = name.lowercased()
        return compactForms[lower] ?? lower
    }

    /// Compares without allocating: ASCII case-insensitively, and through the compact forms only when one name is
    /// a single letter (RFC 3261 §7.3.3).
    public func hasName(_ name: String) -> Bool { Self.sameName(self.name, name) }

    /// Whether two header names name the same field, the way `hasName` compares them.
    static func sameName(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        if a.equalsIgnoringASCIICase(b) { return true }
        guard a.utf8.count == 1 || b.utf8.count == 1 else { return false }
        return canonical(String(a)) == canonical(String(b))
    }
}
