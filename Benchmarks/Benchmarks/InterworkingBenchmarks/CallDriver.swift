import Foundation
import ISUP
import Interworking
import SIPI

/// Plays the switch and the SIP-I peer around one `InterworkingEngine` on a virtual clock, for I→S calls
/// (Q.1912.5 digest B.3 en bloc, as Tests/InterworkingTests/Scenarios/BasicCallTests): IAM → INVITE, 180 → ACM,
/// 200 → ANM + ACK, REL → BYE + RLC, 200 (BYE). Messages the driver sends are `SIPMessage` and `ISUPMessage`
/// values: the ISUP ones are built once, the peer's responses are built from the engine's requests by copying
/// five header values (`SIPMessage.response`), never through libosip2. Timers are kept in a dictionary and fired
/// in order of expiry when the clock moves past them.
struct CallDriver {
    /// The trunks' switches are point codes 2, 3, 4… toward our 1; each trunk has CICs 1…`cicsPerTrunk`.
    static let ownPointCode: UInt32 = 1
    static let peer = SIPEndpoint(host: "127.0.0.2", port: 5060)
    static let sdp = Array("""
        v=0\r\no=peer 1 1 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 127.0.0.2\r\nt=0 0\r\nm=audio 30000 RTP/AVP 8 101\r
        a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\n
        """.utf8)

    var engine: InterworkingEngine
    var now = Instant.zero
    var timers: [TimerID: Instant] = [:]
    let routes: [SignallingRoute]
    /// The IAM and REL of every CIC of a trunk (the same octets on every trunk), built once.
    let iams: [ISUPMessage]
    let rels: [ISUPMessage]
    /// What the last `feed` sent.
    private(set) var sentSIP: [SIPMessage] = []
    private(set) var sentISUP = 0

    init(trunks: Int, cicsPerTrunk: Int, mappings: Mappings) {
        let switches = (0..<trunks).map { Self.ownPointCode + 1 + UInt32($0) }
        let configuration = EngineConfiguration(
            sip: .init(address: SIPEndpoint(host: "127.0.0.1", port: 5060), domain: "sipigw.it"),
            trunks: switches.map { pc in
                TrunkConfiguration(name: "switch-\(pc)",
                                   circuits: CircuitGroupConfiguration(name: "switch-\(pc)", opc: Self.ownPointCode,
                                                                      dpc: pc, cics: [CICRange(1, cicsPerTrunk)!]),
                                   association: "stp", media: MediaEndpoint(address: "127.0.0.9", port: 40000))
            },
            peers: [PeerConfiguration(name: "olo", address: Self.peer, domain: "olo2.it", profile: .sipI)],
            routes: RouteConfiguration(toSIP: [.init(prefix: "39", peer: "olo", minimumLength: 6, completeLength: 12)],
                                       toISUP: []))
        engine = InterworkingEngine(configuration: configuration, mappings: mappings, instance: "b")
        routes = switches.map { SignallingRoute(opc: $0, dpc: Self.ownPointCode) }
        timers.reserveCapacity(trunks * cicsPerTrunk * 4)
        iams = (1...cicsPerTrunk).map(Self.iam(cic:))
        rels = (1...cicsPerTrunk).map { ISUPMessage(type: .rel, cic: CIC($0), parameters: [
            Parameter(code: .causeIndicators, value: [0x82, 0x90]),  // location public network local (2), cause 16
        ]) }
    }

    /// Q.763 Table 32: NCI 0, FCI national + ISUP all the way, CPC ordinary, TMR speech, CdPN 0612345678F
    /// (national, odd), CgPN 0298765432 (national, network provided, presentation allowed).
    static func iam(cic: Int) -> ISUPMessage {
        ISUPMessage(type: .iam, cic: CIC(cic), parameters: [
            Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
            Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
            Parameter(code: .callingPartysCategory, value: [0x0A]),
            Parameter(code: .transmissionMediumRequirement, value: [0x00]),
            Parameter(code: .calledPartyNumber, value: [0x83, 0x10, 0x60, 0x21, 0x43, 0x65, 0x87, 0x0F]),
            Parameter(code: .callingPartyNumber, value: [0x03, 0x13, 0x20, 0x89, 0x67, 0x45, 0x23]),
        ])
    }

    /// The peer's response to a request of the engine: RFC 3261 §8.2.6 headers, To tag, Contact, and an SDP
    /// answer when `sdp` (Content-Type set as libosip2 would have parsed it).
    static func response(_ status: Int, to request: SIPMessage, sdp: Bool = false) -> SIPMessage {
        var response = request.response(status, toTag: "peer")
        if status < 300, request.method == "INVITE" {
            response.headers.append(SIPHeader("Contact", "<sip:peer@127.0.0.2:5060>"))
        }
        if sdp {
            response.headers.append(SIPHeader("Content-Type", "application/sdp"))
            response.parts = [MIMEPart(contentType: "application/sdp", bytes: Self.sdp)]
        }
        return response
    }

    /// Feeds one event and executes its actions: SIP kept in `sentSIP`, ISUP counted, timers noted.
    mutating func feed(_ event: Event) {
        sentSIP.removeAll(keepingCapacity: true)
        sentISUP = 0
        execute(engine.handle(event, at: now))
    }

    private mutating func execute(_ actions: [Action]) {
        for action in actions {
            switch action {
            case .sendSIP(let message, _): sentSIP.append(message)
            case .sendISUP: sentISUP += 1
            case .startTimer(let id, let after): timers[id] = now + after
            case .cancelTimer(let id): timers[id] = nil
            case .lookup, .record, .observe: break
            }
        }
    }

    /// The one SIP request of `method` the last event sent.
    func sent(_ method: String) -> SIPMessage {
        guard let message = sentSIP.first(where: { $0.method == method }) else {
            fatalError("the engine sent no \(method): \(sentSIP.map(\.kind)), \(sentISUP) ISUP")
        }
        return message
    }

    /// IAM → INVITE, 180 → ACM, 200 with SDP → ANM + ACK: the call is answered.
    mutating func answer(trunk: Int, cic: Int) {
        feed(.isup(iams[cic - 1], from: routes[trunk]))
        let invite = sent("INVITE")
        now = now + .milliseconds(100)
        feed(.sip(Self.response(180, to: invite), from: Self.peer))
        now = now + .seconds(2)
        feed(.sip(Self.response(200, to: invite, sdp: true), from: Self.peer))
        _ = sent("ACK")
    }

    /// REL → RLC + BYE, 200 (BYE): the circuit is idle again and the call gone.
    mutating func releaseFromISUP(trunk: Int, cic: Int) {
        now = now + .seconds(60)
        feed(.isup(rels[cic - 1], from: routes[trunk]))
        let bye = sent("BYE")
        feed(.sip(Self.response(200, to: bye), from: Self.peer))
    }

    /// Moves the clock by `duration`, firing every timer due on the way (or only those `firing` accepts) in order
    /// of expiry.
    mutating func advance(_ duration: Duration, firing: (TimerID) -> Bool = { _ in true }) {
        let end = now + duration
        // In rounds, each sorted once (timers started by a firing one and due before `end` wait for the next).
        while case let due = timers.filter({ $0.value <= end && firing($0.key) }), !due.isEmpty {
            for (id, at) in due.sorted(by: { $0.value < $1.value }) where timers[id] == at {
                timers[id] = nil
                now = max(now, at)
                feed(.timer(id))
            }
        }
        now = end
    }
}
