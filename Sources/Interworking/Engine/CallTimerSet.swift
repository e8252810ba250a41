/// The call timers running, one bit per `CallTimer` case (64 at most). A call's timers change on most events, and
/// the engine works on a copy of the call while its table holds the original: a `Set` would be copied (allocated)
/// on every insert and remove, these bits never are.
struct CallTimerSet: Hashable, Sendable, Sequence {
    private var bits: UInt64 = 0

    /// Each case's bit: its position in `allCases`, found once.
    private static let bitOf: [CallTimer: UInt64] = Dictionary(
        uniqueKeysWithValues: CallTimer.allCases.enumerated().map { ($1, 1 << UInt64($0)) })

    func contains(_ timer: CallTimer) -> Bool { bits & Self.bitOf[timer]! != 0 }

    mutating func insert(_ timer: CallTimer) { bits |= Self.bitOf[timer]! }

    /// Removes `timer`; the timer when it was running, like `Set.remove`.
    @discardableResult
    mutating func remove(_ timer: CallTimer) -> CallTimer? {
        let bit = Self.bitOf[timer]!
        guard bits & bit != 0 else { return nil }
        bits &= ~bit
        return timer
    }

    /// The running timers in `allCases` order.
    func makeIterator() -> some IteratorProtocol<CallTimer> {
        CallTimer.allCases.lazy.filter { contains($0) }.makeIterator()
    }
}
