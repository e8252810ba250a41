import ArgumentParser
import Foundation
import ISUP
import M3UA
import M3UATransport
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SCTPTransport

/// `sipigw m3ua asp`: the ASP state machine (RFC 4666 §4.3.4) run by the node shell against a real SGP/STP over
/// kernel SCTP (or TCP): it connects, brings the ASP up and active, optionally aborts the association once active
/// and checks that it recovers by itself, and prints every state change, NTFY, ERR and loss as JSON lines.
struct M3UAASPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asp",
        abstract: "Run an M3UA ASP against an SGP/STP until it is ASP-ACTIVE (and, with --abort-once-active, active again).",
        discussion: "Exit status 0 when the goals were reached within --duration, 1 otherwise."
    )

    @Option(help: "The peer (SGP/STP), ADDRESS:PORT.")
    var remote: SCTPEndpoint

    @Option(help: "Local address to bind, ADDRESS:PORT; repeat for multi-homing (same port).")
    var local: [SCTPEndpoint] = []

    @Option(help: "The Routing Context sent in ASPAC.")
    var routingContext: UInt32 = 1

    @Option(help: "Traffic mode: loadshare, override or broadcast.")
    var trafficMode = TrafficModeType.loadshare

    @Flag(help: "M3UA over TCP instead of SCTP.")
    var tcp = false

    @Flag(help: "Once ASP-ACTIVE, abort the association (SCTP ABORT) and expect the ASP to recover by itself.")
    var abortOnceActive = false

    @Option(help: "Seconds before giving up.")
    var duration: Double = 30

    @Option(help: "DATA messages to send once the goals are reached (an ISUP ANM each, SLS rotating; OPC 2, DPC 1).")
    var data = 0

    func run() throws {
        var configuration = ASPConfiguration()
        configuration.routingContexts = [routingContext]
        configuration.trafficMode = trafficMode
        configuration.timers.reconnectInitial = 0.2
        configuration.timers.reconnectMaximum = 2
        configuration.timers.beat = 2
        configuration.outboundStreams = tcp ? 1 : 2
        let peer: M3UAPeer = tcp
            ? .tcp(try SocketAddress(ipAddress: remote.host, port: Int(remote.port)))
            : .sctp(remote: [remote], local: local, streams: 2)

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        // The observer only counts activations and fulfils promises; the abort is done here, by the command.
        let firstActive = group.next().makePromise(of: Void.self)
        let goal = group.next().makePromise(of: Void.self)
        let wanted = abortOnceActive ? 2 : 1
        let progress = NIOLockedValueBox(0)
        let node = M3UANode(machine: ASPStateMachine(association: 1, configuration: configuration), group: group,
                            peers: [1: peer]) { action in
            M3UAActionLine.print(action)
            guard case .aspStateChanged(_, .active) = action else { return }
            let activations = progress.withLockedValue { n in
                n += 1
                return n
            }
            if activations == 1 { firstActive.succeed(()) }
            if activations == wanted { goal.succeed(()) }
        }
        node.feed(.activate)
        let timeout = group.next().scheduleTask(in: .milliseconds(Int64(duration * 1000))) {
            let late = ValidationError("goals not reached in \(duration) s")
            firstActive.fail(late)
            goal.fail(late)
        }
        if abortOnceActive, (try? firstActive.futureResult.wait()) != nil {
            StandardStreams.output(Array(#"{"event":"abort"}"#.utf8) + [0x0A])
            node.sever(1)
        }
        let outcome = Result { try goal.futureResult.wait() }
        timeout.cancel()
        if (try? outcome.get()) != nil, data > 0 {
            for i in 0..<data {
                let sls = UInt8(i % 16)
                let anm = try ISUPMessage(type: .anm, cic: CIC(Int(sls)), parameters: []).encoded()
                node.feed(.sendData(ProtocolData(opc: 2, dpc: 1, si: .isup, ni: 2, sls: sls, userProtocolData: anm)))
            }
            try group.next().scheduleTask(in: .milliseconds(500)) {}.futureResult.wait()
        }
        try? node.shutdown().wait()
        let activations = progress.withLockedValue { $0 }
        let ok = (try? outcome.get()) != nil
        StandardStreams.output(Array(#"{"event":"result","ok":\#(ok),"activations":\#(activations)}"#.utf8) + [0x0A])
        if !ok { throw ExitCode(1) }
    }
}
