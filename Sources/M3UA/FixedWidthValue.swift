/// A value with a fixed number of octets on the wire; list parameters (Affected Point Code, OPC List, Circuit
/// Range, Routing Context) are runs of them.
protocol FixedWidthValue {
    static var width: Int { get }
    /// Reads the value from exactly `width` octets.
    init(wire: ArraySlice<UInt8>)
    func append(to out: inout [UInt8])
}

extension FixedWidthValue {
    /// Splits a value whose length the decoder has checked to be a multiple of `width`.
    static func list(_ value: ArraySlice<UInt8>) -> [Self] {
        stride(from: value.startIndex, to: value.endIndex - width + 1, by: width).map { Self(wire: value[$0..<($0 + width)]) }
    }

    static func octets(_ values: [Self]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(values.count * width)
        for v in values { v.append(to: &out) }
        return out
    }
}

extension UInt32: FixedWidthValue {
    static var width: Int { 4 }
    init(wire: ArraySlice<UInt8>) { self = wire.uint32(at: 0) }
    func append(to out: inout [UInt8]) { out.appendUInt32(self) }
}
