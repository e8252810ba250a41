import FuzzSupport
import SIPI

/// SIP messages through libosip2 (RFC 3261 §7): what parses serializes, parses again to the same message (libosip2
/// writes its own header order: only the order of fields of one name counts, RFC 3261 §7.3.1), and serializes again
/// to the same octets; header names compare case-insensitively. LeakSanitizer sees libosip2's allocations too.
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
        var again = try SIPMessage(parsing: wire)
        // serialized() adds MIME-Version to a multipart message without one (libosip2 needs it for the delimiters).
        if message.header("mime-version") == nil { again.setHeader("mime-version", nil) }
        guard again.startLine == message.startLine, byName(again.headers) == byName(message.headers),
              again.parts.map(canonical) == message.parts.map(canonical) else { violated("parse(serialize(m)) != m: \(difference(message, again))") }
        guard try SIPMessage(parsing: wire).serialized() == wire else { violated("serialization is not stable") }
    } catch {
        violated("a serialized message does not parse: \(error)\n\(String(decoding: wire, as: UTF8.self))")
    }
    return 0
}

/// The first difference between two messages, for the report.
func difference(_ a: SIPMessage, _ b: SIPMessage) -> String {
    if a.startLine != b.startLine { return "start line \(a.startLine) became \(b.startLine)" }
    for (x, y) in zip(byName(a.headers), byName(b.headers)) where x != y {
        return "header \(x) became \(y) in \(a.headers.map(\.name)) → \(b.headers.map(\.name))"
    }
    if a.headers.count != b.headers.count { return "headers \(a.headers.map(\.name)) became \(b.headers.map(\.name))" }
    for (x, y) in zip(a.parts, b.parts) where canonical(x) != canonical(y) {
        return "part \(x.contentType) \(x.headers) \(x.bytes) became \(y.contentType) \(y.headers) \(y.bytes)"
    }
    return "\(a.parts.count) parts became \(b.parts.count)"
}

/// Header fields ordered by name, fields of one name in their order.
func byName(_ headers: [SIPHeader]) -> [SIPHeader] {
    headers.enumerated().sorted { (SIPHeader.canonical($0.element.name), $0.offset) < (SIPHeader.canonical($1.element.name), $1.offset) }
        .map(\.element)
}

/// A body part with its header names in canonical form (names are case-insensitive, RFC 3261 §7.3.1).
func canonical(_ part: MIMEPart) -> MIMEPart {
    MIMEPart(contentType: part.contentType, headers: part.headers.map { SIPHeader(SIPHeader.canonical($0.name), $0.value) },
             bytes: part.bytes)
}
