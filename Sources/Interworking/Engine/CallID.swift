/// The engine's own number for a call, unique for the engine's life.
public struct CallID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public typealias RawValue = UInt64
    public let rawValue: UInt64
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }
    public static func < (lhs: CallID, rhs: CallID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "call \(rawValue)" }
}
