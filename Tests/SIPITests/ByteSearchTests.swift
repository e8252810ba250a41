import Testing
@testable import SIPI

/// `ArraySlice.range(of:)` against the standard library's `firstRange(of:)` on slices that do not start at 0,
/// with patterns at the start, the end, overlapping partial matches, absent, and longer than the slice.
@Suite struct ByteSearchTests {
    @Test func agreesWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let octets = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 10...13, using: &generator) }
            let slice = octets.dropFirst(min(octets.count, 3))
            let pattern = (0..<Int.random(in: 1...5, using: &generator)).map { _ in UInt8.random(in: 10...13, using: &generator) }
            #expect(slice.range(of: pattern) == slice.firstRange(of: pattern), "\(Array(slice)) \(pattern)")
        }
    }
}
