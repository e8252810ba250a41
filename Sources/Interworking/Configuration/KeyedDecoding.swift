extension KeyedDecodingContainer {
    /// The value of an optional key, or the default: configuration files name only what differs from the defaults.
    func value<T: Decodable>(_ key: Key, or fallback: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback()
    }
}
