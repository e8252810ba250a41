import ISUP

extension SIPIBody {
    /// ISUP variants this codec decodes (RFC 3204 §4 tokens of ITU-based ISUP); others are "not understood".
    public static let understoodVariants: Set<String> = ["itu-t92+", "itu-t88", "etsi121", "etsi356"]

    /// Finds and decodes the SIP-I body of `message`. Returns nil when there is no ISUP part, or when the ISUP
    /// part is not understood and `handling=optional` (it is then ignored, RFC 3204 §3). Parts are found by
    /// content type, in any order; parameter and type names are case-insensitive; quoted values are accepted.
    public init?(parsing message: SIPMessage) throws(SIPIBodyError) {
        let multipart = message.contentType?.type.hasPrefix("multipart/") ?? false
        var isupPart: (part: MIMEPart, handling: Handling)? = nil
        var sdp: [UInt8]? = nil
        for part in message.parts {
            let disposition = part.header("content-disposition") ?? (multipart ? nil : message.header("content-disposition"))
            let handling = Self.handling(disposition)
            let media = MediaType(part.contentType)
            switch media.type {
            case "application/sdp":
                sdp = part.bytes
            case "application/isup":
                let variant = (media.parameters["base"] ?? media.parameters["version"] ?? "").lowercased()
                if Self.understoodVariants.contains(variant) || variant.isEmpty {
                    isupPart = (part, handling)
                } else if handling == .required {
                    throw SIPIBodyError(.unsupportedRequiredPart(contentType: part.contentType))
                }
            default:
                if handling == .required, disposition != nil {
                    throw SIPIBodyError(.unsupportedRequiredPart(contentType: part.contentType))
                }
            }
        }
        guard let (part, handling) = isupPart else { return nil }
        let isup: ISUPMessage
        do {
            isup = try ISUPMessage(decoding: part.bytes, framing: .withoutCIC)
        } catch {
            throw SIPIBodyError(.isupMalformed(error))
        }
        guard ISUPCarriage.allows(isup.type, in: message) else {
            throw SIPIBodyError(.isupNotAllowed(type: isup.type.acronym, carrier: message.kind))
        }
        let media = MediaType(part.contentType)
        self.init(isup: isup, sdp: sdp, version: media.parameters["version"] ?? "", base: media.parameters["base"],
                  handling: handling)
    }

    /// `signal;handling=optional` → optional; anything else, or no disposition, → required (RFC 3261 §20.11).
    static func handling(_ disposition: String?) -> Handling {
        guard let disposition else { return .required }
        return MediaType(disposition).parameters["handling"]?.lowercased() == "optional" ? .optional : .required
    }
}
