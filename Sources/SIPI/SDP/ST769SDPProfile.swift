/// The SDP rules of the ST 769 VoIP NNI (§7.4–§7.6): which lines may cross, the mandatory codecs (G.711 A-law,
/// G.729 without Annex B, telephone-event), the fax (T.38) rules, and offer/answer order. Values that a trunk may
/// want to change are properties, not constants.
public struct ST769SDPProfile: Hashable, Sendable {
    /// §7.4 Tables T3-SDP, T4-SDP, 5: every other line type must not cross the interface.
    public var allowedLineTypes: Set<Character> = ["v", "o", "s", "c", "b", "a", "t", "m"]
    /// §7.4.1: the speech codecs every operator supports, in our preference order.
    public var mandatoryCodecs: [String] = ["PCMA", "G729"]
    /// Dynamic payload type offered for telephone-event (RFC 2833/4733) when we build an offer.
    public var telephoneEventPayloadType = 101
    /// §7.4.1: 20 ms packetisation for G.711 and G.729.
    public var ptime = 20

    public init() {}

    public enum OfferKind: Sendable {
        /// §7.4.3: the initial INVITE must carry an offer with exactly one `m=audio` line.
        case initialInvite
        /// A later INVITE or UPDATE: audio re-offer, or T.38 (alone or with audio).
        case reOffer
    }

    static let staticTypes: [String: String] = ["PCMA": "8", "G729": "18", "PCMU": "0"]

    // MARK: Checking

    public func validateOffer(_ sdp: SessionDescription, kind: OfferKind) throws(SDPError) {
        try validateLines(sdp)
        let media = sdp.media
        switch kind {
        case .initialInvite:
            guard media.count == 1, media[0].mediaType == "audio" else {
                throw SDPError(.profile(rule: "§7.4 (fax)", detail: "the initial INVITE's offer must have exactly one m=audio line, found \(media.map(\.mediaType))"))
            }
            try checkAudioOffer(media[0], requireAllMandatory: true)
        case .reOffer:
            let image = media.filter { $0.mediaType == "image" }
            for m in image where !m.formats.map({ $0.lowercased() }).contains("t38") {
                throw SDPError(.profile(rule: "§7.4.1", detail: "m=image must offer t38"))
            }
            if image.isEmpty {
                guard media.count == 1, media[0].mediaType == "audio" else {
                    throw SDPError(.profile(rule: "§7.4.3", detail: "an audio re-offer has one m=audio line"))
                }
                try checkAudioOffer(media[0], requireAllMandatory: false)
            }
        }
    }

    /// §7.4.4: one m-line per offered m-line; the accepted codecs in the offer's order (a subset, never
    /// reordered); telephone-event with the offer's payload type.
    public func validateAnswer(_ answer: SessionDescription, to offer: SessionDescription) throws(SDPError) {
        try validateLines(answer)
        let offered = offer.media, answered = answer.media
        guard offered.count == answered.count else {
            throw SDPError(.profile(rule: "§7.4 (RFC 3264)", detail: "the answer must have one m-line per offered m-line: \(offered.count) offered, \(answered.count) answered"))
        }
        for (o, a) in zip(offered, answered) where a.port != 0 && a.mediaType == "audio" {
            let positions = a.formats.map { f in o.formats.firstIndex { o.encoding(of: $0) == a.encoding(of: f) } }
            guard positions.allSatisfy({ $0 != nil }) else {
                throw SDPError(.profile(rule: "§7.4.4", detail: "the answer lists codecs that were not offered"))
            }
            let order = positions.compactMap { $0 }
            guard order == order.sorted() else {
                throw SDPError(.profile(rule: "§7.4.4", detail: "the answer reorders the offered codecs (offer A,B must not be answered B,A)"))
            }
            if let offeredTE = telephoneEvent(o), let answeredTE = telephoneEvent(a), offeredTE != answeredTE {
                throw SDPError(.profile(rule: "§7.4.1", detail: "telephone-event payload type \(answeredTE) differs from the offer's \(offeredTE)"))
            }
        }
    }

    private func validateLines(_ sdp: SessionDescription) throws(SDPError) {
        if let bad = sdp.lines.first(where: { !allowedLineTypes.contains($0.type) }) {
            throw SDPError(.profile(rule: "§7.4 (Tables T3–T5)", detail: "line \(bad.type)= must not cross the interface"))
        }
        guard sdp.first("o") != nil, sdp.first("s") != nil else {
            throw SDPError(.profile(rule: "§7.4 (Table T3)", detail: "o= and s= are mandatory"))
        }
        guard sdp.first("t") == "0 0" else {
            throw SDPError(.profile(rule: "§7.4 (Table T4)", detail: "t= must be 0 0, found \(sdp.first("t") ?? "none")"))
        }
        let sessionConnection = sdp.sessionLines.contains { $0.type == "c" }
        for m in sdp.media where !sessionConnection && !m.lines.contains(where: { $0.type == "c" }) {
            throw SDPError(.profile(rule: "§7.4 (Table 5)", detail: "c= missing at session level and in m=\(m.mediaType)"))
        }
    }

    private func checkAudioOffer(_ m: MediaDescription, requireAllMandatory: Bool) throws(SDPError) {
        let encodings = m.formats.compactMap { m.encoding(of: $0) }
        if requireAllMandatory {
            for codec in mandatoryCodecs where !encodings.contains(codec) {
                throw SDPError(.profile(rule: "§7.4.2", detail: "the initial offer must contain \(codec)"))
            }
        }
        guard let te = telephoneEvent(m), (96...127).contains(Int(te) ?? 0) else {
            throw SDPError(.profile(rule: "§7.4.3", detail: "the offer must include telephone-event with a dynamic payload type"))
        }
        for f in m.formats where m.encoding(of: f) == "G729" && !(m.fmtp(of: f)?.lowercased().contains("annexb=no") ?? false) {
            throw SDPError(.profile(rule: "§7.4.1", detail: "G.729 must state annexb=no (a missing fmtp means Annex B)"))
        }
    }

    func telephoneEvent(_ m: MediaDescription) -> String? { m.formats.first { m.encoding(of: $0) == Codec.telephoneEvent } }

    // MARK: Building

    /// Removes the lines that must not cross the interface (§7.4 filtering at the border).
    public func filtered(_ sdp: SessionDescription) -> SessionDescription {
        SessionDescription(lines: sdp.lines.filter { allowedLineTypes.contains($0.type) })
    }

    /// An audio offer with the codecs in `codecs` order, the mandatory ones missing from it added at the lowest
    /// priority (§7.4.2), telephone-event, and ptime (§7.4.1).
    public func offer(address: String, port: Int, sessionID: UInt64, version: UInt64 = 1,
                      codecs: [String] = []) -> SessionDescription {
        var order = codecs.map { $0.uppercased() }
        for codec in mandatoryCodecs where !order.contains(codec) { order.append(codec) }
        return audio(address: address, port: port, sessionID: sessionID, version: version, codecs: order,
                     telephoneEvent: String(telephoneEventPayloadType))
    }

    /// An answer to a checked offer (§7.4.4): a single speech codec, the first of the offer's that we support,
    /// and telephone-event with the offer's payload type. No common codec: the caller answers 488.
    public func answer(to offer: SessionDescription, address: String, port: Int, sessionID: UInt64,
                       supported: [String]? = nil) throws(SDPError) -> SessionDescription {
        guard let m = offer.media.first(where: { $0.mediaType == "audio" }) else {
            throw SDPError(.profile(rule: "§7.4.4", detail: "no audio m-line to answer (answer 488)"))
        }
        let ours = Set(supported ?? mandatoryCodecs)
        guard let codec = m.formats.compactMap({ m.encoding(of: $0) }).first(where: { ours.contains($0) }) else {
            throw SDPError(.profile(rule: "§7.4.4", detail: "no offered codec is supported (answer 488)"))
        }
        return audio(address: address, port: port, sessionID: sessionID, version: 1, codecs: [codec],
                     telephoneEvent: telephoneEvent(m), payloadTypes: m)
    }

    /// §7.4.2 (b): after a 488 to our T.38 re-INVITE, fall back to G.711 (always supported, Delibera 128/11/CIR).
    public func fallbackAfterT38Rejected(address: String, port: Int, sessionID: UInt64, version: UInt64) -> SessionDescription {
        audio(address: address, port: port, sessionID: sessionID, version: version, codecs: ["PCMA"],
              telephoneEvent: String(telephoneEventPayloadType))
    }

    private func audio(address: String, port: Int, sessionID: UInt64, version: UInt64, codecs: [String],
                       telephoneEvent: String?, payloadTypes offer: MediaDescription? = nil) -> SessionDescription {
        let pt: (String) -> String = { codec in
            offer?.formats.first { offer?.encoding(of: $0) == codec } ?? Self.staticTypes[codec] ?? codec
        }
        let formats = codecs.map(pt) + (telephoneEvent.map { [$0] } ?? [])
        var lines: [SessionDescription.Line] = [
            .init("v", "0"), .init("o", "- \(sessionID) \(version) IN IP4 \(address)"), .init("s", "-"),
            .init("c", "IN IP4 \(address)"), .init("t", "0 0"),
            .init("m", "audio \(port) RTP/AVP \(formats.joined(separator: " "))"),
        ]
        for codec in codecs {
            lines.append(.init("a", "rtpmap:\(pt(codec)) \(codec)/8000"))
            if codec == "G729" { lines.append(.init("a", "fmtp:\(pt(codec)) annexb=no")) }
        }
        if let telephoneEvent {
            lines.append(.init("a", "rtpmap:\(telephoneEvent) telephone-event/8000"))
            lines.append(.init("a", "fmtp:\(telephoneEvent) 0-15"))
        }
        lines.append(.init("a", "ptime:\(ptime)"))
        return SessionDescription(lines: lines)
    }
}
