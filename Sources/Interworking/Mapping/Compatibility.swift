import ISUP

/// What an end node does with unrecognised information (Q.764 §2.9.5, digest isup-q763.md §6.1): the
/// instructions of the message and parameter compatibility information, or the defaults without them.
enum CompatibilityVerdict: Hashable, Sendable {
    /// Process the message (with `discarding` parameters removed), sending a CFN with `notify` if not nil.
    case process(discarding: Set<ParameterCode>, notify: CauseIndicators?)
    /// Discard the message, sending a CFN with `notify` if not nil.
    case discard(notify: CauseIndicators?)
    /// Release the call with this cause (97 message, 99 parameter).
    case release(CauseIndicators)

    /// An unrecognised message type (Q.764 §2.9.5.1): the message compatibility information's instruction
    /// indicators as an end node (A = 1); without it, discard and notify with cause 97.
    static func forUnrecognisedMessage(_ type: MessageType, compatibility: [UInt8]?) -> CompatibilityVerdict {
        let cause = CauseIndicators(value: 97, diagnostics: [type.rawValue])
        guard let instructions = compatibility?.first else { return .discard(notify: cause) }
        let release = instructions & 0x02 != 0, notify = instructions & 0x04 != 0, discard = instructions & 0x08 != 0
        let discardOnPassOnFailure = instructions & 0x10 != 0
        if release { return .release(cause) }
        if discard || discardOnPassOnFailure { return .discard(notify: notify ? cause : nil) }
        return .release(cause)
    }

    /// The unrecognised parameters of a recognised message (Q.764 §2.9.5.2), and the optional parameters kept
    /// although their contents are erroneous, handled alike (§2.9.5.3; cause 100 instead of 99): each with its
    /// parameter compatibility entry, or by default discarded with a CFN; the most severe action wins.
    static func forParameters(of message: ISUPMessage) -> CompatibilityVerdict {
        let unknown = message.optionalParameters.map(\.code).filter { $0.spec == nil }.map { ($0, UInt8(99)) }
        let flagged = unknown + message.erroneousParameters.map { ($0.parameter.code, UInt8(100)) }
        guard !flagged.isEmpty else { return .process(discarding: [], notify: nil) }
        let entries = instructions(message[.parameterCompatibilityInformation]?.value ?? [])
        var discardMessage = false, notifyMessage = false
        var notified = [(code: UInt8, cause: UInt8)]()
        for (code, cause) in flagged {
            let release = CauseIndicators(value: cause, diagnostics: [code.rawValue])
            guard let i = entries[code.rawValue] else {
                notified.append((code.rawValue, cause))
                continue
            }
            let notify = i & 0x04 != 0
            if i & 0x02 != 0 { return .release(release) }
            if i & 0x08 != 0 {
                discardMessage = true
                notifyMessage = notifyMessage || notify
            } else if i & 0x10 != 0 {
                if notify { notified.append((code.rawValue, cause)) }
            } else {
                // Pass on is not possible at an end node: GF (00 release, 01 discard message, 10 discard parameter).
                switch (i >> 5) & 0x03 {
                case 1: discardMessage = true; notifyMessage = notifyMessage || notify
                case 2: if notify { notified.append((code.rawValue, cause)) }
                default: return .release(release)
                }
            }
        }
        if discardMessage { return .discard(notify: notifyMessage ? CauseIndicators(value: 110) : nil) }
        // One CFN: cause 99 when an unrecognised parameter is among those notified, else 100.
        let cause: UInt8 = notified.contains { $0.cause == 99 } ? 99 : 100
        return .process(discarding: Set(flagged.map(\.0)),
                        notify: notified.isEmpty ? nil : CauseIndicators(value: cause, diagnostics: notified.map(\.code)))
    }

    /// Parameter compatibility information (Q.763 §3.41): upgraded parameter code → first instruction octet.
    private static func instructions(_ octets: ArraySlice<UInt8>) -> [UInt8: UInt8] {
        var result = [UInt8: UInt8]()
        var i = octets.startIndex
        while i + 1 < octets.endIndex {
            result[octets[i]] = octets[i + 1]
            var next = i + 1
            while next < octets.endIndex, octets[next] & 0x80 == 0 { next += 1 }
            i = next + 1
        }
        return result
    }
}
