import ArgumentParser
import Dispatch
import Gateway
import Interworking

#if canImport(Glibc)
import Glibc
#endif

/// `sipigw run`: the interworking daemon.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the gateway: M3UA toward the switches, SIP(-I) toward the peers, until SIGTERM or SIGINT.",
        discussion: """
            The configuration is checked first (as by `sipigw config check`). Call records go to the file the \
            configuration names, one JSON line per call; SIGHUP opens that file anew (log rotation). Metrics \
            (GET /metrics) and the control endpoint (`sipigw ctl`) listen where the configuration says. Alerts and \
            discarded input are logged on stderr.
            """
    )

    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file.", valueName: "file"))
    var file = "Config/gateway.yaml"

    @OptionGroup var mappings: MappingsDirectory

    func run() throws {
        let config = try ConfigCommand.load(file)
        let tables = try mappings.load()
        // Distinguishes this run's Call-IDs, tags and branches from an earlier run's.
        let instance = String(UInt32.random(in: .min ... .max), radix: 36) + "-"
        let file = self.file
        let daemon = try GatewayDaemon(configuration: config, mappings: tables, instance: instance, reload: {
            let new = try ConfigCommand.parse(file)
            if let problem = ConfigCommand.Check.profileProblem(new, known: tables.profiles.names, file: file) { throw problem }
            return new
        }) { line in
            StandardStreams.error(line)
        }
        let stopping = DispatchSemaphore(value: 0)
        var sources = [DispatchSourceSignal]()
        let stop: @Sendable () -> Void = { stopping.signal() }
        let rotate: @Sendable () -> Void = { daemon.reopenRecords() }
        for (number, handler) in [(SIGTERM, stop), (SIGINT, stop), (SIGHUP, rotate)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
        try daemon.start()
        StandardStreams.output(Array(("sipigw running\n" + ConfigCommand.Check.summary(config)).utf8))
        stopping.wait()
        daemon.stop()
        sources.forEach { $0.cancel() }
    }
}
