import Foundation
import Testing

import BiasGradTestSupport

/// The seed example written in many CSV dialects must give the seed example's result.
@Suite struct InputFormatTests {
    static let expectedSummary: String = {
        (try? BinaryRunner.run([Fixtures.sample("seed.csv")]).standardOutput) ?? ""
    }()

    static let dialects: [(String, [String])] = [
        ("y_hat;y\n0.91;1\n0.34;0\n0.77;1\n0.12;0\n0.68;1\n", []),
        ("y_hat\ty\n0.91\t1\n0.34\t0\n0.77\t1\n0.12\t0\n0.68\t1\n", []),
        ("y_hat|y\n0.91|1\n0.34|0\n0.77|1\n0.12|0\n0.68|1", []),
        ("\u{FEFF}Y_HAT,Y\r\n0.91,1\r\n0.34,0\r\n\r\n0.77,1\r\n0.12,0\r\n0.68,1\r\n", []),
        ("pred,label\r0.91,1\r0.34,0\r0.77,1\r0.12,0\r0.68,1\r", []),
        ("\"y_hat\",\"y\"\n\"0.91\",\"1\"\n\" 0.34 \",0\n0.77 , 1\n.12,0\n0.68,+1\n", []),
        ("id,note,prob,truth\n1,\"a, b\",0.91,1\n2,\"multi\nline\",0.34,0\n"
            + "3,\"say \"\"hi\"\"\",0.77,1\n4,,0.12,0\n5,x,0.68,1,\n", []),
        ("0.91,1\n0.34,0\n0.77,1\n0.12,0\n0.68,1\n", []),
        ("a,b,c\n1,0.91,x\n0,0.34,x\n1,0.77,x\n0,0.12,x\n1,0.68,x\n",
            ["--prediction-column", "b", "--target-column", "1"]),
        ("x:0.91:1\nx:0.34:0\nx:0.77:1\nx:0.12:0\nx:0.68:1\n",
            ["--delimiter", ":", "--prediction-column", "2", "--target-column", "3"]),
        ("score,truthiness\n0.91,1\n0.34,0\n0.77,1\n0.12,0\n0.68,1\n", ["--header"]),
        ("\n\r\n  \ny_hat,y\r\n0.91,1\r\n0.34,0\r\n0.77,1\r\n0.12,0\r\n0.68,1\r\n", []),
        ("\n\nscore,truthiness\r0.91,1\r0.34,0\r0.77,1\r0.12,0\r0.68,1\r", ["--header"]),
    ]

    @Test(arguments: 0..<dialects.count)
    func everyDialectGivesTheSeedResult(index: Int) throws {
        let folder = TemporaryDirectory()
        let (text, options) = Self.dialects[index]
        let input = folder.write("dialect.csv", text)
        for chunk in ["1", "7", "9", "10", "2M"] {
            let result = try BinaryRunner.run([input, "--chunk-bytes", chunk] + options)
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput == Self.expectedSummary)
        }
    }

    @Test func severalFilesAreOneBatch() throws {
        let folder = TemporaryDirectory()
        let first = folder.write("a.csv", "y_hat,y\n0.91,1\n0.34,0\n")
        let second = folder.write("b.csv", "y,y_hat\n1,0.77\n0,0.12\n1,0.68\n")
        let result = try BinaryRunner.run([first, second])
        #expect(result.standardOutput == Self.expectedSummary)
    }

    @Test func perSampleJSONLinesNumberSamplesAcrossTheBatch() throws {
        let folder = TemporaryDirectory()
        let first = folder.write("a.csv", "y_hat,y\n0.91,1\nbad,0\n")
        let second = folder.write("b.csv", "0.77,1\n")
        let result = try BinaryRunner.run([
            first, second, "--on-invalid", "skip", "--per-sample", "-",
            "--per-sample-format", "jsonl", "--output", folder.file("summary.json"),
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let records = result.standardOutput.split(separator: "\n")
        #expect(records.count == 2)
        #expect(records[0].hasPrefix("{\"sample\":1,"))
        #expect(records[1].hasPrefix("{\"sample\":3,"))
        #expect(folder.read("summary.json")?.contains("\"samples\": 2") == true)
    }
}
