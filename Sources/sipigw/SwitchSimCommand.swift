import ArgumentParser
import Dispatch
import Gateway
import Interworking
import ISUP
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// `sipigw switch-sim`: a small ISUP exchange over M3UA, the gateway's switch in tests, demos and load runs.
struct SwitchSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switch-sim",
        abstract: "Simulate a PSTN switch: place ISUP calls over M3UA at a rate, answer incoming ones, print statistics.",
        discussion: """
            The switch connects as ASP toward the gateway's SGP or an STP (--role asp), as IPSP (--role ipsp: \
            connects with --remote, waits for the peer without it), or accepts the gateway's ASP (--role sgp). \
            Outgoing calls start once the gateway has reset the circuits (GRS): --calls of them, or rate × \
            --duration; incoming calls are answered by --answer. On SIGTERM/SIGINT, or at the end, the \
            statistics are printed: attempts, answered, failures by cause, incoming calls by behaviour, setup \
            latency IAM→ACM and IAM→ANM (p50/p99).
            """
    )

    @Option(help: "M3UA role: asp, ipsp or sgp.")
    var role: M3UAAssociationConfiguration.Role = .asp
    @Option(help: "M3UA transport: tcp or sctp.")
    var transport: M3UAAssociationConfiguration.Transport = .tcp
    @Option(help: "The peer, ADDRESS:PORT (repeat for SCTP multi-homing).")
    var remote: [String] = []
    @Option(help: "Local address, ADDRESS:PORT (where the sgp role listens; repeat for SCTP multi-homing).")
    var local: [String] = []
    @Option(name: .customLong("routing-context"), help: "Routing context of the AS (repeat for several).")
    var routingContexts: [UInt32] = [1]
    @Option(help: "This switch's point code (OPC).")
    var opc: UInt32 = 2
    @Option(help: "The gateway's point code (DPC).")
    var dpc: UInt32 = 1
    @Option(help: "MTP3 network indicator.")
    var ni: UInt8 = 2
    @Option(help: "The trunk's CICs, ranges separated by commas (1-31,33-63).")
    var cics = "1-31"
    @Option(help: "Called numbers used in turn, separated by commas (0612345678 national, +390612345678 international).")
    var numbers = "0612345678"
    @Option(name: .customLong("numbers-file"), help: "A file of called numbers, one a line (instead of --numbers).")
    var numbersFile: String?
    @Option(help: "Calling party number.")
    var calling = "0298765432"
    @Option(help: "Outgoing calls to place (0: only answer).")
    var calls = 0
    @Option(help: "Call attempts per second.")
    var rate: Double = 1
    @Option(help: "Holding time of an answered outgoing call (1s, 500ms).")
    var hold: TimerDuration = .seconds(1)
    @Option(help: "Place rate × duration calls (when --calls is not given); then wait for their end.")
    var duration: TimerDuration?
    @Option(help: "Incoming calls: weighted behaviours, answer=8,busy=1,noanswer=1,congestion=0,unallocated=0.")
    var answer = "answer"
    @Option(help: "Incoming calls answered: ACM → ANM delay.")
    var ring: TimerDuration = .milliseconds(100)
    @Option(name: .customLong("incoming-hold"), help: "Incoming calls answered: released here after this long (default: wait for the gateway).")
    var incomingHold: TimerDuration?
    @Option(help: "After the outgoing calls have ended, keep answering for this long before exiting.")
    var linger: TimerDuration = .seconds(0)
    @Flag(help: "Print every ISUP message sent and received.")
    var trace = false

    func run() throws {
        let configuration = try simulatorConfiguration()
        let association = M3UAAssociationConfiguration(
            name: "switch-sim", role: role, transport: transport, local: local,
            remote: remote.isEmpty && role != .sgp && local.isEmpty ? ["127.0.0.1:2905"] : remote,
            routingContexts: routingContexts)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let printer: @Sendable (Bool, ISUPMessage) -> Void = { sent, message in
            StandardStreams.output(Array("\(sent ? "→" : "←") \(message.summaryLine)\n".utf8))
        }
        let node = SwitchSimulatorNode(configuration: configuration, association: association, group: group,
                                       trace: trace ? printer : nil, log: { StandardStreams.error($0) })
        let done = DispatchSemaphore(value: 0)
        let signals = TerminationSignals { done.signal() }
        try node.start()
        StandardStreams.output(Array("switch-sim \(role.rawValue) over \(transport.rawValue): OPC \(opc) DPC \(dpc), CICs \(cics), \(configuration.calls) calls at \(rate)/s\n".utf8))
        if configuration.calls > 0 {
            node.finished.whenComplete { [linger] _ in
                DispatchQueue.global().asyncAfter(deadline: .now() + linger.duration.seconds) { done.signal() }
            }
        }
        done.wait()
        node.stop()
        let ended = DispatchSemaphore(value: 0)
        node.finished.whenComplete { _ in ended.signal() }
        _ = ended.wait(timeout: .now() + 0.5)
        StandardStreams.output(Array(node.currentStatistics().report.utf8))
        node.shutdown()
        signals.cancel()
        try? group.syncShutdownGracefully()
    }

    func simulatorConfiguration() throws -> SwitchSimulatorConfiguration {
        var ranges = [ClosedRange<Int>]()
        for text in cics.split(separator: ",") {
            guard let range = CICRange(String(text)) else { throw ValidationError("--cics: '\(text)' is not a CIC range (1-31)") }
            ranges.append(range.cics)
        }
        var called = numbers.split(separator: ",").map(String.init)
        if let numbersFile {
            called = String(decoding: try StandardStreams.read(path: numbersFile), as: UTF8.self)
                .split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        guard !called.isEmpty else { throw ValidationError("no called number") }
        let mix: AnswerMix
        do { mix = try AnswerMix(parsing: answer) } catch { throw ValidationError("--answer: \(error)") }
        guard rate > 0 else { throw ValidationError("--rate must be above 0") }
        var total = calls
        if let duration, total == 0 { total = max(1, Int(rate * duration.duration.seconds)) }
        return SwitchSimulatorConfiguration(
            opc: opc, dpc: dpc, networkIndicator: ni, cics: ranges, calledNumbers: called, callingNumber: calling,
            calls: total, rate: rate, holdingTime: hold.duration, answerMix: mix, ringingTime: ring.duration,
            incomingHoldingTime: incomingHold?.duration)
    }
}

extension TimerDuration: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
}

extension M3UAAssociationConfiguration.Role: ExpressibleByArgument {}
extension M3UAAssociationConfiguration.Transport: ExpressibleByArgument {}
