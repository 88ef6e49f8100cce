import BiasGradTestSupport
import CLibCSV
import Testing

@testable import BiasGradKit

/// The record ends libcsv itself reports, found by feeding it one byte at a time: the
/// offsets just past a line terminator after which its parser is between records.
private func libcsvBoundaries(_ bytes: [UInt8], delimiter: UInt8) -> [Int] {
    var parser = csv_parser()
    csv_init(&parser, 0)
    csv_set_delim(&parser, delimiter)
    defer { csv_free(&parser) }
    var ends: [Int] = []
    for (index, byte) in bytes.enumerated() {
        var single = byte
        _ = csv_parse(&parser, &single, 1, nil, nil, nil)
        let isTerminator = byte == 10 || byte == 13
        if isTerminator && parser.pstate == 0 { ends.append(index + 1) }
    }
    return ends
}

/// The last boundary a cut may use in the first `length` bytes, by the scanner's contract:
/// a CR followed by an LF is not a cut point, the LF after it is.
private func expectedLastBoundary(_ bytes: [UInt8], ends: [Int], length: Int) -> Int? {
    ends.last { end in
        end <= length && !(bytes[end - 1] == 13 && end < length && bytes[end] == 10)
    }
}

@Suite struct RecordBoundaryScannerTests {
    @Test func quotedNewlineDoesNotEndARecord() {
        let text = Array("a,\"b\nc\"\nd,e\n\"x".utf8)
        let scanner = RecordBoundaryScanner(delimiter: UInt8(ascii: ","))
        let boundary = text.withUnsafeBytes { scanner.lastBoundary(in: $0, isEndOfInput: false) }
        // The records are `a,"b\nc"` (8 bytes with its newline) and `d,e` (4 more); the
        // quoted field at the end is still open.
        #expect(boundary == 12)
    }

    @Test func carriageReturnAtTheEndWaitsForWhatFollows() {
        let scanner = RecordBoundaryScanner(delimiter: UInt8(ascii: ","))
        let text = Array("1,2\r3,4\r".utf8)
        let open = text.withUnsafeBytes { scanner.lastBoundary(in: $0, isEndOfInput: false) }
        let closed = text.withUnsafeBytes { scanner.lastBoundary(in: $0, isEndOfInput: true) }
        #expect(open == 4)
        #expect(closed == 8)
    }

    @Test func noTerminatorMeansNoBoundary() {
        let scanner = RecordBoundaryScanner(delimiter: UInt8(ascii: ","))
        let text = Array("0.5,1".utf8)
        #expect(text.withUnsafeBytes { scanner.lastBoundary(in: $0, isEndOfInput: false) } == nil)
    }

    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")])
    func agreesWithLibcsvOnRandomInput(delimiter: UInt8) {
        let alphabet: [UInt8] = [
            UInt8(ascii: "a"), UInt8(ascii: "1"), delimiter, UInt8(ascii: ","),
            UInt8(ascii: "\""), UInt8(ascii: " "), 9, 10, 13,
        ]
        var generator = SplitMix64(seed: 42 + UInt64(delimiter))
        let scanner = RecordBoundaryScanner(delimiter: delimiter)
        for _ in 0..<400 {
            let length = Int(generator.next() % 40) + 1
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % 9)] }
            let ends = libcsvBoundaries(bytes, delimiter: delimiter)
            for prefix in 1...length {
                let found = bytes.withUnsafeBytes {
                    scanner.lastBoundary(
                        in: UnsafeRawBufferPointer(rebasing: $0[..<prefix]), isEndOfInput: true)
                }
                let expected = expectedLastBoundary(bytes, ends: ends, length: prefix)
                #expect(found == expected, "input \(bytes) prefix \(prefix)")
            }
        }
    }
}
