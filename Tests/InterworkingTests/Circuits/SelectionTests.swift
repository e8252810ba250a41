import ISUP
import Interworking
import OracleSupport
import Testing

/// Outgoing circuit selection and dual seizure (Q.764 §2.9.1.4, isup-q763.md §6.5: the exchange with the higher
/// point code controls the even CICs).
@Suite struct SelectionTests {
    @Test func policies() {
        var ascending = trunk(["1-4"], preferControlled: false)
        #expect([ascending.seizeOutgoing(), ascending.seizeOutgoing()] == [1, 2])
        var descending = trunk(["1-4"], order: .descending, preferControlled: false)
        #expect([descending.seizeOutgoing(), descending.seizeOutgoing()] == [4, 3])

        var roundRobin = trunk(["1-4"], order: .roundRobin, preferControlled: false)
        #expect(roundRobin.seizeOutgoing() == 1)
        roundRobin.releaseToIdle(1)
        #expect(roundRobin.seizeOutgoing() == 2)
        roundRobin.releaseToIdle(2)
        #expect([roundRobin.seizeOutgoing(), roundRobin.seizeOutgoing(), roundRobin.seizeOutgoing()] == [3, 4, 1])

        var lru = trunk(["1-4"], order: .leastRecentlyReleased, preferControlled: false)
        let all = (0..<4).map { _ in lru.seizeOutgoing() }
        #expect(all == [1, 2, 3, 4])  // never used: lowest first
        for cic in [3, 1, 4, 2] { lru.releaseToIdle(CIC(cic)) }
        #expect([lru.seizeOutgoing(), lru.seizeOutgoing()] == [3, 1])
        #expect(lru.seizeOutgoing() == 4)
    }

    @Test func controlledCircuitsFirst() {
        // Higher point code → even CICs first; lower → odd CICs first; then the others.
        var high = trunk(["1-4"], opc: 2000, dpc: 1000)
        #expect((0..<4).map { _ in high.seizeOutgoing() } == [2, 4, 1, 3])
        var low = trunk(["1-4"], opc: 1000, dpc: 2000, order: .descending)
        #expect((0..<4).map { _ in low.seizeOutgoing() } == [3, 1, 4, 2])
        #expect(low.seizeOutgoing() == nil)
    }

    @Test(arguments: [(UInt32(2000), UInt32(1000)), (UInt32(1000), UInt32(2000))])
    func dualSeizure(opc: UInt32, dpc: UInt32) {
        // Q.764 §2.9.1.4: on the circuits we control the incoming IAM is disregarded; on the others our call backs
        // off and the incoming call takes the circuit.
        let weHigher = opc > dpc
        for cic in [2, 3] {
            var g = trunk(["2-3"], opc: opc, dpc: dpc, preferControlled: false)
            if cic == 3 { _ = g.seizeOutgoing() }
            #expect(g.seizeOutgoing() == CIC(cic))
            let weControl = weHigher == (cic % 2 == 0)
            #expect(g.seizeIncoming(CIC(cic), at: t0) == .dualSeizure(weControl: weControl))
            #expect(g.state(of: CIC(cic))?.call == (weControl ? .outgoingSeized : .incomingBusy))
        }
    }

    @Test func afterTheFirstBackwardMessageAnIAMIsUnexpected() {
        // Q.764 §2.9.5: an IAM on a circuit whose call is under way → the circuit is reset (RSC `02 00 12`).
        var g = trunk(["2"])
        #expect(g.seizeOutgoing() == 2)
        g.backwardMessageReceived(2)
        guard case .busy(let actions) = g.seizeIncoming(2, at: t0) else {
            Issue.record("expected busy")
            return
        }
        #expect(actions.sent == [hex("02 00 12")] && actions.releasedCalls == [2])
        #expect(g.seizeIncoming(2, at: t0) == .resetInProgress)
    }

    @Test func neverOffersAnUnusableCircuit() throws {
        // The invariant under random traffic: whatever happens, seizeOutgoing returns only an idle circuit that is
        // unblocked both ways, not resetting and not awaiting an RLC. The switch answers most of our requests
        // (BLO → BLA, UBL → UBA, RSC → RLC, CGB → CGBA, CGU → CGUA, GRS → GRA) and sends its own.
        var random = SplitMix64(seed: 0x51_9164)
        var g = trunk(["1-12"])
        var seizures = 0
        var toAnswer = [ISUPMessage]()
        let inputs = ["13", "14", "12", "2E", "18 01 01 02 01 03", "18 00 01 02 01 03", "19 01 01 02 01 03",
                      "19 00 01 02 01 03", "17 01 01 02", "15", "16", "10 00"]
        func record(_ actions: [CircuitAction]) {
            for case .send(let m) in actions { toAnswer.append(m) }
        }
        for step in 0..<5_000 {
            let cic = Int(random.next() % 14) + 1
            let now = at(step)
            switch random.next() % 14 {
            case 0:
                let text = inputs[Int(random.next() % UInt64(inputs.count))]
                if case .handled(let a) = g.handle(try ISUPMessage(decoding: [UInt8(cic), 0] + hex(text)), at: now) {
                    record(a)
                }
            case 1:
                if case .locallyBlocked(let a) = g.seizeIncoming(CIC(cic), testCall: random.next() % 4 == 0, at: now) {
                    record(a)
                }
            case 2: g.releaseToIdle(CIC(cic))
            case 3: g.releaseStarted(CIC(cic))
            case 4: record(g.reset(CIC(cic), at: now))
            case 5:
                let kind: BlockingKind = random.next() % 2 == 0 ? .maintenance : .hardwareFailure
                let range = CICRange(cic, min(cic + Int(random.next() % 3), 14))!
                record(g.command(random.next() % 2 == 0 ? .block(range, kind) : .unblock(range, kind), at: now))
            case 6: g.backwardMessageReceived(CIC(cic))
            case 7...11:
                guard !toAnswer.isEmpty else { continue }
                var answer = toAnswer.removeFirst()
                let replies: [MessageType: MessageType] = [
                    .blo: .bla, .ubl: .uba, .rsc: .rlc, .cgb: .cgba, .cgu: .cgua, .grs: .gra]
                guard let type = replies[answer.type] else { continue }
                answer.type = type
                if type == .rlc { answer = ISUPMessage(type: .rlc, cic: answer.cic, parameters: []) }
                if type == .gra, let range = answer.rangeAndStatus?.range {
                    answer.rangeAndStatus = RangeAndStatus(range: range, statusBits: [])
                }
                if case .handled(let a) = g.handle(answer, at: now) { record(a) }
            default:
                let before = Dictionary(uniqueKeysWithValues: g.equippedCICs.map { ($0, g.state(of: $0)) })
                guard let seized = g.seizeOutgoing() else {
                    #expect(g.idleCount == 0)
                    continue
                }
                let state = try #require(before[seized] ?? nil)
                #expect(state.isSelectable, "CIC \(seized) offered while \(state)")
                #expect(g.state(of: seized)?.call == .outgoingSeized)
                seizures += 1
            }
        }
        #expect(seizures > 100)
    }
}
