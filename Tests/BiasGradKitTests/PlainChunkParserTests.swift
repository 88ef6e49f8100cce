import BiasGradTestSupport
import Testing

@testable import BiasGradKit

/// One record as a parser reports it, with its bytes copied out of the chunk.
private struct Reported: Equatable, CustomStringConvertible {
    var line: Int
    var raw: [UInt8]
    var fieldCount: Int
    var prediction: ParsedNumber?
    var target: ParsedNumber?
    var hasUnterminatedQuote: Bool

    init(_ record: CSVRecord) {
        line = record.line
        raw = Array(record.raw)
        fieldCount = record.fieldCount
        prediction = record.prediction
        target = record.target
        hasUnterminatedQuote = record.hasUnterminatedQuote
    }

    init(
        line: Int, _ raw: String, fields: Int, _ prediction: ParsedNumber?,
        _ target: ParsedNumber?
    ) {
        self.line = line
        self.raw = Array(raw.utf8)
        fieldCount = fields
        self.prediction = prediction
        self.target = target
        hasUnterminatedQuote = false
    }

    var description: String {
        let text = String(decoding: raw, as: UTF8.self).debugDescription
        return "line \(line) \(text) fields \(fieldCount) \(String(describing: prediction)) "
            + String(describing: target)
    }
}

/// What a parser made of one chunk: its records and the line count it returned.
private struct Report: Equatable {
    var records: [Reported] = []
    var lines = 0
}

/// How a parse is set up; `stopAfter` makes `visit` return false at that record.
private struct Setup: CustomStringConvertible {
    var delimiter = UInt8(ascii: ",")
    var fields = SelectedFields(prediction: 0, target: 1)
    var isEndOfInput = true
    var stopAfter: Int?

    var description: String {
        "delimiter \(delimiter) fields \(fields) end \(isEndOfInput) stop "
            + String(describing: stopAfter)
    }
}

private func plainReport(_ bytes: [UInt8], _ setup: Setup = Setup()) -> Report {
    let parser = PlainChunkParser(delimiter: setup.delimiter, fields: setup.fields)
    var report = Report()
    report.lines = bytes.withUnsafeBytes { buffer in
        parser.parse(buffer, firstLine: 1, isEndOfInput: setup.isEndOfInput) { record in
            report.records.append(Reported(record))
            return report.records.count != setup.stopAfter
        }
    }
    return report
}

private func libcsvReport(_ bytes: [UInt8], _ setup: Setup = Setup()) -> Report {
    let parser = CSVChunkParser(delimiter: setup.delimiter, fields: setup.fields)
    var report = Report()
    report.lines = bytes.withUnsafeBytes { buffer in
        parser.parse(buffer, firstLine: 1, isEndOfInput: setup.isEndOfInput) { record in
            report.records.append(Reported(record))
            return report.records.count != setup.stopAfter
        }
    }
    return report
}

/// Random quote-free text built from pieces that meet every rule of the grammar: numbers
/// well formed or nearly so, blanks, every candidate delimiter, letters, line ends and NUL.
private func randomQuoteFreeText(_ generator: inout SplitMix64, delimiter: UInt8) -> [UInt8] {
    let pieces: [String] = [
        "0", "1", "7", "42", "0.5", ".25", "1.", "-3.75", "+2", "1e5", "2.5E-3", "1e+2", "1e",
        "1e-", "-", "+", ".", "..", "1.2.3", "0.08378506405691515", "0.12345678901234567",
        "12345678901234567890123", "0.000000000000000000001", "1e400", "1e-400", "9007199254740993",
        "4.9406564584124654e-324", " ", "  ", "\t", "\t ", "a", "x", "nan", "inf", "e", "E", ",",
        ";", "|", "\t", " ", "\r", "\n", "\r\n", "\n\n", "\0",
    ]
    var text: [UInt8] = []
    let count = Int(generator.next() % 40)
    for _ in 0..<count {
        if generator.next() % 4 == 0 {
            text.append(delimiter)
        } else {
            text += Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8)
        }
    }
    return text
}

@Suite struct PlainChunkParserTests {
    static let delimiters: [UInt8] = Array(",;|\t .e5-".utf8)

    @Test(arguments: delimiters)
    func agreesWithLibcsvOnRandomQuoteFreeText(delimiter: UInt8) {
        var generator = SplitMix64(seed: 0x5EED + UInt64(delimiter))
        let fieldChoices = [(0, 1), (1, 0), (0, 0), (2, 0), (1, 3)]
        for round in 0..<3000 {
            let text = randomQuoteFreeText(&generator, delimiter: delimiter)
            let (prediction, target) = fieldChoices[round % fieldChoices.count]
            let setup = Setup(
                delimiter: delimiter,
                fields: SelectedFields(prediction: prediction, target: target),
                isEndOfInput: round % 3 != 0, stopAfter: round % 7 == 0 ? 2 : nil)
            let plain = plainReport(text, setup)
            let libcsv = libcsvReport(text, setup)
            let shown = String(decoding: text, as: UTF8.self).debugDescription
            #expect(plain == libcsv, "\(setup) \(shown)")
            if plain != libcsv { return }
        }
    }

    @Test func readsTheSelectedNumbersOfEachLine() {
        // Values by hand: 0.5 and 1, then 0.25 and 0 with the columns swapped round.
        let report = plainReport(Array("y_hat,y\n0.5,1\n0.25,0\n".utf8))
        #expect(report.records == [
            Reported(line: 1, "y_hat,y", fields: 2, .notANumber, .notANumber),
            Reported(line: 2, "0.5,1", fields: 2, .value(0.5), .value(1)),
            Reported(line: 3, "0.25,0", fields: 2, .value(0.25), .value(0)),
        ])
        #expect(report.lines == 3)
    }

    @Test func blankAndWhitespaceOnlyLinesAreNoRecordsButStillCountAsLines() {
        let report = plainReport(Array("\n  \n\t \t\n0.5,1\n \n".utf8))
        #expect(report.records == [Reported(line: 4, "0.5,1", fields: 2, .value(0.5), .value(1))])
        #expect(report.lines == 5)
    }

    @Test func aTabDelimitedLineOfTabsIsARecordOfEmptyFields() {
        let setup = Setup(delimiter: UInt8(ascii: "\t"))
        let report = plainReport(Array("\t\t\n   \n 0.5 \t 1 \n".utf8), setup)
        #expect(report.records == [
            Reported(line: 1, "\t\t", fields: 3, .notANumber, .notANumber),
            Reported(line: 3, " 0.5 \t 1 ", fields: 2, .value(0.5), .value(1)),
        ])
    }

    @Test func aTrailingDelimiterAddsAnEmptyField() {
        let report = plainReport(Array("0.5,1,\n0.5,\n,\n".utf8))
        #expect(report.records == [
            Reported(line: 1, "0.5,1,", fields: 3, .value(0.5), .value(1)),
            Reported(line: 2, "0.5,", fields: 2, .value(0.5), .notANumber),
            Reported(line: 3, ",", fields: 2, .notANumber, .notANumber),
        ])
    }

    @Test func aShortLineLacksItsFieldsAndALongOneCountsThemAll() {
        let setup = Setup(fields: SelectedFields(prediction: 1, target: 2))
        let report = plainReport(Array("0.5\n1,2,3,4,,6\n".utf8), setup)
        #expect(report.records == [
            Reported(line: 1, "0.5", fields: 1, nil, nil),
            Reported(line: 2, "1,2,3,4,,6", fields: 6, .value(2), .value(3)),
        ])
    }

    @Test func aMissingFinalNewlineEndsTheLastRecordOnlyAtTheEndOfInput() {
        let text = Array("0.5,1\n0.25,0".utf8)
        let atEnd = plainReport(text)
        #expect(atEnd.records.map(\.line) == [1, 2])
        #expect(atEnd.records.last?.raw == Array("0.25,0".utf8))
        #expect(atEnd.lines == 2)

        let before = plainReport(text, Setup(isEndOfInput: false))
        #expect(before.records.map(\.line) == [1])
        #expect(before.lines == 2)
    }

    @Test func carriageReturnsAloneAndBeforeLineFeedsEndOneLineEach() {
        let report = plainReport(Array("0.1,0\r0.2,1\r\n\r0.3,0\r".utf8))
        #expect(report.records == [
            Reported(line: 1, "0.1,0", fields: 2, .value(0.1), .value(0)),
            Reported(line: 2, "0.2,1", fields: 2, .value(0.2), .value(1)),
            Reported(line: 4, "0.3,0", fields: 2, .value(0.3), .value(0)),
        ])
        #expect(report.lines == 4)
    }

    @Test func stoppingAtARecordCountsLinesUpToIt() {
        let report = plainReport(Array("\n0.5,1\n\n0.25,0\n".utf8), Setup(stopAfter: 1))
        #expect(report.records.map(\.line) == [2])
        #expect(report.lines == 2)
    }

    @Test func blanksAroundNumbersAreIgnoredAndOtherBytesAreNot() {
        let report = plainReport(Array(" 0.5 ,\t-2e1\t\n0.5x,1 1\n".utf8))
        #expect(report.records.map(\.prediction) == [.value(0.5), .notANumber])
        #expect(report.records.map(\.target) == [.value(-20), .notANumber])
    }

    @Test func aDelimiterNumbersAreWrittenWithStillSplitsFields() {
        // With "." as the delimiter, "0.5.1" is the fields "0", "5" and "1".
        let setup = Setup(
            delimiter: UInt8(ascii: "."), fields: SelectedFields(prediction: 1, target: 2))
        let report = plainReport(Array("0.5.1\n".utf8), setup)
        #expect(report.records == [Reported(line: 1, "0.5.1", fields: 3, .value(5), .value(1))])
    }

    @Test func anEmptyChunkHasNoLines() {
        let report = plainReport([])
        #expect(report.records.isEmpty)
        #expect(report.lines == 0)
    }
}
