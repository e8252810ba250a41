import Trace

/// Hand-built pcapng blocks (draft-ietf-opsawg-pcapng §3.1 and §4) in either byte order, for what text2pcap
/// cannot write: big-endian sections, Simple Packet Blocks, blocks a reader must skip, several sections.
struct PcapngBuilder {
    var byteOrder: ByteOrder
    var bytes: [UInt8] = []

    func u16(_ value: UInt16) -> [UInt8] {
        let octets = [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
        return byteOrder == .littleEndian ? octets : octets.reversed()
    }

    func u32(_ value: UInt32) -> [UInt8] {
        let octets = (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
        return byteOrder == .littleEndian ? octets : octets.reversed()
    }

    func u64(_ value: UInt64) -> [UInt8] {
        let octets = (0..<8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
        return byteOrder == .littleEndian ? octets : octets.reversed()
    }

    /// §3.5 option: code, length, value padded to 32 bits.
    func option(_ code: UInt16, _ value: [UInt8]) -> [UInt8] {
        u16(code) + u16(UInt16(value.count)) + value + [UInt8](repeating: 0, count: (4 - value.count % 4) % 4)
    }

    /// §3.1: type, total length, body padded to 32 bits, total length.
    mutating func block(_ type: UInt32, _ body: [UInt8]) {
        let padded = body + [UInt8](repeating: 0, count: (4 - body.count % 4) % 4)
        let length = UInt32(12 + padded.count)
        bytes += u32(type) + u32(length) + padded + u32(length)
    }

    /// §4.1, version 1.0, section length -1 (not given), with a shb_userappl option.
    mutating func sectionHeader() {
        let options = option(4, Array("TraceTests".utf8)) + option(0, [])
        block(0x0A0D_0D0A, u32(0x1A2B_3C4D) + u16(1) + u16(0) + u64(.max) + options)
    }

    /// §4.2; `options` already encoded with `option(_:_:)`.
    mutating func interface(_ linkType: LinkType, snapLength: UInt32 = 0, options: [UInt8] = []) {
        block(1, u16(UInt16(linkType.rawValue)) + u16(0) + u32(snapLength) + options)
    }

    /// §4.3, timestamp in the interface's units.
    mutating func enhancedPacket(interface: UInt32, units: UInt64, _ data: [UInt8], originalLength: Int? = nil) {
        block(6, u32(interface) + u32(UInt32(units >> 32)) + u32(UInt32(truncatingIfNeeded: units))
            + u32(UInt32(data.count)) + u32(UInt32(originalLength ?? data.count)) + data)
    }

    /// §4.4.
    mutating func simplePacket(_ data: [UInt8], originalLength: Int? = nil) {
        block(3, u32(UInt32(originalLength ?? data.count)) + data)
    }
}
