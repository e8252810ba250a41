/// A capture read in chunks, so memory holds a chunk or two and never the file (issue 9: a 1 GB trace converts in
/// constant memory). The same `PcapReader` does the parsing; a record cut by the end of a chunk is read again once
/// the next chunk is there, and only a record cut by the end of the file is an error.
///
/// ```swift
/// var stream = try PcapStream { size in readUpTo(size) }   // [] at the end of the file
/// while let record = try stream.next() { ... }
/// ```
public struct PcapStream {
    public static let chunkSize = 1 << 22
    let chunkSize: Int
    var reader: PcapReader
    let read: (Int) -> [UInt8]
    var atEnd = false
    /// Octets handed over by `read` so far.
    public private(set) var bytesRead: Int

    /// Reads the first chunk (the file header must fit in it: 4 MiB does for any pcap or pcapng header).
    /// - Parameter read: up to the given number of octets, fewer only at the end of the file.
    public init(chunkSize: Int = Self.chunkSize, read: @escaping (Int) -> [UInt8]) throws(TraceError) {
        self.chunkSize = chunkSize
        self.read = read
        let first = read(chunkSize)
        bytesRead = first.count
        atEnd = first.count < chunkSize
        reader = try PcapReader(bytes: first)
    }

    /// The next packet, or nil at the end of the file. Error offsets count from the start of the file.
    public mutating func next() throws(TraceError) -> PcapRecord? {
        while true {
            let before = reader
            do {
                if let record = try reader.next() { return record }
                if atEnd { return nil }
            } catch {
                guard !atEnd, case .truncated = error.reason else {
                    throw TraceError(offset: error.offset + reader.consumed, field: error.field, packet: error.packet,
                                     reason: error.reason)
                }
                reader = before
            }
            let more = read(chunkSize)
            bytesRead += more.count
            if more.count < chunkSize { atEnd = true }
            reader.append(more)
        }
    }
}
