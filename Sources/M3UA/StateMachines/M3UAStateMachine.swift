/// A state machine of this module: a value fed events that answers with actions (design.md, "Functional core").
public protocol M3UAStateMachine {
    mutating func handle(_ event: M3UAEvent, at now: ContinuousClock.Instant) -> [M3UAAction]
    /// Message classes this node does not support (an SGP without dynamic registration: RKM). RFC 4666 §4.4.1 answers
    /// them with ERR "Unsupported Message Class" whatever their parameters, so the class is checked before decoding.
    var unsupportedClasses: Set<MessageClass> { get }
}

extension M3UAStateMachine {
    public var unsupportedClasses: Set<MessageClass> { [] }

    /// `receivedOctets`: decodes as RFC 4666 §3 says a receiver does (§3.2: "The receiver MUST ignore the padding
    /// octets") and handles the message, or answers a malformed one with ERR (§3.8.1: its Error Code and the
    /// first 40 octets as Diagnostic Information; nothing for a malformed ERR).
    mutating func handle(
        octets: [UInt8], on association: AssociationID, stream: UInt16, at now: ContinuousClock.Instant
    ) -> [M3UAAction] {
        do throws(M3UADecodingError) {
            // Common header (RFC 4666 §3.1): version at offset 0, message class at offset 2.
            if octets.count >= 8, octets[0] == 1, unsupportedClasses.contains(MessageClass(rawValue: octets[2])) {
                throw M3UADecodingError(offset: 2, field: "messageClass", reason: .unsupportedMessageClass(octets[2]))
            }
            let message = try M3UAMessage(decoding: octets, padding: .ignored)
            return handle(.received(message, on: association, stream: stream), at: now)
        } catch {
            return error.reply(to: octets).map { [.send($0, on: association, stream: stream)] } ?? []
        }
    }
}
