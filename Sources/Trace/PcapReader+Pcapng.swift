/// pcapng layout, draft-ietf-opsawg-pcapng §3.1 (block structure) and §4 (block types).
extension PcapReader {
    /// Section Header Block byte-order magic, as read in little-endian order from a little-endian section.
    static let byteOrderMagic: UInt32 = 0x1A2B_3C4D

    mutating func nextPcapngRecord() throws(TraceError) -> PcapRecord? {
        while offset < file.count {
            let start = offset
            try file.require(8, at: start, field: "block header")
            if file.u32LittleEndian(at: start) == PcapngBlockType.sectionHeader { try readByteOrder(at: start) }
            let type = file.u32(at: start)
            let isPacket = type == PcapngBlockType.enhancedPacket || type == PcapngBlockType.simplePacket
            let length = try blockLength(at: start, type: type, packet: isPacket ? packetsRead + 1 : nil)
            offset = start + length
            switch type {
            case PcapngBlockType.sectionHeader: try readSectionHeader(at: start, length: length)
            case PcapngBlockType.interfaceDescription: try readInterfaceDescription(at: start, length: length)
            case PcapngBlockType.enhancedPacket: return try enhancedPacket(at: start, length: length)
            case PcapngBlockType.simplePacket: return try simplePacket(at: start, length: length)
            default: continue
            }
        }
        return nil
    }

    /// §4.1: the byte-order magic after block type and length fixes the byte order of the whole section.
    private mutating func readByteOrder(at start: Int) throws(TraceError) {
        let field = PcapngBlockType.name(PcapngBlockType.sectionHeader)
        try file.require(12, at: start, field: field)
        switch file.u32LittleEndian(at: start + 8) {
        case Self.byteOrderMagic: file.byteOrder = .littleEndian
        case Self.byteOrderMagic.byteSwapped: file.byteOrder = .bigEndian
        case let magic: throw TraceError(offset: start + 8, field: field, reason: .unknownByteOrderMagic(magic))
        }
    }

    /// §3.1: Block Total Length, at least 12, a multiple of 4, repeated at the end of the block.
    private func blockLength(at start: Int, type: UInt32, packet: Int?) throws(TraceError) -> Int {
        let field = PcapngBlockType.name(type)
        let length = Int(file.u32(at: start + 4))
        guard length >= 12, length % 4 == 0 else {
            throw TraceError(offset: start + 4, field: field, packet: packet, reason: .invalidBlockLength(length))
        }
        try file.require(length, at: start, field: field, packet: packet)
        let trailing = Int(file.u32(at: start + length - 4))
        guard trailing == length else {
            throw TraceError(offset: start + length - 4, field: field, packet: packet,
                             reason: .blockLengthMismatch(leading: length, trailing: trailing))
        }
        return length
    }

    private func requireLength(_ length: Int, minimum: Int, at start: Int, type: UInt32) throws(TraceError) {
        guard length >= minimum else {
            throw TraceError(offset: start + 4, field: PcapngBlockType.name(type),
                             reason: .blockTooShort(length: length, minimum: minimum))
        }
    }

    /// §4.1: byte-order magic(4) major(2) minor(2) section length(8) options. A new section forgets the
    /// interfaces of the previous one.
    private mutating func readSectionHeader(at start: Int, length: Int) throws(TraceError) {
        let type = PcapngBlockType.sectionHeader
        try requireLength(length, minimum: 28, at: start, type: type)
        let major = file.u16(at: start + 12), minor = file.u16(at: start + 14)
        guard major == 1 else {
            throw TraceError(offset: start + 12, field: PcapngBlockType.name(type),
                             reason: .unsupportedVersion(major: major, minor: minor))
        }
        interfaces = []
    }

    /// §4.2: LinkType(2) reserved(2) SnapLen(4) options; options per §3.5 (code(2) length(2) value, padded to 4).
    private mutating func readInterfaceDescription(at start: Int, length: Int) throws(TraceError) {
        let type = PcapngBlockType.interfaceDescription
        try requireLength(length, minimum: 20, at: start, type: type)
        var interface = PcapngInterface(
            linkType: LinkType(rawValue: UInt32(file.u16(at: start + 8))),
            snapLength: Int(file.u32(at: start + 12))
        )
        let end = start + length - 4
        var option = start + 16
        while option + 4 <= end {
            let code = file.u16(at: option), valueLength = Int(file.u16(at: option + 2))
            if code == 0 { break }  // opt_endofopt
            let value = option + 4
            let field = "\(PcapngBlockType.name(type)) option \(code)"
            guard valueLength <= end - value else {
                throw TraceError(offset: option + 2, field: field,
                                 reason: .lengthOverrun(length: valueLength, available: end - value))
            }
            switch code {
            case 9 where valueLength >= 1:  // if_tsresol
                interface.unitsPerSecond = try Self.unitsPerSecond(file.bytes[value], offset: value, field: field)
            case 14 where valueLength >= 8:  // if_tsoffset
                interface.offsetSeconds = Int64(bitPattern: file.u64(at: value))
            default: break
            }
            option = value + (valueLength + 3) & ~3
        }
        interfaces.append(interface)
    }

    /// if_tsresol: bit 7 clear, 10^-n seconds; set, 2^-n seconds (n in bits 6–0).
    private static func unitsPerSecond(
        _ resolution: UInt8, offset: Int, field: String
    ) throws(TraceError) -> UInt64 {
        let exponent = Int(resolution & 0x7F)
        if resolution & 0x80 != 0 {
            guard exponent <= 63 else {
                throw TraceError(offset: offset, field: field, reason: .invalid("2^-\(exponent) s is finer than 64 bits"))
            }
            return 1 << exponent
        }
        guard exponent <= 19 else {
            throw TraceError(offset: offset, field: field, reason: .invalid("10^-\(exponent) s is finer than 64 bits"))
        }
        var units: UInt64 = 1
        for _ in 0..<exponent { units *= 10 }
        return units
    }

    private func interface(
        _ id: Int, at offset: Int, type: UInt32, packet: Int
    ) throws(TraceError) -> PcapngInterface {
        guard id < interfaces.count else {
            throw TraceError(offset: offset, field: PcapngBlockType.name(type), packet: packet,
                             reason: .unknownInterface(id: id, declared: interfaces.count))
        }
        return interfaces[id]
    }

    /// §4.3: Interface ID(4) Timestamp upper(4) lower(4) Captured Packet Length(4) Original Packet Length(4)
    /// Packet Data (padded to 4) options.
    private mutating func enhancedPacket(at start: Int, length: Int) throws(TraceError) -> PcapRecord {
        let type = PcapngBlockType.enhancedPacket
        try requireLength(length, minimum: 32, at: start, type: type)
        let number = packetsRead + 1
        let id = Int(file.u32(at: start + 8))
        let interface = try interface(id, at: start + 8, type: type, packet: number)
        let units = UInt64(file.u32(at: start + 12)) << 32 | UInt64(file.u32(at: start + 16))
        let captured = Int(file.u32(at: start + 20)), original = Int(file.u32(at: start + 24))
        let data = start + 28
        guard captured <= length - 32 else {
            throw TraceError(offset: start + 20, field: "\(PcapngBlockType.name(type)) captured length",
                             packet: number, reason: .lengthOverrun(length: captured, available: length - 32))
        }
        packetsRead = number
        return PcapRecord(
            number: number,
            timestamp: CaptureTimestamp(
                units: units, unitsPerSecond: interface.unitsPerSecond, offsetSeconds: interface.offsetSeconds),
            linkType: interface.linkType,
            interfaceID: id,
            data: file.bytes[data..<data + captured],
            originalLength: original
        )
    }

    /// §4.4: Original Packet Length(4) Packet Data; interface 0, no timestamp, and a captured length of the
    /// smallest of the original length, the interface's snap length and the room in the block.
    private mutating func simplePacket(at start: Int, length: Int) throws(TraceError) -> PcapRecord {
        let type = PcapngBlockType.simplePacket
        try requireLength(length, minimum: 16, at: start, type: type)
        let number = packetsRead + 1
        let interface = try interface(0, at: start, type: type, packet: number)
        let original = Int(file.u32(at: start + 8))
        var captured = min(original, length - 16)
        if interface.snapLength > 0 { captured = min(captured, interface.snapLength) }
        let data = start + 12
        packetsRead = number
        return PcapRecord(
            number: number,
            timestamp: nil,
            linkType: interface.linkType,
            data: file.bytes[data..<data + captured],
            originalLength: original
        )
    }
}
