import CoreMetrics
import Interworking
import Prometheus
import Synchronization

/// The daemon's Prometheus metrics (docs/grafana-dashboard.json draws them), fed on the engine's event loop by
/// the engine's observations and call records, by the M3UA associations, and by the engine's state at each scrape
/// (calls in progress, circuits). Numbers are never a label.
///
/// The metrics go through the swift-metrics API to a registry of this daemon's own (no process-wide bootstrap), and
/// `exposition` writes them in the Prometheus text exposition format 0.0.4.
public final class GatewayMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    /// Calls refused by admission whose records are still to come: counted once, as refused, with their record.
    private let refusedCalls = Mutex<Set<CallID.RawValue>>([])

    /// Buckets of `sipigw_setup_seconds`: from a fast answering machine to a long ringing.
    static let setupBuckets: [Duration] = [.milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                           .seconds(2), .seconds(5), .seconds(10), .seconds(20), .seconds(30),
                                           .seconds(60), .seconds(120)]

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["sipigw_setup_seconds"] = Self.setupBuckets
        self.factory = factory
    }

    /// The text exposition of every metric (the body of GET /metrics).
    public var exposition: String { registry.emitToString() }

    // MARK: Calls

    /// How a call attempt ended, the `outcome` label of `sipigw_calls_total`.
    public enum Outcome: String, Sendable, CaseIterable {
        /// Answered (ANM/CON or 200 to the INVITE), whatever happened after.
        case answered
        /// Released before answer by its caller's side.
        case abandoned
        /// Released before answer by the called side or by the gateway (busy, no answer, unreachable, timers).
        case failed
        /// Refused by the gateway: by admission (limits, an unavailable destination, draining) or before a call was
        /// set up (an unusable INVITE, a number or route refused on the SIP side).
        case refused
    }

    /// The outcome of a finished call from its record: refused by admission, answered, else who released first.
    static func outcome(of record: CallRecord, refused: Bool) -> Outcome {
        if refused { return .refused }
        if record.answer != nil { return .answered }
        let callerSide: CallRecord.Side = record.direction == .isupToSIP ? .isup : .sip
        return record.releasedBy == callerSide ? .abandoned : .failed
    }

    /// A finished call: its outcome and its ISUP release cause.
    public func record(_ record: CallRecord) {
        let refused = refusedCalls.withLock { $0.remove(record.callID) != nil }
        countCall(record.direction, Self.outcome(of: record, refused: refused))
        if let cause = record.isupCause { countCause(cause) }
    }

    public func observe(_ observation: Observation) {
        switch observation {
        case .callRefused(let direction, let cause, _, let call):
            if let call {
                refusedCalls.withLock { _ = $0.insert(call.rawValue) }
            } else {
                countCall(direction, .refused)
                countCause(cause)
            }
        case .callAnswered(_, let setup):
            Timer(label: "sipigw_setup_seconds", factory: factory).recordNanoseconds(setup.nanoseconds)
        case .peer(let name, let up):
            peer(name, up: up)
        case .message(let proto, let type, let inbound):
            Counter(label: "sipigw_messages_total",
                    dimensions: [("protocol", proto), ("type", type), ("direction", inbound ? "in" : "out")],
                    factory: factory).increment()
        case .callStarted, .discarded, .circuit, .alert:
            break
        }
    }

    /// Calls in progress (at each scrape).
    public func activeCalls(_ count: Int) {
        Gauge(label: "sipigw_active_calls", factory: factory).record(count)
    }

    private func countCall(_ direction: Observation.CallDirection, _ outcome: Outcome) {
        Counter(label: "sipigw_calls_total", dimensions: [("direction", direction.rawValue), ("outcome", outcome.rawValue)],
                factory: factory).increment()
    }

    /// Q.850 cause values in decimal.
    private func countCause(_ cause: UInt8) {
        Counter(label: "sipigw_release_causes_total", dimensions: [("cause", "\(cause)")], factory: factory).increment()
    }

    // MARK: Network

    public func association(_ name: String, up: Bool) {
        Gauge(label: "sipigw_association_up", dimensions: [("association", name)], factory: factory).record(up ? 1 : 0)
    }

    public func peer(_ name: String, up: Bool) {
        Gauge(label: "sipigw_peer_up", dimensions: [("peer", name)], factory: factory).record(up ? 1 : 0)
    }

    /// The circuits of a trunk per state (`CircuitState.metricLabel`): every state gets a sample, zero included, so
    /// a state that empties goes to 0 instead of keeping its last count.
    public func circuits(trunk: String, _ group: CircuitGroup) {
        var counts = Dictionary(uniqueKeysWithValues: CircuitState.metricLabels.map { ($0, 0) })
        for cic in group.equippedCICs {
            if let state = group.state(of: cic) { counts[state.metricLabel, default: 0] += 1 }
        }
        for (state, count) in counts {
            Gauge(label: "sipigw_circuits", dimensions: [("trunk", trunk), ("state", state)], factory: factory).record(count)
        }
    }
}

extension Duration {
    fileprivate var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
