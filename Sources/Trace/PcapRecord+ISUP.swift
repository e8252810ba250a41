/// Signal units inside LINKTYPE_MTP2 and LINKTYPE_MTP3 records (tcpdump.org link-layer header types).
extension PcapRecord {
    /// Q.703 §2.2: BSN/BIB, FSN/FIB, then LI in the six low bits of the third octet.
    static let mtp2HeaderLength = 3

    /// The message signal unit of this record, or nil when an MTP2 record holds a fill-in or link status
    /// signal unit (LI 0, 1 or 2; Q.703 §2.3.3). LINKTYPE_MTP2 records are taken without FCS.
    /// Throws for other link types and for records too short for their headers.
    public func messageSignalUnit() throws(TraceError) -> MessageSignalUnit? {
        let unit: ArraySlice<UInt8>
        switch linkType {
        case .mtp3:
            unit = data
        case .mtp2:
            guard data.count >= Self.mtp2HeaderLength else {
                throw TraceError(offset: data.startIndex, field: "MTP2 header", packet: number,
                                 reason: .truncated(needed: Self.mtp2HeaderLength, available: data.count))
            }
            let lengthIndicator = data[data.startIndex + 2] & 0x3F
            guard lengthIndicator >= 3 else { return nil }
            unit = data[(data.startIndex + Self.mtp2HeaderLength)...]
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

    /// The ISUP message carried by this record, starting at the CIC (the form `ISUPMessage(decoding:framing:
    /// .withCIC)` reads), or nil when the record holds no message signal unit or one for another user part.
    public func isupMessage() throws(TraceError) -> ArraySlice<UInt8>? {
        guard let unit = try messageSignalUnit(), unit.serviceIndicator == MessageSignalUnit.isupServiceIndicator
        else { return nil }
        return unit.userData
    }
}
