import ISUP

/// ACM and CPG ⇄ SIP provisional responses: digest B.1.3 (ISUP → SIP) and B.2.2 (SIP → ISUP), Q.1912.5.
enum ProvisionalMapping {
    /// CPG event indicator values (Q.763 §3.21).
    enum Event {
        static let alerting = 1
        static let progress = 2
        static let inBandInformation = 3
        static let forwardedOnBusy = 4
        static let forwardedOnNoReply = 5
        static let forwardedUnconditional = 6
    }

    /// The provisional an ACM or CPG becomes before answer, and whether it carries the SDP answer (early media):
    /// ACM with "subscriber free" → 180, other ACM → 183; in-band information (optional BCI bit A, CPG event 3) →
    /// 183 with SDP; CPG alerting → 180, progress → 183, forwarded (4–6) → 181.
    static func response(to message: ISUPMessage) -> (status: Int, withSDP: Bool) {
        let inBand = (message[.optionalBackwardCallIndicators]?.value.first ?? 0) & 0x01 != 0
        if message.type == .acm {
            if inBand { return (183, true) }
            let status = message.indicators(.backwardCallIndicators)?["calledPartysStatusIndicator"]
            return (status == 1 ? 180 : 183, false)
        }
        switch message.indicators(.eventInformation)?["eventIndicator"] {
        case Event.alerting: return (180, inBand)
        case Event.inBandInformation: return (183, true)
        case Event.forwardedOnBusy, Event.forwardedOnNoReply, Event.forwardedUnconditional: return (181, false)
        default: return (183, inBand)
        }
    }

    /// The ISUP message for a received 18x: the first becomes an ACM (180: subscriber free; 183/181: no
    /// indication), later ones CPGs (180 alerting, 181 forwarded unconditional, 183 progress or in-band
    /// information when it brings SDP). B.2.2: BCI charge, ordinary subscriber, interworking encountered.
    static func message(for status: Int, acmSent: Bool, withSDP: Bool, cic: CIC?) -> ISUPMessage {
        guard acmSent else {
            let calledPartyStatus: UInt8 = status == 180 ? 0x04 : 0x00
            var parameters = [Parameter(code: .backwardCallIndicators, value: [0x12 | calledPartyStatus, 0x01])]
            if withSDP { parameters.append(Parameter(code: .optionalBackwardCallIndicators, value: [0x01])) }
            return ISUPMessage(type: .acm, cic: cic, parameters: parameters)
        }
        let event: Int = switch status {
        case 180: Event.alerting
        case 181: Event.forwardedUnconditional
        default: withSDP ? Event.inBandInformation : Event.progress
        }
        return ISUPMessage(type: .cpg, cic: cic, parameters: [Parameter(code: .eventInformation, value: [UInt8(event)])])
    }

    /// 200 (INVITE) → ANM after an ACM, CON without one (B.2.2; CON has the BCI of an ACM).
    static func answer(acmSent: Bool, cic: CIC?) -> ISUPMessage {
        acmSent
            ? ISUPMessage(type: .anm, cic: cic, parameters: [])
            : ISUPMessage(type: .con, cic: cic, parameters: [Parameter(code: .backwardCallIndicators, value: [0x16, 0x01])])
    }
}
