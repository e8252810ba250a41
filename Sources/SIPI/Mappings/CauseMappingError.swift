/// A cause-mapping question the loaded tables cannot answer.
public enum CauseMappingError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownProfile(String, known: [String])
    /// A request with no row in cause-precedence.csv (only BYE and CANCEL end a call).
    case notReleasing(method: String)

    public var description: String {
        switch self {
        case .unknownProfile(let name, let known): "unknown profile '\(name)' (known: \(known.joined(separator: ", ")))"
        case .notReleasing(let method): "\(method) does not end a call (no row in \(CausePrecedence.file))"
        }
    }
}
