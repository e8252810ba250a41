/// A configuration file that cannot be used: where (file, line, column, key path) and why.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the problem has no place in the file (a key that is missing altogether).
    public var line: Int?
    public var column: Int?
    /// `trunks[0].circuits.cics[1]`.
    public var key: String
    public var reason: String

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.reason = reason
    }

    /// `gateway.yaml:12:7: trunks[0].circuits.cics[1]: not a CIC range`
    public var description: String {
        let place = [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return "\(place): \(key.isEmpty ? "" : key + ": ")\(reason)"
    }
}
