import FuzzSupport
import ISUP
import M3UA

/// M3UA decoding (RFC 4666 §3) with both padding rules (first octet). What decodes encodes, decodes back equal,
/// re-encodes to the same octets (with zeroed padding, to the input itself), and renders as JSON; Protocol Data
/// with ISUP inside is decoded too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let input = bytes(data, size)
    guard let first = input.first else { return 0 }
    let padding: M3UAMessage.Padding = first & 1 == 0 ? .zeroed : .ignored
    let wire = Array(input.dropFirst())
    guard let message = try? M3UAMessage(decoding: wire, padding: padding) else { return 0 }
    let encoded: [UInt8]
    do {
        encoded = try message.encoded()
    } catch {
        violated("a decoded M3UA message does not encode: \(error)")
    }
    if padding == .zeroed, encoded != wire { violated("encode(decode(x)) != x with zeroed padding: \(Hex.string(encoded))") }
    do {
        let again = try M3UAMessage(decoding: encoded)
        guard again == message else { violated("decode(encode(m)) != m: \(Hex.string(encoded))") }
    } catch {
        violated("encode(m) does not decode: \(error), \(Hex.string(encoded))")
    }
    _ = JSONValue.object(message.json).jsonText
    _ = try? message.protocolData?.isup()
    return 0
}
