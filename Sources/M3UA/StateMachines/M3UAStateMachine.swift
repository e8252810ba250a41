/// A state machine of this module: a value fed events that answers with actions (design.md, "Functional core").
public protocol M3UAStateMachine {
    mutating func handle(_ event: M3UAEvent, at now: ContinuousClock.Instant) -> [M3UAAction]
}

extension M3UAStateMachine {
    /// `receivedOctets`: decodes as RFC 4666 §3 says a receiver does (§3.2: "The receiver MUST ignore the padding
    /// octets") and handles the message, or answers a malformed one with ERR (§3.8.1: its Error Code and the
    /// first 40 octets as Diagnostic Information; nothing for a malformed ERR).
    mutating func handle(
        octets: [UInt8], on association: AssociationID, stream: UInt16, at now: ContinuousClock.Instant
    ) -> [M3UAAction] {
        do throws(M3UADecodingError) {
            let message = try M3UAMessage(decoding: octets, padding: .ignored)
            return handle(.received(message, on: association, stream: stream), at: now)
        } catch {
            return error.reply(to: octets).map { [.send($0, on: association, stream: stream)] } ?? []
        }
    }
}
