/// A set of `TransactionTimer`s as one bit per case: a transaction arms and cancels timers on every message, and a
/// `Set` would hash each timer's name (a `String` raw value is what Swift hashes for such an enum).
struct TransactionTimerSet: Sendable, Equatable {
    private var bits: UInt16 = 0

    /// The case's position in the declaration (`TransactionTimer` has no payloads and fewer than 16 cases, so its
    /// one-octet representation is that position).
    private static func bit(_ timer: TransactionTimer) -> UInt16 { 1 << UInt16(withUnsafeBytes(of: timer) { $0[0] }) }

    var isEmpty: Bool { bits == 0 }

    func contains(_ timer: TransactionTimer) -> Bool { bits & Self.bit(timer) != 0 }

    mutating func insert(_ timer: TransactionTimer) { bits |= Self.bit(timer) }

    /// Removes `timer`; whether it was in the set.
    mutating func remove(_ timer: TransactionTimer) -> Bool {
        defer { bits &= ~Self.bit(timer) }
        return contains(timer)
    }
}
