import M3UA

/// The ISUP messages inside the user-adaptation payloads of SIGTRAN captures: M3UA DATA (RFC 4666 §3.3.1) and
/// M2PA User Data (RFC 4165 §2.3.2). Messages for other user parts, and every other message type, give nil.
enum SignallingPayload {
    /// RFC 4666 §1.4.7 and RFC 4165 §1.3.3: the SCTP payload protocol identifiers (IANA).
    static let m3uaPPID: UInt32 = 3
    static let m2paPPID: UInt32 = 5
    /// The IANA ports of M3UA (RFC 4666 §1.4.7) and M2PA (RFC 4165 §1.3.3), which tell what a DATA chunk with
    /// the unspecified PPID 0 (RFC 9260 §3.3.1) carries, as Wireshark takes them.
    static let portPPIDs: [UInt16: UInt32] = [2905: m3uaPPID, 3565: m2paPPID]

    /// `ppid`, or for PPID 0 the protocol of the well-known port at either end.
    static func payloadProtocol(_ ppid: UInt32, ports: (UInt16, UInt16)) -> UInt32 {
        guard ppid == 0 else { return ppid }
        return portPPIDs[ports.1] ?? portPPIDs[ports.0] ?? 0
    }

    /// One whole M3UA message, read with the M3UA codec (the receiver's padding rules, RFC 4666 §3.2). A DATA
    /// message whose Protocol Data has SI 5 gives its user data (from the CIC) with the routing label fields and
    /// the first Routing Context; any other well-formed message (ASPSM, ASPTM, MGMT, SSNM, RKM, or DATA of another
    /// user part) gives nil. Throws, at the codec's offset, for a malformed message.
    static func m3ua(_ message: ArraySlice<UInt8>) throws(CaptureDecodingError) -> ([UInt8], ISUPRoute)? {
        let decoded: M3UAMessage
        do {
            decoded = try M3UAMessage(decoding: message, padding: .ignored)
        } catch {
            throw CaptureDecodingError(offset: error.offset, field: "M3UA " + error.field, reason: error.explanation)
        }
        guard decoded.type == .data, let data = decoded.protocolData, data.si == .isup else { return nil }
        let route = ISUPRoute(opc: data.opc, dpc: data.dpc, sls: data.sls, networkIndicator: data.ni,
                              routingContext: decoded.routingContexts.first)
        return (Array(data.userProtocolData), route)
    }

    /// RFC 4165 §2.1 common header (version 1, spare, class 11, type, length of the whole message), §2.2 M2PA
    /// header (BSN and FSN, each after an unused octet), and for User Data (type 1) §2.3.2: the priority octet,
    /// then the MTP3 message (SIO, routing label, user part; Q.704 §2.2). Link Status messages and User Data
    /// without data (sent to acknowledge) give nil, as do MTP3 messages of other user parts.
    static func m2pa(_ message: ArraySlice<UInt8>) throws(CaptureDecodingError) -> ([UInt8], ISUPRoute)? {
        try message.require(16, field: "M2PA header")
        guard message.u8(at: 0) == 1 else {
            throw CaptureDecodingError(offset: message.startIndex, field: "M2PA version",
                                       reason: "version \(message.u8(at: 0)), only 1 is defined (RFC 4165 §2.1.1)")
        }
        let length = Int(message.u32(at: 4))
        guard length >= 16, length <= message.count else {
            throw CaptureDecodingError(offset: message.startIndex + 4, field: "M2PA message length",
                                       reason: "\(length) octets, \(message.count) available and 16 the minimum")
        }
        guard message.u8(at: 2) == 11, message.u8(at: 3) == 1, length > 16 else { return nil }
        try message.require(18, field: "M2PA user data")
        return try mtp3(message.slice(17, length - 17))
    }

    /// An MTP3 message signal unit (Q.704 §2.2, §14.2): ISUP from the CIC with its routing label, or nil for
    /// another user part.
    static func mtp3(_ unit: ArraySlice<UInt8>) throws(CaptureDecodingError) -> ([UInt8], ISUPRoute)? {
        let signalUnit: MessageSignalUnit
        do {
            signalUnit = try MessageSignalUnit(decoding: unit)
        } catch {
            throw CaptureDecodingError(offset: error.offset, field: error.field, reason: error.reason.explanation)
        }
        return isup(in: signalUnit)
    }

    /// The ISUP message of a signal unit with its routing label, or nil for another user part.
    static func isup(in unit: MessageSignalUnit) -> ([UInt8], ISUPRoute)? {
        guard unit.serviceIndicator == MessageSignalUnit.isupServiceIndicator else { return nil }
        let label = unit.routingLabel
        let route = ISUPRoute(opc: UInt32(label.originatingPointCode), dpc: UInt32(label.destinationPointCode),
                              sls: label.signallingLinkSelection, networkIndicator: unit.networkIndicator)
        return (Array(unit.userData), route)
    }
}
