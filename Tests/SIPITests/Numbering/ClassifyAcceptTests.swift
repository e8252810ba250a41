import SIPI
import Testing

/// Numbers ST 769 accepts at the NNI, each with the kind and fields read by hand off the layouts of the digests
/// (st769-1 §3, §5.1; st769-2 §2.1, §6; st769-3 §14.2). The row id is the digest's case id.
@Suite struct ClassifyAcceptTests {
    enum Form: Sendable {
        /// SIP URI user part, "+39…".
        case sip
        /// ISUP digits with NAI 4 (international), "39…".
        case isupInternational
        /// ISUP digits with NAI 3 (national, TDM side), no "39".
        case isupNational
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let id: String
        let input: String
        let form: Form
        let kind: NumberKind
        let fields: KeyValuePairs<String, String>
        var testDescription: String { "\(id) \(input)" }

        init(_ id: String, _ input: String, _ kind: NumberKind, _ fields: KeyValuePairs<String, String>, form: Form = .sip) {
            self.id = id
            self.input = input
            self.form = form
            self.kind = kind
            self.fields = fields
        }
    }

    static let wlrMaximum = "1012300" + "442079460000123"  // 10XYZ + 00 + 15 digits = 22 (T14b)
    static let foreign15 = "441234567890123"

    static let rows: [Row] = [
        Row("T1", "+390636881", .national, ["number": "0636881"]),
        Row("T2", "+39C60065432", .fixedPortability, ["block": "065432"]),
        Row("T3", "+39C99011113", .areaRouted, ["areaCode": "011", "serviceCode": "113"]),
        Row("T4", "+39C9906113", .areaRouted, ["areaCode": "06", "serviceCode": "113"]),
        Row("T5", "+39C97061129234", .emergencyNUE, ["areaCode": "06", "nueCode": "112", "separator": "9", "opIdOrig": "234"]),
        Row("T6", "+39C9703311189567", .emergencyNUE,
            ["areaCode": "0331", "nueCode": "118", "separator": "9", "opIdOrig": "567"]),
        Row("T7", "+39C970111129234", .emergencyNUE, ["areaCode": "011", "nueCode": "112", "separator": "9", "opIdOrig": "234"]),
        Row("T8", "+39C80345800123456", .operatorRouted, ["opId": "345", "selection": "800123456"]),
        Row("T9", "+390180345800123456", .operatorRoutedAlternative, ["opId": "345", "selection": "800123456"]),
        Row("T10", "+39C82456894123", .massCalling, ["opId": "456", "selection": "894123"]),
        Row("T10", "+39C8245689412345", .massCalling, ["opId": "456", "selection": "89412345"]),
        Row("T11", "+39C705677021234567", .internetPerMinute, ["opId": "567", "selection": "7021234567"]),
        Row("T11", "+39C725677021234567", .internetFlatRate, ["opId": "567", "selection": "7021234567"]),
        Row("T12", "+39C506785512345678", .nomadicResolved, ["opId": "678", "number": "5512345678"]),
        Row("T12", "+39C596785512345678", .nomadicToResolve, ["opId": "678", "number": "5512345678"]),
        Row("T13", "+39C127890212345678", .wholesaleLineRental, ["opId": "789", "selection": "0212345678"]),
        Row("T14", "+39C12789105500442079460000", .wholesaleLineRental, ["opId": "789", "selection": "105500442079460000"]),
        Row("T14b", "+39C12789" + wlrMaximum, .wholesaleLineRental, ["opId": "789", "selection": wlrMaximum]),
        Row("T15", "+39C98301186234", .serviceWithOrigin, ["opId": "301", "serviceCode": "186", "opIdOrig": "234"]),
        Row("T16", "+3910550212345678", .carrierSelection, ["carrierCode": "1055", "number": "0212345678"]),
        Row("T17", "+391010000" + foreign15, .carrierSelection, ["carrierCode": "10100", "number": "00" + foreign15]),
        Row("T18", "+39C10550212345678", .carrierPreselection, ["carrierCode": "55", "number": "0212345678"]),
        Row("T19", "+39C1010000" + foreign15, .carrierPreselection, ["carrierCode": "100", "number": "00" + foreign15]),
        Row("T20", "+39C11550212345678", .carrierSelectionDistrict, ["carrierCode": "55", "number": "0212345678"]),
        Row("T21", "+3914820612345678", .privateNetworkAccess, ["accessCode": "1482", "destination": "0612345678"]),
        Row("T22", "+393823351234567", .mobilePortability, ["mnpCode": "382", "msn": "3351234567"]),
        Row("T23", "+39382335123456", .mobilePortability, ["mnpCode": "382", "msn": "335123456"]),
        Row("T24", "+393351234567", .national, ["number": "3351234567"]),
        Row("T25", "+390612345678", .national, ["number": "0612345678"]),
        Row("NNI-16", "+44555666", .international, ["number": "44555666"]),
        Row("NNI-22", "+39C594565512345678", .nomadicToResolve, ["opId": "456", "number": "5512345678"]),
        Row("NNI-23", "+39C504565512345678", .nomadicResolved, ["opId": "456", "number": "5512345678"]),
        Row("GEN-02", "+39C594025512345678", .nomadicToResolve, ["opId": "402", "number": "5512345678"]),
        Row("GEN-02", "39C594025512345678", .nomadicToResolve, ["opId": "402", "number": "5512345678"], form: .isupInternational),
        Row("GEN-03", "+39C12705" + Fixtures.digits(22), .wholesaleLineRental, ["opId": "705", "selection": Fixtures.digits(22)]),
        Row("NP0-02", "+39C600651230612345678", .fixedPortability, ["block": "065123", "directoryNumber": "0612345678"]),
        Row("NP0-05", "+39C600325120287654321", .fixedPortability, ["block": "032512", "directoryNumber": "0287654321"]),
        Row("MNP-01", "+393913351234567", .mobilePortability, ["mnpCode": "391", "msn": "3351234567"]),
        Row("MNP-02", "+393923351234567", .mobilePortability, ["mnpCode": "392", "msn": "3351234567"]),
        Row("MNP-07", "+39393351234567", .voiceMailAccess, ["vmsCode": "393", "digits": "351234567"]),
        Row("MNP-08", "+393953351234567", .voiceMailAccess, ["vmsCode": "395", "digits": "3351234567"]),
        Row("MNP-11", "+3910553351234567", .carrierSelection, ["carrierCode": "1055", "number": "3351234567"]),
        Row("N55-03", "+39C505035512345678", .nomadicResolved, ["opId": "503", "number": "5512345678"]),
        Row("N55-09", "+395512345678", .national, ["number": "5512345678"]),
        Row("NG-01", "+39C80301800123456", .operatorRouted, ["opId": "301", "selection": "800123456"]),
        Row("NG-01", "+390180301800123456", .operatorRoutedAlternative, ["opId": "301", "selection": "800123456"]),
        Row("NG-02", "+39C80503199123456", .operatorRouted, ["opId": "503", "selection": "199123456"]),
        Row("NG-03", "+39C82301894123", .massCalling, ["opId": "301", "selection": "894123"]),
        Row("NG-04", "+39C703017021234567", .internetPerMinute, ["opId": "301", "selection": "7021234567"]),
        Row("NG-04", "+39C723017021234567", .internetFlatRate, ["opId": "301", "selection": "7021234567"]),
        Row("NG-05", "+39C98301186402", .serviceWithOrigin, ["opId": "301", "serviceCode": "186", "opIdOrig": "402"]),
        Row("CS-01", "+3910550612345678", .carrierSelection, ["carrierCode": "1055", "number": "0612345678"]),
        Row("CS-02", "+3910123" + "00" + foreign15, .carrierSelection, ["carrierCode": "10123", "number": "00" + foreign15]),
        Row("CS-04", "+39C10550612345678", .carrierPreselection, ["carrierCode": "55", "number": "0612345678"]),
        Row("CS-05", "+39101230612345678", .carrierSelection, ["carrierCode": "10123", "number": "0612345678"]),
        Row("CS-06", "+39C11550612345678", .carrierSelectionDistrict, ["carrierCode": "55", "number": "0612345678"]),
        Row("RPV-01", "+39148212345", .privateNetworkAccess, ["accessCode": "1482", "destination": "12345"]),
        Row("WLR-01", "+39C127050612345678", .wholesaleLineRental, ["opId": "705", "selection": "0612345678"]),
        Row("WLR-02", "+39C127050999", .wholesaleLineRental, ["opId": "705", "selection": "0999"]),
        Row("WLR-04", "+39C12705105500441234567890", .wholesaleLineRental, ["opId": "705", "selection": "105500441234567890"]),
        Row("EM-01", "+39C97061129402", .emergencyNUE, ["areaCode": "06", "nueCode": "112", "separator": "9", "opIdOrig": "402"]),
        Row("EM-02", "+39C9703311129402", .emergencyNUE,
            ["areaCode": "0331", "nueCode": "112", "separator": "9", "opIdOrig": "402"]),
        Row("EM-03", "+39C99011115", .areaRouted, ["areaCode": "011", "serviceCode": "115"]),
        Row("EM-04", "+39C9906112", .areaRouted, ["areaCode": "06", "serviceCode": "112"]),
        Row("EM-06", "+39C97061319402", .emergencyNUE, ["areaCode": "06", "nueCode": "131", "separator": "9", "opIdOrig": "402"]),
        Row("TR-01", "39C600651230612345678", .fixedPortability, ["block": "065123", "directoryNumber": "0612345678"], form: .isupInternational),
        Row("TR-02", "393923351234567", .mobilePortability, ["mnpCode": "392", "msn": "3351234567"], form: .isupInternational),
        Row("TR-04", "39C9703311129402", .emergencyNUE, ["areaCode": "0331", "nueCode": "112", "separator": "9", "opIdOrig": "402"], form: .isupInternational),
        Row("TR-05", "390180301800123456", .operatorRoutedAlternative, ["opId": "301", "selection": "800123456"], form: .isupInternational),
        Row("T8", "C80345800123456", .operatorRouted, ["opId": "345", "selection": "800123456"], form: .isupNational),
        Row("GEN-01", "0612345678", .national, ["number": "0612345678"], form: .isupNational),
    ]

    static func classify(_ row: Row, plan: NumberingPlan = Fixtures.plan) throws(NumberingError) -> ClassifiedNumber {
        switch row.form {
        case .sip: try plan.classify(userPart: row.input)
        case .isupInternational: try plan.classify(internationalDigits: row.input)
        case .isupNational: try plan.classify(nationalDigits: row.input)
        }
    }

    @Test(arguments: rows)
    func accepted(_ row: Row) throws {
        let number = try Self.classify(row)
        #expect(number.kind == row.kind)
        #expect(number.fields.map(\.name) == row.fields.map(\.key))
        #expect(number.fields.map(\.value) == row.fields.map(\.value))
        // The fields and the prefix rebuild the digits: nothing is dropped or invented.
        let national = number.digits.dropFirst(number.kind == .international ? 0 : 2)
        #expect(national.hasSuffix(number.fields.map(\.value).joined()))
    }

    /// The global digits are the same whichever side the number came from (R-GEN-3, R-GEN-4).
    @Test(arguments: rows.filter { $0.form == .sip && $0.kind != .international })
    func sameNumberInEveryForm(_ row: Row) throws {
        let sip = try Self.classify(row)
        let international = try Fixtures.plan.classify(internationalDigits: row.input.dropFirst())
        let national = try Fixtures.plan.classify(nationalDigits: row.input.dropFirst(3))
        #expect(sip.digits == String(row.input.dropFirst()))
        #expect(international == sip)
        #expect(national == sip)
        #expect(sip.userPart == row.input)
    }
}
