import ArgumentParser
import Dispatch
import Gateway
import Interworking

/// `sipigw demo`: the gateway with a simulated switch and a SIP peer, all in this process (`make run`).
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the gateway between a simulated switch and a SIP peer on loopback and show six calls as ladders.",
        discussion: """
            Everything runs in this process with real sockets: the gateway (M3UA SGP over TCP, SIP over UDP), \
            switch-sim as the switch's ASP, and a SIP answering peer (ST 769 profile B). Calls: answered and released \
            by the switch, answered and released by the SIP peer, busy, no answer, unallocated, and one from the SIP \
            side. Then a summary from the call records. Without --once the gateway stays up until Ctrl-C.
            """
    )

    @Flag(help: "Exit after the calls instead of keeping the gateway up until Ctrl-C.")
    var once = false
    @Option(help: "Time given to each call (1500ms, 2s).")
    var pace: TimerDuration = .milliseconds(1500)
    @Option(name: .customLong("sip-port"), help: "The gateway's SIP port (UDP, 127.0.0.1).")
    var sipPort = 15060
    @Option(name: .customLong("peer-port"), help: "The SIP peer's port (UDP, 127.0.0.1).")
    var peerPort = 15070
    @Option(name: .customLong("m3ua-port"), help: "The gateway's M3UA port (TCP, 127.0.0.1).")
    var m3uaPort = 12905
    @Option(help: "Where the call records go (rewritten at the start).")
    var records = "sipigw-demo-records.jsonl"

    @OptionGroup var mappings: MappingsDirectory

    func run() throws {
        let demo = try GatewayDemo(ports: GatewayDemo.Ports(sip: sipPort, peer: peerPort, m3ua: m3uaPort), pace: pace.duration,
                                   recordsPath: records) { StandardStreams.output(Array($0.utf8)) }
        let interrupted = DispatchSemaphore(value: 0)
        let signals = TerminationSignals { interrupted.signal() }
        defer { signals.cancel() }
        try demo.run(mappings: try mappings.load(), once: once) { interrupted.wait() }
    }
}
