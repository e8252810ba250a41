import Benchmark
import ISUP

/// Decode, encode and round trip (decode then encode) of single ISUP messages and of a call's mix, as
/// nanoseconds and mallocs per message: each iteration handles `scalingFactor` messages and the figures are
/// divided by it. Goal (issue "Benchmarks"): IAM decode + encode at most 500 ns on one core.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        timeUnits: .nanoseconds,
        scalingFactor: .kilo,
        maxDuration: .seconds(1),
        maxIterations: 1_000
    )

    for vector in Vectors.each {
        measure("\(vector.name) (\(vector.bytes.count) octets)", over: [vector])
    }
    measure("mix IAM ACM ANM REL RLC", over: Vectors.mix)

    // What `sipigw decode` does per message: the JSON form written by one stream for the whole run.
    Benchmark("decode + JSON Lines: mix IAM ACM ANM REL RLC") { benchmark in
        let mix = Vectors.mix.map(\.bytes)
        let stream = JSONStream(capacity: (1 << 16) + 4096)
        for i in benchmark.scaledIterations {
            let message = try ISUPMessage(decoding: mix[i % mix.count][...])
            message.writeJSON(to: stream)
            stream.newline()
            if stream.count >= 1 << 16 { stream.truncate(to: 0) }
        }
        blackHole(stream)
    }

    // The same JSON form as a value tree, written out (`ISUPMessage.json`: SIP-I bodies, tests).
    Benchmark("decode + JSON tree written: mix IAM ACM ANM REL RLC") { benchmark in
        let mix = Vectors.mix.map(\.bytes)
        var out = [UInt8]()
        out.reserveCapacity(1 << 16)
        for i in benchmark.scaledIterations {
            let message = try ISUPMessage(decoding: mix[i % mix.count][...])
            JSONValue.object(message.json).write(into: &out)
            out.append(UInt8(ascii: "\n"))
            if out.count >= 1 << 16 { out.removeAll(keepingCapacity: true) }
        }
        blackHole(out)
    }
}

/// Three benchmarks over `vectors`, taken in turn: decode, encode (`encoded(framing:)`), decode then encode.
func measure(_ name: String, over vectors: [Vectors.Vector]) {
    let bytes = vectors.map(\.bytes), messages = vectors.map(\.message)
    Benchmark("decode: \(name)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try ISUPMessage(decoding: bytes[i % bytes.count][...]))
        }
    }
    Benchmark("encode: \(name)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try messages[i % messages.count].encoded())
        }
    }
    Benchmark("round trip: \(name)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try ISUPMessage(decoding: bytes[i % bytes.count][...]).encoded())
        }
    }
}
