import ISUP

/// A contiguous run of circuit identification codes, `first...last` (Q.763 §1.2: 0...4095). In a configuration it
/// reads as the text `"1-31"` (or `"7"` for one circuit), or as `{first: 1, last: 31}`.
public struct CICRange: Codable, Hashable, Sendable, CustomStringConvertible {
    public var first: Int
    public var last: Int

    /// Nil when `first > last` or either end is outside 0...4095.
    public init?(_ first: Int, _ last: Int) {
        guard (0...0x0FFF).contains(first), (first...0x0FFF).contains(last) else { return nil }
        self.first = first
        self.last = last
    }

    /// `"1-31"` or `"7"`.
    public init?(_ text: String) {
        let ends = text.filter { $0 != " " }.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        switch ends.count {
        case 1: guard let one = ends[0] else { return nil }; self.init(one, one)
        case 2: guard let a = ends[0], let b = ends[1] else { return nil }; self.init(a, b)
        default: return nil
        }
    }

    public var cics: ClosedRange<Int> { first...last }
    public var count: Int { last - first + 1 }
    public var description: String { first == last ? "\(first)" : "\(first)-\(last)" }

    private enum CodingKeys: String, CodingKey { case first, last }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            guard let range = CICRange(text) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "\"\(text)\" is not a CIC range \"first-last\" within 0...4095 (Q.763 §1.2)"))
            }
            self = range
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let first = try c.decode(Int.self, forKey: .first)
        let last = try c.decodeIfPresent(Int.self, forKey: .last) ?? first
        guard let range = CICRange(first, last) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "\(first)-\(last) is not a CIC range within 0...4095 (Q.763 §1.2)"))
        }
        self = range
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
