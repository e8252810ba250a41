import FuzzSupport
import ISUP
import SIPI

/// SIP-I bodies (Q.1912.5, RFC 3204) of a message parsed by libosip2: the ISUP part found and decoded, and a body
/// that parses, put back into the message (`apply(to:)`) and serialized, is found again equal.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard let message = try? SIPMessage(parsing: bytes(data, size)),
          let parsed = try? SIPIBody(parsing: message) else { return 0 }
    _ = ISUPCarriage.carrier(of: message)
    var rebuilt = message
    do {
        try parsed.apply(to: &rebuilt, boundary: "sipigw-fuzz-boundary-7f3a")
    } catch {
        return 0  // a version or base that is not a token, or the boundary inside a part
    }
    do {
        let again = try SIPIBody(parsing: SIPMessage(parsing: rebuilt.serialized()))
        guard again == parsed else { violated("the body put back is not found again equal: \(String(describing: again)) vs \(parsed)") }
    } catch {
        violated("the body put back does not parse: \(error)")
    }
    return 0
}
