import Foundation
import Testing

import BiasGradTestSupport

/// Bad input of the catalogue that is about records and lines, bytes and encodings.
extension BadInputCatalogueTests {
    static let lineEnds = ["\n", "\r\n", "\r"]

    @Test(arguments: lineEnds)
    func lineNumbersCountEveryLineEndBlankLineAndQuotedNewline(end: String) throws {
        // Line 1 the header; 2-3 a record with a quoted line end; 4 and 5 blank; 6 bad; 7;
        // 8-10 a record with two quoted line ends; 11 bad; 12 without a final line end.
        let text = "y_hat,note,y\(end)0.5,\"a\(end)b\",1\(end)\(end)  \(end)abc,x,0\(end)"
            + "0.25,y,0\(end)0.75,\"c\(end)\(end)d\",1\(end)oops,z,1\(end)0.125,w,0"
        // Good rows: -0.125, 0.046875, ((0.75 - 1) * 0.75) * 0.25 = -0.046875 and
        // (0.125 * 0.125) * 0.875 = 0.013671875; their sum is -0.111328125, over 4.
        let item = BadRecordCase(
            name: "line ends", bytes: Array(text.utf8),
            message: "6: column 1 (y_hat) holds 'abc': not a number",
            rejectsRows: [
                rejectsRow(line: 6, column: 1, reason: "column 1 (y_hat) holds 'abc': not a number",
                    record: Array("abc,x,0".utf8)),
                rejectsRow(line: 11, column: 1,
                    reason: "column 1 (y_hat) holds 'oops': not a number",
                    record: Array("oops,z,1".utf8)),
            ],
            samples: 4, records: 6, mean: -0.02783203125)
        try check(item, stopChunkings: lineChunkingsForStop, skipChunkings: lineChunkingsForSkip)
    }

    @Test func mixedLineEndsEachEndOneLine() throws {
        // CRLF ends line 1, a lone CR line 2, CRLF the blank line 3, LF the bad line 4.
        let text = "y_hat,y\r\n0.5,1\r\r\nabc,0\n0.25,0\r"
        let reason = "column 1 (y_hat) holds 'abc': not a number"
        let item = BadRecordCase(
            name: "mixed", bytes: Array(text.utf8), message: "4: " + reason,
            rejectsRows: [rejectsRow(line: 4, column: 1, reason: reason,
                record: Array("abc,0".utf8))],
            samples: 2, records: 3, mean: -0.0390625)
        try check(item, stopChunkings: lineChunkingsForStop, skipChunkings: lineChunkingsForSkip)
    }

    @Test func aQuotedNewlineAcrossAChunkCutKeepsTheLinesAfterIt() throws {
        // Line 1 the header; 2-4 one record; 5; 6-7 a bad record whose field holds a line
        // feed; 8; 9 bad.
        let text = "y_hat,note,y\n0.5,\"a\nb\nc\",1\n0.25,x,0\n\"q\nr\",y,1\n0.75,z,1\n"
            + "oops,w,0\n"
        let first = "column 1 (y_hat) holds 'q\\nr': not a number"
        let second = "column 1 (y_hat) holds 'oops': not a number"
        // Good rows: -0.125, 0.046875 and -0.046875; the exact sum -0.125 is divided by 3
        // and rounded once, as IEEE division does.
        let item = BadRecordCase(
            name: "quoted newline", bytes: Array(text.utf8), message: "6: " + first,
            rejectsRows: [
                rejectsRow(line: 6, column: 1, reason: first,
                    record: Array("\"q\nr\",y,1".utf8)),
                rejectsRow(line: 9, column: 1, reason: second, record: Array("oops,w,0".utf8)),
            ],
            samples: 3, records: 5, mean: -0.125 / 3)
        let moreCuts = lineChunkingsForStop + [("16", "2"), ("16", "8")]
        try check(item, stopChunkings: moreCuts, skipChunkings: lineChunkingsForSkip)
    }

    static let unterminatedQuotes: [(text: String, record: String)] = [
        ("y_hat,y\n0.5,1\n\"0.25,0\n0.75,1\n", "\"0.25,0\n0.75,1"),
        ("y_hat,y\n0.5,1\n0.25,\"0", "0.25,\"0"),
    ]

    @Test(arguments: unterminatedQuotes)
    func aQuoteLeftOpenAtTheEndMakesItsRecordInvalid(text: String, record: String) throws {
        // The open record starts on line 3 and runs to the end of the input, its last line
        // end left out; the one good row gives -0.125.
        let reason = "a quoted field opened in this record is never closed"
        let item = BadRecordCase(
            name: "open quote", bytes: Array(text.utf8), message: "3: " + reason,
            rejectsRows: [rejectsRow(line: 3, column: nil, reason: reason,
                record: Array(record.utf8))],
            samples: 1, records: 2, mean: -0.125)
        try check(item, stopChunkings: lineChunkingsForStop, skipChunkings: lineChunkingsForSkip)
    }

    @Test func aMissingFinalNewlineLosesNothing() throws {
        let folder = TemporaryDirectory()
        for text in ["y_hat,y\n0.5,1\n0.25,0", "y_hat,y\r0.5,1\r0.25,0"] {
            let input = folder.write("last.csv", text)
            for (chunk, workers) in lineChunkingsForStop {
                let result = try BinaryRunner.run(
                    [input, "--chunk-bytes", chunk, "--workers", workers])
                #expect(result.status == 0, "\(result.standardError)")
                // -0.125 and 0.046875: the last line counts.
                #expect(jsonNumber("db", in: result.standardOutput) == -0.0390625)
            }
        }
    }

    static let cutLastLines: [(text: String, reason: String, record: String)] = [
        ("0.5,", "column 2 (y): the field is empty", "0.5,"),
        ("0.2", "column 2 (y): the field is missing: the record has 1 field", "0.2"),
        ("0.", "column 2 (y): the field is missing: the record has 1 field", "0."),
    ]

    @Test(arguments: cutLastLines)
    func aLastLineCutShortIsInvalidWhenItLacksAField(
        text: String, reason: String, record: String
    ) throws {
        let item = BadRecordCase(
            name: text, bytes: Array("y_hat,y\n0.5,1\n\(text)".utf8), message: "3: " + reason,
            rejectsRows: [rejectsRow(line: 3, column: 2, reason: reason,
                record: Array(record.utf8))],
            samples: 1, records: 2, mean: -0.125)
        try check(item, stopChunkings: lineChunkingsForStop, skipChunkings: lineChunkingsForSkip)
    }

    @Test func nulBytesAreShownEscapedAndKeptInTheRejects() throws {
        try check(.framed(
            "nul", bad: "0.\u{0}5,0", fault: "column 1 (y_hat) holds '0.\\u{0}5': not a number",
            column: 1))
        try check(.framed(
            "nuls", bad: "\u{0}\u{0}\u{0},0",
            fault: "column 1 (y_hat) holds '\\u{0}\\u{0}\\u{0}': not a number", column: 1))

        let folder = TemporaryDirectory()
        let input = folder.write("note.csv", "y_hat,note,y\n0.5,a\u{0}b,1\n")
        let result = try BinaryRunner.run([input])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(jsonNumber("db", in: result.standardOutput) == -0.125)
    }

    @Test func binaryBytesAreShownAsReplacementCharactersAndShortened() throws {
        // 64 lone UTF-8 continuation bytes: each shows as U+FFFD; the first 60 are shown.
        let garbage = Array(UInt8(0x80)...UInt8(0xBF))
        let shown = String(repeating: "\u{FFFD}", count: 60) + "..."
        try check(.framed(
            "garbage", bad: garbage + Array(",0".utf8),
            fault: "column 1 (y_hat) holds '\(shown)': not a number", column: 1))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomBytesEndTheRunWithOneLine(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let bytes = (0..<65536).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let folder = TemporaryDirectory()
        let input = folder.write("random.bin", bytes: bytes)
        for policy in ["stop", "skip"] {
            let result = try BinaryRunner.run([input, "--on-invalid", policy])
            // A usage error when the first line happens to read as a header without the
            // columns, else bad data; never a crash, and always one line.
            #expect([64, 65].contains(result.status), "\(policy) \(result.status)")
            #expect(result.standardError.hasPrefix("biasgrad: "))
            #expect(result.standardError.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test func aLongFieldIsShortenedInTheMessageButWholeInTheRejects() throws {
        let field = String(repeating: "a", count: 1000)
        let shown = String(repeating: "a", count: 60) + "..."
        try check(.framed(
            "long", bad: field + ",0", fault: "column 1 (y_hat) holds '\(shown)': not a number",
            column: 1))
    }

    @Test func invalidUTF8InAFieldShowsAsAReplacementCharacter() throws {
        try check(.framed(
            "invalid UTF-8", bad: Array("0.".utf8) + [0xFF] + Array(",0".utf8),
            fault: "column 1 (y_hat) holds '0.\u{FFFD}': not a number", column: 1))
    }
}
