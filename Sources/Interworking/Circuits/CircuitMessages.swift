import ISUP

/// The circuit supervision messages this exchange builds (Q.763 Table 4 formats), with their CIC set.
extension ISUPMessage {
    /// BLO, BLA, UBL, UBA, RSC, RLC, UCIC: the message type alone (RLC with an empty optional part).
    static func circuit(_ type: MessageType, _ cic: Int) -> ISUPMessage {
        ISUPMessage(type: type, cic: CIC(cic), parameters: [])
    }

    /// CGB, CGU, CGBA, CGUA: circuit group supervision message type (Q.763 §3.13) and range and status (§3.43).
    static func group(_ type: MessageType, _ kind: BlockingKind, first: Int, _ rangeAndStatus: RangeAndStatus)
        -> ISUPMessage
    {
        ISUPMessage(type: type, cic: CIC(first), parameters: [
            Parameter(code: .circuitGroupSupervisionMessageType, value: [kind.rawValue]),
            Parameter(code: .rangeAndStatus, value: rangeAndStatus.encoded()),
        ])
    }

    /// GRS, GRA, CQM: range and status only (GRS and CQM without the status subfield).
    static func ranged(_ type: MessageType, first: Int, _ rangeAndStatus: RangeAndStatus) -> ISUPMessage {
        ISUPMessage(type: type, cic: CIC(first), parameters: [
            Parameter(code: .rangeAndStatus, value: rangeAndStatus.encoded()),
        ])
    }

    /// CQR: the range of the CQM and one circuit state indicator octet per circuit (Q.763 §3.14).
    static func circuitQueryResponse(first: Int, range: UInt8, states: [UInt8]) -> ISUPMessage {
        ISUPMessage(type: .cqr, cic: CIC(first), parameters: [
            Parameter(code: .rangeAndStatus, value: [range]),
            Parameter(code: .circuitStateIndicator, value: states),
        ])
    }

    /// The circuit group supervision message type indicator (Q.763 §3.13, bits BA); nil when absent or not one of
    /// maintenance (00) and hardware failure (01).
    var blockingKind: BlockingKind? {
        self[.circuitGroupSupervisionMessageType]?.value.first.flatMap { BlockingKind(rawValue: $0 & 0x03) }
    }
}
