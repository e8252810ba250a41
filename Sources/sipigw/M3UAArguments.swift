import ArgumentParser
import M3UA
import SCTPTransport

/// `ADDRESS:PORT` on the command line; ArgumentParser reports a value that does not parse.
extension SCTPEndpoint: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

/// `loadshare`, `override` or `broadcast`: the RFC 4666 §3.7.1 names of `TrafficModeType.names`, any case.
extension TrafficModeType: ExpressibleByArgument {
    public init?(argument: String) {
        guard let code = Self.names.first(where: { $0.value.lowercased() == argument.lowercased() })?.key else { return nil }
        self.init(rawValue: code)
    }
}
