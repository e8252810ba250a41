import Dispatch
import M3UA
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SCTPTransport

/// The imperative shell around a pure M3UA state machine (ASP, ASP group, SGP, IPSP): it runs the machine's
/// actions with SwiftNIO over TCP (connect, send, close, timers on the event loop) and feeds it what the network
/// and the clock do. Everything happens on one event loop, so the machine is never touched concurrently.
/// Actions the shell does not execute (state changes, delivered DATA, ERR, availability) go to `observer`.
public final class M3UANode<Machine: M3UAStateMachine & Sendable>: @unchecked Sendable {
    public let eventLoop: EventLoop
    private let group: EventLoopGroup
    private var machine: Machine
    private var links: [AssociationID: any AssociationLink] = [:]
    private var timers: [TimerID: Scheduled<Void>] = [:]
    /// Where `connect(association)` goes (the ASP and IPSP client side).
    private let peers: [AssociationID: M3UAPeer]
    private let acceptedCounter: NIOLockedValueBox<Int>
    private let sctpListening = NIOLockedValueBox(false)
    private let observer: @Sendable (M3UAAction) -> Void
    /// Which peers an accepting node serves, by remote IP address (an SGP's configured ASPs); nil: any.
    private let admitting: (@Sendable (String) -> Bool)?
    private var server: Channel?
    /// The SCTP threads (connecting, reading, accepting): `stop()` waits for them, so that none hands the event
    /// loop work after its owner shut it down.
    let sctpThreads = DispatchGroup()
    /// Fulfilled when the last link is gone (a graceful `shutdown(within:)` waiting for the ASPDN ACK).
    private var linksGone: EventLoopPromise<Void>?

    /// - Parameters:
    ///   - peers: where each association connects (TCP or SCTP); empty for a node that only accepts (SGP).
    ///   - firstAcceptedAssociation: numbering of accepted connections.
    ///   - admitting: for an accepting node, whether a peer's IP address may associate; a connection from any
    ///     other address is closed as it is accepted, before any M3UA message is read. Nil: every peer.
    ///   - observer: called on the event loop with every action the shell does not execute itself.
    public init(machine: Machine, group: EventLoopGroup, peers: [AssociationID: M3UAPeer],
                firstAcceptedAssociation: Int = 1, admitting: (@Sendable (String) -> Bool)? = nil,
                observer: @escaping @Sendable (M3UAAction) -> Void) {
        self.machine = machine
        self.group = group
        self.eventLoop = group.next()
        self.peers = peers
        self.acceptedCounter = NIOLockedValueBox(firstAcceptedAssociation)
        self.admitting = admitting
        self.observer = observer
    }

    /// A node whose associations are TCP connections to `peers` (M3UA over TCP, digest E.1).
    public convenience init(machine: Machine, group: EventLoopGroup, peers: [AssociationID: SocketAddress] = [:],
                            firstAcceptedAssociation: Int = 1, admitting: (@Sendable (String) -> Bool)? = nil,
                            observer: @escaping @Sendable (M3UAAction) -> Void) {
        self.init(machine: machine, group: group, peers: peers.mapValues { .tcp($0) },
                  firstAcceptedAssociation: firstAcceptedAssociation, admitting: admitting, observer: observer)
    }

    /// Reads of a TCP association per event-loop pass (NIO's default is 4): one read of up to 64 KiB holds about
    /// 1,300 DATA messages, all answered before the loop serves anything else; a flooding switch keeps the loop's
    /// other channels (SIP, `/metrics`) waiting a quarter as long with one (issue 10).
    static var readsPerPass: UInt { 1 }

    /// Accepts M3UA connections (the SGP side, or an IPSP that waits for its peer) on a loopback or local address.
    public func listen(host: String, port: Int) -> EventLoopFuture<SocketAddress> {
        ServerBootstrap(group: eventLoop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: Self.readsPerPass)
            .childChannelInitializer { channel in
                guard self.admits([channel.remoteAddress?.ipAddress].compactMap { $0 }) else { return channel.close() }
                return channel.eventLoop.makeCompletedFuture {
                    try self.addHandlers(to: channel, association: self.nextAssociation())
                }
            }
            .bind(host: host, port: port)
            .map { channel in
                self.server = channel
                return channel.localAddress!
            }
    }

    /// Accepts M3UA associations over kernel SCTP on `local` (several addresses: multi-homed), each numbered like
    /// accepted TCP connections. Throws `SCTPError.protocolNotSupported` on a kernel without SCTP.
    public func listen(sctp local: [SCTPEndpoint], streams: UInt16 = 2) throws {
        let listener = try SCTPListener(on: local, streams: streams)
        SCTPLink.accept(on: listener, node: self, stop: sctpListening)
    }

    /// Whether a peer with these addresses (all of a multi-homed SCTP peer) may associate: one of them admitted.
    func admits(_ addresses: [String]) -> Bool {
        guard let admitting else { return true }
        return addresses.contains(where: admitting)
    }

    /// The next number for an accepted association (any thread).
    func nextAssociation() -> AssociationID {
        acceptedCounter.withLockedValue { n in
            defer { n += 1 }
            return AssociationID(rawValue: n)
        }
    }

    /// Feeds the machine one event (from any thread) and runs its actions.
    public func feed(_ event: M3UAEvent) {
        eventLoop.execute { self.handle(event) }
    }

    /// Layer management's shutdown, then `stop()`: an ASP sends ASPDN and closes its association on the ASPDN
    /// ACK (RFC 4666 §4.3.4.2) or when T(ack) gives up; this waits for that, at most `timeout`, instead of cutting
    /// the association under the ASPDN. A machine with nothing to do on shutdown (an SGP) stops at once.
    public func shutdown(within timeout: TimeAmount = .seconds(2)) -> EventLoopFuture<Void> {
        eventLoop.flatSubmit {
            let actions = self.machine.handle(.shutdown, at: .now)
            actions.forEach(self.execute)
            guard !actions.isEmpty, !self.links.isEmpty else { return self.stop() }
            let gone = self.eventLoop.makePromise(of: Void.self)
            self.linksGone = gone
            let deadline = self.eventLoop.scheduleTask(in: timeout) { gone.succeed(()) }
            return gone.futureResult.flatMap {
                deadline.cancel()
                self.linksGone = nil
                return self.stop()
            }
        }
    }

    /// Closes every association and the listening socket, cancels the timers, and completes once the SCTP threads
    /// have ended (each notices within its 200 ms poll; at most 3 s for one still connecting).
    public func stop() -> EventLoopFuture<Void> {
        sctpListening.withLockedValue { $0 = true }
        return eventLoop.flatSubmit {
            self.timers.values.forEach { $0.cancel() }
            self.timers = [:]
            self.links.values.forEach { $0.close() }
            self.links = [:]
            return (self.server?.close() ?? self.eventLoop.makeSucceededVoidFuture()).flatMap {
                let threadsEnded = self.eventLoop.makePromise(of: Void.self)
                self.sctpThreads.notify(queue: .global()) { threadsEnded.succeed(()) }
                let bound = self.eventLoop.scheduleTask(in: .seconds(3)) { threadsEnded.succeed(()) }
                return threadsEnded.futureResult.map { bound.cancel() }
            }
        }
    }

    private func linkRemoved() {
        if links.isEmpty { linksGone?.succeed(()) }
    }

    /// Ends one association as a network failure would (SCTP ABORT, TCP close); the machine hears
    /// `transportDown` and recovers by itself.
    public func sever(_ association: AssociationID) {
        eventLoop.execute { self.links[association]?.abort() }
    }

    private func handle(_ event: M3UAEvent) {
        eventLoop.assertInEventLoop()
        for action in machine.handle(event, at: .now) { execute(action) }
    }

    private func execute(_ action: M3UAAction) {
        switch action {
        case .send(let message, let association, let stream):
            guard let link = links[association], let octets = try? message.encoded() else { return }
            link.send(octets, stream: stream)
        case .startTimer(let id, let after):
            timers[id]?.cancel()
            let nanoseconds = after.components.seconds * 1_000_000_000 + after.components.attoseconds / 1_000_000_000
            timers[id] = eventLoop.scheduleTask(in: .nanoseconds(nanoseconds)) {
                self.timers[id] = nil
                self.handle(.timerFired(id))
            }
        case .cancelTimer(let id):
            timers.removeValue(forKey: id)?.cancel()
        case .connect(let association):
            switch peers[association] {
            case .tcp(let address)?:
                ClientBootstrap(group: eventLoop)
                    .channelOption(.maxMessagesPerRead, value: Self.readsPerPass)
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture { try self.addHandlers(to: channel, association: association) }
                    }
                    .connect(to: address)
                    .whenFailure { _ in self.eventLoop.execute { self.handle(.transportDown(association)) } }
            case .sctp(let remote, let local, let streams)?:
                SCTPLink.open(remote: remote, local: local, streams: streams, association: association, node: self)
            case nil:
                handle(.transportDown(association))
            }
        case .disconnect(let association):
            links.removeValue(forKey: association)?.close()
            linkRemoved()
        default:
            observer(action)
        }
    }

    private func addHandlers(to channel: Channel, association: AssociationID) throws {
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(M3UAFrameDecoder()))
        try channel.pipeline.syncOperations.addHandler(AssociationHandler(node: self, association: association))
    }

    /// A link came up (called on the event loop).
    func up(_ link: any AssociationLink, _ association: AssociationID) {
        eventLoop.assertInEventLoop()
        links[association] = link
        handle(.transportUp(association))
    }

    /// A link went down (called on the event loop). One that was already replaced or closed on purpose reports
    /// nothing.
    func down(_ link: any AssociationLink, _ association: AssociationID) {
        eventLoop.assertInEventLoop()
        guard links[association] === link else { return }
        links[association] = nil
        handle(.transportDown(association))
        linkRemoved()
    }

    /// A connection attempt failed (called on the event loop).
    func failed(_ association: AssociationID) {
        eventLoop.assertInEventLoop()
        handle(.transportDown(association))
    }

    /// A message arrived on `stream` (called on the event loop).
    func received(_ octets: [UInt8], _ association: AssociationID, stream: UInt16) {
        eventLoop.assertInEventLoop()
        handle(.receivedOctets(octets, on: association, stream: stream))
    }

    /// Connection events and framed messages of one TCP association, to the node. TCP has no streams: a Transfer
    /// message is reported on stream 1 and everything else on stream 0, where SCTP would have carried them
    /// (RFC 4666 §1.4.7).
    private final class AssociationHandler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = [UInt8]
        let node: M3UANode
        let association: AssociationID
        var link: TCPLink?

        init(node: M3UANode, association: AssociationID) {
            self.node = node
            self.association = association
        }

        func channelActive(context: ChannelHandlerContext) {
            let link = TCPLink(channel: context.channel)
            self.link = link
            node.up(link, association)
            context.fireChannelActive()
        }

        func channelInactive(context: ChannelHandlerContext) {
            if let link { node.down(link, association) }
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let octets = unwrapInboundIn(data)
            let transfer = octets.count > 2 && octets[2] == MessageClass.transfer.rawValue
            node.received(octets, association, stream: transfer ? 1 : M3UAStream.management)
        }

        func errorCaught(context: ChannelHandlerContext, error: Error) {
            context.close(promise: nil)  // a framing error cannot be resynchronised
        }
    }
}
