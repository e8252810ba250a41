/// The network-layer packet inside a link-layer frame: its EtherType (the protocol field of every link header
/// read here uses EtherType values) and its octets.
struct LinkLayerFrame {
    var etherType: UInt16
    var payload: ArraySlice<UInt8>

    static let ipv4: UInt16 = 0x0800
    static let ipv6: UInt16 = 0x86DD
    /// IEEE 802.1Q C-tag, IEEE 802.1ad S-tag (QinQ), and the pre-standard QinQ tag.
    static let vlanTags: Set<UInt16> = [0x8100, 0x88A8, 0x9100]

    /// IEEE 802.3 §3.1.1: destination and source MAC addresses, then the EtherType, then the payload; each
    /// IEEE 802.1Q §9.6 VLAN tag (TPID, TCI) sits before the EtherType. An EtherType below 0x0600 is an 802.3
    /// length (an LLC frame, no IP), returned as it is.
    static func ethernet(_ frame: ArraySlice<UInt8>) throws(CaptureDecodingError) -> LinkLayerFrame {
        var offset = 12
        try frame.require(2, at: offset, field: "Ethernet EtherType")
        while vlanTags.contains(frame.u16(at: offset)) {
            try frame.require(6, at: offset, field: "IEEE 802.1Q VLAN tag")
            offset += 4
        }
        return LinkLayerFrame(etherType: frame.u16(at: offset), payload: frame.dropping(offset + 2))
    }

    /// The Linux cooked header of LINKTYPE_LINUX_SLL (tcpdump.org): packet type, ARPHRD type, address length,
    /// 8 address octets, then the protocol (an EtherType) at octet 14.
    static func linuxSLL(_ frame: ArraySlice<UInt8>) throws(CaptureDecodingError) -> LinkLayerFrame {
        try frame.require(16, field: "Linux SLL header")
        return LinkLayerFrame(etherType: frame.u16(at: 14), payload: frame.dropping(16))
    }

    /// LINKTYPE_LINUX_SLL2 (tcpdump.org): the protocol (an EtherType) first, 2 reserved octets, interface index,
    /// ARPHRD type, packet type, address length and 8 address octets: 20 octets.
    static func linuxSLL2(_ frame: ArraySlice<UInt8>) throws(CaptureDecodingError) -> LinkLayerFrame {
        try frame.require(20, field: "Linux SLL2 header")
        return LinkLayerFrame(etherType: frame.u16(at: 0), payload: frame.dropping(20))
    }
}
