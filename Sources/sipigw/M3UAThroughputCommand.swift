import ArgumentParser
import ISUP
import M3UA
import M3UATransport
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// `sipigw m3ua throughput`: one side of a two-process M3UA-over-TCP throughput run on loopback
/// (Scripts/bench-m3ua-tcp.sh starts both). The sender sends COUNT DATA messages carrying an ANM each, SLS
/// rotating over 16 values, a sequence number in each; the receiver checks that every SLS arrives in order,
/// prints the rate, and exits 1 on any loss or reordering.
struct M3UAThroughputCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "throughput",
        abstract: "Send or receive COUNT M3UA DATA messages over TCP and report messages per second (a benchmark)."
    )

    @Option(help: "Receive: listen on this loopback port.")
    var listen: Int?

    @Option(help: "Send: connect to this loopback port.")
    var connect: Int?

    @Option(help: "Number of DATA messages.")
    var count = 100_000

    func validate() throws {
        guard (listen == nil) != (connect == nil) else { throw ValidationError("give exactly one of --listen and --connect") }
    }

    func run() throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        if let listen { try receive(port: listen, group: group) } else if let connect { try send(port: connect, group: group) }
    }

    static let sequenceParameter = ParameterCode(0xF0)

    private func send(port: Int, group: EventLoopGroup) throws {
        let channel = try ClientBootstrap(group: group)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addM3UAHandlers() } }
            .connect(host: "127.0.0.1", port: port).wait()
        let start = ContinuousClock.now
        for i in 0..<count {
            let sls = UInt8(i % 16)
            let sequence = UInt32(i)
            let isup = ISUPMessage(type: .anm, cic: CIC(Int(sls)), parameters: [
                Parameter(code: Self.sequenceParameter, value: (0..<4).map { UInt8(truncatingIfNeeded: sequence >> (24 - 8 * $0)) }),
            ])
            let data = M3UAMessage(.data, [
                .routingContext([1]),
                .protocolData(ProtocolData(opc: 1, dpc: 2, si: .isup, ni: 2, sls: sls, userProtocolData: try isup.encoded())),
            ])
            // Flush and wait every 256 messages: bounded memory, and the receiver sees a steady stream.
            if i % 256 == 255 { try channel.writeAndFlush(data).wait() } else { channel.write(data, promise: nil) }
        }
        try channel.writeAndFlush(M3UAMessage(.beat, [.heartbeatData([0xFF])])).wait()
        try channel.close().wait()
        report("sent", since: start)
    }

    private func receive(port: Int, group: EventLoopGroup) throws {
        let done = group.next().makePromise(of: Receiver.Outcome.self)
        let server = try ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addM3UAHandlers()
                    try channel.pipeline.syncOperations.addHandler(Receiver(done: done))
                }
            }
            .bind(host: "127.0.0.1", port: port).wait()
        defer { try? server.close().wait() }
        let outcome = try done.futureResult.wait()
        report("received", since: outcome.start)
        guard outcome.received == count, outcome.outOfOrder == 0 else {
            throw ValidationError("received \(outcome.received) of \(count), \(outcome.outOfOrder) out of order per SLS")
        }
    }

    private func report(_ verb: String, since start: ContinuousClock.Instant) {
        let elapsed = start.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        StandardStreams.output(Array("\(verb) \(count) DATA in \(seconds) s: \(Int(Double(count) / seconds)) messages/s\n".utf8))
    }

    /// Counts DATA, checks order per SLS, ends at the closing BEAT.
    final class Receiver: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = M3UAMessage
        struct Outcome: Sendable {
            var start = ContinuousClock.now
            var received = 0
            var outOfOrder = 0
        }
        var outcome: Outcome? = nil
        var last = [UInt8: UInt32]()
        let done: EventLoopPromise<Outcome>

        init(done: EventLoopPromise<Outcome>) { self.done = done }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let message = unwrapInboundIn(data)
            var o = outcome ?? Outcome()
            defer { outcome = o }
            guard message.type == .data else {
                if message.type == .beat { done.succeed(o) }
                return
            }
            guard let pd = message.protocolData, let isup = try? ISUPMessage(decoding: pd.userProtocolData),
                  let tag = isup[M3UAThroughputCommand.sequenceParameter]
            else { return }
            let sequence = tag.value.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if let previous = last[pd.sls], sequence <= previous { o.outOfOrder += 1 }
            last[pd.sls] = sequence
            o.received += 1
        }
    }
}
