/// The range of one group message (CGB, CGU, GRS): `first...first + range`, and the circuits in it that the message
/// is about. Every group message this exchange sends, whatever its type, is cut by `GroupSpan.spans`.
struct GroupSpan: Hashable, Sendable {
    /// Q.763 §3.43 (isup-q763.md §3.2): at most 32 circuits per group message we send (GRS and GRA allow no more;
    /// CGB/CGU at most 32 status bits set).
    static let maximumCircuits = 32

    let first: Int
    let range: UInt8
    /// The circuits addressed, ascending; for CGB/CGU those whose status bit is set.
    let members: [Int]

    var cics: ClosedRange<Int> { first...(first + Int(range)) }
    var offsets: [Int] { members.map { $0 - first } }

    /// Cuts `cics` into runs of consecutive codes of at most 32 circuits. A run of one circuit stays a run of one
    /// (range 0) unless `minimumRange` is 1: range 0 is reserved in CGB and CGU (Q.763 §3.43), so the span then takes
    /// in the next CIC (the previous one at 4095) with its status bit 0.
    static func spans(_ cics: [Int], minimumRange: UInt8 = 0) -> [GroupSpan] {
        var spans = [GroupSpan]()
        var run = [Int]()
        func close() {
            guard let first = run.first else { return }
            if run.count == 1 && minimumRange > 0 {
                let start = first < 0x0FFF ? first : first - 1
                spans.append(GroupSpan(first: start, range: 1, members: run))
            } else {
                spans.append(GroupSpan(first: first, range: UInt8(run.count - 1), members: run))
            }
            run = []
        }
        for cic in Set(cics).sorted() {
            if let last = run.last, last + 1 != cic || run.count == maximumCircuits { close() }
            run.append(cic)
        }
        close()
        return spans
    }
}
