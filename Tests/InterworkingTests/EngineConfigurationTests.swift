import Foundation
import Interworking
import Testing

/// The engine's configuration is what the daemon's YAML decodes into: only what differs from the defaults is written.
@Suite struct EngineConfigurationTests {
    @Test func minimalConfigurationTakesTheDefaults() throws {
        let json = """
            {"sip": {"address": {"host": "127.0.0.1"}, "domain": "gw.it"},
             "trunks": [{"name": "a", "circuits": {"name": "a", "opc": 1, "dpc": 2, "cics": ["1-31"]},
                         "media": {"address": "127.0.0.9", "port": 4000}}],
             "peers": [{"name": "olo", "address": {"host": "127.0.0.2", "transport": "TCP"}, "domain": "olo2.it"}],
             "routes": {"toSIP": [{"prefix": "39", "peer": "olo"}]},
             "timers": {"t7": "30s", "t9": 120, "t11": null},
             "policy": {"sessionExpires": "1800s"}}
            """
        let config = try JSONDecoder().decode(EngineConfiguration.self, from: Data(json.utf8))
        #expect(config.sip.address.port == 5060)
        #expect(config.sip.address.transport == .udp)
        #expect(config.peers[0].address.transport == .tcp)
        #expect(config.peers[0].profile == .sipI)
        #expect(config.peers[0].causeProfile == "st769")
        #expect(config.trunks[0].networkIndicator == 2)
        #expect(config.timers.t7.duration == .seconds(30))
        #expect(config.timers.t9.duration == .seconds(120))
        #expect(config.timers.t11 == nil)
        #expect(config.timers.t1.duration == .seconds(15))
        #expect(config.policy.sessionExpires.duration == .seconds(1800))
        #expect(config.policy.noCircuit == CallPolicy.Refusal(sipStatus: 503, cause: 34))
        #expect(config.routes.toSIP[0].minimumLength == 1)
        let again = try JSONDecoder().decode(EngineConfiguration.self, from: JSONEncoder().encode(config))
        #expect(again == config)
    }

    @Test(arguments: [("500ms", 500), ("15s", 15_000), ("15", 15_000), ("0.5", 500), ("3min", 180_000), ("1h", 3_600_000)])
    func timerDurationText(_ text: String, milliseconds: Int) {
        #expect(TimerDuration(text: text)?.duration == .milliseconds(milliseconds))
    }

    @Test(arguments: ["", "s", "-1s", "fast", "1e400"])
    func timerDurationRefusals(_ text: String) {
        #expect(TimerDuration(text: text) == nil)
    }
}
