import ISUP

/// The ISUP messages the simulated exchange sends (Q.763 Table 4 formats), with their CIC set.
extension ISUPMessage {
    /// Q.763 §1.3 IAM: nature of connection (§3.35: no satellite, no continuity check, no echo control device),
    /// forward call indicators (§3.23: national call, ISUP used, ISUP not required all the way, originating access
    /// ISDN), calling party's category (§3.11: ordinary subscriber), transmission medium requirement (§3.54:
    /// speech), called party number (§3.9: E.164, ending with ST) and calling party number (§3.10: presentation
    /// allowed, network provided).
    static func simulatorIAM(cic: Int, called: String, calling: String) -> ISUPMessage? {
        guard let calledNumber = partyNumber(.calledPartyNumber, called, fields: ["internalNetworkNumber": 0], st: true),
              let callingNumber = partyNumber(.callingPartyNumber, calling, fields: ["screening": 3], st: false)
        else { return nil }
        return ISUPMessage(type: .iam, cic: CIC(cic), parameters: [
            Parameter(code: .natureOfConnectionIndicators, value: [0x00]),
            Parameter(code: .forwardCallIndicators, value: [0x60, 0x01]),
            Parameter(code: .callingPartysCategory, value: [0x0A]),
            Parameter(code: .transmissionMediumRequirement, value: [0x00]),
            Parameter(code: .calledPartyNumber, value: calledNumber.encoded()),
            Parameter(code: .callingPartyNumber, value: callingNumber.encoded()),
        ])
    }

    /// "+39…" as an international number (NAI 4), anything else as a national one (NAI 3); E.164 numbering plan.
    private static func partyNumber(_ code: ParameterCode, _ text: String, fields: [String: Int], st: Bool) -> PartyNumber? {
        let international = text.hasPrefix("+")
        guard case .number(let layout)? = code.spec?.format,
              var digits = AddressSignals(international ? String(text.dropFirst()) : text), !digits.isEmpty
        else { return nil }
        if st { digits.append(0x0F) }
        let nature = international ? PartyNumber.NatureOfAddress.international : PartyNumber.NatureOfAddress.national
        return PartyNumber(layout: layout, digits: digits,
                           fields: fields.merging(["natureOfAddress": nature, "numberingPlan": 1]) { a, _ in a })
    }

    /// Q.763 §1.1 ACM with backward call indicators (§3.5: charge, subscriber free, ordinary subscriber, ISUP used
    /// all the way, terminating access ISDN).
    static func simulatorACM(cic: Int) -> ISUPMessage {
        ISUPMessage(type: .acm, cic: CIC(cic), parameters: [Parameter(code: .backwardCallIndicators, value: [0x16, 0x14])])
    }

    /// REL with a Q.850 cause from the public network serving the local user (§3.12, location 2).
    static func release(cic: Int, cause: UInt8) -> ISUPMessage {
        ISUPMessage(type: .rel, cic: CIC(cic), parameters: [
            Parameter(code: .causeIndicators, value: CauseIndicators(value: cause).encoded()),
        ])
    }

    /// ANM, RLC, BLA, UBA: the message type alone.
    static func bare(_ type: MessageType, cic: Int) -> ISUPMessage {
        ISUPMessage(type: type, cic: CIC(cic), parameters: [])
    }

    /// GRA (range and status: no circuit blocked here), CGBA and CGUA (the request's indicators echoed).
    static func acknowledgement(_ type: MessageType, to request: ISUPMessage, statusBits: [Int]) -> ISUPMessage {
        var parameters = [Parameter]()
        if let kind = request[.circuitGroupSupervisionMessageType] { parameters.append(kind) }
        let range = request.rangeAndStatus?.range ?? 0
        parameters.append(Parameter(code: .rangeAndStatus, value: RangeAndStatus(range: range, statusBits: statusBits).encoded()))
        return ISUPMessage(type: type, cic: request.cic, parameters: parameters)
    }
}
