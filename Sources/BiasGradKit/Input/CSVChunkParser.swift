import CLibCSV
import Foundation

/// Parses the records of one chunk with libcsv, keeping count of physical lines.
///
/// libcsv does not report positions, so the chunk is fed one physical line at a time: a
/// record that starts while the parser is between records starts on the line being fed,
/// and since every line ends with one terminator, at most one record ends per call.
/// This is the only file that talks to libcsv.
struct CSVChunkParser {
    private let delimiter: UInt8
    private let fields: SelectedFields

    init(delimiter: UInt8, fields: SelectedFields) {
        self.delimiter = delimiter
        self.fields = fields
    }

    /// Calls `visit` for each record in `bytes`, in order, until it returns false.
    ///
    /// - Parameters:
    ///   - bytes: whole records, starting at a record boundary.
    ///   - firstLine: the line number of the first byte.
    ///   - isEndOfInput: whether a record left open at the end is the file's last one.
    /// - Returns: the number of physical lines in `bytes`.
    @discardableResult
    func parse(
        _ bytes: UnsafeRawBufferPointer, firstLine: Int, isEndOfInput: Bool,
        visit: (CSVRecord) -> Bool
    ) -> Int {
        var session = LibCSVSession(delimiter: delimiter)
        defer { session.close() }
        var assembler = RecordAssembler(fields: fields)
        var lines = PhysicalLines(bytes)
        var line = firstLine
        var recordStart = 0
        var recordLine = firstLine

        while let range = lines.next() {
            if session.isBetweenRecords {
                recordStart = range.lowerBound
                recordLine = line
            }
            session.feed(UnsafeRawBufferPointer(rebasing: bytes[range]), into: &assembler)
            line += 1
            guard assembler.takeEndedRecord() else { continue }

            let raw = rawRecord(bytes, from: recordStart, to: range.upperBound)
            if !visit(assembler.record(line: recordLine, raw: raw, open: false)) {
                return line - firstLine
            }
            assembler.reset()
        }

        guard isEndOfInput else { return line - firstLine }
        let open = session.isInsideQuotedField
        session.finish(into: &assembler)
        if assembler.takeEndedRecord() {
            let raw = rawRecord(bytes, from: recordStart, to: bytes.count)
            _ = visit(assembler.record(line: recordLine, raw: raw, open: open))
        }
        return line - firstLine
    }

    /// The text of every field of one record, for messages and header names.
    func fieldTexts(of record: UnsafeRawBufferPointer) -> [String] {
        var session = LibCSVSession(delimiter: delimiter)
        defer { session.close() }
        var assembler = RecordAssembler(fields: fields)
        assembler.collectsTexts = true
        session.feed(record, into: &assembler)
        session.finish(into: &assembler)
        return assembler.texts
    }

    private func rawRecord(
        _ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int
    ) -> UnsafeRawBufferPointer {
        var end = end
        while end > start, bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }
}

/// Collects the fields of the record libcsv is reporting through its callbacks.
struct RecordAssembler {
    let fields: SelectedFields
    var collectsTexts = false
    var texts: [String] = []
    private var fieldCount = 0
    private var prediction: ParsedNumber?
    private var target: ParsedNumber?
    private var recordEnded = false

    init(fields: SelectedFields) {
        self.fields = fields
    }

    mutating func addField(_ start: UnsafeRawPointer?, _ length: Int) {
        if fieldCount == fields.prediction || fieldCount == fields.target {
            let parsed = start.map {
                NumberParser.parse($0.assumingMemoryBound(to: UInt8.self), count: length)
            } ?? .notANumber
            if fieldCount == fields.prediction { prediction = parsed }
            if fieldCount == fields.target { target = parsed }
        }
        if collectsTexts {
            let bytes = UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : length)
            texts.append(String(decoding: bytes, as: UTF8.self))
        }
        fieldCount += 1
    }

    mutating func endRecord() {
        recordEnded = true
    }

    /// True once per record that libcsv has ended.
    mutating func takeEndedRecord() -> Bool {
        defer { recordEnded = false }
        return recordEnded
    }

    func record(line: Int, raw: UnsafeRawBufferPointer, open: Bool) -> CSVRecord {
        CSVRecord(
            line: line, raw: raw, fieldCount: fieldCount, prediction: prediction,
            target: target, hasUnterminatedQuote: open)
    }

    mutating func reset() {
        fieldCount = 0
        prediction = nil
        target = nil
    }
}

/// Owns one libcsv parser and bridges its callbacks to a `RecordAssembler`.
private struct LibCSVSession {
    // libcsv's parser states, which its header does not export.
    private static let rowNotBegun: Int32 = 0
    private static let fieldBegun: Int32 = 2

    private var parser = csv_parser()

    init(delimiter: UInt8) {
        csv_init(&parser, 0)
        csv_set_delim(&parser, delimiter)
    }

    var isBetweenRecords: Bool { parser.pstate == Self.rowNotBegun }

    var isInsideQuotedField: Bool { parser.pstate == Self.fieldBegun && parser.quoted != 0 }

    mutating func feed(_ bytes: UnsafeRawBufferPointer, into assembler: inout RecordAssembler) {
        withUnsafeMutablePointer(to: &assembler) { context in
            _ = csv_parse(&parser, bytes.baseAddress, bytes.count, fieldEnded, recordEnded, context)
        }
    }

    mutating func finish(into assembler: inout RecordAssembler) {
        withUnsafeMutablePointer(to: &assembler) { context in
            _ = csv_fini(&parser, fieldEnded, recordEnded, context)
        }
    }

    mutating func close() {
        csv_free(&parser)
    }
}

private func fieldEnded(
    _ start: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?
) {
    context!.assumingMemoryBound(to: RecordAssembler.self).pointee
        .addField(UnsafeRawPointer(start), length)
}

private func recordEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context!.assumingMemoryBound(to: RecordAssembler.self).pointee.endRecord()
}
