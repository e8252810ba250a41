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
            configuration names, one JSON line per call. Alerts and discarded input are logged on stderr.
            """
    )

    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file.", valueName: "file"))
    var file = "Config/gateway.yaml"

    @OptionGroup var mappings: MappingsDirectory

    func run() throws {
        let config = try ConfigCommand.load(file)
        // Distinguishes this run's Call-IDs, tags and branches from an earlier run's.
        let instance = String(UInt32.random(in: .min ... .max), radix: 36) + "-"
        let daemon = try GatewayDaemon(configuration: config, mappings: try mappings.load(), instance: instance) { line in
            StandardStreams.error(line)
        }
        let stopping = DispatchSemaphore(value: 0)
        var sources = [DispatchSourceSignal]()
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopping.signal() }
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
