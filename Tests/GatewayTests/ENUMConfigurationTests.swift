import Foundation
import Gateway
import Interworking
import Testing

/// `routes.enumLookup` in the daemon's configuration file: defaults, DNS servers, a server that is no address
/// named by line and key.
@Suite struct ENUMConfigurationTests {
    static func load(_ routes: String) throws(ConfigurationError) -> GatewayConfiguration {
        let text = ConfigurationFileTests.base + "\n" + routes + "\n"
        return try GatewayConfiguration(yaml: text, file: "x.yaml")
    }

    @Test func defaults() throws {
        let enumLookup = try Self.load("  enumLookup: {}").engine.routes.enumLookup
        #expect(enumLookup == RouteConfiguration.ENUM(zone: "e164.arpa", timeout: .seconds(2), servers: []))
    }

    @Test func servers() throws {
        let enumLookup = try Self.load(#"  enumLookup: { zone: e164.test, timeout: 500ms, servers: ["127.0.0.1:5353", "::1", "[::1]:53", "192.0.2.1"] }"#)
            .engine.routes.enumLookup
        #expect(enumLookup?.zone == "e164.test")
        #expect(enumLookup?.timeout.duration == .milliseconds(500))
        #expect(enumLookup?.servers == ["127.0.0.1:5353", "::1", "[::1]:53", "192.0.2.1"])
    }

    /// c-ares takes addresses only: a host name is refused, on the line of the servers list (the base has 9 lines).
    @Test func serverThatIsNoAddress() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try Self.load(#"  enumLookup: { servers: ["127.0.0.1:5353", "dns.example.it:53"] }"#)
        }
        #expect(error?.key == "routes.enumLookup.servers[1]", "\(error?.description ?? "")")
        #expect(error?.line == 10, "\(error?.description ?? "")")
        #expect(error?.description.contains("dns.example.it:53 is not an IP address") == true)
    }

    /// The shipped example with ENUM loads its servers.
    @Test func shippedExample() throws {
        let path = "Config/examples/ipsp-two-peers-tcp.yaml"
        let text = try String(contentsOf: ConfigurationFileTests.root.appendingPathComponent(path), encoding: .utf8)
        let enumLookup = try GatewayConfiguration(yaml: text, file: path).engine.routes.enumLookup
        #expect(enumLookup?.servers == ["127.0.0.1:5353", "[::1]:5353"])
    }
}
