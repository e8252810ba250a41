/// Vectors with an independent source: the Q.763 digest's hand-checked examples (isup-q763.md §7) and the public
/// captures/test files of shared/spec/vectors.md part A (each checked there with tshark 4.0.17).
enum SpecVectors {
    static let iam71 = Vector(
        name: "IAM §7.1", hex: "23 01 01 00 60 01 0A 00 02 0A 08 84 90 41 51 55 15 32 04 0A 08 04 13 44 02 17 32 54 76 00",
        source: "isup-q763.md §7.1 (built by hand from Q.763, re-parsed by an independent decoder)")
    static let acm72 = Vector(name: "ACM §7.2", hex: "23 01 06 16 14 01 29 01 01 00", source: "isup-q763.md §7.2")
    static let rel73 = Vector(name: "REL §7.3", hex: "23 01 0C 02 00 02 82 90", source: "isup-q763.md §7.3")
    static let a1 = Vector(
        name: "A1 IAM national parameter",
        hex: "09 00 01 10 48 00 0a 03 02 0a 08 83 10 29 99 24 00 80 0f 0a 08 03 13 94 03 42 30 93 20 f2 15 36 19 08 00 00 15 ff ff ff ff ff ff ff ff ff ff 1d 45 38 cb 20 00",
        source: "vectors.md A1: osmo_ss7 test/isup_codec_tests.erl ISUP_IAM_BIN")
    static let a2 = Vector(name: "A2 GRS", hex: "01 00 17 01 01 0e", source: "vectors.md A2: osmo_ss7 ISUP_GRS_BIN")
    static let a3 = Vector(
        name: "A3 IAM location number + access transport",
        hex: "73 00 01 11 60 00 0a 03 02 09 07 83 90 79 70 45 26 09 0a 07 83 13 59 63 85 96 00 3f 07 83 17 17 50 20 03 00 03 13 28 11 42 45 52 54 48 41 4c 49 4e 20 4a 61 63 71 75 65 73 00",
        source: "vectors.md A3: jSS7 IAMTest.testThree_Trace")
    static let a4 = Vector(
        name: "A4 IAM many optional",
        hex: "0c 0b 01 10 20 01 0a 00 02 0a 08 04 10 97 00 00 00 00 f0 0a 08 84 11 97 00 00 00 00 00 0b 07 03 10 09 00 00 00 00 13 02 03 32 28 07 03 10 09 00 00 00 00 1d 03 80 90 a3 31 02 00 5a 34 02 91 81 6f 08 84 14 07 00 00 00 00 00 00",
        source: "vectors.md A4: jSS7 IAMTest.getDefaultBody")
    static let a5 = Vector(name: "A5 ACM", hex: "0c 0b 06 01 20 01 29 01 01 12 02 82 9c 00", source: "vectors.md A5: jSS7 ACMTest")
    static let a6 = Vector(name: "A6 REL", hex: "0c 0b 0c 02 00 02 83 9f", source: "vectors.md A6: jSS7 RELTest")
    static let a7 = Vector(name: "A7 RLC", hex: "0c 0b 10 00", source: "vectors.md A7: jSS7 RLCTest")
    static let a8 = Vector(
        name: "A8 CPG", hex: "0c 0b 2c 02 01 11 02 a6 9d 35 01 03 21 05 01 43 83 60 38 00",
        source: "vectors.md A8: jSS7 CPGTest")
    static let a9 = Vector(
        name: "A9 CPG progress IE", hex: "04 00 2c 02 01 03 04 1e 02 81 88 00",
        source: "vectors.md A9: yate issue #14 (CIC and type added)")
    /// A10 is a whole MTP2 MSU; the ISUP message starts after MTP2 (3), SIO (1) and the routing label (4).
    static let a10MSU = "81 82 1f 05 bc 41 53 e0 05 00 01 00 20 00 0a 03 02 08 06 03 10 11 11 11 f1 0a 06 03 13 22 22 22 22 00"

    static let all = [iam71, acm72, rel73, a1, a2, a3, a4, a5, a6, a7, a8, a9]
}
