import FuzzSupport
import ISUP

/// ISUP decoding (Q.763) in both framings; the first octet picks the framing. Strict decoding must refuse exactly
/// the messages with erroneous optional parameters. What decodes must encode, decode
/// back to an equal message, re-encode to the same octets, survive its JSON form, and render as text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let input = bytes(data, size)
    guard let first = input.first else { return 0 }
    let framing: ISUPMessage.Framing = first & 1 == 0 ? .withCIC : .withoutCIC
    guard let message = try? ISUPMessage(decoding: input.dropFirst(), framing: framing) else { return 0 }
    // Strict refuses exactly the messages with an erroneous optional parameter (Q.764 §2.9.5 leniency), in a
    // message passed along by a PAM too.
    let strict = (try? ISUPMessage(decoding: input.dropFirst(), framing: framing, strict: true)) != nil
    guard strict == isClean(message) else {
        violated("strict decoding \(strict ? "accepts" : "refuses") a message with erroneous parameters \(message.erroneousParameters)")
    }
    checkRoundTrip(message, framing: framing)
    return 0
}

/// No erroneous optional parameter, nor in the message a PAM passes along (Q.763 §1.4, Table 4).
func isClean(_ message: ISUPMessage) -> Bool {
    guard message.erroneousParameters.isEmpty else { return false }
    guard message.type == .pam, case .raw(let body) = message.body,
        let embedded = try? ISUPMessage(decoding: body, framing: .withoutCIC)
    else { return true }
    return isClean(embedded)
}

/// One stream for the whole run, as `decode` has: the parameter texts it keeps from earlier inputs are replayed
/// into later ones, and each replay is judged against the tree.
nonisolated(unsafe) let stream = JSONStream()

func checkRoundTrip(_ message: ISUPMessage, framing: ISUPMessage.Framing) {
    let encoded: [UInt8]
    do {
        encoded = try message.encoded(framing: framing)
    } catch {
        violated("a decoded message does not encode: \(error)")
    }
    do {
        let again = try ISUPMessage(decoding: encoded, framing: framing)
        guard again == message else { violated("decode(encode(m)) != m: \(Hex.string(encoded))") }
        guard try again.encoded(framing: framing) == encoded else { violated("encoding is not stable") }
    } catch {
        violated("encode(m) does not decode: \(error), \(Hex.string(encoded))")
    }
    let text = JSONValue.object(message.json).jsonText
    stream.truncate(to: 0)
    message.writeJSON(to: stream)
    guard String(decoding: stream.bytes, as: UTF8.self) == text else { violated("the streamed JSON is not the tree's text: \(text)") }
    do {
        let back = try ISUPMessage(json: JSONValue(parsing: text), framing: framing)
        guard back == message else { violated("the JSON form does not give the message back: \(text)") }
    } catch {
        violated("the JSON form does not parse back: \(error), \(text)")
    }
    _ = message.text
}
