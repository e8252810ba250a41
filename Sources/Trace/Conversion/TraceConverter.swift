import DequeModule
import HeapModule
import Interworking
import ISUP
import SIPI

/// Runs the calls of a capture through the interworking engine on the capture's own timestamps (issue 9): each
/// pair of switches gets two gateways (`ConversionGateways`), one in front of each switch, talking SIP-I to each
/// other. A switch's ISUP goes to its gateway; what the gateways send each other is exactly what the daemon would
/// put on the NNI, timers included; what a gateway sends toward its switch is kept to compare with the capture.
///
/// Streaming: memory holds the open calls (IAM seen, RLC not yet) and the engines' state, never the capture.
///
/// ```swift
/// var converter = TraceConverter(gateways: ConversionGateways(template: config), mappings: mappings)
/// for message in capturedMessages { for output in converter.feed(message) { write(output) } }
/// for output in converter.finish() { write(output) }
/// ```
public struct TraceConverter: Sendable {
    /// How far past the capture's last record the gateways' timers still run at `finish()` (a REL without RLC then
    /// shows its T1 repetitions and the T5 reset, Q.764 §2.9.6); zero by default.
    public var horizon: Duration
    /// Refuse an ISUP message with an erroneous optional parameter (`ISUPMessage(decoding:strict:)`) instead of
    /// converting it with the parameter kept as octets.
    public var strict: Bool
    /// Write each message's one-line summary (`ConvertedMessage.summary`, empty otherwise): the ladder, JSON and
    /// HTML forms show it; the others read none, and a SIP message's summary parses its SIP-I body again.
    public var summaries = true
    public internal(set) var statistics = ConversionStatistics()

    let gateways: ConversionGateways
    let mappings: Mappings
    var pairs: [SwitchPair: Int] = [:]
    var sides: [ConversionSide] = []
    var calls: [CallKey: OpenCall] = [:]
    var dialogs: [String: CallKey] = [:]
    var epoch: CaptureTimestamp?
    var now = Instant.zero
    /// Expiries in time order; a cancelled or restarted timer's entry stays until it comes up and is then skipped
    /// (its sequence number no longer names a timer in `pendingTimers`).
    var timers = Heap<DueTimer>()
    /// The running timers: each one's sequence number, and back.
    var liveTimers: [TimerKey: UInt64] = [:]
    var pendingTimers: [UInt64: TimerKey] = [:]
    var timerSequence: UInt64 = 0
    var out: [ConversionOutput] = []
    // SIP captures (`TraceConverter+SIP.swift`), by the capture's Call-ID.
    var sipPairs: [SIPPair: Int] = [:]
    var sipCalls: [String: OpenCall] = [:]
    var sipBindings: [String: SIPDialogBinding] = [:]
    /// The twin gateways' Call-IDs → the capture's.
    var twinDialogs: [String: String] = [:]
    var awaitingSIPDialog: [Int: Deque<String>] = [:]
    var awaitingSIPCircuit: [Int: Deque<String>] = [:]
    var circuitCalls: [CallKey: String] = [:]
    var pendingCloses = Deque<(at: Instant, callID: String)>()

    /// `line`, or "" when `summaries` is off (the line is then never made).
    func summary(_ line: @autoclosure () -> String) -> String { summaries ? line() : "" }

    public init(gateways: ConversionGateways, mappings: Mappings, horizon: Duration = .zero, strict: Bool = false) {
        self.gateways = gateways
        self.mappings = mappings
        self.horizon = horizon
        self.strict = strict
    }

    /// Feeds one message of the capture (in capture order); returns what it caused.
    public mutating func feed(_ message: CapturedMessage) -> [ConversionOutput] {
        let time = message.timestamp ?? epoch.map { $0.advanced(by: now.sinceEpoch) } ?? CaptureTimestamp(seconds: 0)
        advance(to: time)
        switch message.payload {
        case .isup(let bytes, let route): receive(bytes, route: route, record: message.record)
        case .sip(let bytes, let route): receive(sip: bytes, route: route, record: message.record)
        }
        defer { out.removeAll(keepingCapacity: true) }
        return out
    }

    /// Reports a record capture decoding could not read, in its place among the outputs.
    public mutating func unreadable(_ record: UnreadableRecord) -> [ConversionOutput] {
        statistics.unreadable += 1
        return [.unreadable(record)]
    }

    /// Runs the timers up to `horizon` past the last record, then hands over the calls still open (incomplete).
    public mutating func finish() -> [ConversionOutput] {
        let end = now + horizon
        while let due = timers.min, due.at <= end { fire(timers.removeMin()) }
        closeDue(at: end)
        for key in calls.keys.sorted(by: { calls[$0]!.call.number < calls[$1]!.call.number }) { close(key, complete: false) }
        while let (_, callID) = pendingCloses.popFirst() { closeSIPCall(callID, complete: true) }
        for callID in sipCalls.keys.sorted(by: { sipCalls[$0]!.call.number < sipCalls[$1]!.call.number }) {
            closeSIPCall(callID, complete: false)
        }
        defer { out.removeAll(keepingCapacity: true) }
        return out
    }

    // MARK: Time

    func timestamp(_ instant: Instant) -> CaptureTimestamp {
        (epoch ?? CaptureTimestamp(seconds: 0)).advanced(by: instant.sinceEpoch)
    }

    /// Fires the timers due up to `time`, then moves the clock there (never backwards: captures merged from
    /// several interfaces can be slightly out of order).
    mutating func advance(to time: CaptureTimestamp) {
        guard let epoch else {
            epoch = time
            return
        }
        let target = Instant(epoch.duration(to: time))
        while let due = timers.min, due.at <= target { fire(timers.removeMin()) }
        if target > now { now = target }
        closeDue(at: now)
    }

    mutating func fire(_ due: DueTimer) {
        guard let key = pendingTimers.removeValue(forKey: due.sequence) else { return }
        liveTimers[key] = nil
        if due.at > now { now = due.at }
        run(sides[key.side].engine.handle(.timer(key.timer), at: now), from: key.side)
    }

    /// A gateway's timer started (or restarted: the earlier expiry is forgotten).
    mutating func start(_ timer: TimerID, after: Duration, side: Int) {
        timerSequence += 1
        let key = TimerKey(side: side, timer: timer)
        if let earlier = liveTimers.updateValue(timerSequence, forKey: key) { pendingTimers[earlier] = nil }
        pendingTimers[timerSequence] = key
        timers.insert(DueTimer(at: now + after, sequence: timerSequence))
    }

    mutating func cancel(_ timer: TimerID, side: Int) {
        if let sequence = liveTimers.removeValue(forKey: TimerKey(side: side, timer: timer)) { pendingTimers[sequence] = nil }
    }
}

/// An unordered pair of point codes: the two switches of a trunk in the capture.
struct SwitchPair: Hashable {
    var low: UInt32
    var high: UInt32
    init(_ a: UInt32, _ b: UInt32) { (low, high) = a < b ? (a, b) : (b, a) }
}

/// A call of the capture by its pair of switches and its CIC there.
struct CallKey: Hashable {
    var pair: Int
    var cic: Int
}

struct OpenCall {
    var call: ConvertedCall
    /// The side (gateway index) in front of the switch that sent the IAM.
    var origin: Int
}

struct TimerKey: Hashable {
    var side: Int
    var timer: TimerID
}

/// A heap entry: plain values only, so the heap moves them without reference counting (the timer it names is
/// looked up by `sequence` when it comes up).
struct DueTimer: Comparable {
    var at: Instant
    var sequence: UInt64
    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.at, lhs.sequence) < (rhs.at, rhs.sequence) }
}
