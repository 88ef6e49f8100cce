import Testing

@testable import BiasGradKit

private func layout(
    _ first: [String], prediction: ColumnSelector? = nil, target: ColumnSelector? = nil,
    header: HeaderMode = .detect
) throws(BiasGradError) -> CSVLayout {
    var options = RunOptions()
    options.predictionColumn = prediction
    options.targetColumn = target
    options.header = header
    return try CSVLayout.resolve(firstRecord: first, delimiter: 44, file: "f.csv", options: options)
}

@Suite struct CSVLayoutTests {
    @Test func wellKnownNamesAreFoundInAnyCaseAndOrder() throws {
        let found = try layout(["id", " Label ", "\u{FEFF}Y_PRED"])
        #expect(found.hasHeader)
        #expect(found.fields == SelectedFields(prediction: 2, target: 1))
    }

    @Test func numbersInTheFirstRowMeanNoHeader() throws {
        let found = try layout(["0.5", " 1 "])
        #expect(!found.hasHeader)
        #expect(found.fields == SelectedFields(prediction: 0, target: 1))
    }

    @Test func unknownHeaderNamesLeaveColumnsOneAndTwo() throws {
        let found = try layout(["score", "truthiness"])
        #expect(found.hasHeader)
        #expect(found.fields == SelectedFields(prediction: 0, target: 1))
    }

    @Test func onlyOneWellKnownNameIsAUsageError() {
        #expect(throws: BiasGradError.usage(.columns(.onlyOneWellKnownName(
            found: "y_hat", missingRole: "target", file: "f.csv", header: ["y_hat", "score"])))
        ) { try layout(["y_hat", "score"]) }
    }

    @Test func namedColumnsAreLookedUp() throws {
        let found = try layout(["a", "b", "c"], prediction: .name("C"), target: .name("a"))
        #expect(found.fields == SelectedFields(prediction: 2, target: 0))
    }

    @Test func aMissingNamedColumnListsTheHeader() {
        #expect(throws: BiasGradError.usage(.columns(.notInHeader(
            name: "z", file: "f.csv", header: ["a", "b"])))
        ) { try layout(["a", "b"], prediction: .name("z")) }
    }

    @Test func indexesDecideDetectionByTheirOwnFields() throws {
        let found = try layout(["name", "0.5", "1"], prediction: .index(2), target: .index(3))
        #expect(!found.hasHeader)
        #expect(found.fields == SelectedFields(prediction: 1, target: 2))
    }

    @Test func overridesWin() throws {
        #expect(try layout(["0.5", "1"], header: .present).hasHeader)
        #expect(try !layout(["y_hat", "y"], header: .absent).hasHeader)
    }

    @Test func aNameWithoutAHeaderIsAUsageError() {
        #expect(throws: BiasGradError.self) {
            try layout(["0.5", "1"], prediction: .name("y_hat"), header: .absent)
        }
    }

    @Test(arguments: [["nan", "1"], ["inf", "0"], ["", "1"], ["0.5", ""], ["1e400", "0"],
                      ["0x1p-1", "1"], ["NA", "1"], [" -Infinity ", "0"], ["1,5", "0"]])
    func badValuesInTheFirstRowAreDataNotAHeader(first: [String]) throws {
        #expect(try !layout(first).hasHeader)
    }

    @Test(arguments: [["y_hat", "y"], ["score", "0"], ["_p", "1"], ["Prédiction", "1"]])
    func namesStartWithALetterOrUnderscore(first: [String]) throws {
        #expect(try layout(first).hasHeader)
    }

    @Test func oneColumnForBothIsAUsageError() {
        #expect(throws: BiasGradError.usage(.columns(.sameColumn(column: 1, file: "f.csv")))) {
            try layout(["y_hat", "y"], prediction: .index(1), target: .name("y_hat"))
        }
    }
}
