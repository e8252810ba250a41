import ISUP
import Interworking
import SIPI
import Testing

/// The illustrative networks of st769-2 §6.0 (not real assignments) around the gateway, for the ST 769 test cases
/// run through the engine: a SIP peer per operator domain, routes toward them by the routing number's prefix, the
/// national numbering plan with the §6.0 codes, and (for a receiving BG) the operator the gateway is.
enum ST769Network {
    /// The §6.0 code lists a gateway is configured with: carrier codes of K and K2, the RPV code of V, the 3XY of
    /// M1, M2, M3 and the 3XY_VMS of M1, M2.
    static let plan = NumberingPlan(carrierCodes: ["1055", "10123"], rpvCodes: ["1482"],
                                    mnpCodes: ["391", "392", "398"], vmsCodes: ["393", "395"])

    static let a = OperatorIdentity(domain: "opa.it", operatorCodes: ["301"], blocks: ["061234", "028765"])
    static let b = OperatorIdentity(domain: "opb.it", operatorCodes: ["402"], blocks: ["065123", "032512"])
    static let c = OperatorIdentity(domain: "opc.it", operatorCodes: ["503"], blocks: ["065777"])
    static let transit = OperatorIdentity(domain: "tra.it")
    static let k = OperatorIdentity(domain: "car.it", carrierCodes: ["1055"])
    static let k2 = OperatorIdentity(domain: "car2.it", carrierCodes: ["10123"])
    static let w = OperatorIdentity(domain: "wlr.it", operatorCodes: ["705"])
    static let m1 = OperatorIdentity(domain: "mob1.it", mnpCodes: ["391"], vmsCodes: ["393"])
    static let m2 = OperatorIdentity(domain: "mob2.it", mnpCodes: ["392"], vmsCodes: ["395"])
    static let v = OperatorIdentity(domain: "vpn.it", rpvCodes: ["1482"])
    /// st769-3 §14: the placeholder networks OLO1–OLO3 and OP_IDs 123 / 456.
    static let olo1 = OperatorIdentity(domain: "olo1.it", operatorCodes: ["123"])
    static let olo2 = OperatorIdentity(domain: "olo2.it", operatorCodes: ["456"])
    static let olo3 = OperatorIdentity(domain: "olo3.it")
    static let operators = [a, b, c, transit, k, k2, w, m1, m2, v, olo1, olo2, olo3]

    /// Toward SIP, the longest prefix of the global number names the network: the RgN's own field (DCM, OP_ID,
    /// 3XY, carrier code, RPV code) per st769-2 §2.2; plain and emergency numbers go to A (§6.0: Serving network of
    /// the emergency tests), foreign ones too.
    static let routes: [(prefix: String, domain: String)] = [
        ("39", "opa.it"), ("44", "opa.it"),
        ("39C60065123", "opb.it"), ("39C60032512", "opb.it"), ("39C60065777", "opc.it"),
        ("39391", "mob1.it"), ("39393", "mob1.it"), ("39392", "mob2.it"), ("39395", "mob2.it"),
        ("39C59402", "opb.it"), ("39C50503", "opc.it"),
        ("39C80301", "opa.it"), ("390180301", "opa.it"), ("39C80503", "opc.it"), ("39C82301", "opa.it"),
        ("39C70301", "opa.it"), ("39C72301", "opa.it"), ("39C98301", "opa.it"),
        ("391055", "car.it"), ("39C1055", "car.it"), ("39C1155", "car.it"), ("3910123", "car2.it"),
        ("391482", "vpn.it"), ("39C12705", "wlr.it"), ("39C97", "opa.it"), ("39C99", "opa.it"),
    ]

    /// Where the engine sends requests for an operator's domain.
    static func address(of domain: String) -> SIPEndpoint {
        SIPEndpoint(host: "127.0.1.\(1 + (operators.firstIndex { $0.domain == domain } ?? 99))", port: 5060)
    }

    /// The fixture's trunk and SIP-I peer "olo" (which sends every INVITE of these cases), the gateway's own domain
    /// `own`, a SIP-I peer per §6.0 operator, the routes above, the plan, and — when the gateway is the destination
    /// (Serving, Recipient, Donor, Carrier, WLR) — `destination` with every other operator as an interconnected peer.
    static func configuration(
        own: String = "sipigw.it", destination: OperatorIdentity? = nil, enabledServices: [String: [NumberKind]]? = nil,
        fromISC: Bool = false, edit: (inout EngineConfiguration) -> Void = { _ in }
    ) -> EngineConfiguration {
        Fixture.configuration { config in
            config.sip.domain = destination?.domain ?? own
            config.peers[0].internationalSwitchingCentre = fromISC
            config.peers += operators.map {
                PeerConfiguration(name: $0.domain, address: address(of: $0.domain), domain: $0.domain)
            }
            config.routes.toSIP = routes.map { .init(prefix: $0.prefix, peer: $0.domain) }
            config.numbering = plan
            config.destination = destination.map { identity in
                LocalNetwork(identity: identity, peers: operators.filter { $0 != identity },
                             enabledServices: enabledServices)
            }
            edit(&config)
        }
    }

    /// An INVITE from the peer "olo" with this Request-URI, To, P-Asserted-Identity and From (S→I), SDP offer.
    static func invite(_ requestURI: String, to: String? = nil,
                       pai: String = "sip:+390655512345@olo2.it;user=phone", from: String? = nil,
                       callID: String = "st769@olo2.it") -> String {
        let body = Fixture.sdpOffer.split(separator: "\n").joined(separator: "\r\n") + "\r\n"
        return ["INVITE \(requestURI) SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bKst769\(callID.prefix(4))",
                "Max-Forwards: 70",
                "From: <\(from ?? pai)>;tag=caller",
                "To: <\(to ?? requestURI)>",
                "Call-ID: \(callID)", "CSeq: 1 INVITE",
                "Contact: <sip:caller@127.0.0.2:5060>",
                "P-Asserted-Identity: <\(pai)>",
                "Supported: 100rel, timer",
                "Content-Type: application/sdp",
                "Content-Length: \(body.utf8.count)", "", body].joined(separator: "\n")
    }

    /// The user part of a SIP URI (between the scheme and "@").
    static func user(_ uri: String?) -> String? {
        guard let uri, let colon = uri.firstIndex(of: ":"), let at = uri.firstIndex(of: "@") else { return nil }
        return String(uri[uri.index(after: colon)..<at])
    }

    /// The host of a URI in a name-address header value (`<sip:user@host;params>;tag=…`).
    static func host(_ header: String?) -> String? {
        guard let header, let at = header.firstIndex(of: "@") else { return nil }
        return String(header[header.index(after: at)...].prefix { $0 != ";" && $0 != ":" && $0 != ">" })
    }

    /// The ISUP message encapsulated in a SIP-I message.
    static func encapsulated(_ message: SIPMessage) -> ISUPMessage? {
        (try? SIPIBody(parsing: message))??.isup
    }
}

/// The outcome of an ST 769 case at a receiving BG (S→I).
enum ReceivingOutcome: Sendable {
    /// The call goes on: the IAM toward the switch carries these called digits (trunk form: NAI 3, no "39").
    case accepted(String)
    /// Annex A refusal by the gateway: the SIP status and the Q.850 cause (Reason, and the encapsulated REL).
    case refused(Int, UInt8)
    /// The number is well-formed and names this network; the subscriber data that decides A.2.2 are the switch's:
    /// it releases with this cause and the peer gets the status (with Reason and REL, cause unchanged).
    case releasedBySwitch(UInt8, Int)
}

extension Scenario {
    /// An S→I case at a receiving BG: the INVITE, then the outcome.
    mutating func receive(_ text: String, expecting outcome: ReceivingOutcome,
                          sourceLocation: SourceLocation = #_sourceLocation) throws {
        sip(text)
        try expectSIP("100", sourceLocation: sourceLocation)
        switch outcome {
        case .accepted(let digits):
            let iam = try expectISUP(.iam, sourceLocation: sourceLocation)
            #expect(iam.calledPartyNumber?.digits.description == digits, sourceLocation: sourceLocation)
            #expect(iam.calledPartyNumber?.natureOfAddress == 3, sourceLocation: sourceLocation)
        case .refused(let status, let cause):
            let refusal = try expectSIP("\(status)", reasonCause: cause, sourceLocation: sourceLocation)
            #expect(ST769Network.encapsulated(refusal)?.causeIndicators?.value == cause, "encapsulated REL",
                    sourceLocation: sourceLocation)
            #expect(isupSent.isEmpty, "no IAM", sourceLocation: sourceLocation)
        case .releasedBySwitch(let cause, let status):
            let iam = try expectISUP(.iam, sourceLocation: sourceLocation)
            isup(Fixture.rel(cic: Int(iam.cic?.value ?? 0), cause: cause))
            try expectISUP(.rlc, sourceLocation: sourceLocation)
            let response = try expectSIP("\(status)", reasonCause: cause, sourceLocation: sourceLocation)
            #expect(ST769Network.encapsulated(response)?.causeIndicators?.value == cause, "encapsulated REL",
                    sourceLocation: sourceLocation)
        }
    }

    /// An I→S case: the switch's IAM (national digits, NAI 3, ended by ST) → the INVITE.
    mutating func originate(cic: Int = 6, called: String, calling: String? = "0655512345",
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> SIPMessage {
        isup(Fixture.iam(cic: cic, called: called + "F", calling: calling))
        return try expectSIP("INVITE", sourceLocation: sourceLocation)
    }
}
