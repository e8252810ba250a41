import Gateway
import Interworking
import ISUP
import OracleSupport
import Testing

/// The simulated exchange of `sipigw switch-sim` on a virtual clock: what it sends for what it receives, derived by
/// hand from Q.764 (basic call §2.1–§2.3, dual seizure §2.10.1.4, resets §2.9.3, blocking §2.8) and Q.763 formats.
@Suite struct SwitchSimulatorTests {
    static func ms(_ n: Int) -> Instant { Instant(.milliseconds(n)) }

    /// The messages sent among the actions.
    static func sent(_ actions: [SwitchSimulatorAction]) -> [ISUPMessage] {
        actions.compactMap { if case .send(let m) = $0 { m } else { nil } }
    }

    static func outcomes(_ actions: [SwitchSimulatorAction]) -> [CallOutcome] {
        actions.compactMap { if case .outcome(let o) = $0 { o } else { nil } }
    }

    static func grs(first: Int = 1, range: UInt8 = 30) -> ISUPMessage {
        ISUPMessage(type: .grs, cic: CIC(first), parameters: [Parameter(code: .rangeAndStatus, value: [range])])
    }

    static func message(_ type: MessageType, _ cic: Int, _ parameters: [Parameter] = []) -> ISUPMessage {
        ISUPMessage(type: type, cic: CIC(cic), parameters: parameters)
    }

    static func rel(_ cic: Int, cause: UInt8) -> ISUPMessage {
        message(.rel, cic, [Parameter(code: .causeIndicators, value: [0x82, 0x80 | cause])])
    }

    /// Q.764 §2.9.3.2 then §2.1: the GRS of the gateway is answered with GRA for the same range (Q.763 §3.43: range
    /// 30 → 31 status bits in 4 octets, all 0: nothing blocked here) and the first call goes out on CIC 2 (this
    /// exchange, point code 2 > 1, controls the even CICs).
    @Test func resetThenFirstCallOnAControlledCircuit() throws {
        var sim = SwitchSimulator(configuration: SwitchSimulatorConfiguration(calls: 1))
        #expect(sim.handle(.linkUp, at: Self.ms(0)).isEmpty)
        let sent = Self.sent(sim.handle(.isup(Self.grs()), at: Self.ms(1)))
        #expect(sent.map(\.type) == [.gra, .iam])
        #expect(sent[0].cic == CIC(1))
        #expect(sent[0][.rangeAndStatus]?.value == [30, 0, 0, 0, 0])
        #expect(sent[1].cic == CIC(2))
    }

    /// tshark (the independent ISUP dissector) reads the simulator's IAM with the Q.763 values written by hand
    /// from §3.35, §3.23, §3.11, §3.54, §3.9 and §3.10, and finds nothing malformed.
    @Test func iamDecodedByTshark() throws {
        guard Tshark.isAvailable else {
            #expect(!Tshark.isCI, "\(Tshark.missingNote)")
            return
        }
        var sim = SwitchSimulator(configuration: SwitchSimulatorConfiguration(
            calledNumbers: ["+390612345678"], callingNumber: "0298765432", calls: 1, waitForReset: false))
        let iam = try #require(Self.sent(sim.handle(.linkUp, at: Self.ms(0))).first)
        let fields = ["_ws.malformed", "isup.message_type", "isup.cic", "isup.called", "isup.calling",
                      "isup.called_party_nature_of_address_indicator", "isup.calling_party_nature_of_address_indicator",
                      "isup.calling_partys_category", "isup.transmission_medium_requirement",
                      "isup.forw_call_isdn_user_part_indicator", "isup.forw_call_isdn_access_indicator",
                      "isup.screening_indicator"]
        let row = try #require(try Tshark.fields(of: [Tshark.mtp3(try iam.encoded())], text2pcap: ["-l", "141"], fields: fields).first)
        let value = Dictionary(uniqueKeysWithValues: zip(fields, row))
        #expect(value["_ws.malformed"] == "")
        #expect(value["isup.message_type"] == "1")
        #expect(value["isup.cic"] == "2")
        #expect(value["isup.called"]?.hasPrefix("390612345678") == true)
        #expect(value["isup.calling"] == "0298765432")
        #expect(value["isup.called_party_nature_of_address_indicator"] == "4")
        #expect(value["isup.calling_party_nature_of_address_indicator"] == "3")
        #expect(value["isup.calling_partys_category"] == "0x0a")
        #expect(value["isup.transmission_medium_requirement"] == "0")
        #expect(value["isup.forw_call_isdn_user_part_indicator"] == "1")
        #expect(value["isup.forw_call_isdn_access_indicator"] == "1")
        #expect(value["isup.screening_indicator"] == "3")
    }

    /// §2.1–§2.3 outgoing: ACM at +5 ms and ANM at +12 ms measure the latencies; the holding time runs from ANM;
    /// then REL cause 16 and, on RLC, the outcome (answered, released here) and the end of the run.
    @Test func outgoingCallAnsweredAndReleasedAfterHoldingTime() throws {
        var sim = SwitchSimulator(configuration: SwitchSimulatorConfiguration(calls: 1, holdingTime: .seconds(2)))
        _ = sim.handle(.linkUp, at: Self.ms(0))
        _ = sim.handle(.isup(Self.grs()), at: Self.ms(0))
        let afterACM = sim.handle(.isup(Self.message(.acm, 2, [Parameter(code: .backwardCallIndicators, value: [0x16, 0x14])])), at: Self.ms(5))
        #expect(afterACM.contains(.startTimer(.supervision(cic: 2), after: .seconds(60))))
        let afterANM = sim.handle(.isup(Self.message(.anm, 2)), at: Self.ms(12))
        #expect(afterANM.contains(.startTimer(.holding(cic: 2), after: .seconds(2))))
        let release = Self.sent(sim.handle(.timer(.holding(cic: 2)), at: Self.ms(2012)))
        #expect(release.map(\.type) == [.rel])
        #expect(release.first?.causeIndicators?.value == 16)
        let end = sim.handle(.isup(Self.message(.rlc, 2)), at: Self.ms(2013))
        let outcome = try #require(Self.outcomes(end).first)
        #expect(outcome.answered && outcome.releasedHere && outcome.cause == 16)
        #expect(outcome.setupLatency == .milliseconds(5))
        #expect(outcome.answerLatency == .milliseconds(12))
        #expect(outcome.called == "0612345678")
        #expect(end.last == .finished)
        #expect(sim.activeCalls == 0)
    }

    /// The gateway refuses (REL 17, user busy): RLC at once, the call failed with that cause.
    @Test func outgoingCallRefusedByTheGateway() throws {
        var sim = SwitchSimulator(configuration: SwitchSimulatorConfiguration(calls: 1))
        _ = sim.handle(.isup(Self.grs()), at: Self.ms(0))
        let actions = sim.handle(.isup(Self.rel(2, cause: 17)), at: Self.ms(3))
        #expect(Self.sent(actions).map(\.type) == [.rlc])
        let outcome = try #require(Self.outcomes(actions).first)
        #expect(!outcome.answered && !outcome.releasedHere && outcome.cause == 17)
        var statistics = SwitchStatistics()
        statistics.record(outcome)
        #expect(statistics.report.contains("outgoing attempts=1 answered=0 failed=1"))
        #expect(statistics.report.contains("failed cause 17: 1"))
    }

    /// Q.764 T7: no backward message within the setup timeout → REL 102; T1 without RLC sends REL again.
    @Test func setupTimeoutAndT1() throws {
        var sim = SwitchSimulator(configuration: SwitchSimulatorConfiguration(calls: 1, setupTimeout: .seconds(20), t1: .seconds(15)))
        _ = sim.handle(.isup(Self.grs()), at: Self.ms(0))
        let timeout = Self.sent(sim.handle(.timer(.supervision(cic: 2)), at: Self.ms(20_000)))
        #expect(timeout.map(\.type) == [.rel] && timeout.first?.causeIndicators?.value == 102)
        let again = sim.handle(.timer(.release(cic: 2)), at: Self.ms(35_000))
        #expect(Self.sent(again).first?.causeIndicators?.value == 102)
        #expect(again.contains(.startTimer(.release(cic: 2), after: .seconds(15))))
        #expect(Self.outcomes(sim.handle(.isup(Self.message(.rlc, 2)), at: Self.ms(35_001))).first?.cause == 102)
    }

    /// The rate: 10 calls/s places one every 100 ms; a timer that fires late catches up (two due at 250 ms).
    @Test func callsPlacedAtTheRate() {
        var sim = SwitchSimulator(configuration: SwitchSimulatorConfiguration(cics: [1...8], calls: 4, rate: 10))
        let first = sim.handle(.isup(Self.grs(range: 7)), at: Self.ms(0))
        #expect(Self.sent(first).filter { $0.type == .iam }.map(\.cic) == [CIC(2)])
        #expect(first.contains(.startTimer(.nextCall, after: .milliseconds(100))))
        let late = sim.handle(.timer(.nextCall), at: Self.ms(250))
        #expect(Self.sent(late).map(\.cic) == [CIC(4), CIC(6)])
        #expect(late.contains(.startTimer(.nextCall, after: .milliseconds(50))))
        let last = sim.handle(.timer(.nextCall), at: Self.ms(300))
        #expect(Self.sent(last).map(\.cic) == [CIC(8)])
        #expect(!last.contains { if case .startTimer(.nextCall, _) = $0 { true } else { false } })
    }

    /// Incoming IAMs with `answer=1,busy=1,congestion=1,noanswer=1`: ACM then ANM after the ringing time; REL 17;
    /// REL 34; ACM alone (the caller's side releases, RLC answered).
    @Test func incomingCallsAnsweredByTheMix() throws {
        let mix = try AnswerMix(parsing: "answer=1, busy=1, congestion=1, noanswer=1")
        var sim = SwitchSimulator(configuration: SwitchSimulatorConfiguration(answerMix: mix, ringingTime: .milliseconds(300)))
        _ = sim.handle(.linkUp, at: Self.ms(0))
        let iam = { (cic: Int) in
            Self.message(.iam, cic, [
                Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
                Parameter(code: .forwardCallIndicators, value: [0x60, 0x01]),
                Parameter(code: .callingPartysCategory, value: [0x0A]),
                Parameter(code: .transmissionMediumRequirement, value: [0x00]),
                Parameter(code: .calledPartyNumber, value: [0x83, 0x10, 0x60, 0x21, 0x43, 0x65, 0x87, 0x0F]),
            ])
        }
        let answer = sim.handle(.isup(iam(3)), at: Self.ms(0))
        #expect(Self.sent(answer).map(\.type) == [.acm])
        #expect(Self.sent(answer).first?[.backwardCallIndicators]?.value == [0x16, 0x14])
        #expect(answer.contains(.startTimer(.ringing(cic: 3), after: .milliseconds(300))))
        #expect(Self.sent(sim.handle(.timer(.ringing(cic: 3)), at: Self.ms(300))).map(\.type) == [.anm])
        let busy = Self.sent(sim.handle(.isup(iam(5)), at: Self.ms(1)))
        #expect(busy.map(\.type) == [.rel] && busy.first?.causeIndicators?.value == 17)
        let congestion = Self.sent(sim.handle(.isup(iam(7)), at: Self.ms(2)))
        #expect(congestion.first?.causeIndicators?.value == 34)
        let noAnswer = sim.handle(.isup(iam(9)), at: Self.ms(3))
        #expect(Self.sent(noAnswer).map(\.type) == [.acm])
        #expect(!noAnswer.contains { if case .startTimer(.ringing, _) = $0 { true } else { false } })
        let cancelled = sim.handle(.isup(Self.rel(9, cause: 16)), at: Self.ms(4000))
        #expect(Self.sent(cancelled).map(\.type) == [.rlc])
        let outcome = try #require(Self.outcomes(cancelled).first)
        #expect(outcome.direction == .incoming && outcome.behaviour == .noAnswer && !outcome.answered)
        #expect(outcome.called == "0612345678")
        #expect(sim.activeCalls == 3)
    }

    /// Q.764 §2.10.1.4: on a CIC this exchange controls its own call wins (the IAM is ignored); on one it does not,
    /// it gives up its call and takes the incoming one.
    @Test func dualSeizure() throws {
        var controlling = SwitchSimulator(configuration: SwitchSimulatorConfiguration(cics: [2...2], calls: 1))
        _ = controlling.handle(.isup(Self.grs(first: 2, range: 0)), at: Self.ms(0))
        #expect(controlling.handle(.isup(Self.message(.iam, 2)), at: Self.ms(1)).isEmpty)
        var yielding = SwitchSimulator(configuration: SwitchSimulatorConfiguration(cics: [3...3], calls: 1))
        _ = yielding.handle(.isup(Self.grs(first: 3, range: 0)), at: Self.ms(0))
        let actions = yielding.handle(.isup(Self.message(.iam, 3)), at: Self.ms(1))
        #expect(Self.outcomes(actions).first?.failure == "dual seizure")
        #expect(Self.sent(actions).map(\.type) == [.acm])
    }

    /// §2.8.2: CGB (maintenance, status bits for CICs 2 and 4) answered with CGBA repeating the indicators; blocked
    /// circuits carry no outgoing call; CGU frees them again. §2.9.3.1: RSC → RLC.
    @Test func blockingAndReset() {
        var sim = SwitchSimulator(configuration: SwitchSimulatorConfiguration(cics: [1...4], calls: 2, rate: 1000, waitForReset: false))
        let cgb = Self.message(.cgb, 1, [Parameter(code: .circuitGroupSupervisionMessageType, value: [0x00]),
                                         Parameter(code: .rangeAndStatus, value: [3, 0b1010])])
        let ack = Self.sent(sim.handle(.isup(cgb), at: Self.ms(0)))
        #expect(ack.map(\.type) == [.cgba])
        #expect(ack.first?[.circuitGroupSupervisionMessageType]?.value == [0x00])
        #expect(ack.first?[.rangeAndStatus]?.value == [3, 0b1010])
        let calls = Self.sent(sim.handle(.linkUp, at: Self.ms(0)) + sim.handle(.timer(.nextCall), at: Self.ms(1)))
        #expect(calls.map(\.cic) == [CIC(1), CIC(3)])
        let cgu = Self.message(.cgu, 1, [Parameter(code: .circuitGroupSupervisionMessageType, value: [0x00]),
                                         Parameter(code: .rangeAndStatus, value: [3, 0b1010])])
        #expect(Self.sent(sim.handle(.isup(cgu), at: Self.ms(2))).map(\.type) == [.cgua])
        let reset = sim.handle(.isup(Self.message(.rsc, 3)), at: Self.ms(3))
        #expect(Self.sent(reset).map(\.type) == [.rlc])
        #expect(Self.outcomes(reset).first?.failure == "reset")
    }

    /// The mix is interleaved, not random: 3:1 gives one busy in every four calls; bad text is refused by name.
    @Test func answerMix() throws {
        var mix = try AnswerMix(parsing: "answer=3,busy=1")
        // Smooth weighted round robin by hand: (3,1) → a (-1,1); (2,2) tie → a (-2,2); (1,3) → b (1,-1); (4,0) → a (0,0).
        #expect((0..<8).map { _ in mix.next() } == [.answer, .answer, .busy, .answer, .answer, .answer, .busy, .answer])
        var counts = [AnswerBehaviour: Int]()
        for _ in 0..<400 { counts[mix.next(), default: 0] += 1 }
        #expect(counts == [.answer: 300, .busy: 100])
        #expect(throws: AnswerMixError.self) { try AnswerMix(parsing: "answer=1,ringing=2") }
        #expect(throws: AnswerMixError.self) { try AnswerMix(parsing: "busy=-1") }
        #expect(throws: AnswerMixError.self) { try AnswerMix(parsing: "busy=0") }
    }
}
