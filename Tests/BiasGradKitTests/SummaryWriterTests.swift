import BiasGradKit
import Testing

/// The seed example of SPEC.md section 8; the expected lines are what Python's
/// `json.dumps` and `csv.writer` print for the same fields.
@Suite struct SummaryWriterTests {
    static let seedMean = RunSummary(
        reduction: .mean, samples: 5, records: 5, invalidRows: 0,
        sum: -0.02876799999999997, mean: -0.005753599999999994,
        loss: .mse, activation: .sigmoid, input: .activated)

    static let bceSumWithSkippedRows = RunSummary(
        reduction: .sum, samples: 5, records: 7, invalidRows: 2,
        sum: -0.17999999999999988, mean: -0.035999999999999976,
        loss: .bce, activation: .sigmoid, input: .logits)

    static let overflowedSum = RunSummary(
        reduction: .mean, samples: 12, records: 12, invalidRows: 0,
        sum: nil, mean: 1.5e+307,
        loss: .mse, activation: .linear, input: .activated)

    static let header =
        "db,reduction,samples,sum,mean,loss,activation,input,invalid_rows,records,sum_overflow\n"

    @Test func writesTheSeedExampleAsOneLineOfJSON() {
        let expected = """
            {"db": -0.005753599999999994, "reduction": "mean", "samples": 5, \
            "sum": -0.02876799999999997, "mean": -0.005753599999999994, "loss": "mse", \
            "activation": "sigmoid", "input": "activated", "invalid_rows": 0, "records": 5, \
            "sum_overflow": false}

            """
        #expect(SummaryWriter.render(Self.seedMean, format: .json) == expected)
    }

    @Test func writesTheSeedExampleAsAHeaderAndOneCSVRow() {
        let row =
            "-0.005753599999999994,mean,5,-0.02876799999999997,-0.005753599999999994,"
            + "mse,sigmoid,activated,0,5,false\n"
        #expect(SummaryWriter.render(Self.seedMean, format: .csv) == Self.header + row)
    }

    @Test func reportsTheSumAsDBWhenTheReductionIsSum() {
        let expected = """
            {"db": -0.17999999999999988, "reduction": "sum", "samples": 5, \
            "sum": -0.17999999999999988, "mean": -0.035999999999999976, "loss": "bce", \
            "activation": "sigmoid", "input": "logits", "invalid_rows": 2, "records": 7, \
            "sum_overflow": false}

            """
        #expect(SummaryWriter.render(Self.bceSumWithSkippedRows, format: .json) == expected)
    }

    @Test func writesAnOverflowedSumAsNullInJSON() {
        let expected = """
            {"db": 1.5e+307, "reduction": "mean", "samples": 12, "sum": null, \
            "mean": 1.5e+307, "loss": "mse", "activation": "linear", "input": "activated", \
            "invalid_rows": 0, "records": 12, "sum_overflow": true}

            """
        #expect(SummaryWriter.render(Self.overflowedSum, format: .json) == expected)
    }

    @Test func writesAnOverflowedSumAsAnEmptyCSVField() {
        let row = "1.5e+307,mean,12,,1.5e+307,mse,linear,activated,0,12,true\n"
        #expect(SummaryWriter.render(Self.overflowedSum, format: .csv) == Self.header + row)
    }

    @Test func dbFollowsTheReduction() {
        var summary = Self.overflowedSum
        #expect(summary.db == 1.5e+307)

        summary.reduction = .sum
        #expect(summary.db == nil)
    }
}
