import ISUP

/// RFC 3326 Reason header values (digest C.2): `Q.850;cause=16;text="Normal call clearing"`, put on every BYE,
/// CANCEL and final response that comes from an ISUP release.
enum ReasonHeader {
    static func q850(_ cause: UInt8) -> String {
        "Q.850;cause=\(cause);text=\"\(CauseNames.name(of: cause))\""
    }
}
