import Foundation
import ISUP
import Interworking
import OracleSupport
import SIPI

/// The scenarios' network: one trunk toward a switch (point code 2, our own 1, CICs 1–31), one SIP-I peer
/// (profile B) and one plain SIP peer (profile A), routes for Italian numbers ("39…").
enum Fixture {
    static let ownPointCode: UInt32 = 1
    static let switchPointCode: UInt32 = 2
    static let localAddress = SIPEndpoint(host: "127.0.0.1", port: 5060)
    static let peerAddress = SIPEndpoint(host: "127.0.0.2", port: 5060)
    static let plainPeerAddress = SIPEndpoint(host: "127.0.0.3", port: 5060)
    static let media = MediaEndpoint(address: "127.0.0.9", port: 40000)

    static var mappings: Mappings { repositoryMappings }

    static func configuration(edit: (inout EngineConfiguration) -> Void = { _ in }) -> EngineConfiguration {
        // Own point code 1 < 2: the switch controls the even CICs (Q.764 dual seizure), ours are the odd ones.
        let circuits = CircuitGroupConfiguration(name: "switch-a", opc: ownPointCode, dpc: switchPointCode,
                                                 cics: [CICRange(1, 31)!])
        var config = EngineConfiguration(
            sip: .init(address: localAddress, domain: "sipigw.it"),
            trunks: [TrunkConfiguration(name: "switch-a", circuits: circuits, association: "stp",
                                        media: media)],
            peers: [PeerConfiguration(name: "olo", address: peerAddress, domain: "olo2.it", profile: .sipI),
                    PeerConfiguration(name: "plain", address: plainPeerAddress, domain: "plain.it", profile: .sip)],
            routes: RouteConfiguration(
                toSIP: [.init(prefix: "39", peer: "olo", minimumLength: 6, completeLength: 12),
                        .init(prefix: "39033", peer: "plain", minimumLength: 6, completeLength: 12)],
                toISUP: [.init(prefix: "39", trunk: "switch-a")]))
        edit(&config)
        return config
    }

    // MARK: ISUP, octets derived by hand from Q.763

    /// Q.763 §3.9: odd/even + NAI, INN/NPI (E.164), BCD digits low nibble first; "F" is ST.
    static func numberOctets(_ digits: String, nature: UInt8 = 3, octet2: UInt8 = 0x10) -> [UInt8] {
        let nibbles = digits.map { UInt8(String($0), radix: 16)! }
        var out = [UInt8(nibbles.count % 2 == 1 ? 0x80 : 0) | nature, octet2]
        for i in stride(from: 0, to: nibbles.count, by: 2) {
            out.append(nibbles[i] | (i + 1 < nibbles.count ? nibbles[i + 1] << 4 : 0))
        }
        return out
    }

    /// IAM (Q.763 Table 32): NCI no satellite / no continuity, FCI national + ISUP all the way, CPC ordinary
    /// subscriber (0x0A), TMR speech (0x00), CdPN, and a CgPN (NAI 3, network provided, allowed) when given.
    static func iam(cic: Int, called: String, calling: String? = "0298765432", continuity: UInt8 = 0,
                    extra: [Parameter] = []) -> ISUPMessage {
        var parameters = [
            Parameter(code: .natureOfConnectionIndicators, value: [continuity << 2]),
            Parameter(code: .forwardCallIndicators, value: [0x20, 0x01]),
            Parameter(code: .callingPartysCategory, value: [0x0A]),
            Parameter(code: .transmissionMediumRequirement, value: [0x00]),
            Parameter(code: .calledPartyNumber, value: numberOctets(called)),
        ]
        if let calling { parameters.append(Parameter(code: .callingPartyNumber, value: numberOctets(calling, octet2: 0x13))) }
        return ISUPMessage(type: .iam, cic: CIC(cic), parameters: parameters + extra)
    }

    /// SAM (Q.763 Table 35): the subsequent number, O/E + spare then digits.
    static func sam(cic: Int, digits: String) -> ISUPMessage {
        var octets = numberOctets(digits, nature: 0)
        octets.remove(at: 1)
        return ISUPMessage(type: .sam, cic: CIC(cic), parameters: [Parameter(code: .subsequentNumber, value: octets)])
    }

    static func rel(cic: Int, cause: UInt8, location: UInt8 = 2) -> ISUPMessage {
        ISUPMessage(type: .rel, cic: CIC(cic), parameters: [Parameter(code: .causeIndicators, value: [0x80 | location, 0x80 | cause])])
    }

    static func message(_ type: MessageType, cic: Int, _ parameters: [Parameter] = []) -> ISUPMessage {
        ISUPMessage(type: type, cic: CIC(cic), parameters: parameters)
    }

    /// ACM with BCI: charge, subscriber free (0x16) or no indication (0x12), ordinary subscriber, ISUP all the way.
    static func acm(cic: Int, subscriberFree: Bool = true, inBand: Bool = false) -> ISUPMessage {
        var parameters = [Parameter(code: .backwardCallIndicators, value: [subscriberFree ? 0x16 : 0x12, 0x14])]
        if inBand { parameters.append(Parameter(code: .optionalBackwardCallIndicators, value: [0x01])) }
        return message(.acm, cic: cic, parameters)
    }

    /// CON (Q.763 Table 27) with BCI subscriber free: an answer without a preceding ACM.
    static func con(cic: Int) -> ISUPMessage {
        message(.con, cic: cic, [Parameter(code: .backwardCallIndicators, value: [0x16, 0x14])])
    }

    static func cpg(cic: Int, event: UInt8) -> ISUPMessage {
        message(.cpg, cic: cic, [Parameter(code: .eventInformation, value: [event])])
    }

    // MARK: SIP

    static let sdpOffer = """
        v=0
        o=peer 1 1 IN IP4 127.0.0.2
        s=-
        c=IN IP4 127.0.0.2
        t=0 0
        m=audio 30000 RTP/AVP 8 18 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:18 G729/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=ptime:20
        """

    /// An INVITE from the peer (S→I), profile A (no ISUP body) with SDP unless `sdp` is false.
    static func invite(to number: String = "+390612345678", from calling: String = "+390298765432",
                       callID: String = "call-1@olo2.it", extra: [String] = [], sdp: Bool = true,
                       supported: String = "100rel, timer") -> String {
        let body = sdp ? sdpOffer.split(separator: "\n").joined(separator: "\r\n") + "\r\n" : ""
        var lines = ["INVITE sip:\(number)@sipigw.it;user=phone SIP/2.0",
                     "Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bKinv\(callID.prefix(6))",
                     "Max-Forwards: 70",
                     "From: <sip:\(calling)@olo2.it;user=phone>;tag=caller",
                     "To: <sip:\(number)@sipigw.it;user=phone>",
                     "Call-ID: \(callID)", "CSeq: 1 INVITE",
                     "Contact: <sip:caller@127.0.0.2:5060>",
                     "P-Asserted-Identity: <sip:\(calling)@olo2.it;user=phone>",
                     "Supported: \(supported)"]
        lines += extra
        if sdp { lines.append("Content-Type: application/sdp") }
        lines += ["Content-Length: \(body.utf8.count)", "", body.isEmpty ? "\n" : body]
        return lines.joined(separator: "\n")
    }
}
