import Foundation
import OracleSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 8, "Tests with real peers no one here wrote": SIPp (Debian `sip-tester`) as the SIP side of `sipigw run`,
/// `sipigw switch-sim` as the switch (M3UA over TCP on loopback, the gateway as SGP). Every process is started by
/// the test and stopped by its PID. SIPp judges the SIP side itself: its scenario fails a call whose messages do
/// not match (Tests/Fixtures/sipp/), and its statistics file counts successful and failed calls.
@Suite(.serialized) struct SIPpInterworkingTests {
    static let sipp = "/usr/bin/sipp"
    static let fixtures = DaemonEndToEndTests.root.appendingPathComponent("Tests/Fixtures/sipp")

    struct Ports {
        let sip = try! UDPExchange.freePort(), m3ua = try! UDPExchange.freePort()
        /// The SIP-I peer (profile B) on 127.0.0.1 and the plain SIP peer (profile A) on 127.0.0.2.
        let peerB = try! UDPExchange.freePort(), peerA = try! UDPExchange.freePort()
    }

    /// Tests/Fixtures/sipp/gateway.yaml on this run's ports.
    static func configuration(_ ports: Ports, records: String, cics: String = "1-31") throws -> String {
        var text = try String(contentsOf: fixtures.appendingPathComponent("gateway.yaml"), encoding: .utf8)
        for (name, value) in [("SIP_PORT", "\(ports.sip)"), ("M3UA_PORT", "\(ports.m3ua)"), ("PEER_B_PORT", "\(ports.peerB)"),
                              ("PEER_A_PORT", "\(ports.peerA)"), ("CICS", cics), ("RECORDS", records)] {
            text = text.replacingOccurrences(of: "@\(name)@", with: value)
        }
        return text
    }

    /// The gateway and the switch around a test; `body` gets the scratch directory, and the records once the
    /// gateway has stopped are returned with the switch's output.
    struct Run {
        let dir: URL
        let ports = Ports()
        var records: String { dir.appendingPathComponent("records.jsonl").path }

        func start(_ name: String, _ executable: String, _ arguments: [String]) throws -> PeerProcess {
            try PeerProcess(executable, arguments, log: dir.appendingPathComponent("\(name).log"))
        }

        /// The gateway as SGP (the fixture's association), or with `role` in its place: IPSP or ASP connecting to
        /// the switch. With `tcp`, it listens for SIP on UDP and TCP and reaches the SIP-I peer over TCP.
        func gateway(role: String = "sgp", tcp: Bool = false, cics: String = "1-31", extra: String = "") throws -> PeerProcess {
            let config = dir.appendingPathComponent("gateway.yaml")
            var text = try SIPpInterworkingTests.configuration(ports, records: records, cics: cics)
            if tcp {
                text = text.replacingOccurrences(of: "address: { host: 127.0.0.1, port: \(ports.peerB) }",
                                                 with: "address: { host: 127.0.0.1, port: \(ports.peerB), transport: TCP }")
                text += "listeners: [{ host: 127.0.0.1, port: \(ports.sip), transport: UDP }, { host: 127.0.0.1, port: \(ports.sip), transport: TCP }]\n"
            }
            text += extra
            if role != "sgp" {
                text = text.replacingOccurrences(of: "role: sgp, transport: tcp, local: [\"127.0.0.1:\(ports.m3ua)\"]",
                                                 with: "role: \(role), transport: tcp, remote: [\"127.0.0.1:\(ports.m3ua)\"]")
            }
            try text.write(to: config, atomically: true, encoding: .utf8)
            return try start("gateway", Command.builtProduct("sipigw"), [
                "run", "--config", config.path, "--mappings", DaemonEndToEndTests.root.appendingPathComponent("Mappings").path,
            ])
        }

        /// The switch as ASP toward the gateway's SGP, or with `role` listening for the gateway (IPSP, SGP).
        func switchSim(role: String = "asp", _ arguments: [String]) throws -> PeerProcess {
            let address = role == "asp" ? ["--remote", "127.0.0.1:\(ports.m3ua)"] : ["--role", role, "--local", "127.0.0.1:\(ports.m3ua)"]
            return try start("switch-sim", Command.builtProduct("sipigw"), ["switch-sim", "--trace"] + address + arguments)
        }

        /// SIPp with a scenario of Tests/Fixtures/sipp, its statistics in `<name>.csv`, a global timeout so that
        /// it always ends.
        func sipp(_ name: String, scenario: URL, _ arguments: [String]) throws -> PeerProcess {
            try start(name, SIPpInterworkingTests.sipp, ["-sf", scenario.path, "-nostdin", "-timeout", "30", "-trace_stat",
                                                          "-stf", dir.appendingPathComponent("\(name).csv").path, "-fd", "1",
                                                          "-trace_err", "-error_file", dir.appendingPathComponent("\(name)-errors.log").path]
                                 + arguments)
        }

        /// SIPp's last statistics row, by column name (SuccessfulCall(C), FailedCall(C), ...).
        func statistics(_ name: String) throws -> [String: String] {
            let lines = try String(contentsOf: dir.appendingPathComponent("\(name).csv"), encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
            guard let header = lines.first, let last = lines.last, lines.count > 1 else { return [:] }
            return Dictionary(zip(header, last), uniquingKeysWith: { a, _ in a })
        }

        func callRecords() -> [[String: Any]] {
            let text = (try? String(contentsOfFile: records, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }

        /// Waits (bounded) for a process to exit by itself.
        func exited(_ peer: PeerProcess, within seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while peer.process.isRunning, Date() < deadline { usleep(20_000) }
            return !peer.process.isRunning
        }

        /// tshark capturing loopback with `filter` into sip.pcap, once it is capturing; nil without tshark (an
        /// error under CI).
        func captureSIP(_ filter: String) throws -> PeerProcess? {
            guard Tshark.isAvailable else {
                #expect(!Tshark.isCI, "\(Tshark.missingNote)")
                return nil
            }
            let tshark = try start("tshark", Tshark.tsharkPath, ["-i", "lo", "-f", filter, "-w", dir.appendingPathComponent("sip.pcap").path])
            #expect(logged(tshark, "Capturing on"), "\(tshark.log)")
            return tshark
        }

        /// Stops the capture and returns `_ws.malformed`, `_ws.expert.severity` and `fields` of each packet,
        /// after checking that no packet is malformed and no item has error severity.
        func capturedSIP(_ tshark: PeerProcess, fields: [String]) throws -> [[String]] {
            usleep(300_000)
            tshark.stop()
            let rows = try Tshark.fields(ofFile: dir.appendingPathComponent("sip.pcap"),
                                         fields: ["_ws.malformed", "_ws.expert.severity"] + fields)
            #expect(rows.allSatisfy { $0[0].isEmpty && !$0[1].contains(Tshark.errorSeverity) }, "\(rows)")
            return rows
        }

        /// Waits (bounded) until a process's log holds `text`.
        func logged(_ peer: PeerProcess, _ text: String, within seconds: Double = 10) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while !peer.log.contains(text), Date() < deadline { usleep(20_000) }
            return peer.log.contains(text)
        }
    }

    static func withRun(_ body: (Run) throws -> Void) throws {
        guard FileManager.default.isExecutableFile(atPath: sipp) else {
            #expect(!Tshark.isCI, "sipp not installed (apt-get install sip-tester); the SIPp tests are skipped")
            return
        }
        try ScratchDirectory.with("sipp") { try body(Run(dir: $0)) }
    }

    /// switch-sim → gateway → SIPp UAS: five calls placed by the switch, each INVITE checked by SIPp's scenario
    /// (E.164 Request-URI, the IAM encapsulated for the profile B peer), answered, held 300 ms, released by the
    /// switch (REL 16 → BYE). SIPp counts 5 successful calls and no failure, the switch 5 answered, tshark finds
    /// every packet of the SIP side well formed with the IAM in each INVITE and the REL in each BYE, and the
    /// gateway writes 5 records of ISUP-released calls.
    @Test func switchCallsAnsweredBySIPp() throws {
        try Self.withRun { run in
            let uas = try run.sipp("uas", scenario: Self.fixtures.appendingPathComponent("uas-answer.xml"),
                                   ["-i", "127.0.0.1", "-p", "\(run.ports.peerB)", "-m", "5"])
            defer { uas.stop() }
            // tshark capturing the SIP side on loopback (issue 8): no malformed packet, the encapsulated ISUP decoded.
            let tshark = try run.captureSIP("udp port \(run.ports.sip) or udp port \(run.ports.peerB)")
            defer { tshark?.stop() }
            let gateway = try run.gateway()
            defer { gateway.stop() }
            let sim = try run.switchSim(["--calls", "5", "--rate", "20", "--hold", "300ms",
                                         "--numbers", "0612345678,0612345679"])
            defer { sim.stop() }
            #expect(run.exited(sim, within: 20), "switch-sim did not finish:\n\(sim.log)\ngateway:\n\(gateway.log)")
            #expect(sim.log.contains("outgoing attempts=5 answered=5 failed=0"), "\(sim.log)")
            #expect(run.exited(uas, within: 10), "SIPp did not end after 5 calls:\n\(uas.log)")
            #expect(uas.process.terminationStatus == 0, "SIPp reports failed calls:\n\(uas.log)")
            let stats = try run.statistics("uas")
            #expect(stats["SuccessfulCall(C)"] == "5", "\(stats)")
            #expect(stats["FailedCall(C)"] == "0", "\(stats)")
            gateway.stop()
            if let tshark {
                let rows = try run.capturedSIP(tshark, fields: ["sip.Method", "sip.Status-Code", "isup.message_type"])
                let invites = rows.filter { $0[2] == "INVITE" }
                #expect(invites.count >= 5 && invites.allSatisfy { $0[4] == "1" }, "INVITEs without an IAM: \(rows)")
                // The gateway's BYE after the switch's REL carries it (Q.1912.5 §7.3, encapsulated REL = 12).
                #expect(rows.filter { $0[2] == "BYE" && $0[4] == "12" }.count >= 5, "\(rows)")
            }
            let records = Self.expectRecords(run, count: 5, direction: "isup-to-sip", releasedBy: "isup", log: gateway.log)
            for record in records {
                #expect(record["isupCause"] as? Int == 16)
                #expect((record["sipTo"] as? String)?.hasPrefix("sip:+39061234567") == true)
            }
        }
    }

    /// SIP over TCP (RFC 3261 §18.3) both ways: switch-sim → gateway → SIPp UAS on one TCP connection (`-t t1`),
    /// the gateway opening it; then SIPp UAC over TCP → gateway's TCP listener → switch-sim. SIPp's scenarios
    /// check every message; tshark finds the SIP over TCP well formed, the IAM in each INVITE; records as over UDP.
    @Test func sipOverTCPBothWays() throws {
        try Self.withRun { run in
            let uas = try run.sipp("uas", scenario: Self.fixtures.appendingPathComponent("uas-answer.xml"),
                                   ["-t", "t1", "-i", "127.0.0.1", "-p", "\(run.ports.peerB)", "-m", "3"])
            defer { uas.stop() }
            let tshark = try run.captureSIP("tcp port \(run.ports.peerB)")
            defer { tshark?.stop() }
            let gateway = try run.gateway(tcp: true)
            defer { gateway.stop() }
            let sim = try run.switchSim(["--calls", "3", "--rate", "20", "--hold", "300ms", "--answer", "answer", "--ring", "50ms",
                                         "--linger", "30s"])
            defer { sim.stop() }
            #expect(run.exited(uas, within: 20), "SIPp did not end after 3 calls:\n\(uas.log)\ngateway:\n\(gateway.log)")
            #expect(uas.process.terminationStatus == 0, "SIPp reports failed calls:\n\(uas.log)\ngateway:\n\(gateway.log)")
            #expect(try run.statistics("uas")["SuccessfulCall(C)"] == "3")
            let uac = try run.sipp("uac", scenario: Self.fixtures.appendingPathComponent("uac-plain.xml"),
                                   ["127.0.0.1:\(run.ports.sip)", "-t", "t1", "-s", "+390612345678", "-i", "127.0.0.2",
                                    "-p", "\(run.ports.peerA)", "-m", "2", "-r", "10", "-d", "200"])
            defer { uac.stop() }
            #expect(run.exited(uac, within: 20), "SIPp UAC did not end:\n\(uac.log)")
            #expect(uac.process.terminationStatus == 0, "SIPp UAC reports failed calls:\n\(uac.log)\ngateway:\n\(gateway.log)")
            #expect(try run.statistics("uac")["SuccessfulCall(C)"] == "2")
            sim.stop()
            #expect(sim.log.contains("outgoing attempts=3 answered=3 failed=0"), "\(sim.log)")
            #expect(sim.log.contains("incoming calls=2 answered=2"), "\(sim.log)")
            gateway.stop()
            if let tshark {
                let rows = try run.capturedSIP(tshark, fields: ["sip.Method", "isup.message_type", "sip.Via"])
                let invites = rows.filter { $0[2] == "INVITE" }
                #expect(invites.count == 3 && invites.allSatisfy { $0[3] == "1" && $0[4].hasPrefix("SIP/2.0/TCP") }, "\(rows)")
            }
            let records = run.callRecords()
            #expect(records.filter { $0["direction"] as? String == "isup-to-sip" && $0["sipStatus"] as? Int == 200 }.count == 3,
                    "\(records)")
            #expect(records.filter { $0["direction"] as? String == "sip-to-isup" && $0["sipStatus"] as? Int == 200 }.count == 2,
                    "\(records)")
        }
    }

    /// Issue 8, layer management: `sipigw ctl asp` drives the gateway's ASP toward the switch's SGP (RFC 4666
    /// §4.3.4): `inactive` (ASPIA) and `down` (ASPDN, association closed) take the association down in the
    /// daemon's view, `active` brings it back (ASPUP, ASPAC, and the gateway resets the circuits again: GRS, Q.764
    /// §2.9.3.2). The switch's two calls are answered by SIPp. A bad state and an unknown association are refused.
    @Test func layerManagementThroughCtl() throws {
        try Self.withRun { run in
            let control = try UDPExchange.freePort()
            let uas = try run.sipp("uas", scenario: Self.fixtures.appendingPathComponent("uas-answer.xml"),
                                   ["-i", "127.0.0.1", "-p", "\(run.ports.peerB)", "-m", "2"])
            defer { uas.stop() }
            let sim = try run.switchSim(role: "sgp", ["--calls", "2", "--rate", "20", "--hold", "200ms", "--linger", "30s"])
            defer { sim.stop() }
            let gateway = try run.gateway(role: "asp", extra: "control: { host: 127.0.0.1, port: \(control) }\n")
            defer { gateway.stop() }
            func ctl(_ arguments: String...) throws -> Command.Result {
                try Command.run(Command.builtProduct("sipigw"), ["ctl", "--control", "127.0.0.1:\(control)"] + arguments)
            }
            func up() -> Bool? {
                guard let r = try? ctl("associations"), r.status == 0,
                      let o = try? JSONSerialization.jsonObject(with: Data(r.output)) as? [String: Any],
                      let list = o["associations"] as? [[String: Any]] else { return nil }
                return list.first?["up"] as? Bool
            }
            func waitUp(_ expected: Bool) -> Bool {
                let deadline = Date().addingTimeInterval(15)
                while up() != expected, Date() < deadline { usleep(100_000) }
                return up() == expected
            }
            func resets() -> Int { sim.log.components(separatedBy: "← GRS").count - 1 }
            #expect(waitUp(true), "\(gateway.log)")
            for (state, expected) in [("inactive", false), ("active", true), ("down", false), ("active", true)] {
                let before = resets()
                let r = try ctl("asp", "switch", state)
                #expect(r.status == 0, "\(state): \(r.stdout) \(r.stderr)")
                #expect(waitUp(expected), "after \(state): \(gateway.log)")
                if expected {
                    let deadline = Date().addingTimeInterval(10)
                    while resets() == before, Date() < deadline { usleep(100_000) }
                    #expect(resets() > before, "no GRS after \(state):\n\(sim.log)")
                }
            }
            #expect(try ctl("asp", "switch", "sideways").status == 1)
            #expect(try ctl("asp", "nowhere", "active").status == 1)
            #expect(run.exited(uas, within: 20), "SIPp did not get its 2 calls:\n\(uas.log)\nswitch:\n\(sim.log)")
            #expect(uas.process.terminationStatus == 0, "\(uas.log)")
        }
    }

    /// The other M3UA roles (RFC 4666 §1.3), the switch listening: gateway IPSP ↔ switch IPSP (single exchange,
    /// §4.3.4.3), and gateway ASP → switch SGP; two calls each through to SIPp.
    @Test(arguments: [("ipsp", "ipsp"), ("asp", "sgp")])
    func otherM3UARoles(gateway gatewayRole: String, switch switchRole: String) throws {
        try Self.withRun { run in
            let uas = try run.sipp("uas", scenario: Self.fixtures.appendingPathComponent("uas-answer.xml"),
                                   ["-i", "127.0.0.1", "-p", "\(run.ports.peerB)", "-m", "2"])
            defer { uas.stop() }
            let sim = try run.switchSim(role: switchRole, ["--calls", "2", "--rate", "20", "--hold", "200ms"])
            defer { sim.stop() }
            let gateway = try run.gateway(role: gatewayRole)
            defer { gateway.stop() }
            #expect(run.exited(sim, within: 20), "switch-sim did not finish:\n\(sim.log)\ngateway:\n\(gateway.log)")
            #expect(sim.log.contains("outgoing attempts=2 answered=2 failed=0"), "\(sim.log)")
            #expect(run.exited(uas, within: 10), "SIPp did not end after 2 calls:\n\(uas.log)")
            #expect(uas.process.terminationStatus == 0, "\(uas.log)")
            gateway.stop()
            _ = Self.expectRecords(run, count: 2, direction: "isup-to-sip", releasedBy: "isup", log: gateway.log)
        }
    }

    /// SIPp UAC (plain SIP, profile A) → gateway → switch-sim: three INVITEs with SDP only become IAMs the switch
    /// answers (ACM, ANM 50 ms later); SIPp sends BYE after 200 ms, the switch gets REL and answers RLC.
    @Test func plainSIPCallsAnsweredByTheSwitch() throws {
        try Self.withRun { run in
            let (sim, records) = try Self.callsFromSIPp(run, scenario: Self.fixtures.appendingPathComponent("uac-plain.xml"),
                                                          from: "127.0.0.2", port: run.ports.peerA)
            #expect(records.allSatisfy { $0["peer"] as? String == "olo-plain" })
            #expect(sim.contains("← IAM"), "\(sim)")
        }
    }

    /// SIPp UAC (SIP-I, profile B) → gateway → switch-sim: the INVITE carries the IAM (hand-encoded from Q.763
    /// below); the IAM the switch receives takes the calling party number from it (Q.1912.5 §6.1: the
    /// encapsulated IAM's parameters are used), in the trunk's national form.
    @Test func sipICallsAnsweredByTheSwitch() throws {
        try Self.withRun { run in
            // Q.763 §1.3 IAM without CIC (RFC 3204 body): type 01; NCI 00; FCI 60 01; CPC 0A (ordinary); TMR 00
            // (speech); pointers 02 0A; CdPN (§3.9) 08: NAI 4 even, INN 0 NPI 1, "390612345678"; CgPN (§3.10) 0A
            // 08: NAI 4 even, NPI 1 APRI 0 SI 3, "390298765432" (on the NNI numbers are international, ST 769
            // §7.3); end of optional parameters 00.
            let iam: [UInt8] = [0x01, 0x00, 0x60, 0x01, 0x0A, 0x00, 0x02, 0x0A, 0x08, 0x04, 0x10, 0x93, 0x60, 0x21, 0x43, 0x65,
                                0x87, 0x0A, 0x08, 0x04, 0x13, 0x93, 0x20, 0x89, 0x67, 0x45, 0x23, 0x00]
            // SIPp's [file name=...] ends the name at a '-', which every scratch directory holds.
            let iamFile = FileManager.default.temporaryDirectory
                .appendingPathComponent("sipigw_iam_\(getpid())_\(UInt32.random(in: 0 ... .max)).bin")
            try Data(iam).write(to: iamFile)
            defer { try? FileManager.default.removeItem(at: iamFile) }
            let template = try String(contentsOf: Self.fixtures.appendingPathComponent("uac-sipi.xml"), encoding: .utf8)
            let scenario = run.dir.appendingPathComponent("uac-sipi.xml")
            try template.replacingOccurrences(of: "@ISUP_FILE@", with: iamFile.path).write(to: scenario, atomically: true, encoding: .utf8)
            let (sim, records) = try Self.callsFromSIPp(run, scenario: scenario, from: "127.0.0.1", port: run.ports.peerB)
            #expect(records.allSatisfy { $0["peer"] as? String == "olo-sipi" })
            #expect(sim.contains("calling 0298765432"), "\(sim)")
        }
    }

    /// Three calls from SIPp at `from`:`port` to +390612345678, answered by the switch; SIPp's verdict, the
    /// switch's statistics and the gateway's records checked. Returns the switch's output and the records.
    static func callsFromSIPp(_ run: Run, scenario: URL, from host: String, port: UInt16) throws -> (String, [[String: Any]]) {
        let gateway = try run.gateway()
        defer { gateway.stop() }
        let sim = try run.switchSim(["--answer", "answer", "--ring", "50ms"])
        defer { sim.stop() }
        #expect(run.logged(sim, "→ GRA"), "no circuit reset:\n\(sim.log)\ngateway:\n\(gateway.log)")
        let uac = try run.sipp("uac", scenario: scenario, ["127.0.0.1:\(run.ports.sip)", "-s", "+390612345678",
                                                           "-i", host, "-p", "\(port)", "-m", "3", "-r", "10", "-d", "200"])
        defer { uac.stop() }
        #expect(run.exited(uac, within: 20), "SIPp did not end:\n\(uac.log)")
        #expect(uac.process.terminationStatus == 0, "SIPp reports failed calls:\n\(uac.log)\ngateway:\n\(gateway.log)")
        let stats = try run.statistics("uac")
        #expect(stats["SuccessfulCall(C)"] == "3", "\(stats)")
        #expect(stats["FailedCall(C)"] == "0", "\(stats)")
        sim.stop()
        #expect(sim.log.contains("incoming calls=3 answered=3 answer=3"), "\(sim.log)")
        gateway.stop()
        return (sim.log, expectRecords(run, count: 3, direction: "sip-to-isup", releasedBy: "sip", log: gateway.log))
    }

    /// The gateway's records: `count` answered calls (SIP 200) in `direction`, released by `releasedBy`.
    static func expectRecords(_ run: Run, count: Int, direction: String, releasedBy: String, log: String) -> [[String: Any]] {
        let records = run.callRecords()
        #expect(records.count == count, "\(log)")
        for record in records {
            #expect(record["direction"] as? String == direction, "\(record)")
            #expect(record["releasedBy"] as? String == releasedBy, "\(record)")
            #expect(record["sipStatus"] as? Int == 200, "\(record)")
            #expect(record["answer"] != nil, "\(record)")
        }
        return records
    }
}
