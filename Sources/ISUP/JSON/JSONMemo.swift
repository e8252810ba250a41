/// Text that `JSONStream` wrote for a value whose text is a function of a 64-bit key, kept to be copied the next
/// time the same key comes (`JSONOutput.value(memoizedAs:_:)`): in a capture the indicator parameters take a handful
/// of values, and replaying one is a copy instead of a dozen fields written one by one.
///
/// A direct-mapped table of `slots` entries over an append-only arena of octets. A key that lands on a taken slot
/// replaces its entry; a full arena is emptied with the table. Nothing is ever wrong, only sometimes written anew.
struct JSONMemo {
    private struct Entry {
        var key: UInt64
        var offset: Int32
        var count: Int32
    }

    private static let slotBits = 10
    private static let arenaCapacity = 1 << 18
    /// Longer texts are not kept (they would crowd out the short ones the table is for).
    private static let longest = 1024

    private var entries: UnsafeMutablePointer<Entry>?
    private var arena: UnsafeMutablePointer<UInt8>?
    private var used = 0

    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits)) }

    /// The text kept for `key`, if any.
    @inline(__always)
    func text(for key: UInt64) -> UnsafeBufferPointer<UInt8>? {
        guard let entries, let arena else { return nil }
        let e = entries[Self.slot(key)]
        guard e.count > 0, e.key == key else { return nil }
        return UnsafeBufferPointer(start: arena + Int(e.offset), count: Int(e.count))
    }

    /// Keeps `text` as the text of `key`.
    mutating func keep(_ text: UnsafeBufferPointer<UInt8>, for key: UInt64) {
        guard let start = text.baseAddress, text.count > 0, text.count <= Self.longest else { return }
        if entries == nil {
            let table = UnsafeMutablePointer<Entry>.allocate(capacity: 1 << Self.slotBits)
            table.initialize(repeating: Entry(key: 0, offset: 0, count: 0), count: 1 << Self.slotBits)
            entries = table
            arena = .allocate(capacity: Self.arenaCapacity)
        }
        guard let entries, let arena else { return }
        if used + text.count > Self.arenaCapacity {
            entries.update(repeating: Entry(key: 0, offset: 0, count: 0), count: 1 << Self.slotBits)
            used = 0
        }
        (arena + used).update(from: start, count: text.count)
        entries[Self.slot(key)] = Entry(key: key, offset: Int32(used), count: Int32(text.count))
        used += text.count
    }

    /// Frees the table (the stream's deinit).
    mutating func release() {
        entries?.deallocate()
        arena?.deallocate()
        entries = nil
        arena = nil
    }
}
