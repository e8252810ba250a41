import ISUP

/// ISUP messages the switch sends, for the fuzzer to pick by number: an IAM with a called number of its choice and
/// the other messages of a call and of circuit supervision (Q.763), written from the message type on.
enum ISUPTemplates {
    /// Called numbers (national, NAI 3): complete for a SIP-I route, short (SAM, T10), with ST, to the plain peer,
    /// to nowhere.
    static let calledNumbers = ["0612345678", "061", "0612345678F", "0331234567", "7777777777", "06123456789012"]

    /// Q.763 octets after the CIC: ACM (BCI subscriber free / no indication), CON, ANM, CPG (alerting, progress,
    /// in-band), RLC, SUS/RES (by the user, by the network), COT (success, failure), BLO, UBL, BLA, UBA, RSC, UCIC,
    /// GRS, GRA, CGB/CGU/CGBA/CGUA (maintenance, hardware), CQM, CFN, SAM (a digit, ST).
    static let others: [[UInt8]] = [
        [0x06, 0x16, 0x14, 0x00], [0x06, 0x12, 0x14, 0x00], [0x07, 0x16, 0x14, 0x00], [0x09, 0x00],
        [0x2C, 0x01, 0x00], [0x2C, 0x02, 0x00], [0x2C, 0x03, 0x00], [0x10, 0x00],
        [0x0D, 0x00, 0x00], [0x0D, 0x01, 0x00], [0x0E, 0x00, 0x00], [0x0E, 0x01, 0x00], [0x05, 0x01], [0x05, 0x00],
        [0x13], [0x14], [0x15], [0x16], [0x12], [0x2E],
        [0x17, 0x01, 0x01, 0x1E], [0x29, 0x01, 0x05, 0x1E, 0x00, 0x00, 0x00, 0x00],
        [0x18, 0x00, 0x01, 0x02, 0x07, 0xFF], [0x18, 0x01, 0x01, 0x02, 0x07, 0xFF], [0x19, 0x00, 0x01, 0x02, 0x07, 0xFF],
        [0x1A, 0x00, 0x01, 0x02, 0x07, 0xFF], [0x1B, 0x00, 0x01, 0x02, 0x07, 0xFF], [0x2A, 0x01, 0x01, 0x1E],
        [0x2F, 0x02, 0x00, 0x02, 0x80, 0xE3], [0x02, 0x02, 0x00, 0x02, 0x80, 0x05], [0x02, 0x02, 0x00, 0x02, 0x80, 0x0F],
    ]

    /// REL with a cause value (Q.850) and location public network serving the remote user.
    static func rel(cause: UInt8) -> [UInt8] { [0x0C, 0x02, 0x00, 0x02, 0x85, 0x80 | (cause & 0x7F)] }

    /// IAM (Q.763 Table 32): NCI (continuity indicator 0–2), FCI national + ISUP all the way, CPC ordinary
    /// subscriber, TMR speech, the called number, CgPN 0298765432 (allowed, network provided).
    static func iam(called: String, continuity: UInt8) -> [UInt8] {
        let cdpn = number(called, nature: 3, octet2: 0x10), cgpn = number("0298765432", nature: 3, octet2: 0x13)
        // Mandatory variable pointers: CdPN right after the two pointers, optional part after the CdPN.
        return [0x01, continuity << 2, 0x20, 0x01, 0x0A, 0x00, 0x02, UInt8(cdpn.count + 2), UInt8(cdpn.count)]
            + cdpn + [0x0A, UInt8(cgpn.count)] + cgpn + [0x00]
    }

    /// Q.763 §3.9 number parameter: odd/even + NAI, octet 2, BCD digits low nibble first.
    static func number(_ digits: String, nature: UInt8, octet2: UInt8) -> [UInt8] {
        let nibbles = digits.map { UInt8(String($0), radix: 16) ?? 0 }
        var out = [UInt8(nibbles.count % 2 == 1 ? 0x80 : 0) | nature, octet2]
        for i in stride(from: 0, to: nibbles.count, by: 2) {
            out.append(nibbles[i] | (i + 1 < nibbles.count ? nibbles[i + 1] << 4 : 0))
        }
        return out
    }
}
