import ISUP

/// ISUP messages as text, one per line, the form `sipigw decode --file` reads (hex from the CIC on), with two
/// optional prefixes a conversion needs: `@SECONDS` (the time, `@12.250`; without it a line takes the previous
/// line's time; lines are taken in time order) and `OPC>DPC` (the routing label, `2>1`; without it the default route). Blank lines and text after
/// `#` are ignored. Lines are numbered from 1, as records.
///
/// ```
/// @0.000 2>1 0500 01 2001 0a 00 0201 0a 0600 0d 03 0a 83 10 60 21 43 f5 00   # IAM on CIC 5
/// @0.300 1>2 0500 06 1604 00                                                 # ACM
/// ```
public struct HexTrace: Sendable {
    public var defaultRoute: ISUPRoute

    public init(defaultRoute: ISUPRoute) { self.defaultRoute = defaultRoute }

    /// Every message of the text in time order (lines with the same time in line order: a file may group its
    /// lines by call), or, for a line that does not read, an unreadable record naming its line, in its place.
    public func messages(in text: String) -> [Result<CapturedMessage, UnreadableRecord>] {
        var results = [(time: CaptureTimestamp, item: Result<CapturedMessage, UnreadableRecord>)]()
        var time = CaptureTimestamp(seconds: 0)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            var tokens = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })[...]
            guard !tokens.isEmpty else { continue }
            let number = index + 1
            if let first = tokens.first, first.hasPrefix("@") {
                guard let parsed = Self.time(first.dropFirst()) else {
                    results.append((time, .failure(UnreadableRecord(record: number, reason: "line \(number): time \(first) is not @SECONDS[.FRACTION]"))))
                    continue
                }
                time = parsed
                tokens = tokens.dropFirst()
            }
            var route = defaultRoute
            if let first = tokens.first, first.contains(">") {
                let ends = first.split(separator: ">", omittingEmptySubsequences: false)
                guard ends.count == 2, let opc = UInt32(ends[0]), let dpc = UInt32(ends[1]), opc < 1 << 14, dpc < 1 << 14 else {
                    results.append((time, .failure(UnreadableRecord(record: number, reason: "line \(number): route \(first) is not OPC>DPC (14-bit point codes)"))))
                    continue
                }
                route.opc = opc
                route.dpc = dpc
                tokens = tokens.dropFirst()
            }
            guard let bytes = Hex.bytes(tokens.joined()) else {
                results.append((time, .failure(UnreadableRecord(record: number, reason: "line \(number): not hex"))))
                continue
            }
            results.append((time, .success(CapturedMessage(record: number, timestamp: time, payload: .isup(bytes, route)))))
        }
        return results.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element.item)
    }

    /// `12`, `12.5`, `12.000250` → a timestamp (at most nanoseconds).
    static func time(_ text: Substring) -> CaptureTimestamp? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let seconds = Int64(parts[0]), seconds >= 0 else { return nil }
        guard parts.count == 2 else { return CaptureTimestamp(seconds: seconds) }
        let fraction = parts[1]
        guard (1...9).contains(fraction.count), fraction.allSatisfy(\.isASCII), let value = UInt32(fraction) else { return nil }
        var nanoseconds = value
        for _ in fraction.count..<9 { nanoseconds *= 10 }
        return CaptureTimestamp(seconds: seconds, nanoseconds: nanoseconds)
    }
}
