extension ST769SDPProfile {
    /// §7.4.4.1: a re-INVITE carries only `application/sdp` — never a multipart/ISUP body, in either profile.
    public func validateReInviteBody(_ message: SIPMessage) throws(SDPError) {
        guard let type = message.contentType?.type, !message.parts.isEmpty else { return }
        guard type == "application/sdp" else {
            throw SDPError(.profile(rule: "§7.4.4.1", detail: "a re-INVITE body must be application/sdp only, found \(type)"))
        }
    }
}
