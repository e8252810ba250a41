import Foundation
import Interworking
import Testing

/// The trunk configuration as the daemon reads it (JSON here; YAML decodes to the same Codable values).
@Suite struct CircuitConfigurationTests {
    @Test func decodesRangesAsTextOrFieldsWithDefaults() throws {
        let json = #"{"name":"sw1","opc":2000,"dpc":1000,"cics":["1-31"," 33 - 40 ",{"first":64},{"first":70,"last":72}]}"#
        let c = try JSONDecoder().decode(CircuitGroupConfiguration.self, from: Data(json.utf8))
        #expect(c.cics.map(\.description) == ["1-31", "33-40", "64", "70-72"])
        #expect(c.selection == CircuitSelection(order: .ascending, preferControlledCircuits: true))
        // Q.764 Annex A (isup-q763.md §6.3): 15 s within 15–60 s, 300 s within 5–15 min.
        #expect(c.timers.duration(.t12) == .seconds(15) && c.timers.duration(.t13) == .seconds(300))
        #expect(CircuitTimer.Name.allCases.allSatisfy {
            c.timers.duration($0) == ($0.isLong ? .seconds(300) : .seconds(15))
        })
        #expect(CircuitGroup(c).equippedCICs.count == 31 + 8 + 1 + 3)
        // Round trip: ranges are written as text.
        let again = try JSONDecoder().decode(CircuitGroupConfiguration.self, from: JSONEncoder().encode(c))
        #expect(again == c)
    }

    @Test func partialTimersAndSelection() throws {
        let json = #"{"name":"x","opc":1,"dpc":2,"cics":["1-2"],"selection":{"order":"roundRobin"},"timers":{"t16":30}}"#
        let c = try JSONDecoder().decode(CircuitGroupConfiguration.self, from: Data(json.utf8))
        #expect(c.selection == CircuitSelection(order: .roundRobin))
        #expect(c.timers.t16 == 30 && c.timers.t17 == 300)
    }

    @Test(arguments: [#""31-1""#, #""1-4096""#, #""a-b""#, #"{"first":5,"last":4}"#])
    func rejectsBadRanges(_ range: String) {
        let json = #"{"name":"x","opc":1,"dpc":2,"cics":["# + range + "]}"
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CircuitGroupConfiguration.self, from: Data(json.utf8))
        }
    }
}
