import Testing
@testable import Trace

/// `PcapStream` reads in chunks what `PcapReader` reads whole: the same records for every chunk size, including
/// sizes that cut record headers, packet data and pcapng blocks anywhere; only a record cut by the end of the file
/// is an error, at its offset in the file.
@Suite struct PcapStreamTests {
    static func chunks(of bytes: [UInt8], size: Int) -> (Int) -> [UInt8] {
        var offset = 0
        return { count in
            let end = min(bytes.count, offset + min(count, size))
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }

    static func streamed(_ bytes: [UInt8], chunk: Int) throws -> [PcapRecord] {
        var stream = try PcapStream(chunkSize: chunk, read: chunks(of: bytes, size: chunk))
        var records = [PcapRecord]()
        while let record = try stream.next() { records.append(record) }
        return records
    }

    /// A record's content without its buffer indices (which count from the chunk held when it was read).
    static func content(_ r: PcapRecord) -> [String] {
        ["\(r.number)", "\(r.timestamp.map(\.description) ?? "-")", "\(r.linkType.rawValue)", Array(r.data).description]
    }

    static var classic: [UInt8] {
        var writer = PcapWriter(linkType: .mtp3)
        for n in 0..<50 {
            writer.append([0x85] + [UInt8](repeating: UInt8(n), count: 4 + n % 17), at: CaptureTimestamp(seconds: 1_700_000_000 + Int64(n)))
        }
        return writer.bytes
    }

    static var pcapng: [UInt8] {
        var builder = PcapngBuilder(byteOrder: .bigEndian)
        builder.sectionHeader()
        builder.interface(LinkType.mtp3)
        for n in 0..<30 {
            if n == 15 { builder.interface(LinkType.mtp2) }
            builder.enhancedPacket(interface: n < 15 ? 0 : 1, units: UInt64(n) * 1_000_000, [UInt8](repeating: 0x85, count: 5 + n % 9))
        }
        return builder.bytes
    }

    @Test(arguments: [24, 25, 31, 64, 100, 333, 1 << 20])
    func classicInChunks(chunk: Int) throws {
        let whole = try PcapReader.records(in: Self.classic)
        #expect(try Self.streamed(Self.classic, chunk: chunk).map(Self.content) == whole.map(Self.content))
    }

    @Test(arguments: [32, 60, 97, 256, 1 << 20])
    func pcapngInChunks(chunk: Int) throws {
        let whole = try PcapReader.records(in: Self.pcapng)
        #expect(whole.count == 30)
        #expect(try Self.streamed(Self.pcapng, chunk: chunk).map(Self.content) == whole.map(Self.content))
    }

    @Test func recordCutByTheEndOfTheFileIsAnErrorAtItsFileOffset() throws {
        let cut = Array(Self.classic.dropLast(3))
        var whole = try PcapReader(bytes: cut)
        var expected: TraceError?
        do { while try whole.next() != nil {} } catch { expected = error }
        #expect(expected != nil)
        var stream = try PcapStream(chunkSize: 40, read: Self.chunks(of: cut, size: 40))
        #expect(throws: expected!) { while try stream.next() != nil {} }
    }
}
