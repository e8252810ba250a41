@testable import Trace

/// Link-layer framings, IPv6 packets and M3UA/M2PA messages built by hand from their specifications, to feed
/// `CaptureDecoder` and tshark the same captures.
enum CaptureFrames {
    static let macA: [UInt8] = [0x02, 0, 0, 0, 0, 0x0A], macB: [UInt8] = [0x02, 0, 0, 0, 0, 0x0B]

    /// IEEE 802.3 §3.1.1 header, with one IEEE 802.1Q/802.1ad tag (TPID, TCI = VLAN ID) per entry of `tags`,
    /// outermost first.
    static func ethernet(_ packet: [UInt8], etherType: UInt16 = 0x0800, tags: [(tpid: UInt16, vlan: UInt16)] = [])
        -> [UInt8]
    {
        var frame = macB + macA
        for tag in tags {
            IPv4Packet.append16(tag.tpid, to: &frame)
            IPv4Packet.append16(tag.vlan, to: &frame)
        }
        IPv4Packet.append16(etherType, to: &frame)
        return frame + packet
    }

    /// LINKTYPE_LINUX_SLL: packet type 0 (to us), ARPHRD_ETHER, address length 6, address padded to 8, protocol.
    static func sll(_ packet: [UInt8], etherType: UInt16 = 0x0800) -> [UInt8] {
        var frame: [UInt8] = [0, 0, 0, 1, 0, 6] + macA + [0, 0]
        IPv4Packet.append16(etherType, to: &frame)
        return frame + packet
    }

    /// LINKTYPE_LINUX_SLL2: protocol, reserved, interface index 2, ARPHRD_ETHER, packet type 0, address length 6,
    /// address padded to 8.
    static func sll2(_ packet: [UInt8], etherType: UInt16 = 0x0800) -> [UInt8] {
        var frame = [UInt8]()
        IPv4Packet.append16(etherType, to: &frame)
        frame += [0, 0, 0, 0, 0, 2, 0, 1, 0, 6] + macA + [0, 0]
        return frame + packet
    }

    /// RFC 8200 §3 header (traffic class and flow label 0, hop limit 64) and `extensions` (type, octets, each a
    /// multiple of 8 with its own next-header octet left 0 to be filled in) before `payload` of `nextHeader`.
    static func ipv6(_ payload: [UInt8], nextHeader: UInt8, from source: [UInt8], to destination: [UInt8],
                     extensions: [(type: UInt8, octets: [UInt8])] = []) -> [UInt8] {
        var chain = [UInt8]()
        let types = extensions.map(\.type) + [nextHeader]
        for (i, ext) in extensions.enumerated() {
            var octets = ext.octets
            octets[0] = types[i + 1]
            chain += octets
        }
        var header: [UInt8] = [0x60, 0, 0, 0]
        IPv4Packet.append16(UInt16(chain.count + payload.count), to: &header)
        header += [types[0], 64] + source + destination
        return header + chain + payload
    }

    /// RFC 768 over IPv6 (RFC 8200 §8.1): the checksum covers addresses, upper-layer length and next header 17.
    static func udp6(_ payload: [UInt8], sourcePort: UInt16, destinationPort: UInt16,
                     from source: [UInt8], to destination: [UInt8]) -> [UInt8] {
        var segment = [UInt8]()
        IPv4Packet.append16(sourcePort, to: &segment)
        IPv4Packet.append16(destinationPort, to: &segment)
        IPv4Packet.append16(UInt16(8 + payload.count), to: &segment)
        IPv4Packet.append16(0, to: &segment)
        segment += payload
        var pseudo = source + destination
        IPv4Packet.append32(UInt32(segment.count), to: &pseudo)
        pseudo += [0, 0, 0, 17]
        let checksum = IPv4Packet.internetChecksum(pseudo + segment)
        segment[6] = UInt8(checksum >> 8)
        segment[7] = UInt8(checksum & 0xFF)
        return ipv6(segment, nextHeader: 17, from: source, to: destination)
    }

    /// RFC 4666 §3.3.1 DATA: common header (version 1, class 1, type 1, length), Routing Context (0x0006) when
    /// given, Protocol Data (0x0210: OPC, DPC, SI, NI, MP 0, SLS, user data) padded to 4 octets.
    static func m3uaData(_ userData: [UInt8], opc: UInt32, dpc: UInt32, si: UInt8 = 5, ni: UInt8 = 2, sls: UInt8,
                         routingContext: UInt32? = nil) -> [UInt8] {
        var body = [UInt8]()
        if let routingContext {
            body += [0x00, 0x06, 0x00, 0x08]
            IPv4Packet.append32(routingContext, to: &body)
        }
        body += [0x02, 0x10]
        IPv4Packet.append16(UInt16(16 + userData.count), to: &body)
        IPv4Packet.append32(opc, to: &body)
        IPv4Packet.append32(dpc, to: &body)
        body += [si, ni, 0, sls] + userData
        body += [UInt8](repeating: 0, count: (4 - userData.count % 4) % 4)
        var message: [UInt8] = [1, 0, 1, 1]
        IPv4Packet.append32(UInt32(8 + body.count), to: &message)
        return message + body
    }

    /// RFC 4666 §3.5.5 BEAT with 4 octets of Heartbeat Data: an ASPSM message, no signalling.
    static let m3uaBeat: [UInt8] = [1, 0, 3, 3, 0, 0, 0, 16, 0, 9, 0, 8, 0xDE, 0xAD, 0xBE, 0xEF]

    /// RFC 4165 §2.1-§2.3.2 User Data: version 1, spare, class 11, type 1, length; unused, BSN; unused, FSN;
    /// priority octet; then `mtp3` (SIO, routing label, user part).
    static func m2paUserData(_ mtp3: [UInt8], bsn: UInt32 = 0xFFFFFF, fsn: UInt32 = 0) -> [UInt8] {
        var message: [UInt8] = [1, 0, 11, 1]
        IPv4Packet.append32(UInt32(17 + mtp3.count), to: &message)
        IPv4Packet.append32(bsn & 0xFFFFFF, to: &message)
        IPv4Packet.append32(fsn & 0xFFFFFF, to: &message)
        return message + [0] + mtp3
    }

    /// The CIC of an ISUP message from the CIC on (Q.763 §1.2: 12 bits, least significant octet first).
    static func cic(_ isup: [UInt8]) -> Int { Int(isup[0]) | Int(isup[1] & 0x0F) << 8 }
}
