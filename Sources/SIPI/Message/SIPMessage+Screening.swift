extension SIPMessage {
    /// Checks on the received octets that must come before libosip2 sees them, because libosip2 reads C strings
    /// (a NUL silently cuts a header value) and leaks on some input:
    /// - each header line of `head` (start line included) ends in CRLF and holds no CTL but HTAB (RFC 3261 §25.1:
    ///   CR and LF only as the line end or folding, no NUL);
    /// - in a multipart body, each part's header lines likewise, and at most one Content-Type per part (RFC 2045
    ///   §3). libosip2 5.3 `osip_body_parse_mime` loses the previous `osip_content_type_t` on each repeated
    ///   Content-Type (36 bytes a time under LeakSanitizer); a repeated Content-Disposition or other header does
    ///   not leak (checked with valgrind) and is kept.
    static func screen(head: ArraySlice<UInt8>, body: ArraySlice<UInt8>) throws(SIPParseError) {
        // libosip2 skips CR and LF before the start line, and reads a start line up to its second SP wherever that
        // is, CRLFs included: either way its header section is not the one found here, and its parts went unchecked
        // (issue 10, LeakSanitizer finding FuzzSIPIBody: `INVITE sip:…\r\n\r\n… SIP/2.0` leaked). RFC 3261 §7.1,
        // §7.2: a start line has its two SPs, on its line.
        guard let octet = head.first, octet != 13, octet != 10 else {
            throw SIPParseError(.invalidField(field: "start line", detail: "preceded by CR or LF"))
        }
        let physical = lines(head)
        guard hasSecondSpaceWhereLibosip2LooksForIt(physical[0]) else {
            throw SIPParseError(.invalidField(field: "start line", detail: "without its two spaces (RFC 3261 §7.1, §7.2)"))
        }
        try screenLines(physical, place: "")
        // libosip2 unfolds the header section before reading it, so the fields are read here unfolded too (issue 10,
        // LeakSanitizer finding FuzzSIPIBody: a `boundary` on a continuation line of the Content-Type hid the
        // multipart body from the checks below, and libosip2 leaked on a part with two Content-Types).
        let headLines = unfolded(physical, startLine: true)
        try screenMediaTypes(headLines, place: "")
        // RFC 3261 §7.3.1, §20.15: one Content-Type. With two, this screening would read the first and libosip2
        // the last (issue 10, LeakSanitizer finding FuzzSIPIBody: a multipart body it checked as something else).
        let contentTypes = headLines.dropFirst().filter { name(of: $0).map { SIPHeader.sameName($0, "content-type") } == true }
        if contentTypes.count > 1 { throw SIPParseError(.repeatedHeader("Content-Type")) }
        guard let line = contentTypes.first, let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let media = MediaType(String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace())
        guard media.type.hasPrefix("multipart/"), var boundary = media.parameters["boundary"] else { return }
        // libosip2 strips the quotes of a value that begins and ends with one: a lone `"` is the empty boundary,
        // like `""`, and libosip2 then takes every "--" at a line start for a delimiter. So does this screening.
        if boundary == "\"" { boundary = "" }
        // The delimiters where libosip2 5.3 (`msg_osip_body_parse`) finds them: "--" boundary at the start of a
        // line (after an LF; the body's first octet counts as one), up to the close delimiter.
        let delimiter = Array(("--" + boundary).utf8), lineDelimiter = [10] + delimiter
        var at = body.starts(with: delimiter) ? body.startIndex : body.range(of: lineDelimiter).map { $0.lowerBound + 1 }
        // "--b--" closes: libosip2 reads no part after it, but it never checks the first delimiter for that and
        // would read a part behind it; a body that closes before any part is refused (RFC 2046 §5.1.1).
        if let start = at, body[(start + delimiter.count)...].starts(with: [45, 45]) {
            throw SIPParseError(.invalidField(field: "multipart body", detail: "closes before its first part"))
        }
        while let start = at {
            let after = body[(start + delimiter.count)...]
            if after.starts(with: [45, 45]) { break }
            let next = after.range(of: lineDelimiter).map { $0.lowerBound + 1 }
            let part = after[..<(next ?? after.endIndex)]
            // The delimiter line: the boundary, transport padding (SP, HTAB) and CRLF (RFC 2046 §5.1.1), nothing else.
            // libosip2 begins a part's headers one octet after the boundary whatever that octet is (and one more
            // after a CR or LF), so a header on the delimiter line (`--b1XContent-Type: …`) was read by libosip2
            // and not here (issue 10, LeakSanitizer: a second Content-Type leaked); and it ends lines at a bare LF,
            // which would hide the part's first header lines likewise (FuzzSIPIBody).
            guard let lf = part.firstIndex(of: 10), lf > part.startIndex, part[lf - 1] == 13,
                  part[..<(lf - 1)].allSatisfy({ $0 == 0x20 || $0 == 0x09 })
            else {
                throw SIPParseError(.invalidField(field: "body part delimiter line",
                                                  detail: "more than the boundary, padding and CRLF"))
            }
            let block = part[(lf + 1)...]
            let headerLines = lines(block.prefix(upTo: block.range(of: [13, 10, 13, 10])?.lowerBound ?? block.endIndex))
            try screenLines(headerLines, place: "body part ")
            // Whether libosip2 unfolds a part's header lines or not, it must meet one Content-Type: both views
            // are checked.
            for view in [headerLines, unfolded(headerLines, startLine: false)] {
                try screenMediaTypes(view, place: "body part ")
                let types = view.filter { name(of: $0).map(isPartContentType) == true }
                if types.count > 1 { throw SIPParseError(.repeatedPartHeader("Content-Type")) }
            }
            at = next
        }
    }

    /// The value of the first header line called `name` (compact forms accepted), as received.
    static func headerValue(_ name: String, in head: ArraySlice<UInt8>) -> String? {
        for line in unfolded(lines(head), startLine: true) {
            guard let n = self.name(of: line), SIPHeader.sameName(n, name), let colon = line.firstIndex(of: UInt8(ascii: ":"))
            else { continue }
            return String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace()
        }
        return nil
    }

    static func lines(_ text: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var out = [ArraySlice<UInt8>]()
        var rest = text
        while let end = rest.range(of: [13, 10]) {
            out.append(rest[..<end.lowerBound])
            rest = rest[end.upperBound...]
        }
        if !rest.isEmpty { out.append(rest) }
        return out
    }

    /// libosip2 5.3 (`__osip_message_startline_parsereq`, `…parseresp`) takes the first SP of the start line, then
    /// searches the next one from two octets further for a request (one for a status line, which begins `SIP/`),
    /// through the end of the line if need be: that SP must be on the line.
    private static func hasSecondSpaceWhereLibosip2LooksForIt(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.firstIndex(of: 0x20) else { return false }
        let from = first + (line.starts(with: "SIP/".utf8) ? 1 : 2)
        return from < line.endIndex && line[from...].contains(0x20)
    }

    /// RFC 3261 §7.3.1: each header field with its continuation lines (those beginning with SP or HTAB) joined to it
    /// by one space, as a reader that unfolds sees the fields. With `startLine`, the first line stands alone.
    private static func unfolded(_ lines: [ArraySlice<UInt8>], startLine: Bool) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            if line.first == 0x20 || line.first == 0x09, let last = out.last, !(startLine && out.count == 1) {
                out[out.count - 1] = ArraySlice(Array(last) + [0x20] + line.drop { $0 == 0x20 || $0 == 0x09 })
            } else {
                out.append(line)
            }
        }
        return out
    }

    /// What libosip2 5.3 takes for a part's Content-Type: `osip_body_parse_mime` compares only the first 12
    /// characters of the name, so `content-typeosition` is one too (and leaked like a second Content-Type:
    /// issue 10, fuzzing findings FuzzSIPMessage and FuzzSIPIBody).
    private static func isPartContentType(_ name: String) -> Bool {
        SIPHeader.sameName(name, "content-type")
            || name.utf8.prefix(12).lazy.map(lowerASCII).elementsEqual("content-type".utf8)
    }

    private static func name(of line: ArraySlice<UInt8>) -> String? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        return String(decoding: line[..<colon].trimmingProtocolWhitespace(), as: UTF8.self)
    }

    /// Every CR is followed by LF, every LF preceded by CR, and no other CTL but HTAB occurs; the error names
    /// the header (or the start line) where it is found.
    private static func screenLines(_ lines: [ArraySlice<UInt8>], place: String) throws(SIPParseError) {
        for (n, line) in lines.enumerated() {
            guard let octet = line.first(where: { $0 == 0x7F || ($0 < 0x20 && $0 != 0x09) }) else { continue }
            let field = n == 0 && place.isEmpty ? "start line" : place + (name(of: line) ?? "header line \(n + 1)")
            throw SIPParseError(.invalidField(field: field, detail: "contains \(SIPGrammar.describe(octet))"))
        }
    }

    /// The headers whose values `screenMediaTypes` reads as media types.
    private static let mediaTypeHeaders = ["content-type", "content-disposition"]

    /// Content-Type and Content-Disposition parameters have a name (a valueless Content-Type parameter is tolerated
    /// here and left out after parsing). Without `place`, the first line is the start line.
    private static func screenMediaTypes(_ lines: [ArraySlice<UInt8>], place: String) throws(SIPParseError) {
        for (n, line) in lines.enumerated() where n > 0 || !place.isEmpty {
            // A name of another length than these two (or a compact form's one octet) is passed over unread.
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let raw = line[..<colon].trimmingProtocolWhitespace()
            guard raw.count == 1 || mediaTypeHeaders.contains(where: { $0.utf8.count == raw.count }) else { continue }
            let name = String(decoding: raw, as: UTF8.self)
            guard mediaTypeHeaders.contains(where: { SIPHeader.sameName(name, $0) }) else { continue }
            _ = try MediaType(validating: String(decoding: line[(colon + 1)...], as: UTF8.self), header: place + name,
                              requireValues: false)
        }
    }
}
