import COsip2
#if canImport(Glibc)
import Glibc
#endif

/// A SIP request or response (RFC 3261 §7) parsed and serialized by libosip2. The Swift value owns no C memory:
/// each call builds an `osip_message_t`, uses it and frees it, so values can be copied and sent freely.
/// Bodies stay binary: an ISUP part with NUL, CR, LF, `--` or octets ≥ 0x80 survives parse → serialize → parse.
public struct SIPMessage: Hashable, Sendable {
    public enum StartLine: Hashable, Sendable {
        case request(method: String, uri: String)
        case response(statusCode: Int, reasonPhrase: String)
    }

    public var startLine: StartLine
    /// Header fields in order, without Content-Length, which serialization always computes.
    public var headers: [SIPHeader]
    /// The body: none, one part (type from the message's Content-Type), or the parts of a multipart body.
    public var parts: [MIMEPart]

    public init(startLine: StartLine, headers: [SIPHeader], parts: [MIMEPart] = []) {
        self.startLine = startLine
        self.headers = headers
        if headers.contains(where: { $0.hasName("content-length") }) { self.headers.removeAll { $0.hasName("content-length") } }
        self.parts = parts
    }

    public var method: String? {
        if case .request(let method, _) = startLine { return method }
        return nil
    }

    public var statusCode: Int? {
        if case .response(let code, _) = startLine { return code }
        return nil
    }

    /// `INVITE`, or `486 (INVITE)` for a response: the method of its CSeq in brackets.
    public var kind: String {
        switch startLine {
        case .request(let method, _): return method
        case .response(let code, _):
            return "\(code) (\(header("cseq")?.split(separator: " ").last.map(String.init) ?? "?"))"
        }
    }

    /// The first value of a header (case-insensitive, compact forms accepted).
    public func header(_ name: String) -> String? { headers.first { $0.hasName(name) }?.value }

    /// Every value of a header, in order.
    public func headers(_ name: String) -> [String] { headers.filter { $0.hasName(name) }.map(\.value) }

    /// Replaces every occurrence of a header with one value (appends when absent); nil removes it.
    public mutating func setHeader(_ name: String, _ value: String?) {
        guard var index = headers.firstIndex(where: { $0.hasName(name) }) else {
            if let value { headers.append(SIPHeader(name, value)) }
            return
        }
        if let value {
            headers[index] = SIPHeader(name, value)
            index += 1
        }
        // What follows is rewritten only when it holds the name again (one scan in the usual case).
        if headers[index...].contains(where: { $0.hasName(name) }) {
            headers.replaceSubrange(index..., with: headers[index...].filter { !$0.hasName(name) })
        }
    }

    public var contentType: MediaType? { header("content-type").map(MediaType.init) }
}

/// libosip2's parser tables are built once per process (`parser_init`), and its trace is off: it prints on
/// standard output (which `sipigw` commands write their results to), and every refusal reaches the caller as a
/// typed error anyway.
enum OSIPRuntime {
    static let ready: Bool = {
        parser_init()
        // Without a trace function libosip2 writes to stdout whatever the levels say; this one drops the text.
        osip_trace_initialize_func(END_TRACE_LEVEL, { _, _, _, _, _ in })
        for level in 0..<END_TRACE_LEVEL.rawValue { osip_trace_disable_level(osip_trace_level_t(rawValue: level)) }
        return true
    }()

    static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Removes the parameters without a value (`application/sdp;x`, `;version=`) from a parsed Content-Type:
    /// RFC 3261 §25.1 `m-parameter = m-attribute EQUAL m-value` does not allow them, and libosip2 5.3 cannot
    /// write them back (`osip_content_type_to_str` fails, and `osip_message_to_str` then drops the line's CRLF,
    /// so that the next header becomes the Content-Type value). A lenient reader ignores them.
    static func dropValuelessParameters(_ contentType: UnsafeMutablePointer<osip_content_type_t>?) {
        guard let contentType else { return }
        withUnsafeMutablePointer(to: &contentType.pointee.gen_params) { list in
            var i: Int32 = 0
            while i < osip_list_size(list) {
                let param = osip_list_get(list, i)?.assumingMemoryBound(to: osip_generic_param_t.self)
                if let param, param.pointee.gvalue == nil || param.pointee.gvalue.pointee == 0 {
                    osip_list_remove(list, i)
                    osip_uri_param_free(param)
                } else {
                    i += 1
                }
            }
        }
    }

    /// Takes a string osip allocated (`*_to_str`), copies it and frees it.
    static func take(_ pointer: UnsafeMutablePointer<CChar>?, length: Int? = nil) -> [UInt8] {
        guard let pointer else { return [] }
        defer { cosip2_free(pointer) }
        let count = length ?? strlen(pointer)
        return pointer.withMemoryRebound(to: UInt8.self, capacity: count) { Array(UnsafeBufferPointer(start: $0, count: count)) }
    }
}
