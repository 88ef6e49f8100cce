import Foundation

/// An invalid record placed in its input: file, line, column, text and reason.
struct LocatedRowFault: Sendable {
    var file: String
    var line: Int
    /// The field's description for messages, such as "column 1 (y_hat)".
    var column: String?

    /// The field's 1-based column, for the rejects file.
    var columnIndex: Int?
    var text: String?
    var reason: String

    /// The record's bytes as they were in the input, when they were kept.
    var raw: [UInt8]

    /// Places `fault`, whose positions are relative to its chunk, after `lineBase` lines.
    init(_ fault: LocalRowFault, source: InputSource, lineBase: Int, targetLineBase: Int) {
        let field = fault.problem.field
        let blamesTargets = field == .target && source.targetName != nil
        file = blamesTargets ? source.targetName! : source.name
        line = blamesTargets
            ? targetLineBase + (fault.targetLine ?? fault.line) : lineBase + fault.line
        column = field.map(source.columnDescription)
        columnIndex = field.flatMap(source.columnIndex)
        raw = fault.raw

        var problem = fault.problem
        text = problem.showsText ? Self.fieldText(fault, field: field, source: source) : nil
        if case .notANumber(let field) = problem, let text, Self.isBlank(text) {
            problem = .emptyField(field)
            self.text = nil
        }
        reason = problem.reason
    }

    /// The error a stopping run ends with.
    var error: DataError {
        .invalidRow(file: file, line: line, column: column, text: text, reason: reason)
    }

    private static func fieldText(
        _ fault: LocalRowFault, field: FaultField?, source: InputSource
    ) -> String? {
        guard let field, !fault.raw.isEmpty else { return nil }
        guard let layout = source.layout else {
            return trimmedText(fault.raw)
        }
        let parser = CSVChunkParser(delimiter: layout.delimiter, fields: layout.fields)
        let texts = fault.raw.withUnsafeBytes { parser.fieldTexts(of: $0) }
        let index = field == .prediction ? layout.fields.prediction : layout.fields.target
        return index < texts.count ? texts[index] : nil
    }

    private static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func trimmedText(_ raw: [UInt8]) -> String {
        String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}
