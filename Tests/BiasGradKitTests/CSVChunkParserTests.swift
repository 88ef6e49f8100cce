import Testing

@testable import BiasGradKit

/// The records of `text` as (line, field count, prediction, target, raw text).
private func records(
    _ text: String, delimiter: Character = ",",
    fields: SelectedFields = .init(prediction: 0, target: 1)
) -> (rows: [(Int, Int, ParsedNumber?, ParsedNumber?, String, Bool)], lines: Int) {
    let parser = CSVChunkParser(delimiter: delimiter.asciiValue!, fields: fields)
    var rows: [(Int, Int, ParsedNumber?, ParsedNumber?, String, Bool)] = []
    let bytes = Array(text.utf8)
    let lines = bytes.withUnsafeBytes { buffer in
        parser.parse(buffer, firstLine: 1, isEndOfInput: true) { record in
            let raw = String(decoding: record.raw, as: UTF8.self)
            rows.append((
                record.line, record.fieldCount, record.prediction, record.target, raw,
                record.hasUnterminatedQuote
            ))
            return true
        }
    }
    return (rows, lines)
}

@Suite struct CSVChunkParserTests {
    @Test func recordsCarryTheLineTheyStartOn() {
        let (rows, lines) = records("y_hat,y\r\n0.5,1\r\n\r\n\"0.25\",0\n")
        #expect(rows.map(\.0) == [1, 2, 4])
        #expect(rows[1].2 == .value(0.5))
        #expect(rows[2].2 == .value(0.25))
        #expect(rows[2].4 == "\"0.25\",0")
        #expect(lines == 4)
    }

    @Test func aQuotedNewlineKeepsTheRecordOnItsFirstLine() {
        let (rows, lines) = records("\"note\nmore\",x\n0.5,1\n")
        #expect(rows.map(\.0) == [1, 3])
        #expect(rows[0].4 == "\"note\nmore\",x")
        #expect(lines == 3)
    }

    @Test func carriageReturnsAloneEndLines() {
        let (rows, lines) = records("0.1,0\r0.2,1\r\r0.3,0")
        #expect(rows.map(\.0) == [1, 2, 4])
        #expect(rows.map(\.3) == [.value(0), .value(1), .value(0)])
        #expect(lines == 4)
    }

    @Test func blankAndSpaceOnlyLinesAreNotRecords() {
        let (rows, _) = records("\n   \n\t\n0.5,1\n")
        #expect(rows.map(\.0) == [4])
    }

    @Test func shortRecordsLackTheirFields() {
        let (rows, _) = records("0.5\n0.5,1,extra,\n", fields: .init(prediction: 0, target: 1))
        #expect(rows[0].1 == 1)
        #expect(rows[0].3 == nil)
        #expect(rows[1].1 == 4)
        #expect(rows[1].3 == .value(1))
    }

    @Test func anUnterminatedQuoteAtTheEndIsFlagged() {
        let (rows, _) = records("0.5,1\n\"0.25,0\n")
        #expect(rows.count == 2)
        #expect(rows[1].5)
        #expect(!rows[0].5)
    }

    @Test func spacesAroundNumbersAndOtherDelimitersWork() {
        let (rows, _) = records(" 0.5 ; 1 \n", delimiter: ";")
        #expect(rows[0].2 == .value(0.5))
        #expect(rows[0].3 == .value(1))
    }

    @Test func fieldTextsUndoQuoting() {
        let parser = CSVChunkParser(delimiter: 44, fields: .init(prediction: 0, target: 1))
        let raw = Array("\"a \"\"b\"\", c\",d".utf8)
        let texts = raw.withUnsafeBytes { parser.fieldTexts(of: $0) }
        #expect(texts == ["a \"b\", c", "d"])
    }
}
