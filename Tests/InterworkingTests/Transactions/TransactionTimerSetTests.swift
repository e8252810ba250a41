@testable import Interworking
import Testing

/// `TransactionTimerSet` keeps one bit per `TransactionTimer` case, read from the case's one-octet representation:
/// every case must get a bit of its own, and the set must behave as a `Set` of timers does.
@Suite struct TransactionTimerSetTests {
    @Test func everyTimerHasItsOwnBit() {
        #expect(MemoryLayout<TransactionTimer>.size == 1 && TransactionTimer.allCases.count <= 16)
        for timer in TransactionTimer.allCases {
            var set = TransactionTimerSet()
            set.insert(timer)
            #expect(TransactionTimer.allCases.filter(set.contains) == [timer], "\(timer)")
        }
    }

    @Test func behavesAsASetOfTimers() {
        var set = TransactionTimerSet(), reference = Set<TransactionTimer>()
        // A fixed walk over insertions and removals of every case, compared with Set after each step.
        var state: UInt32 = 12345
        for _ in 0..<500 {
            state = state &* 1_103_515_245 &+ 12_345
            let timer = TransactionTimer.allCases[Int(state >> 16) % TransactionTimer.allCases.count]
            if state & 0x8000 == 0 {
                set.insert(timer)
                reference.insert(timer)
            } else {
                #expect(set.remove(timer) == (reference.remove(timer) != nil))
            }
            #expect(Set(TransactionTimer.allCases.filter(set.contains)) == reference)
            #expect(set.isEmpty == reference.isEmpty)
        }
    }
}
