import Foundation
import Testing

import BiasGradTestSupport

/// Bad input of the catalogue that is about whole files: empty ones, ones that are not
/// regular files, ones that cannot be opened or read, encodings, and a huge field.
extension BadInputCatalogueTests {
    static let recordlessInputs = [
        "", "y_hat,y\n", "y_hat,y", "\n\r\n  \n", "\u{FEFF}", "\u{FEFF}y_hat,y\r\n",
    ]

    @Test(arguments: recordlessInputs)
    func anInputWithoutDataRecordsIsNamedAndHasNoResult(text: String) throws {
        let folder = TemporaryDirectory()
        let input = folder.write("empty.csv", text)
        let message = "no data records in '\(input)': there is no result"
        expectFailure(try BinaryRunner.run([input]), status: 65, message: message)

        // Skipping changes nothing; the rejects file is made, holding its header alone, as
        // SPEC says it is made even when empty.
        let rejects = folder.file("rejects.csv")
        let skipped = try BinaryRunner.run([input, "--on-invalid", "skip", "--rejects", rejects])
        expectFailure(skipped, status: 65, message: message)
        #expect(folder.read("rejects.csv") == "file,line,column,reason,record\n")
    }

    @Test func severalInputsWithoutRecordsAreCounted() throws {
        let folder = TemporaryDirectory()
        let first = folder.write("a.csv", "")
        let second = folder.write("b.csv", "y_hat,y\n")
        expectFailure(
            try BinaryRunner.run([first, second]), status: 65,
            message: "no data records in any of the 2 inputs: there is no result")
        expectFailure(
            try BinaryRunner.run(["-"], input: ""), status: 65,
            message: "no data records in standard input: there is no result")
    }

    @Test func aFolderCannotBeOpenedAsAnInput() throws {
        let folder = TemporaryDirectory()
        expectFailure(
            try BinaryRunner.run([folder.path]), status: 66,
            message: "cannot open input '\(folder.path)': it is a folder, not a file")
        // Standard input redirected from a folder opens, but reading it fails.
        expectFailure(
            try BinaryRunner.run(["-"], standardInputPath: folder.path), status: 74,
            message: "I/O error on '<stdin>': Is a directory")
    }

    @Test func aFIFOIsReadLikeAFile() throws {
        let folder = TemporaryDirectory()
        let fifo = folder.file("rows.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = "y_hat,y\n0.5,1\n\nabc,0\n"
        let writer = Thread { Self.writeWhenOpened(fifo, text) }
        writer.start()
        let result = try BinaryRunner.run([fifo, "--chunk-bytes", "3", "--workers", "2"])
        // The blank line 3 counts, so the bad row is line 4.
        expectFailure(
            result, status: 65, message: "\(fifo):4: column 1 (y_hat) holds 'abc': not a number")
    }

    /// Writes `text` into a FIFO once its reader has opened it, giving up after ten seconds,
    /// so that a run that never opens it cannot hang the test.
    private static func writeWhenOpened(_ fifo: String, _ text: String) {
        for _ in 0..<1000 {
            let descriptor = open(fifo, O_WRONLY | O_NONBLOCK)
            if descriptor < 0 {
                usleep(10_000)
                continue
            }
            _ = fcntl(descriptor, F_SETFL, 0)
            var bytes = Array(text.utf8)
            _ = write(descriptor, &bytes, bytes.count)
            close(descriptor)
            return
        }
    }

    @Test func aMissingInputFailsTheRunBeforeAnyIsRead() throws {
        let folder = TemporaryDirectory()
        let good = folder.write("good.csv", "y_hat,y\n0.5,1\n")
        let missing = folder.file("missing.csv")
        let message = "cannot open input '\(missing)': No such file or directory"
        expectFailure(try BinaryRunner.run([missing]), status: 66, message: message)
        expectFailure(
            try BinaryRunner.run([good, missing, "--per-sample", "-"]), status: 66,
            message: message)
    }

    @Test func anUnreadableInputCannotBeOpened() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("secret.csv", "y_hat,y\n0.5,1\n")
        #expect(chmod(input, 0) == 0)
        // The superuser reads any file, so as root the run is made as nobody, who may
        // enter the folder but not read the file.
        var launcher: [String] = []
        if geteuid() == 0 {
            #expect(chmod(folder.path, 0o755) == 0)
            launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        expectFailure(
            try BinaryRunner.run([input], launcher: launcher), status: 66,
            message: "cannot open input '\(input)': Permission denied")
    }

    @Test func aReadThatFailsIsAnIOError() throws {
        // Reading the process's own memory at offset 0, which nothing maps, fails with EIO.
        expectFailure(
            try BinaryRunner.run(["/proc/self/mem"]), status: 74,
            message: "I/O error on '/proc/self/mem': Input/output error")
    }

    @Test func invalidUTF8InAHeaderIsShownAsAReplacementCharacter() throws {
        let folder = TemporaryDirectory()
        let header = Array("y_h".utf8) + [0xFF] + Array("at,y\n".utf8)
        let input = folder.write("header.csv", bytes: header + Array("0.5,1\n".utf8))
        // The name is not y_hat, so only the target's name is known.
        expectFailure(
            try BinaryRunner.run([input]), status: 64,
            message: "'\(input)' has a column 'y' but no prediction column; name it with "
                + "--prediction-column; the header has 'y_h\u{FFFD}at', 'y'")

        var item = BadRecordCase.framed(
            "named", bad: "abc,0", fault: "column 1 (y_h\u{FFFD}at) holds 'abc': not a number",
            column: 1)
        item.bytes = header + item.bytes.drop { $0 != 10 }.dropFirst()
        item.arguments = ["--prediction-column", "1"]
        try check(item)
    }

    @Test func aByteOrderMarkStartsTheFirstLineOnly() throws {
        var named = BadRecordCase.framed(
            "header", bad: "abc,0", fault: "column 1 (y_hat) holds 'abc': not a number",
            column: 1)
        named.bytes = [0xEF, 0xBB, 0xBF] + named.bytes
        try check(named)

        let headerless = BadRecordCase(
            name: "no header", bytes: Array("\u{FEFF}0.5,1\nabc,0\n".utf8),
            message: "2: column 1 holds 'abc': not a number",
            rejectsRows: [rejectsRow(
                line: 2, column: 1, reason: "column 1 holds 'abc': not a number",
                record: Array("abc,0".utf8))],
            samples: 1, records: 2, mean: -0.125)
        try check(headerless)

        // Files joined with cat: the second one's mark and header are a bad row, and the
        // mark is shown escaped, not invisible.
        try check(.framed(
            "joined", bad: "\u{FEFF}y_hat,y",
            fault: "column 1 (y_hat) holds '\\u{feff}y_hat': not a number", column: 1))
    }

    @Test(arguments: [[0xFF, 0xFE], [0xFE, 0xFF]] as [[UInt8]])
    func aUTF16FileSaysHowToConvertIt(mark: [UInt8]) throws {
        let folder = TemporaryDirectory()
        let text: [UInt8] = "y_hat,y\n0.5,1\n".utf8.flatMap { [$0, 0] as [UInt8] }
        let input = folder.write("utf16.csv", bytes: mark + text)
        let message = "'\(input)' starts with a UTF-16 byte-order mark, but biasgrad reads "
            + "UTF-8: convert it first, e.g. with iconv -f UTF-16 -t UTF-8"
        expectFailure(try BinaryRunner.run([input]), status: 65, message: message)
        expectFailure(
            try BinaryRunner.run([input, "--on-invalid", "skip"]), status: 65, message: message)
    }

    @Test func aHundredMegabyteFieldIsReadInBoundedMemory() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("wide.csv")
        let fieldBytes = 100_000_000
        folder.write("wide.csv", "y_hat,note,y\n0.5,")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        let block = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for start in stride(from: 0, to: fieldBytes, by: block.count) {
            handle.write(block.prefix(min(block.count, fieldBytes - start)))
        }
        handle.write(Data(",1\n0.25,n,0\n".utf8))
        try handle.close()

        let result = try BinaryRunner.run([path, "--workers", "2"])
        #expect(result.status == 0, "\(result.standardError)")
        // -0.125 and 0.046875, as in the framed cases.
        #expect(jsonNumber("db", in: result.standardOutput) == -0.0390625)

        // The largest peak of any child this test process has waited for, in KiB: the
        // run holds the record a few times over at most, never the whole input again and
        // again. A sanitizer build (Scripts/sanitize says which) keeps freed memory in
        // quarantine and shadows every byte, so it gets more room.
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let isSanitized = ProcessInfo.processInfo.environment["BIASGRAD_SANITIZER"] != nil
        #expect(usage.ru_maxrss < (isSanitized ? 1536 : 600) * 1024)
    }

    @Test func twoFileInputsCountLinesInEachFile() throws {
        let folder = TemporaryDirectory()
        let predictions = folder.write("p.txt", "0.5\n\nnan\r\n0.25")
        let targets = folder.write("t.txt", "1\r0\r\r1\r")
        let arguments = ["--predictions", predictions, "--targets", targets]
        expectFailure(
            try BinaryRunner.run(arguments), status: 65,
            message: "\(predictions):3: the prediction holds 'nan': not a number")

        // Good pairs: 0.5 and 1 give -0.125; 0.25 and 1 give ((0.25 - 1) * 0.25) * 0.75 =
        // -0.140625; their mean is -0.1328125.
        let rejects = folder.file("rejects.csv")
        let result = try BinaryRunner.run(
            arguments + ["--on-invalid", "skip", "--rejects", rejects])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(jsonNumber("db", in: result.standardOutput) == -0.1328125)
        #expect(folder.read("rejects.csv") == "file,line,column,reason,record\n"
            + "\(predictions),3,,the prediction holds 'nan': not a number,\"nan\"\n")
    }
}
