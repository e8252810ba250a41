extension NumberingPlan {
    /// Checks that a classified calling identity (P-Asserted-Identity user part, calling party number) is a plain
    /// national ("+39" + the national number, leading 0 kept) or foreign number, never a routing number.
    ///
    /// ST 769 §6.1.10 CLI-1 (global format, checked by classification), CLI-4 (a ported caller's CLI is the DN, never
    /// C60…; st769-2 NP0-08). The cause of a routing number as CLI is not stated: it is filed under A.1.1 c
    /// [inference].
    public func requireCallingNumber(_ number: ClassifiedNumber) throws(NumberingError) {
        if number.kind.isRoutingNumber { throw annexA.error(.routingNumberAsCallingNumber(number.kind)) }
    }
}
