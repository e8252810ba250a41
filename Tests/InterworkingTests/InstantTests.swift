import Interworking
import Testing

@Suite struct InstantTests {
    @Test func arithmeticAndOrder() {
        let t = Instant.zero + .milliseconds(1500)
        #expect(t - .zero == .milliseconds(1500))
        #expect(Instant.zero < t)
        #expect(t.description == "1.500s")
        #expect((t + .milliseconds(7)).description == "1.507s")
    }
}
