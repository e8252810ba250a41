import Foundation
import Interworking
import SIPI

/// The network the engine harness plays: one trunk toward a switch (point code 2, ours 1, CICs 1–31), a SIP-I peer
/// (profile B) and a plain SIP peer (profile A), routes for Italian numbers; ENUM on when `enumLookup` is set.
enum Network {
    static let ownPointCode: UInt32 = 1
    static let switchPointCode: UInt32 = 2
    static let local = SIPEndpoint(host: "127.0.0.1", port: 5060)
    static let peer = SIPEndpoint(host: "127.0.0.2", port: 5060)
    static let plainPeer = SIPEndpoint(host: "127.0.0.3", port: 5060)
    static let stranger = SIPEndpoint(host: "192.0.2.66", port: 5060)
    static let switchRoute = SignallingRoute(opc: switchPointCode, dpc: ownPointCode)

    static func configuration(enumLookup: Bool) -> EngineConfiguration {
        let circuits = CircuitGroupConfiguration(name: "switch-a", opc: ownPointCode, dpc: switchPointCode,
                                                 cics: [CICRange(1, 31)!])
        return EngineConfiguration(
            sip: .init(address: local, domain: "sipigw.it"),
            trunks: [TrunkConfiguration(name: "switch-a", circuits: circuits, association: "stp",
                                        media: MediaEndpoint(address: "127.0.0.9", port: 40000))],
            peers: [PeerConfiguration(name: "olo", address: peer, domain: "olo2.it", profile: .sipI),
                    PeerConfiguration(name: "plain", address: plainPeer, domain: "plain.it", profile: .sip)],
            routes: RouteConfiguration(
                toSIP: [.init(prefix: "39", peer: "olo", minimumLength: 6, completeLength: 12),
                        .init(prefix: "39033", peer: "plain", minimumLength: 6, completeLength: 12)],
                toISUP: [.init(prefix: "39", trunk: "switch-a")],
                enumLookup: enumLookup ? .init() : nil))
    }
}
