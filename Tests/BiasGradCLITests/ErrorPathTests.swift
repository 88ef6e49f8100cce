import Foundation
import Testing

import BiasGradTestSupport

@Suite struct ErrorPathTests {
    static let badRows = "y_hat,y\n0.5,1\nabc,0\n1.7,1\n0.2\n"

    @Test func theFirstInvalidRowStopsTheRunWithItsPlace() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("bad.csv", Self.badRows)
        let result = try BinaryRunner.run([input])
        #expect(result.status == 65)
        #expect(result.standardOutput.isEmpty)
        let expected = "biasgrad: \(input):3: column 1 (y_hat) holds 'abc': not a number\n"
        #expect(result.standardError == expected)
    }

    @Test func aValueOutsideTheRangeSuggestsLogits() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("logits.csv", "y_hat,y\n0.5,1\n1.7,1\n")
        let result = try BinaryRunner.run([input])
        #expect(result.status == 65)
        #expect(result.standardError.contains("\(input):3: column 1 (y_hat) holds '1.7'"))
        #expect(result.standardError.contains("--input logits"))
    }

    @Test func skippedRowsAreCountedAndWrittenToTheRejectsFile() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("bad.csv", Self.badRows)
        let rejects = folder.file("rejects.csv")
        let result = try BinaryRunner.run([input, "--on-invalid", "skip", "--rejects", rejects])
        #expect(result.status == 0, "\(result.standardError)")
        // One valid sample: y_hat 0.5, y 1, so g = ((0.5 - 1) * 0.5) * (1 - 0.5) = -0.125.
        #expect(jsonNumber("db", in: result.standardOutput) == -0.125)
        #expect(result.standardOutput.contains("\"invalid_rows\": 3"))
        #expect(result.standardOutput.contains("\"samples\": 1"))
        let lines = folder.read("rejects.csv")!.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "file,line,column,reason,record")
        #expect(lines[1] == "\(input),3,1,column 1 (y_hat) holds 'abc': not a number,\"abc,0\"")
        #expect(lines[2].hasPrefix("\(input),4,1,"))
        #expect(lines[3].hasPrefix("\(input),5,2,"))
        #expect(lines[3].hasSuffix(",\"0.2\""))
    }

    @Test func theRejectsFileIsCreatedEvenWhenEmpty() throws {
        let folder = TemporaryDirectory()
        let rejects = folder.file("rejects.csv")
        let result = try BinaryRunner.run([
            Fixtures.sample("seed.csv"), "--on-invalid", "skip", "--rejects", rejects,
        ])
        #expect(result.status == 0)
        #expect(folder.read("rejects.csv") == "file,line,column,reason,record\n")
    }

    @Test func theFirstErrorInTheInputWinsWhateverTheWorkers() throws {
        let folder = TemporaryDirectory()
        var text = "y_hat,y\n"
        for row in 1...2000 {
            text += row == 500 ? "oops,1\n" : row == 900 ? "2.5,0\n" : "0.25,1\n"
        }
        let input = folder.write("late.csv", text)
        for workers in ["1", "2", "8"] {
            let result = try BinaryRunner.run([input, "--workers", workers, "--chunk-bytes", "16"])
            #expect(result.status == 65)
            // Row 500 is line 501: the header is line 1.
            #expect(result.standardError.contains("late.csv:501: column 1 (y_hat) holds 'oops'"))
        }
    }

    @Test func onlyOneWellKnownColumnNameIsAUsageError() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("one.csv", "y_hat,score\n0.5,1\n")
        let result = try BinaryRunner.run([input])
        #expect(result.status == 64)
        #expect(result.standardError.contains("'y_hat', 'score'"))
    }

    @Test func aMissingInputExitsWith66() throws {
        let result = try BinaryRunner.run(["/nonexistent/input.csv"])
        #expect(result.status == 66)
        #expect(result.standardError.contains("/nonexistent/input.csv"))
    }

    @Test func anOutputInAMissingFolderExitsWith73() throws {
        let result = try BinaryRunner.run([
            Fixtures.sample("seed.csv"), "--output", "/nonexistent/folder/summary.json",
        ])
        #expect(result.status == 73)
    }

    @Test func aFailedRunLeavesTheOutputsAsTheyWere() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("bad.csv", Self.badRows)
        folder.write("summary.json", "previous\n")
        let result = try BinaryRunner.run([
            input, "--output", folder.file("summary.json"), "--per-sample", folder.file("per.csv"),
        ])
        #expect(result.status == 65)
        #expect(folder.read("summary.json") == "previous\n")
        #expect(folder.listing() == ["bad.csv", "summary.json"])
    }

    @Test func twoFilesOfDifferentLengthsSayBothCounts() throws {
        let folder = TemporaryDirectory()
        let predictions = folder.write("p.txt", "0.5\n\n0.25\n0.75\n")
        let targets = folder.write("t.txt", "1\n0\n")
        let result = try BinaryRunner.run(["--predictions", predictions, "--targets", targets])
        #expect(result.status == 65)
        #expect(result.standardError.contains("has 3 values"))
        #expect(result.standardError.contains("has 2"))
    }

    @Test(arguments: ["", "y_hat,y\n", "\n\n  \n"])
    func anInputWithoutDataHasNoResult(text: String) throws {
        let folder = TemporaryDirectory()
        let result = try BinaryRunner.run([folder.write("empty.csv", text)])
        #expect(result.status == 65)
        #expect(result.standardError.contains("no result"))
    }

    @Test func anOverflowingSumIsReportedNotInfinite() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("big.csv", "1e308,0\n1e308,0\n")
        let mean = try BinaryRunner.run([input, "--activation", "linear"])
        #expect(mean.status == 0)
        #expect(mean.standardOutput.contains("\"sum\": null"))
        #expect(mean.standardOutput.contains("\"sum_overflow\": true"))
        // Linear mse: g = y_hat - y = 1e308 for both rows, so the exact mean is 1e308.
        #expect(jsonNumber("db", in: mean.standardOutput) == 1e308)
        #expect(mean.standardError.contains("warning"))

        let sum = try BinaryRunner.run([input, "--activation", "linear", "--reduction", "sum"])
        #expect(sum.status == 65)
        #expect(sum.standardOutput.isEmpty)
    }

    @Test func anUnknownOptionSuggestsTheNearestName() throws {
        let result = try BinaryRunner.run([Fixtures.sample("seed.csv"), "--activaton", "relu"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--activation"))
    }

    @Test func anUnterminatedQuoteAtTheEndIsABadRow() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("open.csv", "y_hat,y\n0.5,1\n\"0.25,0\n")
        let result = try BinaryRunner.run([input])
        #expect(result.status == 65)
        #expect(result.standardError.contains("open.csv:3:"))
        #expect(result.standardError.contains("never closed"))
    }

    @Test func controlCharactersInAFieldKeepTheMessageOnOneLine() throws {
        let folder = TemporaryDirectory()
        let text = "y_hat,y\n\"a\nb\",1\n0.5\u{0},0\n"
        let input = folder.write("nl.csv", bytes: Array(text.utf8))
        let result = try BinaryRunner.run([input])
        #expect(result.status == 65)
        let expected = "biasgrad: \(input):2: column 1 (y_hat) holds 'a\\nb': not a number\n"
        #expect(result.standardError == expected)

        let skipped = try BinaryRunner.run([
            input, "--on-invalid", "skip", "--rejects", "/dev/null",
        ])
        #expect(skipped.status == 65)
        #expect(skipped.standardError.contains("none of the 2 data records"))
    }

    @Test func aFullDeviceIsAnIOError() throws {
        let result = try BinaryRunner.run([
            Fixtures.sample("outputs-100k.csv"), "--per-sample", "/dev/full", "--quiet",
        ])
        #expect(result.status == 74)
        #expect(result.standardError.contains("/dev/full"))
    }

    @Test func whenNoRowIsValidTheRejectsFileStillSaysWhy() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("logits.csv", "y_hat,y\n1.5,1\n2.5,0\n")
        let rejects = folder.file("rejects.csv")
        let result = try BinaryRunner.run([input, "--on-invalid", "skip", "--rejects", rejects])
        #expect(result.status == 65)
        #expect(result.standardError.contains("the first: \(input):2: column 1 (y_hat)"))
        #expect(folder.read("rejects.csv")?.split(separator: "\n").count == 3)
    }

    @Test func anOutputThatIsAnInputByAnotherNameIsRefused() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("in.csv", "y_hat,y\n0.5,1\n")
        let link = folder.file("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        let result = try BinaryRunner.run([link, "--output", input])
        #expect(result.status == 64)
        #expect(folder.read("in.csv") == "y_hat,y\n0.5,1\n")
    }

    @Test func aChunkSizeBeyondOneGibibyteIsAUsageError() throws {
        let result = try BinaryRunner.run([Fixtures.sample("seed.csv"), "--chunk-bytes", "64G"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("from 1 to 1G"))
    }

    @Test func inputWithoutLineEndsEndsTheRunNotTheMemory() throws {
        let result = try BinaryRunner.run(["/dev/zero"])
        #expect(result.status == 65)
        #expect(result.standardError.contains("/dev/zero: the record at byte 0 runs on"))
    }

    @Test func outputsThatShareAStreamOrTheConfigurationAreRefused() throws {
        let folder = TemporaryDirectory()
        let configuration = folder.write("run.conf", "loss = bce\n")
        let seed = Fixtures.sample("seed.csv")
        let cases = [
            [seed, "--per-sample", "/dev/stdout"],
            [seed, "--per-sample", "-", "--output", "/dev/fd/1"],
            [seed, "--config", configuration, "--output", configuration],
            [seed, "--output", "/dev/stdin"],
            [seed, "--per-sample", "/dev/fd/0"],
        ]
        for arguments in cases {
            let result = try BinaryRunner.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.standardError.contains("name the same file"))
        }
        #expect(folder.read("run.conf") == "loss = bce\n")
    }
}
