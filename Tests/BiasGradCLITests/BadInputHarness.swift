import Foundation
import Testing

import BiasGradTestSupport

/// A CSV input with bad records, and what biasgrad must say about them: the stopping
/// message, and with `--on-invalid skip` the counts, the result and the rejects rows.
struct BadRecordCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var arguments: [String] = []

    /// The stopping message after `biasgrad: PATH:`, such as
    /// `3: column 1 (y_hat) holds 'abc': not a number`.
    var message: String

    /// Each rejects row after `PATH,`, without its newline.
    var rejectsRows: [[UInt8]]

    var samples: Int
    var records: Int

    /// The mean of the valid rows' gradients, worked out in the case.
    var mean: Double

    var testDescription: String { name }

    /// A bad line as line 3 of `y_hat,y`, `0.5,1`, BAD, `0.25,0`.
    ///
    /// The two good rows give, by SPEC's mse and sigmoid formula `((y_hat - y) * y_hat) *
    /// (1 - y_hat)`, -0.125 and 0.046875, so their mean is -0.0390625.
    ///
    /// - Parameters:
    ///   - fault: the message after `PATH:3: `.
    ///   - column: the rejects file's column, nil for a fault of the whole record.
    static func framed(
        _ name: String, bad: [UInt8], fault: String, column: Int?, delimiter: String = ","
    ) -> BadRecordCase {
        let head = Array("y_hat\(delimiter)y\n0.5\(delimiter)1\n".utf8)
        let tail = Array("\n0.25\(delimiter)0\n".utf8)
        return BadRecordCase(
            name: name, bytes: head + bad + tail, message: "3: " + fault,
            rejectsRows: [rejectsRow(line: 3, column: column, reason: fault, record: bad)],
            samples: 2, records: 3, mean: -0.0390625)
    }

    /// `framed` for a bad line written as text.
    static func framed(
        _ name: String, bad: String, fault: String, column: Int?, delimiter: String = ","
    ) -> BadRecordCase {
        framed(name, bad: Array(bad.utf8), fault: fault, column: column, delimiter: delimiter)
    }
}

/// A rejects row after its file name, by the README's rules: `line`, `column` (empty for
/// the whole record), the reason (the message without its file and line), and the record's
/// bytes, quoted the RFC 4180 way; the reason is quoted only when it needs it.
func rejectsRow(line: Int, column: Int?, reason: String, record: [UInt8]) -> [UInt8] {
    let place = "\(line),\(column.map(String.init) ?? ""),"
    return Array(place.utf8) + csvField(Array(reason.utf8), always: false) + [44]
        + csvField(record, always: true)
}

/// One RFC 4180 field: wrapped in double quotes, each inner quote doubled; unwrapped when
/// `always` is false and it holds no comma, quote, CR or LF.
func csvField(_ bytes: [UInt8], always: Bool) -> [UInt8] {
    let special: Set<UInt8> = [44, 34, 13, 10]
    guard always || bytes.contains(where: special.contains) else { return bytes }
    return [34] + bytes.flatMap { $0 == 34 ? [34, 34] : [$0] } + [34]
}

/// The chunk sizes and worker counts a case is run with by default: one chunk on one
/// worker, and a record per chunk across eight workers; skipping in chunks cut inside
/// records on two.
let chunkingsForStop: [(chunk: String, workers: String)] = [("2M", "1"), ("1", "8")]
let chunkingsForSkip: [(chunk: String, workers: String)] = [("7", "2")]

/// The chunkings for the entries about lines: a record per chunk on one and on eight
/// workers, cuts inside records and quoted fields on two and on eight, and one chunk.
let lineChunkingsForStop: [(chunk: String, workers: String)] = [
    ("1", "1"), ("1", "8"), ("3", "2"), ("8", "8"), ("2M", "1"),
]
let lineChunkingsForSkip: [(chunk: String, workers: String)] = [
    ("1", "8"), ("3", "2"), ("2M", "1"),
]

/// Runs `item` as a stopping run and as a skipping run, with each chunking given, and
/// checks everything it says.
func check(
    _ item: BadRecordCase, stopChunkings: [(chunk: String, workers: String)] = chunkingsForStop,
    skipChunkings: [(chunk: String, workers: String)] = chunkingsForSkip,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let folder = TemporaryDirectory()
    let input = folder.write("input.csv", bytes: item.bytes)
    for (chunk, workers) in stopChunkings {
        let tuning = ["--chunk-bytes", chunk, "--workers", workers]
        let result = try BinaryRunner.run([input] + item.arguments + tuning)
        #expect(result.status == 65, "\(tuning)", sourceLocation: sourceLocation)
        #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
        #expect(
            result.standardError == "biasgrad: \(input):\(item.message)\n", "\(tuning)",
            sourceLocation: sourceLocation)
    }

    let rejects = folder.file("rejects.csv")
    var expected = Array("file,line,column,reason,record\n".utf8)
    for row in item.rejectsRows { expected += Array("\(input),".utf8) + row + [10] }
    for (chunk, workers) in skipChunkings {
        let tuning = ["--chunk-bytes", chunk, "--workers", workers]
        let result = try BinaryRunner.run(
            [input, "--on-invalid", "skip", "--rejects", rejects] + item.arguments + tuning)
        #expect(result.status == 0, "\(tuning) \(result.standardError)",
            sourceLocation: sourceLocation)
        let summary = result.standardOutput
        #expect(jsonNumber("samples", in: summary) == Double(item.samples),
            sourceLocation: sourceLocation)
        #expect(jsonNumber("invalid_rows", in: summary) == Double(item.rejectsRows.count),
            sourceLocation: sourceLocation)
        #expect(jsonNumber("records", in: summary) == Double(item.records),
            sourceLocation: sourceLocation)
        #expect(jsonNumber("mean", in: summary)?.bitPattern == item.mean.bitPattern,
            sourceLocation: sourceLocation)
        let written = FileManager.default.contents(atPath: rejects).map { Array($0) }
        #expect(written == expected, "\(tuning)", sourceLocation: sourceLocation)
    }
}

/// What a run that cannot start, or that fails as a whole, must say: the status and the
/// one line on stderr, with no summary.
func expectFailure(
    _ result: BinaryResult, status: Int32, message: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, sourceLocation: sourceLocation)
    #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
    #expect(result.standardError == "biasgrad: \(message)\n", sourceLocation: sourceLocation)
}
