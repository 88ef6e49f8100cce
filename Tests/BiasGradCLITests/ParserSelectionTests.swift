import Foundation
import Testing

import BiasGradTestSupport

/// The executable picks its CSV parser per chunk, and `BIASGRAD_PARSER=libcsv` forces
/// libcsv; the results are the same either way.
@Suite struct ParserSelectionTests {
    static let text = "y_hat,y\n0.91,1\n0.34,0\n0.77,1\n0.12,0\n0.68,1\n"

    @Test func bothParsersGiveTheSeedExampleResult() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("seed.csv", Self.text)

        let plain = try BinaryRunner.run(
            [input, "--verbose"], environment: ["BIASGRAD_PARSER": "automatic"])
        let libcsv = try BinaryRunner.run(
            [input, "--verbose"], environment: ["BIASGRAD_PARSER": "libcsv"])

        #expect(plain.status == 0 && libcsv.status == 0)
        #expect(plain.standardError.contains("parser plain\n"))
        #expect(libcsv.standardError.contains("parser libcsv (BIASGRAD_PARSER=libcsv)\n"))
        // SPEC section 8: mean -0.005753599999999994.
        #expect(jsonNumber("db", in: plain.standardOutput)?.bitPattern
            == (-0.005753599999999994).bitPattern)
        #expect(plain.standardOutput == libcsv.standardOutput)
    }
}
