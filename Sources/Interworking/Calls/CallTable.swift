/// The engine's calls by identifier, each stored out of line. A dictionary of `Call` values keeps a whole call
/// (~940 bytes) in every slot, the empty ones of its power-of-two capacity included; here a slot holds one
/// reference. Value semantics are kept: a box is written in place only while this table alone holds it, and
/// replaced otherwise (copy on write), so a copy of the engine never sees the other's calls change.
struct CallTable: Sendable {
    /// Mutated only through a uniquely referenced `CallTable` slot (see `subscript`'s setter), hence Sendable.
    private final class Box: @unchecked Sendable {
        var call: Call
        init(_ call: Call) { self.call = call }
    }

    private var boxes: [CallID: Box] = [:]

    subscript(id: CallID) -> Call? {
        get { boxes[id]?.call }
        set {
            guard let newValue else {
                boxes[id] = nil
                return
            }
            // One lookup: the box is written in place when this table alone holds it.
            guard let index = boxes.index(forKey: id) else {
                boxes[id] = Box(newValue)
                return
            }
            if isKnownUniquelyReferenced(&boxes.values[index]) {
                boxes.values[index].call = newValue
            } else {
                boxes.values[index] = Box(newValue)
            }
        }
    }

    var count: Int { boxes.count }
    var keys: some Collection<CallID> { boxes.keys }
    var values: some Collection<Call> { boxes.values.lazy.map(\.call) }
}
