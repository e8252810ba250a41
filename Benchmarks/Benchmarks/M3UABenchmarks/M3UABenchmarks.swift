import Benchmark
import ISUP
import M3UA

/// M3UA DATA carrying ISUP: encode, decode (M3UA only) and decode down to the ISUP message, ns and mallocs per
/// message (each iteration handles `scalingFactor` messages).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        timeUnits: .nanoseconds,
        scalingFactor: .kilo,
        maxDuration: .seconds(1),
        maxIterations: 1_000
    )

    // vectors.md C1: DATA with routing context 10 around the A1 IAM (OPC 1, DPC 2, SI 5, NI 2, SLS 7), 88 octets.
    let bytes = Hex.bytes("""
        01 00 01 01 00 00 00 58 00 06 00 08 00 00 00 0a 02 10 00 45 00 00 00 01 00 00 00 02 05 02 00 07 \
        09 00 01 10 48 00 0a 03 02 0a 08 83 10 29 99 24 00 80 0f 0a 08 03 13 94 03 42 30 93 20 f2 15 36 19 \
        08 00 00 15 ff ff ff ff ff ff ff ff ff ff 1d 45 38 cb 20 00 00 00 00
        """)!
    let message = try! M3UAMessage(decoding: bytes)

    Benchmark("M3UA DATA decode (C1, 88 octets)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try M3UAMessage(decoding: bytes[...])) }
    }
    Benchmark("M3UA DATA encode (C1, 88 octets)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try message.encoded()) }
    }
    Benchmark("M3UA DATA decode + ISUP decode (C1)") { benchmark in
        for _ in benchmark.scaledIterations {
            let m = try M3UAMessage(decoding: bytes[...])
            blackHole(try ISUPMessage(decoding: m.protocolData!.userProtocolData))
        }
    }
}
