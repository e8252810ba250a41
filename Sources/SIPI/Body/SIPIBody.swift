import ISUP

/// The SIP-I body of a SIP message (ITU-T Q.1912.5, RFC 3204): the encapsulated ISUP message, starting at its
/// message type (no CIC), optionally next to an SDP part in `multipart/mixed`.
public struct SIPIBody: Hashable, Sendable {
    /// RFC 3204 §3 / RFC 3261 §20.11 `handling` of the `signal` disposition.
    public enum Handling: String, Hashable, Sendable {
        case required
        case optional
    }

    public var isup: ISUPMessage
    public var sdp: [UInt8]?
    /// RFC 3204 §4 `version` parameter (bilateral token).
    public var version: String
    /// RFC 3204 §4 `base` parameter, when present.
    public var base: String?
    public var handling: Handling

    public init(isup: ISUPMessage, sdp: [UInt8]? = nil, version: String = "itu-t92+", base: String? = nil,
                handling: Handling = .optional) {
        var isup = isup
        isup.cic = nil
        self.isup = isup
        self.sdp = sdp
        self.version = version
        self.base = base
        self.handling = handling
    }

    /// `application/ISUP[;version=...][;base=...]`: an empty `version` or `base` is left out, since RFC 3204 §4
    /// makes both optional and RFC 3261 §25.1 `m-parameter` has no empty form.
    public var isupContentType: String {
        var text = "application/ISUP"
        text.reserveCapacity(16 + 9 + version.utf8.count + 6 + (base?.utf8.count ?? 0))
        if !version.isEmpty {
            text += ";version="
            text += version
        }
        if let base, !base.isEmpty {
            text += ";base="
            text += base
        }
        return text
    }

    /// `signal;handling=...` — always explicit, since its absence means `required` (RFC 3261 §20.11).
    public var contentDisposition: String { "signal;handling=\(handling.rawValue)" }
}
