@testable import BiasGradKit
import FuzzSupport

/// One record as a parser reported it, with its bytes copied out of the chunk.
struct ReportedRecord: Equatable, CustomStringConvertible {
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

    var description: String {
        let open = hasUnterminatedQuote ? " unterminated" : ""
        return "line \(line) \(shown(raw)) fields \(fieldCount) "
            + "\(String(describing: prediction)) \(String(describing: target))\(open)"
    }
}

/// What a parser made of some bytes: the records it reported and the line count it returned.
struct ParseReport: Equatable, CustomStringConvertible {
    var records: [ReportedRecord] = []
    var lines = 0

    /// Parses `bytes` whole with `parser`, numbering lines from `firstLine`; with
    /// `stopAfter`, `visit` returns false at that 0-based record.
    init<Parser: ChunkRecordParser>(
        _ parser: Parser, _ bytes: UnsafeRawBufferPointer, firstLine: Int = 1,
        isEndOfInput: Bool, stopAfter: Int? = nil
    ) {
        var records: [ReportedRecord] = []
        lines = parser.parse(bytes, firstLine: firstLine, isEndOfInput: isEndOfInput) {
            records.append(ReportedRecord($0))
            return records.count - 1 != stopAfter
        }
        self.records = records
    }

    init(_ parser: some ChunkRecordParser, _ bytes: [UInt8], isEndOfInput: Bool) {
        self = bytes.withUnsafeBytes { ParseReport(parser, $0, isEndOfInput: isEndOfInput) }
    }

    init() {}

    /// Appends the report of the bytes that follow.
    mutating func append(_ next: ParseReport) {
        records += next.records
        lines += next.lines
    }

    var description: String {
        (["\(lines) lines, \(records.count) records"] + records.map(\.description))
            .joined(separator: "\n  ")
    }
}

/// Aborts with both reports when they differ.
func expectSame(_ found: ParseReport, _ expected: ParseReport, _ what: String) {
    guard found != expected else { return }
    propertyFailed("\(what)\nfound: \(found)\nexpected: \(expected)")
}
