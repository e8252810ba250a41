import ISUP
import M3UA
import M3UATransport
import NIOCore
import NIOEmbedded
import NIOPosix
import Testing

/// M3UA over TCP (digest sipi-m3ua.md E.1): framing on the common-header length, ERR replies on the wire, and
/// 100,000 DATA messages between two in-process peers on loopback without loss or reordering per SLS.
@Suite struct M3UAOverTCPTests {
    /// RFC 4666 §3.5.1 ASPUP without parameters: version 1, class 3, type 1, length 8 (derived by hand).
    static let aspup: [UInt8] = [0x01, 0x00, 0x03, 0x01, 0x00, 0x00, 0x00, 0x08]

    @Test func framingAcrossArbitrarySegmentBoundaries() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addM3UAHandlers()
        // vectors.md B1 (ASPUP with ASP-ID and INFO, 28 octets) and B2 (ASPAC, 36 octets) back to back, delivered
        // one octet at a time: exactly two messages come out, whole.
        let b1: [UInt8] = [0x01, 0x00, 0x03, 0x01, 0x00, 0x00, 0x00, 0x1c, 0x00, 0x11, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01,
                           0x00, 0x04, 0x00, 0x0c, 0x64, 0x65, 0x61, 0x64, 0x62, 0x65, 0x65, 0x66]
        let b2: [UInt8] = [0x01, 0x00, 0x04, 0x01, 0x00, 0x00, 0x00, 0x24, 0x00, 0x0b, 0x00, 0x08, 0x00, 0x00, 0x00, 0x02,
                           0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x04, 0x00, 0x0c, 0x64, 0x65, 0x61, 0x64,
                           0x62, 0x65, 0x65, 0x66]
        for byte in b1 + b2 { try channel.writeInbound(channel.allocator.buffer(bytes: [byte])) }
        let first = try #require(try channel.readInbound(as: M3UAMessage.self))
        let second = try #require(try channel.readInbound(as: M3UAMessage.self))
        #expect(first.type == .aspup)
        #expect(second.type == .aspac)
        #expect(try first.encoded() == b1)
        #expect(try second.encoded() == b2)
        #expect(try channel.readInbound(as: M3UAMessage.self) == nil)
    }

    @Test func undecodableMessageIsAnsweredWithERR() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addM3UAHandlers()
        // Message class 0x63 does not exist: RFC 4666 §3.8.1 error code 0x03, diagnostic = the offending octets.
        let bad: [UInt8] = [0x01, 0x00, 0x63, 0x01, 0x00, 0x00, 0x00, 0x08]
        try channel.writeInbound(channel.allocator.buffer(bytes: bad))
        #expect(try channel.readInbound(as: M3UAMessage.self) == nil)
        var out = try #require(try channel.readOutbound(as: ByteBuffer.self))
        let err = try M3UAMessage(decoding: out.readBytes(length: out.readableBytes)!)
        #expect(err.type == .err)
        // ERR (class 0, type 0), Error Code tag 0x000C = 3, Diagnostic Information tag 0x0007 = the 8 octets.
        #expect(try err.encoded() == [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1C,
                                      0x00, 0x0C, 0x00, 0x08, 0x00, 0x00, 0x00, 0x03,
                                      0x00, 0x07, 0x00, 0x0C] + bad)
        // An ERR is never answered with an ERR (RFC 4666 §3.8.1), even a malformed one (here: version 2).
        var badErr = try err.encoded()
        badErr[0] = 0x02
        try channel.writeInbound(channel.allocator.buffer(bytes: badErr))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
    }

    @Test func impossibleLengthClosesTheStream() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addM3UAHandlers()
        #expect(throws: M3UAFramingError.self) {
            try channel.writeInbound(channel.allocator.buffer(bytes: [0x01, 0x00, 0x03, 0x01, 0x00, 0x00, 0x00, 0x04]))
        }
    }

    /// Collects DATA on the server side and checks, per SLS, that sequence numbers arrive in order.
    final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = M3UAMessage
        var lastPerSLS = [UInt8: UInt32]()
        var received = 0
        var outOfOrder = 0
        let done: EventLoopPromise<Void>
        let expected: Int

        init(expected: Int, done: EventLoopPromise<Void>) {
            self.expected = expected
            self.done = done
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let message = unwrapInboundIn(data)
            guard let pd = message.protocolData,
                  let isup = try? ISUPMessage(decoding: pd.userProtocolData),
                  let tag = isup[ParameterCode(0xF0)]
            else { return }
            let sequence = tag.value.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if let last = lastPerSLS[pd.sls], sequence <= last { outOfOrder += 1 }
            lastPerSLS[pd.sls] = sequence
            received += 1
            if received == expected { done.succeed(()) }
        }
    }

    @Test func hundredThousandDataMessagesInOrderPerSLS() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let count = 100_000
        let done = group.next().makePromise(of: Void.self)
        let collector = Collector(expected: count, done: done)
        let server = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addM3UAHandlers()
                    try channel.pipeline.syncOperations.addHandler(collector)
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()

        let client = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addM3UAHandlers() }
            }
            .connect(to: server.localAddress!).get()


        // The ISUP of each DATA: an ANM (isup-q763.md §7.4) followed by a 4-octet sequence number in an unknown
        // optional parameter 0xF0, CIC = SLS; OPC 1, DPC 2, NI 2 (national), SLS = i % 16 (Q.764: SLS = CIC & 0x0F).
        for i in 0..<count {
            let sls = UInt8(i % 16)
            let seq = UInt32(i)
            let isup = ISUPMessage(type: .anm, cic: CIC(Int(sls)), parameters: [
                Parameter(code: ParameterCode(0xF0), value: [UInt8(seq >> 24), UInt8(truncatingIfNeeded: seq >> 16),
                                                             UInt8(truncatingIfNeeded: seq >> 8), UInt8(truncatingIfNeeded: seq)]),
            ])
            let octets = try isup.encoded()
            let data = M3UAMessage(.data, [
                .routingContext([1]),
                .protocolData(ProtocolData(opc: 1, dpc: 2, si: .isup, ni: 2, sls: sls, userProtocolData: octets)),
            ])
            client.write(data, promise: nil)
            if i % 1_000 == 999 { client.flush() }
        }
        client.flush()
        try await done.futureResult.get()
        try await client.eventLoop.submit {}.get()
        try await server.eventLoop.submit {}.get()
        #expect(collector.received == count)
        #expect(collector.outOfOrder == 0)
        #expect(collector.lastPerSLS.count == 16)
        try await client.close()
        try await server.close()
        try await group.shutdownGracefully()
    }
}
