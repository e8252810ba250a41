import ArgumentParser
import ISUP
import M3UA
import SCTPTransport

/// `sipigw m3ua sctp-probe`: brings one ASP up and active against a real M3UA peer over kernel SCTP, checks
/// every answer, and takes it down again. JSON Lines out; exit 0 only when every expected answer came.
struct M3UASCTPProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sctp-probe",
        abstract: "ASP up/active/heartbeat/down against an M3UA peer over SCTP (JSON Lines out).",
        discussion: """
            Connects (PPID 3, stream 0) and runs: ASPUP -> ASPUP_ACK; ASPAC (Loadshare, the routing context) -> \
            ASPAC_ACK and NTFY AS-ACTIVE; BEAT -> BEAT_ACK with the same Heartbeat Data; ASPDN -> ASPDN_ACK; \
            then the SCTP shutdown -> SCTP_SHUTDOWN_COMP. With --switch-local, a second ASP (a switch in another \
            AS) comes up and active too, and an ISUP IAM in DATA goes switch -> peer -> this ASP and an ACM back, \
            each checked to arrive with the same Protocol Data and the receiver's routing context. Every message, \
            SCTP notification and step result is one JSON line (with "asp": "gw" or "switch"); the last line is \
            {"event":"result",...}. Exit status 0 when every step got its answers, 1 otherwise. Needs a kernel with \
            SCTP (see Scripts/sctp-vm).
            """
    )

    @Option(help: "The peer (SGP/STP), ADDRESS:PORT.")
    var remote = SCTPEndpoint("127.0.0.1", port: 2905)

    @Option(help: "Local address to bind, ADDRESS:PORT; repeat for multi-homing (same port). osmo-stp matches the ASP by its port.")
    var local: [SCTPEndpoint] = [SCTPEndpoint("127.0.0.1", port: 2906)]

    @Option(help: "The Routing Context sent in ASPAC.")
    var routingContext: UInt32 = 1

    @Option(help: "This ASP's point code (OPC of what it sends, DPC of what it should receive).")
    var pointCode: UInt32 = 1

    @Option(help: "Local ADDRESS:PORT of a second ASP playing the switch (another AS); enables the DATA exchange.")
    var switchLocal: SCTPEndpoint?

    @Option(help: "The switch ASP's Routing Context.")
    var switchRoutingContext: UInt32 = 2

    @Option(help: "The switch's point code.")
    var switchPointCode: UInt32 = 3

    @Option(help: "Seconds to wait for each step's answers.")
    var timeout: Double = 5

    func run() throws {
        let switchASP = switchLocal.map {
            Probe.SwitchASP(local: $0, routingContext: switchRoutingContext, pointCode: switchPointCode)
        }
        var probe = Probe(timeout: .milliseconds(Int64(timeout * 1000)))
        let ok = probe.run(remote: remote, local: local, routingContext: routingContext,
                           pointCode: pointCode, switchASP: switchASP)
        throw ExitCode(ok ? 0 : 1)
    }
}
