import Testing
import Trace

/// Every cut of `file` from `start` octets on reads either as the first records of the whole file or as a typed
/// `.truncated` error that ends exactly at the cut (offset + available octets) with fewer octets than needed.
/// With `completeAt`, a cut may read without error only at those lengths (the ends of whole blocks or records).
func expectEveryCutIsTruncatedOrAPrefix(of file: [UInt8], from start: Int = 0, completeAt: Set<Int>? = nil,
                                        sourceLocation: SourceLocation = #_sourceLocation) throws {
    let whole = try PcapReader.records(in: file)
    for length in start..<file.count {
        do {
            let records = try PcapReader.records(in: Array(file.prefix(length)))
            if let completeAt {
                #expect(completeAt.contains(length), "a cut at \(length) read as complete", sourceLocation: sourceLocation)
            }
            #expect(records == Array(whole.prefix(records.count)), "cut at \(length)", sourceLocation: sourceLocation)
        } catch {
            guard case .truncated(let needed, let available) = error.reason else {
                Issue.record("cut at \(length): \(error)", sourceLocation: sourceLocation)
                continue
            }
            #expect(error.offset + available == length, "\(error)", sourceLocation: sourceLocation)
            #expect(available < needed, "\(error)", sourceLocation: sourceLocation)
        }
    }
}
