/// Where a mapping row comes from: its place in Mappings/ and the clause it cites.
public struct RowSource: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    /// The row's `source` column (`RFC 3398 §7.2.4.1`, `ST 769 v1 Annex A Tables 10, 12`, ...).
    public let citation: String

    public var description: String { "\(file):\(line)" }
}
