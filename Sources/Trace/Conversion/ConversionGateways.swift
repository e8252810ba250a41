import Interworking
import SIPI

/// The two gateways a conversion puts between the switches of a capture: each one takes the other switch's place
/// toward its own switch (same point codes, every CIC equipped) and talks SIP-I to its twin. Their settings come
/// from a template (the daemon's configuration): the first trunk's numbering, media, circuit selection and timers,
/// the first peer's profile and cause mapping, the SIP and call timers, the policy and the routes' digit rules.
/// Limits are lifted (a capture's calls all convert), ENUM and keep-alive OPTIONS are off (no network offline).
public struct ConversionGateways: Sendable {
    /// The daemon's engine configuration the gateways copy their settings from.
    public var template: EngineConfiguration

    public init(template: EngineConfiguration) { self.template = template }

    /// Every CIC a 12-bit CIC field can hold (Q.763 §1.2), so no captured circuit is unequipped.
    static let allCICs = [CICRange(0, 4095)!]

    /// The SIP address of the gateway in front of the switch at `pointCode` (the pair's `index` picks the port,
    /// so a switch with trunks to several others has one gateway per trunk): `10.0.x.y` from the 14-bit point code.
    public static func address(of pointCode: UInt32, pair index: Int) -> SIPEndpoint {
        SIPEndpoint(host: "10.\(pointCode >> 16 & 0xFF).\(pointCode >> 8 & 0xFF).\(pointCode & 0xFF)",
                    port: 5060 + index, transport: .udp)
    }

    static func name(_ pointCode: UInt32) -> String { "pc-\(pointCode)" }

    /// The configuration of the gateway in front of the switch at `switchPC`, whose twin fronts `otherPC`.
    public func configuration(fronting switchPC: UInt32, twin otherPC: UInt32, pair index: Int,
                              networkIndicator: UInt8) -> EngineConfiguration {
        let trunkName = Self.name(switchPC), peerName = Self.name(otherPC)
        let trunkTemplate = template.trunks.first
        let peerTemplate = template.peers.first
        var selection = CircuitSelection()
        var circuitTimers = ISUPCircuitTimers()
        if let circuits = trunkTemplate?.circuits {
            selection = circuits.selection
            circuitTimers = circuits.timers
        }
        let trunk = TrunkConfiguration(
            name: trunkName,
            circuits: CircuitGroupConfiguration(name: trunkName, opc: otherPC, dpc: switchPC, cics: Self.allCICs,
                                                selection: selection, timers: circuitTimers),
            networkIndicator: networkIndicator,
            numbering: trunkTemplate?.numbering ?? .national,
            media: trunkTemplate?.media ?? MediaEndpoint(address: "192.0.2.1", port: 40000))
        let twin = Self.address(of: otherPC, pair: index)
        let peer = PeerConfiguration(
            name: peerName, address: twin, domain: "\(peerName).sipi.invalid",
            profile: peerTemplate?.profile ?? .sipI, causeProfile: peerTemplate?.causeProfile ?? "st769",
            fallbackWithoutISUPOn415: peerTemplate?.fallbackWithoutISUPOn415 ?? true,
            reliableProvisionals: peerTemplate?.reliableProvisionals ?? true,
            internationalSwitchingCentre: peerTemplate?.internationalSwitchingCentre ?? false)
        // The template's prefixes, all toward the twin, and a catch-all route for the other numbers. A number is
        // complete once it has the route's minimum digits: the called switch of the capture answered the IAM as it
        // was (with SAMs, the engine still waits for the minimum).
        var toSIP = template.routes.toSIP.map {
            RouteConfiguration.ToSIP(prefix: $0.prefix, peer: peerName, minimumLength: $0.minimumLength,
                                     completeLength: max(1, $0.minimumLength))
        }
        if !toSIP.contains(where: { $0.prefix.isEmpty }) {
            toSIP.append(.init(prefix: "", peer: peerName, minimumLength: 1, completeLength: 1))
        }
        let toISUP = [RouteConfiguration.ToISUP(prefix: "", trunk: trunkName)]
        return EngineConfiguration(
            sip: .init(address: Self.address(of: switchPC, pair: index), domain: "\(trunkName).sipi.invalid",
                       userAgent: template.sip.userAgent),
            sipTimers: template.sipTimers, trunks: [trunk], peers: [peer],
            routes: RouteConfiguration(toSIP: toSIP, toISUP: toISUP), timers: template.timers,
            policy: template.policy)
    }

    /// The configuration of a gateway of a SIP capture: it faces the SIP `party` (its only peer) in the place of
    /// `other` (its own SIP address is `other`'s), and reaches its twin over the template's first trunk (its
    /// point codes, CICs and numbering; the twin has the mirrored point codes).
    public func configuration(facing party: SIPEndpoint, insteadOf other: SIPEndpoint, mirrored: Bool) -> EngineConfiguration {
        let trunkTemplate = template.trunks.first
        var circuits = trunkTemplate?.circuits
            ?? CircuitGroupConfiguration(name: "trunk", opc: 1, dpc: 2, cics: Self.allCICs)
        if mirrored { (circuits.opc, circuits.dpc) = (circuits.dpc, circuits.opc) }
        let trunk = TrunkConfiguration(
            name: circuits.name, circuits: circuits, networkIndicator: trunkTemplate?.networkIndicator ?? 2,
            routingContext: trunkTemplate?.routingContext, numbering: trunkTemplate?.numbering ?? .national,
            media: trunkTemplate?.media ?? MediaEndpoint(address: "192.0.2.1", port: 40000))
        let peerTemplate = template.peers.first
        let peerName = "sip-\(party.host)"
        let peer = PeerConfiguration(
            name: peerName, address: party, domain: party.host,
            profile: peerTemplate?.profile ?? .sipI, causeProfile: peerTemplate?.causeProfile ?? "st769",
            fallbackWithoutISUPOn415: peerTemplate?.fallbackWithoutISUPOn415 ?? true,
            reliableProvisionals: peerTemplate?.reliableProvisionals ?? true,
            internationalSwitchingCentre: peerTemplate?.internationalSwitchingCentre ?? false)
        return EngineConfiguration(
            sip: .init(address: other, domain: other.host, userAgent: template.sip.userAgent),
            sipTimers: template.sipTimers, trunks: [trunk], peers: [peer],
            routes: RouteConfiguration(toSIP: [.init(prefix: "", peer: peerName, minimumLength: 1, completeLength: 1)],
                                       toISUP: [.init(prefix: "", trunk: trunk.name)]),
            timers: template.timers, policy: template.policy)
    }
}
