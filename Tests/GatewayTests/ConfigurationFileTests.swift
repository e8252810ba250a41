import Foundation
import Gateway
import Interworking
import OracleSupport
import Testing

/// The daemon's configuration files (issue 8, Configuration): the shipped ones load, mistakes name file, line and key.
@Suite struct ConfigurationFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var shipped: [String] {
        let config = root.appendingPathComponent("Config")
        let examples = (try? FileManager.default.contentsOfDirectory(atPath: config.appendingPathComponent("examples").path)) ?? []
        return ["Config/gateway.yaml"] + examples.filter { $0.hasSuffix(".yaml") }.sorted().map { "Config/examples/" + $0 }
    }

    @Test(arguments: shipped)
    func shippedFilesLoad(_ path: String) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        let config = try GatewayConfiguration(yaml: text, file: path)
        #expect(!config.engine.trunks.isEmpty)
        #expect(!config.engine.peers.isEmpty)
        #expect(!config.associations.isEmpty)
    }

    @Test func defaultFileValues() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Config/gateway.yaml"), encoding: .utf8)
        let config = try GatewayConfiguration(yaml: text, file: "gateway.yaml")
        #expect(config.engine.trunks[0].circuits.cics.map(\.description) == ["1-31", "33-63"])
        #expect(config.engine.timers.t7.duration == .seconds(20))
        #expect(config.engine.timers.t1.duration == .seconds(15))
        #expect(config.engine.peers[0].profile == .sipI)
        #expect(config.associations[0].role == .sgp)
        #expect(config.associations[0].remote == ["127.0.0.1"])
        #expect(config.listeners.count == 2)
        #expect(config.metrics?.port == 9464)
    }

    static let base = """
        sip: { address: { host: 127.0.0.1 }, domain: gw.it }
        trunks:
          - name: a
            circuits: { name: a, opc: 1, dpc: 2, cics: ["1-31"] }
            media: { address: 127.0.0.1, port: 4000 }
        peers:
          - { name: olo, address: { host: 127.0.0.2 }, domain: olo.it }
        routes:
          toSIP: [{ prefix: "39", peer: olo }]
        """

    /// Each mistake: the line and column of the offending node and the key path (derived by hand from the text).
    @Test(arguments: [
        ("trunks:\n  - name: a\n    circuits: { name: a, opc: 1, dpc: 2, cics: [\"1-x\"] }\n    media: { address: 127.0.0.1, port: 4000 }\n",
         3, "trunks[0].circuits.cics[0]"),
        ("timers: { t7: fast }\n", 1, "timers.t7"),
        ("routes:\n  toSIP: [{ prefix: \"39\", peer: nobody }]\n", 2, "routes.toSIP[0].peer"),
        ("peers:\n  - { name: olo, domain: olo.it }\n", 2, "peers[0].address"),
        ("trunks:\n  - name: a\n    circuits: { name: a, opc: 99999, dpc: 2, cics: [\"1-31\"] }\n    media: { address: 127.0.0.1, port: 4000 }\n",
         3, "trunks[0].circuits.opc"),
        ("metrics: { port: 9464 }\ncontrol: { host: 192.0.2.1, port: 9465 }\n", 2, "control.host"),
        ("metrics: { port: 9464 }\ncontrol: { port: 9464 }\n", 2, "control.port"),
        // An SGP's remote lists the ASPs it serves: addresses (or address:port), several even over TCP.
        ("m3ua:\n  associations:\n    - { name: s, role: sgp, transport: tcp, local: [\"127.0.0.1:2905\"], remote: [\"127.0.0.1\", \"switch-a\"] }\n",
         3, "m3ua.associations[0].remote[1]"),
    ])
    func mistakesNameLineAndKey(_ replacement: String, line: Int, key: String) throws {
        // The replacement goes first; the base's own keys that it redefines are dropped.
        let replaced = Set(replacement.split(separator: "\n").compactMap { $0.first?.isLetter == true ? $0.split(separator: ":").first : nil })
        var kept = [Substring]()
        var skipping = false
        for l in Self.base.split(separator: "\n") {
            if l.first?.isLetter == true { skipping = replaced.contains(l.split(separator: ":")[0]) }
            if !skipping { kept.append(l) }
        }
        let text = replacement + kept.joined(separator: "\n") + "\n"
        let error = #expect(throws: ConfigurationError.self) { try GatewayConfiguration(yaml: text, file: "x.yaml") }
        #expect(error?.line == line, "\(error?.description ?? "")\n\(text)")
        #expect(error?.key == key, "\(error?.description ?? "")")
        #expect(error?.description.hasPrefix("x.yaml:\(line):") == true)
    }

    /// `sipigw config check`: exit 0 and a summary for the shipped file, exit 1 and FILE:LINE on a mistake.
    @Test func checkCommand() throws {
        let sipigw = Command.builtProduct("sipigw")
        let ok = try Command.run(sipigw, ["config", "check", Self.root.appendingPathComponent("Config/gateway.yaml").path,
                                                  "--mappings", Self.root.appendingPathComponent("Mappings").path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("trunk switch-a: OPC 1 DPC 2, 62 circuits"))
        let refused = try ScratchDirectory.with("config-check") { dir in
            let bad = dir.appendingPathComponent("bad.yaml")
            try (Self.base + "\npolicy: { sessionExpires: soon }\n").write(to: bad, atomically: true, encoding: .utf8)
            return try Command.run(sipigw, ["config", "check", bad.path, "--mappings", Self.root.appendingPathComponent("Mappings").path])
        }
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.yaml:10:27:"))
        #expect(refused.stderr.contains("policy.sessionExpires"))
    }
}
