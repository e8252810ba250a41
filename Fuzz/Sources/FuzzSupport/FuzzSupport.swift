/// The fuzz input as an array (the codecs take `[UInt8]` or collections of octets).
public func bytes(_ data: UnsafeRawPointer, _ size: Int) -> [UInt8] {
    Array(UnsafeRawBufferPointer(start: data, count: size))
}

/// A property of the code under test that does not hold for this input: libFuzzer records the trap as a crash and
/// writes the input to the findings directory.
public func violated(_ what: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    fatalError("fuzzing invariant violated: \(what())", file: file, line: line)
}

/// Reads the fuzz input front to back: single octets and length-prefixed chunks, zeros past the end, so that every
/// input is a valid program for a harness that interprets bytes as a sequence of steps.
public struct FuzzReader {
    var bytes: ArraySlice<UInt8>

    public init(_ bytes: [UInt8]) { self.bytes = bytes[...] }

    public var isAtEnd: Bool { bytes.isEmpty }

    public mutating func byte() -> UInt8 { bytes.popFirst() ?? 0 }

    /// Two octets, big-endian.
    public mutating func uint16() -> UInt16 { UInt16(byte()) << 8 | UInt16(byte()) }

    /// A chunk of at most `limit` octets, its length given by the next octet (0 means the rest, up to `limit`).
    public mutating func chunk(limit: Int = 255) -> [UInt8] {
        let declared = Int(byte())
        let count = min(declared == 0 ? bytes.count : declared, bytes.count, limit)
        defer { bytes = bytes.dropFirst(count) }
        return Array(bytes.prefix(count))
    }
}
