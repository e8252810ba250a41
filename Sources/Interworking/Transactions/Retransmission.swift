import SIPI

/// The retransmission timer of a transaction, shared by the three kinds that retransmit: Timer A (INVITE request,
/// RFC 3261 §17.1.1.2: doubles without bound), Timer E (non-INVITE request, §17.1.2.2: doubles up to T2) and
/// Timer G (INVITE final response, §17.2.1: doubles up to T2). Each starts at T1.
struct Retransmission: Hashable, Sendable {
    let timer: TransactionTimer
    /// What goes out again each time the timer fires: the request (A, E) or the final response (G).
    let message: SIPMessage
    /// The interval the timer was last started with.
    private(set) var interval: Duration
    /// T2 for E and G; nil for A.
    let cap: Duration?

    init(timer: TransactionTimer, message: SIPMessage, first: Duration, cap: Duration?) {
        self.timer = timer
        self.message = message
        interval = first
        self.cap = cap
    }

    /// The next interval: `fixed` when given (Timer E in Proceeding is "reset with a value of T2", §17.1.2.2),
    /// else twice the last one, capped.
    mutating func next(fixed: Duration? = nil) -> Duration {
        let doubled = interval * 2
        interval = fixed ?? cap.map { min(doubled, $0) } ?? doubled
        return interval
    }
}
