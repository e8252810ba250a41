import Interworking

extension GatewayDaemon {
    /// The engine's `.lookup` (RFC 6116) on the resolver of the configuration in force: made at the first lookup,
    /// and again when a reload changes `routes.enumLookup`. The answer comes back on the event loop; a failure is
    /// logged (its text holds no number) and the engine falls back to the route table.
    func lookUp(_ id: LookupID, number: String, zone: String) {
        guard let settings = configuration.engine.routes.enumLookup else {
            return feedOnLoop(.lookup(id, .failed("ENUM is not configured")))
        }
        if enumResolver?.configuration != settings {
            enumResolver?.stop()
            do {
                enumResolver = try ENUMResolver(settings)
            } catch {
                enumResolver = nil
                log("ENUM: \(error)")
                return feedOnLoop(.lookup(id, .failed("\(error)")))
            }
        }
        enumResolver?.resolve(number: number, zone: zone) { [weak self, loop = self.loop, log = self.log] answer in
            if case .failed(let text) = answer { log("ENUM lookup failed: \(text); the route table decides") }
            loop.execute { self?.feedOnLoop(.lookup(id, answer)) }
        }
    }
}
