/// The sub-parameters of a Routing Key, RFC 4666 §3.6.1 (rules: `M3UAParameterCatalogue.routingKeyRules`).
public struct RoutingKey: M3UAParameterList, Hashable, Sendable {
    public var parameters: [M3UAParameter]
    public init(parameters: [M3UAParameter]) { self.parameters = parameters }
}

/// The sub-parameters of a Registration Result, RFC 4666 §3.6.2.
public struct RegistrationResult: M3UAParameterList, Hashable, Sendable {
    public var parameters: [M3UAParameter]
    public init(parameters: [M3UAParameter]) { self.parameters = parameters }

    /// The result for one Routing Key; `routingContext` is 0 when the registration failed.
    public init(localRoutingKeyIdentifier: UInt32, status: RegistrationStatus, routingContext: UInt32) {
        self.init(parameters: [
            .localRoutingKeyIdentifier(localRoutingKeyIdentifier), .registrationStatus(status),
            .routingContext([routingContext]),
        ])
    }
}

/// The sub-parameters of a Deregistration Result, RFC 4666 §3.6.4.
public struct DeregistrationResult: M3UAParameterList, Hashable, Sendable {
    public var parameters: [M3UAParameter]
    public init(parameters: [M3UAParameter]) { self.parameters = parameters }

    public init(routingContext: UInt32, status: DeregistrationStatus) {
        self.init(parameters: [.routingContext([routingContext]), .deregistrationStatus(status)])
    }
}
