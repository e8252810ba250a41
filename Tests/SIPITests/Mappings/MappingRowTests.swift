import SIPI
import Testing

/// Every row of every shipped CSV against `Independent` (the documents), in both directions: no row without an
/// expectation, no expectation without its row.
@Suite struct MappingRowTests {
    @Test func theShippedMappingsLoad() throws {
        #expect(MappingsFixture.files.count == Mappings.fileNames.count, "a Mappings/ file is missing")
        _ = try MappingsFixture.loaded.get()
    }

    /// A shipped table as `Independent.Key` → value, failing on a key given twice.
    private static func walk<Key, Value, Expected: Equatable>(
        _ rows: [TableRow<ProfileKey<Key>, Value>], _ expected: [Independent.Key: Expected],
        key: (Key) -> (key: String, condition: String), value: (Value) -> Expected
    ) {
        var seen = Set<Independent.Key>()
        for row in rows {
            let parts = row.key.key.map(key)
            let id = Independent.Key(profile: row.key.profile, key: parts?.key, condition: parts?.condition ?? "")
            seen.insert(id)
            #expect(expected[id] != nil, "\(row.source): \(id) has no independent source in Independent")
            if let want = expected[id] { #expect(value(row.value) == want, "\(row.source): \(id)") }
        }
        for id in expected.keys where !seen.contains(id) { Issue.record("no row for \(id)") }
    }

    @Test func isupCauseToSIPStatus() throws {
        let mappings = try #require(MappingsFixture.mappings)
        Self.walk(mappings.causeToStatus.rows, Independent.causeToStatus,
                  key: { ("\($0.cause)", $0.condition.description) },
                  value: { (outcome: ISUPCauseToSIPStatus.Outcome) -> Independent.CauseOutcome in
                      switch outcome {
                      case .status(let code): .status(code)
                      case .releaseDialog: .releaseDialog
                      case .retryCircuit: .retryCircuit
                      }
                  })
    }

    @Test func sipStatusToISUPCause() throws {
        let mappings = try #require(MappingsFixture.mappings)
        Self.walk(mappings.statusToCause.rows, Independent.statusToCause, key: { ("\($0)", "") }, value: { $0 })
    }

    @Test func sipRequestToISUPCause() throws {
        let mappings = try #require(MappingsFixture.mappings)
        Self.walk(mappings.requestToCause.rows, Independent.requestToCause, key: { ($0, "") }, value: { $0 })
    }

    @Test func generatedCauseLocation() throws {
        let mappings = try #require(MappingsFixture.mappings)
        Self.walk(mappings.generatedLocation.rows, Independent.generatedLocation, key: { ("\($0)xx", "") }, value: { $0 })
    }

    @Test func causePrecedence() throws {
        let mappings = try #require(MappingsFixture.mappings)
        #expect(mappings.precedence.rows.count == Independent.precedence.count)
        for row in mappings.precedence.rows {
            #expect(row.value.map(\.rawValue) == Independent.precedence[row.key], "\(row.source)")
        }
    }

    @Test func sipReasonPhrases() throws {
        let mappings = try #require(MappingsFixture.mappings)
        #expect(Set(mappings.reasonPhrases.rows.map(\.key)) == Set(Independent.reasonPhrases.keys))
        for row in mappings.reasonPhrases.rows {
            #expect(row.value == Independent.reasonPhrases[row.key], "\(row.source)")
        }
    }

    @Test(arguments: Independent.table13)
    func table13Row(_ expected: Independent.Table13Row) throws {
        let table = try #require(MappingsFixture.mappings).fictitiousDistrictCodes
        let row = try #require(table.table[expected.row], "no Table 13 row \(expected.row)")
        #expect(Set(row.value.fictitiousCodes) == expected.fictitious)
        #expect(row.value.fictitiousCodes.count == expected.fictitious.count)
        #expect(row.value.districtCodes.count == expected.districtCount)
        #expect(row.value.districtCodes.contains(expected.district))
        #expect(table.row(forNationalNumber: expected.district + "123456")?.key == expected.row)
        for code in expected.fictitious { #expect(table.row(forFictitiousDCM: code + "12")?.key == expected.row) }
    }

    @Test func table13HasTheEightRowsOnly() throws {
        let table = try #require(MappingsFixture.mappings).fictitiousDistrictCodes
        #expect(table.table.rows.map(\.key) == Independent.table13.map(\.row))
        // st769-3 §12.2: 232 district codes and 40 fictitious codes in all.
        #expect(table.table.rows.map(\.value.districtCodes.count).reduce(0, +) == 232)
        #expect(table.table.rows.map(\.value.fictitiousCodes.count).reduce(0, +) == 40)
    }

    /// Every row cites a clause, and the citation names a document the row can be checked against.
    @Test func everyRowCitesItsSource() throws {
        let mappings = try #require(MappingsFixture.mappings)
        let sources: [RowSource] = mappings.profiles.profiles.rows.map(\.source) + mappings.causeToStatus.rows.map(\.source)
            + mappings.statusToCause.rows.map(\.source) + mappings.requestToCause.rows.map(\.source)
            + mappings.generatedLocation.rows.map(\.source) + mappings.precedence.rows.map(\.source)
            + mappings.reasonPhrases.rows.map(\.source) + mappings.fictitiousDistrictCodes.table.rows.map(\.source)
        let documents = ["RFC ", "ST 769", "OpenSIPS", "Oracle", "Q.1912.5"]
        for source in sources {
            #expect(documents.contains { source.citation.contains($0) }, "\(source): \(source.citation)")
        }
    }
}
