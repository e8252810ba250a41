/// ISUP messages (CIC first) and MTP framings from the project's spec files.
enum Vectors {
    /// spec/isup-q763.md §7.1, IAM CIC 291 with calling party number.
    static let iam = "23 01 01 00 60 01 0A 00 02 0A 08 84 90 41 51 55 15 32 04 0A 08 04 13 44 02 17 32 54 76 00"
    /// spec/isup-q763.md §7.1, the MTP3 framing of the same IAM: SIO 0x85, OPC 1000, DPC 2000, SLS 3.
    static let iamMTP3 = "85 D0 07 FA 30 " + iam
    /// spec/isup-q763.md §7.3, REL cause 16, framed with SIO 0x85 and an all-zero routing label
    /// (spec/vectors.md, "How they were checked").
    static let rel = "23 01 0C 02 00 02 82 90"
    static let relMTP3 = "85 00 00 00 00 " + rel
    /// spec/vectors.md A10: MTP2 BSN/FSN/LI=31, SIO 0x05, DPC 444, OPC 333, SLS 14, IAM CIC 5.
    static let iamMTP2 = "81 82 1f 05 bc 41 53 e0 " + iamMTP2ISUP
    static let iamMTP2ISUP = "05 00 01 00 20 00 0a 03 02 08 06 03 10 11 11 11 f1 0a 06 03 13 22 22 22 22 00"
}
