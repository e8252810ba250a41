import ISUP
import Interworking

/// The switch's random steps: calls (IAM, SAM, COT, call control), circuit supervision, answers to the engine's ISUP,
/// unknown and garbled messages; operator maintenance and network changes.
extension PropertyRun {
    /// An IAM: complete (ST), incomplete (SAMs may follow), toward the plain peer, unroutable; some ask for a
    /// continuity check, a few are test calls.
    mutating func iam() {
        let cic = cic()
        let called = pick(["0612345678F", "0612345678F", "06123", "061", "0331234567F", "0012345F", "0612345678"])!
        let continuity: UInt8 = chance(20) ? pick([1, 2])! : 0
        var message = Fixture.iam(cic: cic, called: called, calling: chance(90) ? "0298765432" : nil, continuity: continuity)
        if chance(3) { message.set(.callingPartysCategory, [0x0D]) }
        recentCICs.append(cic)
        isup(message, "\(called) continuity \(continuity)")
    }

    mutating func sam() {
        let digits = pick(["45678F", "4", "45678", "F"])!
        isup(Fixture.sam(cic: cic(), digits: digits), digits)
    }

    mutating func cot() {
        let success = chance(75)
        isup(Fixture.message(.cot, cic: cic(), [Parameter(code: .continuityIndicators, value: [success ? 1 : 0])]),
             success ? "success" : "failure")
    }

    /// REL, RLC, ACM, CON, ANM, CPG, SUS, RES, INF on a CIC: for calls of either direction, or for none.
    mutating func callControlFromSwitch() {
        let cic = chance(50) ? (pick(network.isupRequests.filter { $0.type == .iam })?.cic?.value ?? self.cic()) : self.cic()
        let message: ISUPMessage = switch int(0...8) {
        case 0, 1: Fixture.rel(cic: cic, cause: pick([16, 17, 31, 41, 127, 1])!)
        case 2: Fixture.message(.rlc, cic: cic)
        case 3: Fixture.acm(cic: cic, subscriberFree: chance(50), inBand: chance(30))
        case 4: Fixture.message(.con, cic: cic, [Parameter(code: .backwardCallIndicators, value: [0x16, 0x14])])
        case 5: Fixture.message(.anm, cic: cic)
        case 6: Fixture.cpg(cic: cic, event: pick([1, 2, 3, 4])!)
        case 7: Fixture.message(chance(50) ? .sus : .res, cic: cic, [Parameter(code: .suspendResumeIndicators, value: [chance(50) ? 1 : 0])])
        default: Fixture.message(.inf, cic: cic, [Parameter(code: ParameterCode(0x0F), value: [0x00, 0x00])])
        }
        isup(message)
    }

    /// BLO, UBL, RSC, GRS, CGB, CGU, CQM from the switch.
    mutating func circuitSupervisionFromSwitch() {
        let cic = cic()
        let range = UInt8(int(1...6))
        let rangeOnly = Parameter(code: .rangeAndStatus, value: [range])
        let kind = UInt8(chance(70) ? 0 : 1)
        let offsets = (0...Int(range)).filter { _ in chance(60) }
        let group = [Parameter(code: .circuitGroupSupervisionMessageType, value: [kind]),
                     Parameter(code: .rangeAndStatus, value: RangeAndStatus(range: range, statusBits: offsets).encoded())]
        let message: ISUPMessage = switch int(0...6) {
        case 0: Fixture.message(.blo, cic: cic)
        case 1: Fixture.message(.ubl, cic: cic)
        case 2: Fixture.message(.rsc, cic: cic)
        case 3: Fixture.message(.grs, cic: cic, [rangeOnly])
        case 4: Fixture.message(.cgb, cic: cic, group)
        case 5: Fixture.message(.cgu, cic: cic, group)
        default: Fixture.message(.cqm, cic: cic, [rangeOnly])
        }
        isup(message)
    }

    /// The switch answers something the engine sent: the acknowledgement (RLC, BLA, UBA, GRA, CGBA, CGUA), or for an
    /// IAM a backward message; sometimes twice.
    mutating func answerEngineISUP() {
        guard let request = pick(network.isupRequests), let cic = request.cic?.value else { return advanceClock() }
        var answer = PropertyNetwork.acknowledgement(of: request)
        if request.type == .iam {
            answer = switch int(0...5) {
            case 0, 1: Fixture.acm(cic: cic, subscriberFree: chance(70))
            case 2: Fixture.message(.anm, cic: cic)
            case 3: Fixture.message(.con, cic: cic, [Parameter(code: .backwardCallIndicators, value: [0x16, 0x14])])
            case 4: Fixture.cpg(cic: cic, event: 1)
            default: Fixture.rel(cic: cic, cause: pick([17, 1, 34])!)
            }
        }
        guard let answer else { return advanceClock() }
        isup(answer, "answering \(request.type.acronym)")
        if chance(10) { isup(answer, "again") }
    }

    /// A message type no catalogue knows (Q.764 §2.9.5.1), with or without message compatibility information.
    mutating func unknownMessageType() {
        let cic = cic()
        var octets: [UInt8] = [UInt8(cic & 0xFF), UInt8(cic >> 8), pick([0xE0, 0xF3, 0x7A, 0x5C])!]
        octets += chance(60) ? [0x01, 0x38, 0x01, UInt8(int(0...0x1F)) | 0x80, 0x00] : [0x00]
        decodeAndFeed(octets, "unknown type")
    }

    /// A valid message with a few octets changed, cut or added: whatever the codec makes of it (undecodable octets
    /// go to the engine as such).
    mutating func garbledISUP() {
        let cic = cic()
        let template = pick([Fixture.iam(cic: cic, called: "0612345678F"), Fixture.acm(cic: cic), Fixture.rel(cic: cic, cause: 16),
                             Fixture.message(.anm, cic: cic), Fixture.cpg(cic: cic, event: 1), Fixture.sam(cic: cic, digits: "4F"),
                             Fixture.message(.grs, cic: cic, [Parameter(code: .rangeAndStatus, value: [3])])])!
        guard var octets = try? template.encoded() else { return }
        for _ in 0..<int(1...3) {
            switch int(0...3) {
            case 0 where octets.count > 3: octets.removeLast(int(1...min(3, octets.count - 3)))
            case 1: octets.append(UInt8(int(0...255)))
            default: octets[int(min(3, octets.count - 1)...(octets.count - 1))] = UInt8(int(0...255))
            }
        }
        decodeAndFeed(octets, "garbled \(template.type.acronym)")
    }

    mutating func decodeAndFeed(_ octets: [UInt8], _ note: String) {
        do {
            isup(try ISUPMessage(decoding: octets), note)
        } catch {
            event(.undecodableISUP(octets, from: Scenario.switchRoute, error: "\(error)"))
        }
    }

    mutating func maintenance() {
        let first = int(1...33)
        let operation = pick([MaintenanceRequest.Operation.block, .unblock, .reset])!
        let last = chance(60) ? first : first + int(-2...5)
        event(.maintenance(MaintenanceRequest(trunk: chance(95) ? "switch-a" : "nowhere", operation: operation,
                                              first: CIC(first), last: CIC(max(0, last)))))
    }

    /// A peer up or down, the switch's point code unavailable or back, the association lost or back.
    mutating func networkChange() {
        let up = chance(60)
        switch int(0...2) {
        case 0: event(.peer(pick(["olo", "plain", "nobody"])!, up: up))
        case 1: event(.destination(pointCode: chance(90) ? Fixture.switchPointCode : 77, available: up))
        default: event(.association(chance(90) ? "stp" : "other", up: up))
        }
    }

    /// The clock moves: mostly a little, sometimes past the call timers.
    mutating func advanceClock() {
        let milliseconds = switch int(0...9) {
        case 0...5: int(10...2000)
        case 6...8: int(2000...20000)
        default: int(20000...120_000)
        }
        log.append("advance \(milliseconds) ms")
        network.advance(to: network.now + .milliseconds(milliseconds))
    }
}
