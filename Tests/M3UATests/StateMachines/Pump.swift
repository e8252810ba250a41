import M3UA

/// Two machines wired back to back in-process, with no sockets: what one sends on an association the other
/// receives on the same association and stream, `connect` brings the association up at both ends, and a cut
/// association drops what is sent on it and refuses to connect. One virtual clock runs both sides' timers.
enum PumpSide: Hashable { case left, right }

struct Pump<Left: M3UAStateMachine, Right: M3UAStateMachine> {
    typealias Side = PumpSide

    var left: Left
    var right: Right
    private(set) var now = ContinuousClock.now
    private var timers: [Side: [TimerID: ContinuousClock.Instant]] = [.left: [:], .right: [:]]
    /// Every action, in order, with the side that asked for it.
    private(set) var log: [(Side, M3UAAction)] = []
    private(set) var cut: Set<AssociationID> = []
    private var queue: [(Side, M3UAEvent)] = []

    init(_ left: Left, _ right: Right) {
        self.left = left
        self.right = right
    }

    /// Feeds one side and runs until neither side has anything left to say; returns the actions of this run.
    @discardableResult
    mutating func feed(_ side: Side, _ event: M3UAEvent) -> [(Side, M3UAAction)] {
        let mark = log.count
        queue.append((side, event))
        while !queue.isEmpty {
            let (s, e) = queue.removeFirst()
            let actions = s == .left ? left.handle(e, at: now) : right.handle(e, at: now)
            for action in actions { execute(action, by: s) }
        }
        return Array(log[mark...])
    }

    private mutating func execute(_ action: M3UAAction, by side: Side) {
        log.append((side, action))
        let other: Side = side == .left ? .right : .left
        switch action {
        case .send(let message, let a, let stream) where !cut.contains(a):
            queue.append((other, .received(message, on: a, stream: stream)))
        case .connect(let a):
            if cut.contains(a) {
                queue.append((side, .transportDown(a)))
            } else {
                queue.append((other, .transportUp(a)))
                queue.append((side, .transportUp(a)))
            }
        case .disconnect(let a): queue.append((other, .transportDown(a)))
        case .startTimer(let id, let after): timers[side]![id] = now.advanced(by: after)
        case .cancelTimer(let id): timers[side]![id] = nil
        default: break
        }
    }

    /// The association fails: both ends see it go down, and it stays down until `restore`.
    @discardableResult
    mutating func cut(_ a: AssociationID) -> [(Side, M3UAAction)] {
        cut.insert(a)
        let mark = log.count
        feed(.right, .transportDown(a))
        feed(.left, .transportDown(a))
        return Array(log[mark...])
    }

    /// The association drops messages silently (a dead peer behind a live TCP connection), with no indication.
    mutating func blackhole(_ a: AssociationID) { cut.insert(a) }

    mutating func restore(_ a: AssociationID) { cut.remove(a) }

    /// Moves the clock, firing both sides' timers in deadline order.
    @discardableResult
    mutating func advance(by duration: Duration) -> [(Side, M3UAAction)] {
        let end = now.advanced(by: duration)
        let mark = log.count
        while let (side, id, due) = nextTimer(before: end) {
            timers[side]![id] = nil
            now = due
            feed(side, .timerFired(id))
        }
        now = end
        return Array(log[mark...])
    }

    private func nextTimer(before end: ContinuousClock.Instant) -> (Side, TimerID, ContinuousClock.Instant)? {
        timers.flatMap { side, ids in ids.map { (side, $0.key, $0.value) } }
            .filter { $0.2 <= end }
            .min { ($0.2, $0.0 == .left ? 0 : 1, "\($0.1)") < ($1.2, $1.0 == .left ? 0 : 1, "\($1.1)") }
    }
}

extension Array where Element == (PumpSide, M3UAAction) {
    /// The actions of one side.
    func of(_ side: PumpSide) -> [M3UAAction] { filter { $0.0 == side }.map(\.1) }
}
