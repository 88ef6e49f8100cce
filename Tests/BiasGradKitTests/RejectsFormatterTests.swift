import BiasGradKit
import CLibCSV
import Testing

/// Expected rows are what Python's `csv.writer` prints for `file`, `line`, `column` and
/// `reason`, followed by the record quoted in full; each was read back with `csv.reader`.
@Suite struct RejectsFormatterTests {
    static func row(
        file: String, line: Int, column: Int?, reason: String, raw: [UInt8]
    ) -> ByteBuffer {
        let buffer = ByteBuffer()
        raw.withUnsafeBytes { bytes in
            RejectsFormatter.appendRecord(
                file: file, line: line, column: column, reason: reason, raw: bytes, to: buffer)
        }
        return buffer
    }

    @Test func headerNamesTheColumns() {
        #expect(RejectsFormatter.header == "file,line,column,reason,record\n")
    }

    @Test func quotesTheRecordAlways() {
        let buffer = Self.row(
            file: "data.csv", line: 7, column: 2, reason: "not a number: 'abc'",
            raw: Array("0.5,abc".utf8))
        #expect(buffer.string == "data.csv,7,2,not a number: 'abc',\"0.5,abc\"\n")
    }

    @Test func leavesTheColumnEmptyWhenThereIsNone() {
        let buffer = Self.row(
            file: "in, with comma.csv", line: 3, column: nil, reason: "expected 2 fields, found 3",
            raw: Array("1,0,9".utf8))
        #expect(
            buffer.string == "\"in, with comma.csv\",3,,\"expected 2 fields, found 3\",\"1,0,9\"\n")
    }

    @Test func doublesQuotesInTheReasonAndTheRecord() {
        let buffer = Self.row(
            file: "data.csv", line: 12, column: 1,
            reason: "the value \"2.5\" is outside [0, 1]; if the file holds logits, "
                + "use --input logits",
            raw: Array("\"2.5\",1".utf8))
        let expected =
            "data.csv,12,1,\"the value \"\"2.5\"\" is outside [0, 1]; if the file holds "
            + "logits, use --input logits\",\"\"\"2.5\"\",1\"\n"
        #expect(buffer.string == expected)
    }

    @Test func keepsLineBreaksInsideTheRecord() {
        let buffer = Self.row(
            file: "data.csv", line: 20, column: 2, reason: "not a number",
            raw: Array("\"multi\r\nline \"\"quoted\"\"\",x".utf8))
        let expected =
            "data.csv,20,2,not a number,\"\"\"multi\r\nline \"\"\"\"quoted\"\"\"\"\"\",x\"\n"
        #expect(buffer.string == expected)
    }

    @Test func writesAnEmptyRecordAsTwoQuotes() {
        let buffer = Self.row(
            file: "data.csv", line: 21, column: nil, reason: "empty record", raw: [])
        #expect(buffer.string == "data.csv,21,,empty record,\"\"\n")
    }

    @Test func aCSVReaderGetsTheRawBytesBack() {
        let raw: [UInt8] = Array("\"a, \"\"b\"\"\"\r\n\tc\"".utf8) + [0xFF, 0x00, 0xFE, 0x0A]
        let buffer = Self.row(file: "bytes.csv", line: 1, column: nil, reason: "odd", raw: raw)

        let fields = buffer.withBytes(LibCSVFields.parse)

        #expect(fields == [Array("bytes.csv".utf8), Array("1".utf8), [], Array("odd".utf8), raw])
    }
}

/// The fields of CSV text as libcsv reads them in strict mode.
private final class LibCSVFields {
    typealias FieldCallback =
        @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void

    var fields: [[UInt8]] = []

    static func parse(_ text: UnsafeRawBufferPointer) -> [[UInt8]] {
        let collector = LibCSVFields()
        var parser = csv_parser()
        csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
        defer { csv_free(&parser) }

        let context = Unmanaged.passUnretained(collector).toOpaque()
        let onField: FieldCallback = { field, length, context in
            let collector = Unmanaged<LibCSVFields>.fromOpaque(context!).takeUnretainedValue()
            collector.fields.append(Array(UnsafeRawBufferPointer(start: field, count: length)))
        }
        let parsed = csv_parse(&parser, text.baseAddress, text.count, onField, nil, context)
        #expect(parsed == text.count)
        #expect(csv_fini(&parser, onField, nil, context) == 0)
        return collector.fields
    }
}
