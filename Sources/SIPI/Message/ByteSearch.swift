extension ArraySlice<UInt8> {
    /// The first occurrence of `pattern`, by a plain scan of the contiguous octets. The standard library's generic
    /// `firstRange(of:)` took a third of the daemon's time per call in the SIP screening (issue 8 load run,
    /// `perf record`).
    func range(of pattern: [UInt8]) -> Range<Int>? {
        guard let first = pattern.first, pattern.count <= count else { return nil }
        return withUnsafeBufferPointer { haystack in
            pattern.withUnsafeBufferPointer { needle in
                var i = 0
                let last = haystack.count - needle.count
                search: while i <= last {
                    if haystack[i] == first {
                        for j in 1..<needle.count where haystack[i + j] != needle[j] {
                            i += 1
                            continue search
                        }
                        return (startIndex + i)..<(startIndex + i + needle.count)
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}
