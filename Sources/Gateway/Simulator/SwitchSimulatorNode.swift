import Interworking
import ISUP
import M3UA
import NIOCore
import NIOPosix

/// `sipigw switch-sim` at run time: the pure `SwitchSimulator` on one event loop, its ISUP carried by an M3UA
/// association (ASP toward an SGP or STP, IPSP, or SGP accepting the gateway's ASP) through the daemon's own
/// `SignallingLinks`, its timers on the loop, its call outcomes gathered in `SwitchStatistics`.
public final class SwitchSimulatorNode: @unchecked Sendable {
    public let configuration: SwitchSimulatorConfiguration
    private let association: M3UAAssociationConfiguration
    private let loop: EventLoop
    private var simulator: SwitchSimulator
    private var statistics = SwitchStatistics()
    private var link: (any SignallingLink)?
    private var timers: [SwitchSimulatorTimer: Scheduled<Void>] = [:]
    private let finishedPromise: EventLoopPromise<Void>
    private let trace: (@Sendable (_ sent: Bool, _ message: ISUPMessage) -> Void)?
    private let log: @Sendable (String) -> Void
    private let started = NIODeadline.now()

    /// - Parameters:
    ///   - trace: told of every ISUP message sent (`true`) and received, on the event loop.
    ///   - log: M3UA errors and undecodable ISUP.
    public init(configuration: SwitchSimulatorConfiguration, association: M3UAAssociationConfiguration,
                group: EventLoopGroup, trace: (@Sendable (Bool, ISUPMessage) -> Void)? = nil,
                log: @escaping @Sendable (String) -> Void) {
        self.configuration = configuration
        self.association = association
        self.loop = group.next()
        self.simulator = SwitchSimulator(configuration: configuration)
        self.finishedPromise = loop.makePromise()
        self.trace = trace
        self.log = log
    }

    /// Succeeds once every configured call was placed and ended (or `stop()` came and the calls ended).
    public var finished: EventLoopFuture<Void> { finishedPromise.futureResult }

    /// Starts the association (connecting, or listening for the gateway).
    public func start() throws {
        let link = try SignallingLinks.make(association, group: loop, log: log) { [weak self] action in self?.m3ua(action) }
        try loop.submit { self.link = link }.wait()
        try link.start()
    }

    /// No more calls are placed; `finished` follows once the calls in progress end.
    public func stop() { loop.execute { self.feed(.stop) } }

    /// The statistics so far.
    public func currentStatistics() -> SwitchStatistics {
        (try? loop.submit { self.statistics }.wait()) ?? SwitchStatistics()
    }

    /// Calls in progress.
    public func activeCalls() -> Int { (try? loop.submit { self.simulator.activeCalls }.wait()) ?? 0 }

    /// Stops the association (ASPDN where the role sends it) and the timers.
    public func shutdown() {
        let link = try? loop.submit { () -> (any SignallingLink)? in
            for timer in self.timers.values { timer.cancel() }
            self.timers = [:]
            return self.link
        }.wait()
        if let link { _ = try? link.stop().wait() }
    }

    private var now: Instant { Instant(.nanoseconds(Int64(NIODeadline.now().uptimeNanoseconds - started.uptimeNanoseconds))) }

    private func feed(_ event: SwitchSimulatorEvent) {
        loop.assertInEventLoop()
        for action in simulator.handle(event, at: now) { execute(action) }
    }

    private func execute(_ action: SwitchSimulatorAction) {
        switch action {
        case .send(let message):
            trace?(true, message)
            do {
                link?.send(try ProtocolData(opc: configuration.opc, dpc: configuration.dpc, ni: configuration.networkIndicator,
                                            sls: UInt8((message.cic?.value ?? 0) & 0x0F), isup: message))
            } catch {
                log("switch-sim: \(message.type) on CIC \(message.cic?.value ?? 0) not encoded: \(error)")
            }
        case .startTimer(let timer, let after):
            timers[timer]?.cancel()
            let (seconds, attoseconds) = after.components
            timers[timer] = loop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) {
                self.timers[timer] = nil
                self.feed(.timer(timer))
            }
        case .cancelTimer(let timer):
            timers.removeValue(forKey: timer)?.cancel()
        case .outcome(let outcome):
            statistics.record(outcome)
        case .finished:
            finishedPromise.succeed()
        }
    }

    /// The association's reports (on the event loop): DATA to this exchange's point code is ISUP for the
    /// simulator; the link is up when the ASP (on the SGP side: the AS) is active.
    private func m3ua(_ action: M3UAAction) {
        switch action {
        case .deliver(let data, _, _):
            guard data.dpc == configuration.opc else { return }
            do {
                guard let message = try data.isup() else { return }
                trace?(false, message)
                feed(.isup(message))
            } catch {
                log("switch-sim: undecodable ISUP from \(data.opc): \(error)")
            }
        case .aspStateChanged(_, let state) where association.role != .sgp:
            feed(state == .active ? .linkUp : .linkDown)
        case .asStateChanged(_, let state) where association.role == .sgp:
            feed(state == .active ? .linkUp : .linkDown)
        case .errorReceived(let code, _, _):
            log("switch-sim: M3UA ERR \(code)")
        default:
            break
        }
    }
}
