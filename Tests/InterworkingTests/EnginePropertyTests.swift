import Foundation
import Testing

/// A property of the whole engine: random interleavings of valid and invalid events (`PropertyRun`) never crash it,
/// and once the network has settled (`PropertyNetwork.settle`) every circuit is idle, no call, transaction or timer
/// is left, and every call that started produced exactly one record (refused ones at most one).
///
/// A failure names its seed and the shortest failing prefix found; `SIPIGW_PROPERTY_SEED=<seed>` (and
/// `SIPIGW_PROPERTY_EVENTS=<count>`) replays one run and prints its steps; `SIPIGW_PROPERTY_RUNS=<n>` runs seeds 0..<n.
@Suite struct EnginePropertyTests {
    static let runs: UInt64 = 60
    static let events = 300

    @Test func randomInterleavingsSettleClean() {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["SIPIGW_PROPERTY_SEED"].flatMap(UInt64.init) {
            let events = environment["SIPIGW_PROPERTY_EVENTS"].flatMap(Int.init) ?? Self.events
            let (violations, log) = PropertyRun.run(seed: seed, events: events)
            print(log.enumerated().map { "\($0.offset): \($0.element)" }.joined(separator: "\n"))
            #expect(violations.isEmpty, "seed \(seed), \(events) events: \(violations.joined(separator: "; "))")
            return
        }
        let runs = environment["SIPIGW_PROPERTY_RUNS"].flatMap(UInt64.init) ?? Self.runs
        for seed in 0..<runs {
            guard !PropertyRun.run(seed: seed, events: Self.events).violations.isEmpty else { continue }
            let (count, violations, log) = Self.shortestFailingPrefix(seed: seed, events: Self.events)
            Issue.record("""
                seed \(seed) fails after \(count) events (SIPIGW_PROPERTY_SEED=\(seed) SIPIGW_PROPERTY_EVENTS=\(count)):
                \(violations.joined(separator: "\n"))
                last steps:
                \(log.suffix(40).joined(separator: "\n"))
                """)
        }
    }

    /// The smallest event count (by bisection) at which the seed still fails.
    static func shortestFailingPrefix(seed: UInt64, events: Int) -> (Int, [String], [String]) {
        var passing = 0, failing = events
        var result = PropertyRun.run(seed: seed, events: events)
        while failing - passing > 1 {
            let middle = (passing + failing) / 2
            let attempt = PropertyRun.run(seed: seed, events: middle)
            if attempt.violations.isEmpty {
                passing = middle
            } else {
                failing = middle
                result = attempt
            }
        }
        return (failing, result.violations, result.log)
    }
}
