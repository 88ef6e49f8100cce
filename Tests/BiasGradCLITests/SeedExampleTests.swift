import Foundation
import Testing

import BiasGradTestSupport

/// The text of a JSON number field in a one-line summary, read back as a Double.
func jsonNumber(_ key: String, in summary: String) -> Double? {
    guard let range = summary.range(of: "\"\(key)\":") else { return nil }
    let rest = summary[range.upperBound...].drop { $0 == " " }
    let text = rest.prefix { "+-0123456789.eE".contains($0) }
    return Double(String(text))
}

/// The seed example's gradients from SPEC section 8's formulas, evaluated in the test in
/// the order the SPEC fixes, independently of biasgrad's code.
let seedMSESigmoid = zip(Fixtures.seedPredictions, Fixtures.seedTargets).map { yHat, y in
    ((yHat - y) * yHat) * (1 - yHat)
}

@Suite struct SeedExampleTests {
    @Test func csvGivesTheSpecMeanAndSum() throws {
        let result = try BinaryRunner.run(
            [Fixtures.sample("seed.csv"), "--activation", "sigmoid", "--loss", "mse"])
        #expect(result.status == 0, "\(result.standardError)")
        // SPEC section 8: mean -0.005753599999999994, sum -0.02876799999999997.
        #expect(jsonNumber("db", in: result.standardOutput)?.bitPattern
            == (-0.005753599999999994).bitPattern)
        #expect(jsonNumber("sum", in: result.standardOutput)?.bitPattern
            == (-0.02876799999999997).bitPattern)
        #expect(jsonNumber("mean", in: result.standardOutput)?.bitPattern
            == (-0.005753599999999994).bitPattern)
        #expect(result.standardOutput.contains("\"samples\": 5"))
    }

    @Test func bceGivesTheSpecMean() throws {
        let result = try BinaryRunner.run([Fixtures.sample("seed.csv"), "--loss", "bce"])
        #expect(result.status == 0, "\(result.standardError)")
        // SPEC section 8: bce+sigmoid mean -0.035999999999999976, sum -0.17999999999999988.
        #expect(jsonNumber("db", in: result.standardOutput)?.bitPattern
            == (-0.035999999999999976).bitPattern)
        #expect(jsonNumber("sum", in: result.standardOutput)?.bitPattern
            == (-0.17999999999999988).bitPattern)
    }

    @Test func twoNewlineFilesGiveTheSameBits() throws {
        let csv = try BinaryRunner.run([Fixtures.sample("seed.csv")])
        let lines = try BinaryRunner.run([
            "--predictions", Fixtures.sample("seed-predictions.txt"),
            "--targets", Fixtures.sample("seed-targets.txt"),
        ])
        #expect(lines.status == 0, "\(lines.standardError)")
        #expect(lines.standardOutput == csv.standardOutput)
    }

    @Test func standardInputWorksLikeAFile() throws {
        let seed = try String(contentsOfFile: Fixtures.sample("seed.csv"), encoding: .utf8)
        let piped = try BinaryRunner.run(["-"], input: seed)
        let named = try BinaryRunner.run([Fixtures.sample("seed.csv")])
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(piped.standardOutput == named.standardOutput)
    }

    @Test func perSampleRecordsReproduceTheSeedTable() throws {
        let result = try BinaryRunner.run([Fixtures.sample("seed.csv"), "--per-sample", "-"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = result.standardOutput.split(separator: "\n").map { $0.split(separator: ",") }
        let header = ["sample", "y_hat", "y", "error", "activation_derivative", "gradient"]
        #expect(rows.first.map { $0.map(String.init) } == header)
        #expect(rows.count == 6)

        // SPEC section 8's table, rounded there to 6 decimals; the exact bits come from the
        // SPEC's formula evaluated above.
        let table: [(Double, Double, Double, Double)] = [
            (0.91, -0.09, 0.0819, -0.007371), (0.34, 0.34, 0.2244, 0.076296),
            (0.77, -0.23, 0.1771, -0.040733), (0.12, 0.12, 0.1056, 0.012672),
            (0.68, -0.32, 0.2176, -0.069632),
        ]
        for (index, row) in rows.dropFirst().enumerated() {
            let values = row.map { Double(String($0))! }
            #expect(values[0] == Double(index + 1))
            #expect(values[1] == table[index].0)
            #expect(abs(values[3] - table[index].1) < 1e-12)
            #expect(abs(values[4] - table[index].2) < 1e-12)
            #expect(abs(values[5] - table[index].3) < 1e-12)
            #expect(values[5].bitPattern == seedMSESigmoid[index].bitPattern)
        }
    }

    @Test func csvSummaryHasTheSameFields() throws {
        let result = try BinaryRunner.run([Fixtures.sample("seed.csv"), "--format", "csv"])
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        let header = lines[0].split(separator: ",")
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(header.count == row.count)
        #expect(header.prefix(2) == ["db", "reduction"])
        #expect(Double(String(row[0]))?.bitPattern == (-0.005753599999999994).bitPattern)
    }
}
