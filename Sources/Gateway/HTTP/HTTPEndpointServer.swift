import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP/1.1 request as the daemon's endpoints see it (RFC 9112): method, path, query, body.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The path without its query.
    public var path: String
    /// `name=value` pairs of the query, in order (no percent-decoding: names and values are plain tokens here).
    public var query: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: HTTPMethod, target: String, body: [UInt8] = []) {
        self.method = method
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts.first ?? "")
        query = parts.count < 2 ? [] : parts[1].split(separator: "&").map { pair in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(kv[0]), kv.count > 1 ? String(kv[1]) : "")
        }
        self.body = body
    }

    public func query(_ name: String) -> String? { query.first { $0.name == name }?.value }
}

public struct HTTPResponse: Sendable {
    public var status: HTTPResponseStatus
    public var contentType: String
    public var body: String

    public init(_ status: HTTPResponseStatus, contentType: String, body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// A small HTTP/1.1 server (NIOHTTP1) for the daemon's metrics and control endpoints: one answer per request,
/// computed on the channel's event loop by `respond`, then the connection closes (`Connection: close`). Request
/// bodies over `maximumBody` octets are answered 413.
///
/// A client that connects and never completes its request (slowloris) held its socket for ever, and enough of
/// them would have taken every file descriptor the daemon has for SIP and M3UA (issue 10, "the control
/// endpoint's binding checked under attack"): a connection is closed `requestTimeout` after it opens, answered
/// or not, and one over `maximumConnections` open at once is closed as it is accepted.
public final class HTTPEndpointServer: Sendable {
    public let channel: any Channel
    public static let maximumBody = 64 * 1024
    public static let maximumConnections = 64
    public static let requestTimeout = TimeAmount.seconds(5)

    /// The port actually bound (`port` 0 picks a free one).
    public var port: Int? { channel.localAddress?.port }

    /// Binds on `loop`; `respond` runs on it, so it may read state owned by that loop.
    public init(host: String, port: Int, loop: any EventLoop,
                respond: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws {
        // Server and connections all run on `loop`: the count needs no lock, only a box to be shared.
        let open = NIOLoopBoundBox.makeBoxSendingValue(0, as: Int.self, eventLoop: loop)
        channel = try ServerBootstrap(group: loop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                guard open.value < Self.maximumConnections else { return channel.close() }
                open.value += 1
                let deadline = channel.eventLoop.scheduleTask(in: Self.requestTimeout) { channel.close(promise: nil) }
                channel.closeFuture.whenComplete { _ in
                    open.value -= 1
                    deadline.cancel()
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withPipeliningAssistance: false)
                    try channel.pipeline.syncOperations.addHandler(HTTPEndpointHandler(respond: respond))
                }
            }
            .bind(host: host, port: port).wait()
    }

    public func close() { try? channel.close().wait() }
}

/// Collects one request (head, body, end) and writes the answer of `respond`.
final class HTTPEndpointHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let respond: @Sendable (HTTPRequest) -> HTTPResponse
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false

    init(respond: @escaping @Sendable (HTTPRequest) -> HTTPResponse) { self.respond = respond }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            tooLarge = false
        case .body(var buffer):
            if body.count + buffer.readableBytes > HTTPEndpointServer.maximumBody { tooLarge = true }
            if !tooLarge { body += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        case .end:
            guard let head else { return }
            let response = tooLarge
                ? HTTPResponse(.payloadTooLarge, contentType: "text/plain", body: "body over \(HTTPEndpointServer.maximumBody) octets\n")
                : respond(HTTPRequest(method: head.method, target: head.uri, body: body))
            write(response, version: head.version, context: context)
            self.head = nil
        }
    }

    private func write(_ response: HTTPResponse, version: HTTPVersion, context: ChannelHandlerContext) {
        let bytes = Array(response.body.utf8)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: "\(bytes.count)")
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: response.status, headers: headers))),
                      promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
