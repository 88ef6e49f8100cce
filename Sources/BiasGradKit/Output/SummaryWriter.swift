/// Renders a run's summary as JSON or CSV.
///
/// Both formats carry the same fields in the same order: `db`, `reduction`, `samples`, `sum`,
/// `mean`, `loss`, `activation`, `input`, `invalid_rows`, `records`, `sum_overflow`. Floats
/// are written by `ShortestFloat`. A sum too large for float64 is `null` in JSON and an
/// empty field in CSV, with `sum_overflow` true; a value that is not finite, which a valid
/// run never produces, is written the same way because JSON cannot hold it.
public enum SummaryWriter {
    /// The summary as text ending in a newline.
    ///
    /// JSON is one object on one line, spaced as Python's `json.dumps` spaces it
    /// (`{"db": -0.5, "reduction": "mean", ...}`). CSV is a header line and one row.
    public static func render(_ summary: RunSummary, format: SummaryFormat) -> String {
        let buffer = ByteBuffer(capacity: 512)
        let fields = SummaryField.fields(of: summary)
        switch format {
        case .json: appendJSON(fields, to: buffer)
        case .csv: appendCSV(fields, to: buffer)
        }
        return buffer.string
    }

    private static func appendJSON(_ fields: [SummaryField], to buffer: ByteBuffer) {
        buffer.append("{")
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(", ") }
            buffer.append("\"\(field.name)\": ")
            switch field.value {
            case .number(let value?) where value.isFinite: ShortestFloat.append(value, to: buffer)
            case .number: buffer.append("null")
            case .integer(let value): buffer.appendDecimal(value)
            case .text(let text): buffer.append("\"\(text)\"")
            case .flag(let flag): buffer.append(flag ? "true" : "false")
            }
        }
        buffer.append("}\n")
    }

    private static func appendCSV(_ fields: [SummaryField], to buffer: ByteBuffer) {
        buffer.append(fields.map(\.name).joined(separator: ","))
        buffer.append("\n")

        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(",") }
            switch field.value {
            case .number(let value?) where value.isFinite: ShortestFloat.append(value, to: buffer)
            case .number: break
            case .integer(let value): buffer.appendDecimal(value)
            case .text(let text): CSVField.append(text, to: buffer)
            case .flag(let flag): buffer.append(flag ? "true" : "false")
            }
        }
        buffer.append("\n")
    }
}

/// One named field of the summary, in the order both formats write them.
private struct SummaryField {
    enum Value {
        case number(Double?)
        case integer(Int)
        case text(String)
        case flag(Bool)
    }

    var name: String
    var value: Value

    static func fields(of summary: RunSummary) -> [SummaryField] {
        [
            SummaryField(name: "db", value: .number(summary.db)),
            SummaryField(name: "reduction", value: .text(summary.reduction.rawValue)),
            SummaryField(name: "samples", value: .integer(summary.samples)),
            SummaryField(name: "sum", value: .number(summary.sum)),
            SummaryField(name: "mean", value: .number(summary.mean)),
            SummaryField(name: "loss", value: .text(summary.loss.rawValue)),
            SummaryField(name: "activation", value: .text(summary.activation.rawValue)),
            SummaryField(name: "input", value: .text(summary.input.rawValue)),
            SummaryField(name: "invalid_rows", value: .integer(summary.invalidRows)),
            SummaryField(name: "records", value: .integer(summary.records)),
            SummaryField(name: "sum_overflow", value: .flag(summary.sumOverflowed)),
        ]
    }
}
