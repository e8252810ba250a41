import NIOHTTP1

extension GatewayDaemon {
    /// GET /metrics: the Prometheus text exposition format, version 0.0.4.
    func serveMetrics(_ request: HTTPRequest) -> HTTPResponse {
        guard request.path == "/metrics" else {
            return HTTPResponse(.notFound, contentType: "text/plain", body: "only /metrics here\n")
        }
        guard request.method == .GET else {
            return HTTPResponse(.methodNotAllowed, contentType: "text/plain", body: "GET only\n")
        }
        return HTTPResponse(.ok, contentType: "text/plain; version=0.0.4; charset=utf-8", body: metrics.exposition)
    }
}
