import ISUP

extension SIPIBody {
    /// Puts the body into `message` (Q.1912.5 / RFC 3204, digest A.3): with SDP, `multipart/mixed` with the SDP
    /// part first and the ISUP part second; without, a single `application/ISUP` body with the disposition as a
    /// message header. The boundary is random unless given, and never occurs inside a part.
    /// `version` and `base` must be tokens (RFC 3204 §4, RFC 3261 §25.1), or empty to leave them out.
    public func apply(to message: inout SIPMessage, boundary: String? = nil) throws(SIPIBodyError) {
        for (name, value) in [("version", version), ("base", base ?? "")] where !value.isEmpty && !SIPGrammar.isToken(value) {
            throw SIPIBodyError(.invalidParameter(name: name, value: value))
        }
        let isupOctets: [UInt8]
        do {
            isupOctets = try isup.encoded(framing: .withoutCIC)
        } catch {
            throw SIPIBodyError(.isupNotEncodable(error.description))
        }
        message.setHeader("content-disposition", nil)
        message.setHeader("mime-version", nil)
        guard let sdp else {
            message.setHeader("Content-Type", isupContentType)
            message.setHeader("Content-Disposition", contentDisposition)
            message.parts = [MIMEPart(contentType: isupContentType, bytes: isupOctets)]
            return
        }
        let parts = [
            MIMEPart(contentType: "application/sdp", bytes: sdp),
            MIMEPart(contentType: isupContentType, headers: [SIPHeader("Content-Disposition", contentDisposition)],
                     bytes: isupOctets),
        ]
        let chosen = boundary ?? Self.randomBoundary(avoiding: parts)
        if parts.contains(where: { Self.contains($0.bytes, Array(chosen.utf8)) }) {
            throw SIPIBodyError(.boundaryInPart(chosen))
        }
        message.setHeader("Content-Type", "multipart/mixed;boundary=\(chosen)")
        message.parts = parts
    }

    /// RFC 2046 §5.1.1: the boundary must not occur in the encapsulated parts; 24 random characters, drawn again
    /// on the (unlikely) collision with binary ISUP octets.
    static func randomBoundary(avoiding parts: [MIMEPart]) -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        while true {
            let candidate = "sipigw-" + String((0..<24).map { _ in alphabet.randomElement()! })
            if !parts.contains(where: { contains($0.bytes, Array(candidate.utf8)) }) { return candidate }
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { i in haystack[i..<(i + needle.count)].elementsEqual(needle) }
    }
}
