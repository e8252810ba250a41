import Foundation
import M3UA
import Testing

/// The Codable configuration: defaults from the digest (E.9, E.10) when a key is absent.
@Suite struct ConfigurationTests {
    @Test("timer defaults: T(ack) 2 s (RFC 4666 §4.3.4.1), T(r) 2 s, T(beat) 30 s (digest E.9, E.10)")
    func timerDefaults() throws {
        let t = try JSONDecoder().decode(M3UATimerConfiguration.self, from: Data("{}".utf8))
        #expect(t == M3UATimerConfiguration())
        #expect(t.ack == 2 && t.recovery == 2 && t.beat == 30)
    }

    @Test("an explicit null turns BEAT off; given values win")
    func timerOverrides() throws {
        let t = try JSONDecoder().decode(M3UATimerConfiguration.self, from: Data(#"{"beat": null, "ack": 0.5}"#.utf8))
        #expect(t.beat == nil)
        #expect(t.ack == 0.5)
        #expect(t.recovery == 2)
    }

    @Test("ASP and SGP configurations decode from a partial document and round-trip")
    func partialDocuments() throws {
        let asp = try JSONDecoder().decode(ASPConfiguration.self, from: Data(#"{"role": "ipsp", "routingContexts": [7], "trafficMode": 2}"#.utf8))
        #expect(asp.role == .ipsp && asp.routingContexts == [7] && asp.trafficMode == .loadshare && asp.outboundStreams == 2)
        #expect(try JSONDecoder().decode(ASPConfiguration.self, from: JSONEncoder().encode(asp)) == asp)
        let sgp = try JSONDecoder().decode(SGPConfiguration.self, from: Data(#"{"applicationServers": [{"routingContext": 9}]}"#.utf8))
        #expect(sgp.applicationServers == [ApplicationServerConfiguration(routingContext: 9)])
        #expect(sgp.applicationServers.first?.trafficMode == .override)
    }
}
