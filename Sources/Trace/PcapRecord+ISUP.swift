/// Signal units inside LINKTYPE_MTP2, LINKTYPE_MTP2_WITH_PHDR and LINKTYPE_MTP3 records (tcpdump.org
/// link-layer header types).
extension PcapRecord {
    /// Q.703 §2.2: BSN/BIB, FSN/FIB, then LI in the six low bits of the third octet.
    static let mtp2HeaderLength = 3
    /// Q.703 Annex A §A.2.3 (extended sequence numbers): BSN/BIB and FSN/FIB on 2 octets each, then a 9-bit LI,
    /// least significant octet first.
    static let extendedMTP2HeaderLength = 6
    /// LINKTYPE_MTP2_WITH_PHDR, as Wireshark's wiretap reads it: sent (1 octet), Annex A used (1 octet: 0 no,
    /// 1 yes, 2 unknown, taken as no), link number (2 octets, big-endian).
    static let mtp2PseudoHeaderLength = 4

    /// The message signal unit of this record, or nil when an MTP2 record holds a fill-in or link status
    /// signal unit (LI 0, 1 or 2; Q.703 §2.3.3). LINKTYPE_MTP2 and LINKTYPE_MTP2_WITH_PHDR records are taken
    /// without FCS. Throws for other link types and for records too short for their headers.
    public func messageSignalUnit() throws(TraceError) -> MessageSignalUnit? {
        let unit: ArraySlice<UInt8>
        switch linkType {
        case .mtp3:
            unit = data
        case .mtp2:
            guard let su = try mtp2Payload(data, extended: false) else { return nil }
            unit = su
        case .mtp2WithPseudoHeader:
            guard data.count >= Self.mtp2PseudoHeaderLength else {
                throw TraceError(offset: data.startIndex, field: "MTP2 pseudo-header", packet: number,
                                 reason: .truncated(needed: Self.mtp2PseudoHeaderLength, available: data.count))
            }
            let extended = data[data.startIndex + 1] == 1
            guard let su = try mtp2Payload(data.dropFirst(Self.mtp2PseudoHeaderLength), extended: extended)
            else { return nil }
            unit = su
        default:
            throw TraceError(offset: data.startIndex, field: "link type", packet: number,
                             reason: .unsupportedLinkType(linkType))
        }
        do {
            return try MessageSignalUnit(decoding: unit)
        } catch {
            throw TraceError(offset: error.offset, field: error.field, packet: number, reason: error.reason)
        }
    }

    /// What follows the MTP2 header (basic or Annex A), or nil for a fill-in or link status signal unit.
    private func mtp2Payload(_ su: ArraySlice<UInt8>, extended: Bool) throws(TraceError) -> ArraySlice<UInt8>? {
        let header = extended ? Self.extendedMTP2HeaderLength : Self.mtp2HeaderLength
        guard su.count >= header else {
            throw TraceError(offset: su.startIndex, field: extended ? "MTP2 header (Q.703 Annex A)" : "MTP2 header",
                             packet: number, reason: .truncated(needed: header, available: su.count))
        }
        let s = su.startIndex
        let lengthIndicator = extended ? (UInt16(su[s + 4]) | UInt16(su[s + 5]) << 8) & 0x1FF : UInt16(su[s + 2] & 0x3F)
        guard lengthIndicator >= 3 else { return nil }
        return su[(s + header)...]
    }

    /// The ISUP message carried by this record, starting at the CIC (the form `ISUPMessage(decoding:framing:
    /// .withCIC)` reads), or nil when the record holds no message signal unit or one for another user part.
    public func isupMessage() throws(TraceError) -> ArraySlice<UInt8>? {
        guard let unit = try messageSignalUnit(), unit.serviceIndicator == MessageSignalUnit.isupServiceIndicator
        else { return nil }
        return unit.userData
    }
}
