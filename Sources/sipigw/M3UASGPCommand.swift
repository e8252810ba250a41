import ArgumentParser
import M3UA
import M3UATransport
import NIOCore
import NIOPosix
import SCTPTransport

/// `sipigw m3ua sgp`: the SGP state machine (RFC 4666 §4.3.2) run by the node shell, accepting ASPs over kernel
/// SCTP (or TCP) for one Application Server, printing what happens as JSON lines until --duration is over.
struct M3UASGPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sgp",
        abstract: "Accept M3UA ASPs for one Application Server and print what happens (JSON lines) for --duration seconds."
    )

    @Option(help: "Address to listen on, ADDRESS:PORT; repeat for multi-homing (SCTP, same port).")
    var listen: [SCTPEndpoint]

    @Option(help: "The Application Server's Routing Context.")
    var routingContext: UInt32 = 1

    @Option(help: "Traffic mode: loadshare, override or broadcast.")
    var trafficMode = TrafficModeType.loadshare

    @Flag(help: "M3UA over TCP instead of SCTP.")
    var tcp = false

    @Option(help: "Seconds to run.")
    var duration: Double = 30

    func run() throws {
        guard let first = listen.first else { throw ValidationError("give --listen ADDRESS:PORT") }
        let sgp = SGPStateMachine(configuration: SGPConfiguration(applicationServers: [
            ApplicationServerConfiguration(routingContext: routingContext, trafficMode: trafficMode),
        ]))
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let node = M3UANode(machine: sgp, group: group, peers: [:] as [AssociationID: M3UAPeer]) { M3UAActionLine.print($0) }
        if tcp {
            _ = try node.listen(host: first.host, port: Int(first.port)).wait()
        } else {
            try node.listen(sctp: listen)
        }
        StandardStreams.output(Array(#"{"event":"listening"}"#.utf8) + [0x0A])
        try group.next().scheduleTask(in: .milliseconds(Int64(duration * 1000))) {}.futureResult.wait()
        try? node.stop().wait()
    }
}
