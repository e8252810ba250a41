/// Where the JSON writers put octets: a `[UInt8]` (`JSONValue.write`) or `JSONStream`'s own buffer. One escaping
/// routine and one hex routine serve both.
public protocol ByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {}
