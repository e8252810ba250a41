/// Network byte order reads (RFC 791 §3.1, RFC 8200 §3, RFC 9260 §3) for the capture decoder, at offsets from
/// the start of a slice whose indices may be file offsets.
extension ArraySlice<UInt8> {
    /// Throws `truncated` naming `field` unless `count` octets start `offset` octets into the slice.
    func require(_ count: Int, at offset: Int = 0, field: String) throws(CaptureDecodingError) {
        guard offset + count <= self.count else {
            throw .truncated(field, at: startIndex + offset, needed: count, available: self.count - offset)
        }
    }

    func u8(at offset: Int) -> UInt8 { self[startIndex + offset] }

    func u16(at offset: Int) -> UInt16 { UInt16(u8(at: offset)) << 8 | UInt16(u8(at: offset + 1)) }

    func u32(at offset: Int) -> UInt32 { UInt32(u16(at: offset)) << 16 | UInt32(u16(at: offset + 2)) }

    /// The octets from `offset` on.
    func dropping(_ offset: Int) -> ArraySlice<UInt8> { self[(startIndex + offset)...] }

    /// `count` octets from `offset`.
    func slice(_ offset: Int, _ count: Int) -> ArraySlice<UInt8> {
        self[(startIndex + offset)..<(startIndex + offset + count)]
    }
}
