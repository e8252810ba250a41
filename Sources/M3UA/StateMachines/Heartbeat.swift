/// The BEAT procedure of RFC 4666 §4.3.4.6 for one association: a BEAT every T(beat), and the peer declared
/// unavailable when neither a BEAT ACK "nor any other M3UA message" has arrived for 2·T(beat).
struct Heartbeat: Hashable, Sendable {
    let association: AssociationID
    /// T(beat); nil when BEAT is off.
    let interval: Duration?
    private(set) var lastHeard: ContinuousClock.Instant?
    /// Fresh Heartbeat Data per BEAT (digest E.10).
    private var sent: UInt32 = 0

    init(association: AssociationID, interval: Duration?) {
        self.association = association
        self.interval = interval
    }

    /// The association came up: start counting from now.
    mutating func start(at now: ContinuousClock.Instant) -> [M3UAAction] {
        guard let interval else { return [] }
        lastHeard = now
        return [.startTimer(.beat(association), after: interval)]
    }

    mutating func stop() -> [M3UAAction] {
        guard interval != nil, lastHeard != nil else { return [] }
        lastHeard = nil
        return [.cancelTimer(.beat(association))]
    }

    /// Any message from the peer proves it alive.
    mutating func heard(at now: ContinuousClock.Instant) {
        if lastHeard != nil { lastHeard = now }
    }

    /// T(beat) fired: nil when the peer is lost (2·T(beat) of silence), else the next BEAT and the timer, due at
    /// the next T(beat) or when 2·T(beat) of silence would be reached, whichever is sooner.
    mutating func fired(at now: ContinuousClock.Instant) -> [M3UAAction]? {
        guard let interval, let last = lastHeard else { return [] }
        let deadline = last.advanced(by: interval * 2)
        guard now < deadline else {
            lastHeard = nil
            return nil
        }
        sent &+= 1
        let beat = M3UAMessage(.beat, [.heartbeatData(UInt32.octets([sent]))])
        return [
            .send(beat, on: association, stream: M3UAStream.management),
            .startTimer(.beat(association), after: min(interval, now.duration(to: deadline))),
        ]
    }
}
