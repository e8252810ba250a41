/// Bounds-checked reads of fixed-width unsigned integers at absolute offsets of a capture file.
struct FileBytes {
    let bytes: [UInt8]
    var byteOrder: ByteOrder = .littleEndian

    var count: Int { bytes.count }

    /// Throws `truncated` unless `count` octets start at `offset`.
    func require(_ count: Int, at offset: Int, field: String, packet: Int? = nil) throws(TraceError) {
        let available = max(0, bytes.count - offset)
        guard count <= available else {
            throw TraceError(offset: offset, field: field, packet: packet,
                             reason: .truncated(needed: count, available: available))
        }
    }

    func u16(at offset: Int) -> UInt16 {
        let a = UInt16(bytes[offset]), b = UInt16(bytes[offset + 1])
        return byteOrder == .littleEndian ? a | b << 8 : a << 8 | b
    }

    func u32(at offset: Int) -> UInt32 {
        let low = UInt32(u16(at: offset)), high = UInt32(u16(at: offset + 2))
        return byteOrder == .littleEndian ? low | high << 16 : low << 16 | high
    }

    func u64(at offset: Int) -> UInt64 {
        let low = UInt64(u32(at: offset)), high = UInt64(u32(at: offset + 4))
        return byteOrder == .littleEndian ? low | high << 32 : low << 32 | high
    }

    /// Little-endian regardless of `byteOrder`: magic numbers are compared in this form.
    func u32LittleEndian(at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
