/// Streams, RFC 4666 §1.4.7: management on stream 0, DATA on 1 … n−1 chosen from the SLS so one circuit keeps
/// its order.
public enum M3UAStream {
    public static let management: UInt16 = 0

    /// The stream for DATA with this SLS on an association with `outboundStreams` streams (at least 2).
    public static func data(sls: UInt8, outboundStreams: UInt16) -> UInt16 {
        1 + UInt16(sls) % max(outboundStreams - 1, 1)
    }
}
