extension M3UAMessage {
    /// RFC 4666 §3.5.6: the BEAT ACK "includes all the parameters of the received BEAT message, without any change".
    var beatAck: M3UAMessage { M3UAMessage(.beatAck, parameters) }

    /// An ERR (RFC 4666 §3.8.1) about this message: the Routing Contexts it carried are copied (a MUST for 0x19,
    /// a SHOULD for 0x06 and 0x0d), and nothing answers an ERR ("Error messages MUST NOT be generated in response
    /// to other Error messages").
    func error(_ code: M3UAErrorCode, routingContexts: [UInt32]? = nil) -> M3UAMessage? {
        guard type != .err else { return nil }
        let contexts = routingContexts ?? self.routingContexts
        return M3UAMessage(.err, [.errorCode(code)] + (contexts.isEmpty ? [] : [.routingContext(contexts)]))
    }
}

extension M3UAAction {
    /// RFC 4666 §3.8.1: an ERR from the peer, reported with its Error Code (0 for a hand-built ERR without one;
    /// the decoder refuses those).
    static func reporting(_ err: M3UAMessage, from association: AssociationID) -> M3UAAction {
        .errorReceived(err.errorCode ?? M3UAErrorCode(rawValue: 0), err, from: association)
    }
}
