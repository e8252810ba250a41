/// Where the media of a trunk's calls flow. The gateway carries no RTP: the SDP it writes names this endpoint (the
/// operator's media gateway for the trunk), ST 769 §7.4.
public struct MediaEndpoint: Codable, Hashable, Sendable {
    public var address: String
    public var port: Int

    public init(address: String, port: Int) {
        self.address = address
        self.port = port
    }
}
