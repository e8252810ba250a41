import ISUP

/// Operator maintenance on a trunk's circuits (Q.764 §2.8, §2.9.3): a CIC or a range of them.
public struct MaintenanceRequest: Hashable, Sendable {
    public enum Operation: String, Hashable, Sendable, Codable {
        case block, unblock, reset
    }

    public var trunk: String
    public var operation: Operation
    public var first: CIC
    public var last: CIC

    public init(trunk: String, operation: Operation, first: CIC, last: CIC? = nil) {
        self.trunk = trunk
        self.operation = operation
        self.first = first
        self.last = last ?? first
    }
}
