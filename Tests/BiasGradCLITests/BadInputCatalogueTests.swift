import Foundation
import Testing

import BiasGradTestSupport

/// Every kind of bad input that docs/bad-input.md lists, run through the built binary: the
/// exit status, the message's file, line, column and quoted text, and with
/// `--on-invalid skip` the counts and the rejects file byte for byte. Expected values are
/// worked out by hand from the inputs written here.
@Suite struct BadInputCatalogueTests {
    static let notNumbers: [BadRecordCase] = [
        .framed("text", bad: "abc,0", fault: "column 1 (y_hat) holds 'abc': not a number",
            column: 1),
        .framed("text in the target", bad: "0.5,yes",
            fault: "column 2 (y) holds 'yes': not a number", column: 2),
        .framed("a vulgar fraction", bad: "½,0",
            fault: "column 1 (y_hat) holds '½': not a number", column: 1),
        .framed("full-width digits", bad: "０.５,0",
            fault: "column 1 (y_hat) holds '０.５': not a number", column: 1),
        .framed("single quotes", bad: "'0.5',0",
            fault: "column 1 (y_hat) holds ''0.5'': not a number", column: 1),
    ] + ["1..2", "0.5e", "1e+", ".", "-", "0.5.", "1/2", "true", "0b1", "0.5f"].map(notANumber)

    /// A framed case whose bad prediction `text` is not a number.
    static func notANumber(_ text: String) -> BadRecordCase {
        .framed(text, bad: "\(text),0", fault: "column 1 (y_hat) holds '\(text)': not a number",
            column: 1)
    }

    @Test(arguments: notNumbers)
    func nonNumericTextIsNotANumber(item: BadRecordCase) throws {
        try check(item)
    }

    static let emptyFields: [BadRecordCase] = [
        .framed("empty prediction", bad: ",0", fault: "column 1 (y_hat): the field is empty",
            column: 1),
        .framed("empty target", bad: "0.5,", fault: "column 2 (y): the field is empty",
            column: 2),
        .framed("blanks only", bad: " \t ,0", fault: "column 1 (y_hat): the field is empty",
            column: 1),
        .framed("quoted empty", bad: "\"\",0", fault: "column 1 (y_hat): the field is empty",
            column: 1),
        .framed("quoted blank", bad: "\" \",0", fault: "column 1 (y_hat): the field is empty",
            column: 1),
    ]

    @Test(arguments: emptyFields)
    func anEmptyFieldSaysItIsEmpty(item: BadRecordCase) throws {
        try check(item)
    }

    static let nonFiniteWords = [
        "nan", "NaN", "NAN", "-nan", "+nan", "nan(0x7ff)", "inf", "Inf", "INF", "-inf",
        "+inf", "infinity", "Infinity", "-Infinity", "+Infinity", "1.#INF", "1.#QNAN",
    ]

    @Test(arguments: nonFiniteWords)
    func everySpellingOfNaNAndInfinityIsNotANumber(word: String) throws {
        try check(.framed(
            word, bad: "\(word),0", fault: "column 1 (y_hat) holds '\(word)': not a number",
            column: 1))
    }

    @Test(arguments: ["NaN", "-inf", "Infinity"])
    func aNonFiniteTargetIsNotANumberEither(word: String) throws {
        try check(.framed(
            word, bad: "0.5,\(word)", fault: "column 2 (y) holds '\(word)': not a number",
            column: 2))
    }

    @Test func aNonFiniteWordInTheFirstRowIsDataNotAHeader() throws {
        // No header: the first row is line 1 and has no column names.
        let item = BadRecordCase(
            name: "first row", bytes: Array("nan,1\n0.5,1\n".utf8),
            message: "1: column 1 holds 'nan': not a number",
            rejectsRows: [rejectsRow(
                line: 1, column: 1, reason: "column 1 holds 'nan': not a number",
                record: Array("nan,1".utf8))],
            samples: 1, records: 2, mean: -0.125)
        try check(item)
    }

    /// The largest float64 is 1.7976931348623157e308; halfway to the next power of two,
    /// 2^1024, is 1.79769313486231580793e308, so a literal above that rounds to infinity.
    static let overflowingLiterals = [
        ("1e400", 1), ("-1e400", 1), ("1e309", 1), ("1.7976931348623159e308", 1),
        ("1e400", 2),
    ]

    @Test(arguments: overflowingLiterals)
    func aLiteralThatOverflowsIsInvalid(literal: String, column: Int) throws {
        let bad = column == 1 ? "\(literal),0" : "0.5,\(literal)"
        let name = column == 1 ? "y_hat" : "y"
        try check(.framed(
            literal, bad: bad,
            fault: "column \(column) (\(name)) holds '\(literal)': the number is too large "
                + "for float64", column: column))
    }

    @Test func theLargestFloatIsValidJustBelowTheOverflow() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("max.csv", "y_hat,y\n1.7976931348623158e308,0\n")
        let result = try BinaryRunner.run([input, "--activation", "linear"])
        #expect(result.status == 0, "\(result.standardError)")
        // Linear mse: g = y_hat - 0, the largest finite float64.
        #expect(jsonNumber("sum", in: result.standardOutput) == Double.greatestFiniteMagnitude)
    }

    @Test func aLiteralThatUnderflowsIsTheRoundedTinyValueOrZero() throws {
        let folder = TemporaryDirectory()
        let literals = ["1e-400", "-1e-400", "2.4e-324", "2.5e-324", "4.9e-324", "1e-310"]
        let text = "y_hat,y\n" + literals.map { "\($0),0\n" }.joined()
        let input = folder.write("tiny.csv", text)
        let result = try BinaryRunner.run([
            input, "--activation", "linear", "--per-sample", "-", "--no-per-sample-header",
            "--output", folder.file("summary.json"),
        ])
        #expect(result.status == 0, "\(result.standardError)")

        // The smallest subnormal is 2^-1074, about 4.94e-324; half of it, about 2.47e-324,
        // is the rounding point between it and zero. 1e-310 is a subnormal of its own,
        // read here by the platform's strtod.
        let tiny = Double.leastNonzeroMagnitude
        let expected: [Double] = [0, -0.0, 0, tiny, tiny, strtod("1e-310", nil)]
        let yHats = result.standardOutput.split(separator: "\n").map { line in
            Double(String(line.split(separator: ",")[1]))!
        }
        #expect(yHats.map(\.bitPattern) == expected.map(\.bitPattern))
        // Linear mse: g = y_hat. Subnormals are whole multiples of 2^-1074, so their sum
        // is exact in float64 too.
        let summary = folder.read("summary.json") ?? ""
        let sum = expected.reduce(0, +)
        #expect(jsonNumber("sum", in: summary)?.bitPattern == sum.bitPattern)
    }

    static let separatedNumbers: [BadRecordCase] = [
        .framed("quoted thousands", bad: "\"1,000\",0",
            fault: "column 1 (y_hat) holds '1,000': not a number", column: 1),
        .framed("underscore", bad: "1_000,0",
            fault: "column 1 (y_hat) holds '1_000': not a number", column: 1),
        .framed("space", bad: "1 000,0",
            fault: "column 1 (y_hat) holds '1 000': not a number", column: 1),
        .framed("thin space", bad: "1\u{2009}000,0",
            fault: "column 1 (y_hat) holds '1\u{2009}000': not a number", column: 1),
        .framed("decimal comma in a semicolon file", bad: "0,5;0",
            fault: "column 1 (y_hat) holds '0,5': not a number", column: 1, delimiter: ";"),
    ]

    @Test(arguments: separatedNumbers)
    func separatorsInsideNumbersAreNeverReadAsPartOfThem(item: BadRecordCase) throws {
        try check(item)
    }

    static let signedSpellings = ["+0.5,+1", "+.5,1", " 0.5 ,1", "5e-1,1", "0.5E+0,1",
        "\t0.5\t,1", "\"0.5\",1", "\" 0.5 \",\"1\"", "0.50000000000000000000000000001,1"]

    @Test(arguments: signedSpellings)
    func aLeadingPlusAndOtherSpellingsOfAHalfAreValid(row: String) throws {
        let folder = TemporaryDirectory()
        let input = folder.write("plus.csv", "y_hat,y\n\(row)\n")
        let result = try BinaryRunner.run([input])
        #expect(result.status == 0, "\(result.standardError)")
        // The last spelling rounds to 0.5: its excess, 1e-29, is far below half an ulp.
        // y_hat 0.5, y 1: g = ((0.5 - 1) * 0.5) * (1 - 0.5) = -0.125.
        #expect(jsonNumber("db", in: result.standardOutput) == -0.125)
    }

    static let badSigns = ["++0.5", "+-0.5", "+ 0.5", "+", "-+0.5"].map(notANumber)

    @Test(arguments: badSigns)
    func aSecondSignOrASpaceAfterTheSignIsNotANumber(item: BadRecordCase) throws {
        try check(item)
    }

    static let hexFloats = ["0x1p-3", "0X1.8P-1", "0x10", "-0x1p-3"].map(notANumber)

    @Test(arguments: hexFloats)
    func hexFloatsAreNotNumbers(item: BadRecordCase) throws {
        try check(item)
    }

    static let raggedRows: [BadRecordCase] = [
        .framed("too few", bad: "0.25",
            fault: "column 2 (y): the field is missing: the record has 1 field", column: 2),
    ]

    @Test(arguments: raggedRows)
    func aRecordWithTooFewFieldsIsInvalid(item: BadRecordCase) throws {
        try check(item)
    }

    /// SPEC: fields past the selected columns are ignored, whatever they hold. So an
    /// unquoted `1,000` or `0,5` in a comma file is two fields, and only the first two count.
    @Test func fieldsPastTheSelectedColumnsAreIgnoredWhateverTheyHold() throws {
        let folder = TemporaryDirectory()
        let text = "y_hat,y\n0.5,1\n0.25,0,7\n1,000,0\n0.5,1,000\n0,5,0\n0.25,0,\"x\"\n"
        let input = folder.write("extra.csv", text)
        // Rows as (y_hat, y): (0.5, 1), (0.25, 0), (1, 0), (0.5, 1), (0, 5), (0.25, 0); by
        // ((y_hat - y) * y_hat) * (1 - y_hat): -0.125, 0.046875, 0, -0.125, 0, 0.046875.
        // Their sum is -0.15625 and their mean -0.026041666666666668 (Python: -0.15625 / 6).
        for chunk in ["1", "2M"] {
            let result = try BinaryRunner.run([input, "--chunk-bytes", chunk])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(jsonNumber("sum", in: result.standardOutput) == -0.15625)
            #expect(jsonNumber("db", in: result.standardOutput) == -0.026041666666666668)
            #expect(jsonNumber("samples", in: result.standardOutput) == 6)
        }
    }

    @Test func aMissingColumnIsNamedWithTheFieldCount() throws {
        let text = "y_hat,note,y\n0.5,a,1\n0.25,b\n0.125,c,0\n"
        // Good rows: 0.5 and 1 give -0.125; 0.125 and 0 give
        // ((0.125 - 0) * 0.125) * 0.875 = 0.013671875; their mean is -0.0556640625.
        let reason = "column 3 (y): the field is missing: the record has 2 fields"
        let item = BadRecordCase(
            name: "short", bytes: Array(text.utf8), message: "3: " + reason,
            rejectsRows: [rejectsRow(
                line: 3, column: 3, reason: reason, record: Array("0.25,b".utf8))],
            samples: 2, records: 3, mean: -0.0556640625)
        try check(item)
    }

    static let trailingDelimiters = [
        "y_hat,y\n0.5,1,\n0.25,0,\n", "y_hat,y,\n0.5,1\n0.25,0\n", "0.5,1,\n0.25,0\n",
        "y_hat,y\n0.5,1,,\n0.25,0, \t\n", "y_hat\ty\n0.5\t1\t\n0.25\t0\t\t\n",
        "y_hat,y\n0.5,1,\"\"\n0.25,0,\" \"\n",
    ]

    @Test(arguments: trailingDelimiters)
    func aTrailingDelimiterAndEmptyFieldsAfterThemAreIgnored(text: String) throws {
        let folder = TemporaryDirectory()
        let input = folder.write("trailing.csv", text)
        for chunk in ["1", "2M"] {
            let result = try BinaryRunner.run([input, "--chunk-bytes", chunk])
            #expect(result.status == 0, "\(result.standardError)")
            // -0.125 and 0.046875, as in the framed cases.
            #expect(jsonNumber("db", in: result.standardOutput) == -0.0390625)
            #expect(jsonNumber("samples", in: result.standardOutput) == 2)
        }
    }
}
