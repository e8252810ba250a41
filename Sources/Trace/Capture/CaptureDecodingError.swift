/// Why one layer of a captured packet cannot be read: the offset of the octet at fault, the field, and the
/// rule broken. Offsets are indices of the bytes being read: of the record's data (file offsets, turned into
/// offsets from the start of the packet when reported) unless `context` names a reassembled buffer (an IPv4
/// datagram, an SCTP user message, a TCP stream), whose offsets count from its first octet.
struct CaptureDecodingError: Error, Hashable, Sendable {
    var offset: Int
    var field: String
    var reason: String
    /// The reassembled buffer the offset counts in; nil for the packet itself.
    var context: String?

    init(offset: Int, field: String, reason: String, context: String? = nil) {
        self.offset = offset
        self.field = field
        self.reason = reason
        self.context = context
    }

    /// The octets end before a field that must be there.
    static func truncated(_ field: String, at offset: Int, needed: Int, available: Int) -> Self {
        Self(offset: offset, field: field,
             reason: "truncated: \(needed) octet(s) needed, \(max(0, available)) available")
    }

    /// The error placed in a reassembled buffer, unless an inner layer already placed it.
    func within(_ context: String) -> Self {
        var placed = self
        if placed.context == nil { placed.context = context }
        return placed
    }

    /// The text of an `UnreadableRecord` for record `data`: packet offsets count from its first octet.
    func reason(in data: ArraySlice<UInt8>) -> String {
        if let context { return "offset \(offset) of \(context), \(field): \(reason)" }
        return "offset \(offset - data.startIndex), \(field): \(reason)"
    }
}
