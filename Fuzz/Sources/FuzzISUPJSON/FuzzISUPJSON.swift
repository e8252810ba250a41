import FuzzSupport
import ISUP

/// The ISUP JSON form (docs/json-schema.md): JSON text parsed (RFC 8259) and written back unchanged in meaning;
/// a document that builds a message, in either framing, gives a message whose JSON form builds it again and whose
/// encoding, when the encoder accepts it, decodes back to it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    guard let value = try? JSONValue(parsing: text) else { return 0 }
    let written = value.jsonText
    guard (try? JSONValue(parsing: written)) == value else { violated("JSON written does not parse back equal: \(written)") }
    for framing in [ISUPMessage.Framing.withCIC, .withoutCIC] {
        guard let message = try? ISUPMessage(json: value, framing: framing) else { continue }
        let form = JSONValue.object(message.json)
        guard (try? ISUPMessage(json: form, framing: framing)) == message else {
            violated("the JSON form of a message built from JSON does not build it again: \(form.jsonText)")
        }
        guard let encoded = try? message.encoded(framing: framing) else { continue }
        do {
            guard try ISUPMessage(decoding: encoded, framing: framing) == message else {
                violated("decode(encode(m)) != m for \(written): \(Hex.string(encoded))")
            }
        } catch {
            violated("the encoder wrote what the decoder refuses (\(error)) for \(written): \(Hex.string(encoded))")
        }
    }
    return 0
}
