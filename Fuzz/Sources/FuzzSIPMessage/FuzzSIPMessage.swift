import FuzzSupport
import SIPI

/// SIP messages through libosip2 (RFC 3261 §7): what parses serializes, parses again to the same message (libosip2
/// writes its own header order: `hasSameContent`), and serializes again to the same octets. LeakSanitizer sees libosip2's allocations too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard let message = try? SIPMessage(parsing: bytes(data, size)) else { return 0 }
    let wire: [UInt8]
    do {
        wire = try message.serialized()
    } catch {
        violated("a parsed message does not serialize: \(error)\n\(message)")
    }
    do {
        let again = try SIPMessage(parsing: wire)
        guard again.hasSameContent(as: message) else { violated("parse(serialize(m)) != m:\n\(message)\nbecame\n\(again)") }
        guard try SIPMessage(parsing: wire).serialized() == wire else { violated("serialization is not stable") }
    } catch {
        violated("a serialized message does not parse: \(error)\n\(String(decoding: wire, as: UTF8.self))")
    }
    return 0
}
