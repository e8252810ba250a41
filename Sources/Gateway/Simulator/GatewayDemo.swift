import Interworking
import ISUP
import NIOCore
import NIOPosix
import SIPI

#if canImport(Glibc)
import Glibc
#endif

/// `sipigw demo`: the gateway, a simulated switch and a SIP answering peer in one process, on loopback with real
/// sockets (M3UA over TCP, SIP over UDP). Six calls, one after another, each shown as a ladder: answered and
/// released by the switch, answered and released by the SIP peer, busy, no answer, unallocated number, and a
/// call from the SIP side answered by the switch; then a summary from the gateway's call records.
public final class GatewayDemo: @unchecked Sendable {
    public struct Ports: Sendable {
        public var sip: Int
        public var peer: Int
        public var m3ua: Int
        public init(sip: Int = 15060, peer: Int = 15070, m3ua: Int = 12905) {
            self.sip = sip
            self.peer = peer
            self.m3ua = m3ua
        }
    }

    /// One scripted call from the switch: its called number, what the SIP peer does, the title in the ladder.
    struct ScriptedCall {
        let number: String
        let behaviour: DemoSIPPeer.Behaviour
        let title: String
    }

    let ports: Ports
    let pace: Duration
    public let recordsPath: String
    let write: @Sendable (String) -> Void
    let script: [ScriptedCall]
    public let configuration: GatewayConfiguration

    /// - Parameters:
    ///   - pace: the time each call is given (the holding time and the peer's own release are half of it).
    public init(ports: Ports = Ports(), pace: Duration = .milliseconds(1500), recordsPath: String,
                write: @escaping @Sendable (String) -> Void) throws {
        self.ports = ports
        self.pace = pace
        self.recordsPath = recordsPath
        self.write = write
        script = [
            ScriptedCall(number: "0612345001", behaviour: .answer(releaseAfter: nil),
                         title: "call 1: switch → SIP, answered, released by the switch (REL 16 → BYE)"),
            ScriptedCall(number: "0612345002", behaviour: .answer(releaseAfter: pace / 6),
                         title: "call 2: switch → SIP, answered, released by the SIP peer (BYE → REL 16)"),
            ScriptedCall(number: "0612345003", behaviour: .busy, title: "call 3: switch → SIP, busy (486 → REL 17)"),
            ScriptedCall(number: "0612345004", behaviour: .noAnswer,
                         title: "call 4: switch → SIP, no answer: the switch gives up (REL 19 → CANCEL)"),
            ScriptedCall(number: "0612345005", behaviour: .notFound,
                         title: "call 5: switch → SIP, unallocated number (404 → REL 1)"),
        ]
        configuration = try GatewayConfiguration(yaml: Self.yaml(ports: ports, records: recordsPath), file: "demo")
    }

    /// The demo's gateway configuration: the default one's shape (Config/gateway.yaml) on the demo's ports.
    static func yaml(ports: Ports, records: String) -> String {
        """
        sip: { address: { host: 127.0.0.1, port: \(ports.sip), transport: UDP }, domain: sipigw.example.it }
        m3ua:
          associations:
            - { name: switch, role: sgp, transport: tcp, local: ["127.0.0.1:\(ports.m3ua)"], routingContexts: [1] }
        trunks:
          - name: switch
            association: switch
            routingContext: 1
            networkIndicator: 2
            circuits: { name: switch, opc: 1, dpc: 2, cics: ["1-31"] }
            numbering:
              called:  [{ nature: 3, globalPrefix: "39" }, { nature: 4 }]
              calling: [{ nature: 3, globalPrefix: "39" }, { nature: 4 }]
            media: { address: 127.0.0.1, port: 40000 }
        peers:
          - { name: olo, address: { host: 127.0.0.1, port: \(ports.peer), transport: UDP }, domain: olo.example.it, profile: B }
        routes:
          toSIP: [{ prefix: "39", peer: olo, minimumLength: 6, completeLength: 12 }]
          toISUP: [{ prefix: "39", trunk: switch }]
        metrics: { host: 127.0.0.1, port: 19464 }
        records: { path: \(records) }
        """
    }

    /// Runs the calls and prints the summary; then, unless `once`, keeps everything up until `waitForInterrupt`
    /// returns.
    public func run(mappings: Mappings, once: Bool, waitForInterrupt: () -> Void) throws {
        unlink(recordsPath)
        let ladder = CallLadder(write: write)
        let daemon = try GatewayDaemon(configuration: configuration, mappings: mappings, instance: "demo-") { [write] in
            write("gateway: \($0)\n")
        }
        try daemon.start()
        defer { daemon.stop() }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let behaviours = Dictionary(uniqueKeysWithValues: script.map { ("+39" + $0.number, $0.behaviour) })
        let peer = DemoSIPPeer(host: "127.0.0.1", port: ports.peer, group: group, ringing: pace / 6,
                               behaviour: { behaviours[$0] ?? .notFound },
                               trace: { ladder.sip(sentByPeer: $0, $1) })
        try peer.start()
        defer { peer.stop() }
        let titles = Dictionary(uniqueKeysWithValues: script.map { ($0.number, $0.title) })
        let switchConfiguration = SwitchSimulatorConfiguration(
            calledNumbers: script.map(\.number), callingNumber: "0298765432", calls: script.count,
            rate: 1 / pace.seconds, holdingTime: pace / 3, ringingTime: pace / 6, answerTimeout: pace / 2)
        let association = M3UAAssociationConfiguration(name: "switch-sim", role: .asp, transport: .tcp,
                                                       remote: ["127.0.0.1:\(ports.m3ua)"], routingContexts: [1])
        let sim = SwitchSimulatorNode(configuration: switchConfiguration, association: association, group: group,
                                      trace: { sent, message in
                                          if sent, message.type == .iam,
                                             let called = message.calledPartyNumber?.digits.description.filter({ $0 != "F" }),
                                             let title = titles[called] {
                                              ladder.note("── " + title)
                                          }
                                          ladder.isup(sentBySwitch: sent, message)
                                      }, log: { [write] in write("\($0)\n") })
        write("sipigw demo: gateway (SGP) on 127.0.0.1:\(ports.m3ua) M3UA/TCP and 127.0.0.1:\(ports.sip) SIP/UDP, "
              + "switch-sim (ASP, point code 2), SIP peer 127.0.0.1:\(ports.peer) (ST 769 profile B)\n\n")
        write(ladder.header)
        ladder.note("── the association comes up: the gateway resets the trunk's circuits (Q.764 §2.9.3.2)")
        try sim.start()
        defer { sim.shutdown() }
        try sim.finished.wait()
        usleep(useconds_t(pace.seconds * 200_000))  // the last BYE/200 or CANCEL/487 exchange
        ladder.note("── call 6: SIP → switch (SIP-I INVITE with the IAM), answered by the switch, released by the SIP peer")
        guard let iam = ISUPMessage.simulatorIAM(cic: 0, called: "+390612345678", calling: "+390298765432") else { return }
        peer.call("+390612345678", from: "+390298765432", gateway: try SocketAddress(ipAddress: "127.0.0.1", port: ports.sip),
                  domain: "sipigw.example.it", isup: iam, releaseAfter: pace / 3)
        let deadline = NIODeadline.now() + .seconds(5) + .nanoseconds(Int64(pace.seconds * 4e9))
        while NIODeadline.now() < deadline, sim.currentStatistics().incomingCount == 0 || sim.activeCalls() > 0 {
            usleep(20_000)
        }
        usleep(useconds_t(pace.seconds * 200_000))
        write("\n" + summary(statistics: sim.currentStatistics()))
        if !once {
            write("\nThe gateway stays up (SIP 127.0.0.1:\(ports.sip)/UDP, M3UA SGP 127.0.0.1:\(ports.m3ua)/TCP): "
                  + "point a SIP UA or `sipigw switch-sim --remote 127.0.0.1:\(ports.m3ua)` at it. Ctrl-C stops.\n")
            waitForInterrupt()
        }
    }

    /// The calls as the gateway recorded them, the switch's own statistics, and where things are.
    func summary(statistics: SwitchStatistics) -> String {
        var text = "Summary (from the gateway's call records):\n"
        text += "  #  direction    called          answered  ISUP cause  SIP status  released by  duration\n"
        let lines = String(decoding: (try? Self.read(recordsPath)) ?? [], as: UTF8.self).split(separator: "\n")
        for (n, line) in lines.enumerated() {
            guard let record = (try? JSONValue(parsing: line))?.object else { continue }
            let called = record["isupCalled"]?.string?.filter { $0 != "F" } ?? ""
            let cells = [
                "\(n + 1)".padded(3), (record["direction"]?.string ?? "").padded(13), called.padded(16),
                ((record["answer"] ?? .null) == .null ? "no" : "yes").padded(10), (record["isupCause"]?.int.map(String.init) ?? "-").padded(12),
                (record["sipStatus"]?.int.map(String.init) ?? "-").padded(12), (record["releasedBy"]?.string ?? "").padded(13),
                "\(record["durationSeconds"].flatMap(Self.number) ?? 0) s",
            ]
            text += "  " + cells.joined() + "\n"
        }
        text += "\nThe switch's statistics (switch-sim):\n"
        text += statistics.report.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        text += "\nCall records: \(recordsPath) (one JSON line per call, fields in docs/call-records.md)\n"
        if let metrics = configuration.metrics {
            text += "Metrics: http://\(metrics.host):\(metrics.port)/metrics (while the gateway runs)\n"
        }
        return text
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    private static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return out }
            out += chunk[0..<n]
        }
    }
}

extension String {
    /// Left-aligned in `width` columns (at least one space after).
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: Swift.max(1, width - count)) }
}

extension Duration {
    /// The duration in seconds, as a Double.
    public var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
