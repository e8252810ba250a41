import ISUP

/// ISUP messages (CIC first) from the project's spec files, one call's worth: the IAM with 3 optional
/// parameters leads the mix, as a call set-up does.
enum Vectors {
    struct Vector {
        let name: String
        let bytes: [UInt8]
        let message: ISUPMessage

        init(_ name: String, _ hex: String) {
            self.name = name
            bytes = Hex.bytes(hex)!
            message = try! ISUPMessage(decoding: bytes)
        }
    }

    /// spec/vectors.md A3: CgPN, location number, access transport (3 optional parameters), 58 octets.
    static let iam = Vector("IAM", """
        73 00 01 11 60 00 0a 03 02 09 07 83 90 79 70 45 26 09 0a 07 83 13 59 63 85 96 00 3f 07 83 17 17 50 20 \
        03 00 03 13 28 11 42 45 52 54 48 41 4c 49 4e 20 4a 61 63 71 75 65 73 00
        """)
    /// spec/isup-q763.md §7.1: CgPN only, 30 octets.
    static let iamShort = Vector(
        "IAM-1opt", "23 01 01 00 60 01 0A 00 02 0A 08 84 90 41 51 55 15 32 04 0A 08 04 13 44 02 17 32 54 76 00")
    /// spec/vectors.md A4: 8 optional parameters (redirection, USI, propagation delay, UTI, ...), 75 octets.
    static let iamLong = Vector("IAM-8opt", """
        0c 0b 01 10 20 01 0a 00 02 0a 08 04 10 97 00 00 00 00 f0 0a 08 84 11 97 00 00 00 00 00 0b 07 03 10 09 \
        00 00 00 00 13 02 03 32 28 07 03 10 09 00 00 00 00 1d 03 80 90 a3 31 02 00 5a 34 02 91 81 6f 08 84 14 \
        07 00 00 00 00 00 00
        """)
    /// spec/isup-q763.md §7.2: BCI and optional backward call indicators.
    static let acm = Vector("ACM", "23 01 06 16 14 01 29 01 01 00")
    /// spec/isup-q763.md §7.4: nothing optional.
    static let anm = Vector("ANM", "01 00 09 00")
    /// spec/isup-q763.md §7.3: cause 16, normal call clearing.
    static let rel = Vector("REL", "23 01 0C 02 00 02 82 90")
    /// spec/isup-q763.md §7.3: the peer's answer to REL.
    static let rlc = Vector("RLC", "23 01 10 00")

    static let each = [iam, iamShort, iamLong, acm, anm, rel, rlc]
    /// One basic call: IAM, ACM, ANM, REL, RLC.
    static let mix = [iam, acm, anm, rel, rlc]
}
