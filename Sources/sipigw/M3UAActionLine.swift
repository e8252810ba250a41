import M3UA
import ISUP

/// The actions an M3UA node reports (state changes, NTFY, ERR, deliveries, losses) as JSON lines on stdout, for
/// the `m3ua asp` and `m3ua sgp` commands.
enum M3UAActionLine {
    /// One JSON line per reported action.
    static func print(_ action: M3UAAction) {
        var o = JSONObject()
        switch action {
        case .aspStateChanged(let a, let state):
            o.append("event", .string("asp")); o.append("association", .int(a.rawValue)); o.append("state", .string(state.rawValue))
        case .asStateChanged(let rc, let state):
            o.append("event", .string("as")); o.append("routingContext", .int(Int(rc))); o.append("state", .string(state.rawValue))
        case .notified(let status, let contexts, _):
            o.append("event", .string("ntfy")); o.append("status", .string("\(status)"))
            o.append("routingContexts", .array(contexts.map { .int(Int($0)) }))
        case .errorReceived(let code, _, _):
            o.append("event", .string("err")); o.append("code", .int(Int(code.rawValue)))
        case .deliver(let data, let rc, let a):
            o.append("event", .string("deliver")); o.append("association", .int(a.rawValue))
            o.append("sls", .int(Int(data.sls))); o.append("routingContext", rc.map { .int(Int($0)) } ?? .null)
        case .associationDead(let a):
            o.append("event", .string("dead")); o.append("association", .int(a.rawValue))
        default:
            o.append("event", .string("other")); o.append("action", .string("\(action)"))
        }
        var out = [UInt8]()
        JSONValue.object(o).write(into: &out)
        out.append(0x0A)
        StandardStreams.output(out)
    }
}
