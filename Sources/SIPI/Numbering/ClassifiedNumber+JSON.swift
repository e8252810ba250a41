import ISUP

extension ClassifiedNumber {
    /// The JSON form: kind, service and clause of the format, the user part and its digit count ("39" included,
    /// §6.1.1), the fields in layout order, and the network identity if the format carries one.
    public var json: JSONObject {
        var object = JSONObject()
        object.append("kind", .string(kind.rawValue))
        object.append("service", .string(format.service))
        object.append("clause", .string(format.clause))
        object.append("userPart", .string(userPart))
        object.append("length", .int(digits.count))
        var values = JSONObject()
        for field in fields { values.append(field.name, .string(field.value)) }
        object.append("fields", .object(values))
        if let identity {
            object.append("identity", .object(["kind": .string(identity.kind.rawValue), "value": .string(identity.value)]))
        }
        return object
    }
}

extension NumberingError {
    /// The JSON form: Annex A clause, reason, ISUP cause and SIP status.
    public var json: JSONObject {
        [
            "clause": .string(clause.rawValue), "reason": .string(reason.description),
            "isupCause": .int(outcome.isupCause), "sipStatus": .int(outcome.sipStatus),
        ]
    }
}
