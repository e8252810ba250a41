import FuzzSupport
import ISUP
import Interworking
import SIPI

/// The interworking engine fed a sequence of events read from the input (`step`), its invariants checked after
/// every step (`EngineRun.checkInvariants`) and once the switch has released everything at the end (`EngineRun.drain`).
/// The first octet: bit 0 starts the circuits (GRS) first, bit 1 turns ENUM lookups on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    var input = FuzzReader(bytes(data, size))
    let flags = input.byte()
    var run = EngineRun(enumLookup: flags & 2 != 0)
    if flags & 1 != 0 { run.execute(run.engine.start(at: run.now)) }
    var steps = 0
    while !input.isAtEnd && steps < 64 {
        step(&run, &input)
        steps += 1
    }
    run.drain()
    return 0
}

/// One event: the next octet chooses its kind, the following ones its content.
func step(_ run: inout EngineRun, _ input: inout FuzzReader) {
    let kind = input.byte()
    switch kind % 16 {
    case 0:  // ISUP octets of the fuzzer's own, with CIC
        let octets = input.chunk()
        if let message = try? ISUPMessage(decoding: octets) {
            run.feed(.isup(message, from: Network.switchRoute))
        } else {
            run.feed(.undecodableISUP(octets, from: Network.switchRoute, error: "fuzz"))
        }
    case 1, 2, 3:  // an ISUP template on a CIC (0 and 32, 33 unequipped), one octet optionally overwritten
        let cic = Int(input.byte() % 34), choice = Int(input.byte())
        var octets: [UInt8]
        switch choice % 4 {
        case 0: octets = ISUPTemplates.iam(called: ISUPTemplates.calledNumbers[choice / 4 % ISUPTemplates.calledNumbers.count],
                                           continuity: UInt8(choice / 32 % 3))
        case 1: octets = ISUPTemplates.rel(cause: input.byte())
        default: octets = ISUPTemplates.others[choice / 4 % ISUPTemplates.others.count]
        }
        if kind & 0x80 != 0 {
            let position = Int(input.byte()), value = input.byte()
            octets[position % octets.count] = value
        }
        guard let message = try? ISUPMessage(decoding: [UInt8(cic & 0xFF), UInt8(cic >> 8)] + octets) else { return }
        run.feed(.isup(message, from: Network.switchRoute))
    case 4:  // SIP octets of the fuzzer's own, from the peer or from a stranger
        let source = kind & 0x80 != 0 ? Network.stranger : Network.peer
        if let message = try? SIPMessage(parsing: input.chunk()) { run.feed(.sip(message, from: source)) }
    case 5:  // an INVITE from the peer
        let choice = Int(input.byte())
        let number = SIPTemplates.calledNumbers[choice % SIPTemplates.calledNumbers.count]
        if let invite = SIPTemplates.invite(to: number, callID: choice / 8 % 4, sdp: choice & 0x40 == 0,
                                            supported: choice & 0x80 == 0 ? "100rel, timer" : "") {
            run.feed(.sip(invite, from: kind & 0x80 != 0 ? Network.plainPeer : Network.peer))
        }
    case 6, 7, 8:  // the peer's response to a request the engine sent
        let index = Int(input.byte()), choice = Int(input.byte())
        let requests = run.sipSent.filter { $0.method != nil && $0.method != "ACK" }
        guard !requests.isEmpty else { return }
        let status = SIPTemplates.statuses[choice % SIPTemplates.statuses.count]
        if let response = SIPTemplates.response(status, to: requests[requests.count - 1 - index % requests.count],
                                                sdp: kind & 0x80 != 0, reliable: kind & 0x40 != 0) {
            run.feed(.sip(response, from: Network.peer))
        }
    case 9, 10:  // a request from the peer in the dialog of something the engine sent
        let index = Int(input.byte()), choice = Int(input.byte())
        guard !run.sipSent.isEmpty else { return }
        run.peerCSeq += 1
        let about = run.sipSent[run.sipSent.count - 1 - index % run.sipSent.count]
        if let request = SIPTemplates.request(SIPTemplates.methods[choice % SIPTemplates.methods.count], about: about,
                                              cseq: run.peerCSeq, sdp: kind & 0x80 != 0) {
            run.feed(.sip(request, from: Network.peer))
        }
    case 11:  // time passes to the n-th next timer, or by up to 25.5 s
        if kind & 0x80 != 0 { run.fireNextTimer(Int(input.byte())) } else { run.advance(to: run.now + .milliseconds(100 * Int(input.byte()))) }
    case 12:  // peers, destinations and the association come and go
        let choice = input.byte(), up = choice & 1 != 0
        switch choice / 2 % 4 {
        case 0: run.feed(.peer(choice & 8 == 0 ? "olo" : "plain", up: up))
        case 1: run.feed(.destination(pointCode: choice & 8 == 0 ? Network.switchPointCode : 3, available: up))
        case 2: run.feed(.association(choice & 8 == 0 ? "stp" : "other", up: up))
        default: run.feed(.peer("nobody", up: up))
        }
    case 13:  // the answer to a pending ENUM lookup
        guard !run.pendingLookups.isEmpty else { return }
        let id = run.pendingLookups.removeFirst()
        let answers: [LookupAnswer] = [.uri("sip:+390612345678@olo2.it;user=phone"), .notFound, .failed("SERVFAIL"),
                                       .uri("sip:+390612345678@elsewhere.example"), .uri("not a uri")]
        run.feed(.lookup(id, answers[Int(input.byte()) % answers.count]))
    case 14:  // operator maintenance on a range of circuits
        let choice = input.byte(), first = Int(input.byte() % 34), count = Int(input.byte() % 4)
        let operations: [MaintenanceRequest.Operation] = [.block, .unblock, .reset]
        run.feed(.maintenance(MaintenanceRequest(trunk: choice & 4 == 0 ? "switch-a" : "nowhere",
                                                 operation: operations[Int(choice) % 3],
                                                 first: CIC(first), last: CIC(first + count))))
    default:  // the circuits start again (GRS), as after a restart of the shell
        run.execute(run.engine.start(at: run.now))
    }
}
