/// Where an ISUP message came from or goes to: the MTP3 routing label (Q.704 §2.2) and the M3UA routing context
/// it travels with (RFC 4666 §3.3.1).
public struct SignallingRoute: Hashable, Sendable, CustomStringConvertible {
    public var opc: UInt32
    public var dpc: UInt32
    public var sls: UInt8
    public var networkIndicator: UInt8
    public var routingContext: UInt32?

    public init(opc: UInt32, dpc: UInt32, sls: UInt8 = 0, networkIndicator: UInt8 = 2, routingContext: UInt32? = nil) {
        self.opc = opc
        self.dpc = dpc
        self.sls = sls
        self.networkIndicator = networkIndicator
        self.routingContext = routingContext
    }

    public var description: String { "OPC \(opc) → DPC \(dpc) SLS \(sls)" }
}
