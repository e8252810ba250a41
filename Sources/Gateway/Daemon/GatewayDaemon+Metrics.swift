import NIOHTTP1

extension GatewayDaemon {
    /// GET /metrics: the Prometheus text exposition format, version 0.0.4. The gauges that follow the engine's state
    /// (calls in progress, circuits per trunk and state) are read from it at the scrape, on its event loop: the
    /// circuits change under calls without an observation for each.
    func serveMetrics(_ request: HTTPRequest) -> HTTPResponse {
        guard request.path == "/metrics" else {
            return HTTPResponse(.notFound, contentType: "text/plain", body: "only /metrics here\n")
        }
        guard request.method == .GET else {
            return HTTPResponse(.methodNotAllowed, contentType: "text/plain", body: "GET only\n")
        }
        metrics.activeCalls(engine.activeCalls)
        for trunk in configuration.engine.trunks {
            if let group = engine.circuitGroup(trunk.name) { metrics.circuits(trunk: trunk.name, group) }
        }
        return HTTPResponse(.ok, contentType: "text/plain; version=0.0.4; charset=utf-8", body: metrics.exposition)
    }
}
