/// How one CSV input is read: its delimiter, its header, and where the two columns are.
struct CSVLayout: Sendable {
    /// Header names that mean the prediction column, lower case.
    static let predictionNames = [
        "y_hat", "yhat", "y_pred", "ypred", "pred", "prediction", "predictions", "output",
        "prob", "probability",
    ]

    /// Header names that mean the target column, lower case.
    static let targetNames = [
        "y", "y_true", "ytrue", "target", "targets", "label", "labels", "truth",
    ]

    var delimiter: UInt8
    var hasHeader: Bool
    var fields: SelectedFields

    /// The header's names, trimmed; empty without a header.
    var headerNames: [String]

    /// The fields of the input's first record, the header when there is one. A record with
    /// more holds text past them only when a delimiter split one of its values.
    var recordFields: Int

    /// The layout of a chunk that holds only blank lines, before an input's first record.
    static func blank(delimiter: UInt8) -> CSVLayout {
        let firstTwo = SelectedFields(prediction: 0, target: 1)
        return CSVLayout(
            delimiter: delimiter, hasHeader: false, fields: firstTwo, headerNames: [],
            recordFields: .max)
    }

    /// The header name of a 0-based field, if the input has a header that long.
    func name(ofField field: Int) -> String? {
        field < headerNames.count ? headerNames[field] : nil
    }

    /// Works out the layout from the first record's fields.
    ///
    /// - Parameters:
    ///   - firstRecord: the fields of the input's first record; empty for an empty input.
    ///   - file: the input's name, for messages.
    /// - Throws: `BiasGradError.usage` when a named column is missing or only one of the two
    ///   well-known names is present.
    static func resolve(
        firstRecord: [String], delimiter: UInt8, file: String, options: RunOptions
    ) throws(BiasGradError) -> CSVLayout {
        let hasHeader = try detectHeader(firstRecord, file: file, options: options)
        let shownNames = hasHeader ? firstRecord.map(trimmed) : []
        let fields = try selectFields(
            names: shownNames.map { $0.lowercased() }, shownNames: shownNames,
            hasHeader: hasHeader, file: file, options)
        if fields.prediction == fields.target {
            throw .usage(.columns(.sameColumn(column: fields.prediction + 1, file: file)))
        }
        return CSVLayout(
            delimiter: delimiter, hasHeader: hasHeader, fields: fields, headerNames: shownNames,
            recordFields: firstRecord.isEmpty ? .max : firstRecord.count)
    }

    private static func detectHeader(
        _ record: [String], file: String, options: RunOptions
    ) throws(BiasGradError) -> Bool {
        let selectors = [options.predictionColumn, options.targetColumn]
        let namedColumn = selectors.lazy.compactMap { selector -> String? in
            if case .name(let name)? = selector { return name }
            return nil
        }.first

        switch options.header {
        case .present:
            return true
        case .absent:
            if let name = namedColumn {
                throw .usage(.columns(.nameWithoutHeader(name: name, file: file)))
            }
            return false
        case .detect:
            if namedColumn != nil { return true }
            let indexes = [
                indexOf(options.predictionColumn, default: 0),
                indexOf(options.targetColumn, default: 1),
            ]
            return indexes.contains { index in
                index < record.count && looksLikeName(record[index])
            }
        }
    }

    private static func selectFields(
        names: [String], shownNames: [String], hasHeader: Bool, file: String,
        _ options: RunOptions
    ) throws(BiasGradError) -> SelectedFields {
        func find(_ selector: ColumnSelector?, wellKnown: [String]) throws(BiasGradError) -> Int? {
            switch selector {
            case .index(let index)?:
                return index - 1
            case .name(let name)?:
                guard let field = names.firstIndex(of: normalized(name)) else {
                    throw .usage(.columns(.notInHeader(name: name, file: file, header: shownNames)))
                }
                return field
            case nil:
                return wellKnown.lazy.compactMap { names.firstIndex(of: $0) }.first
            }
        }

        let prediction = try find(options.predictionColumn, wellKnown: predictionNames)
        let target = try find(options.targetColumn, wellKnown: targetNames)
        switch (prediction, target) {
        case let (prediction?, target?):
            return SelectedFields(prediction: prediction, target: target)
        case (nil, nil):
            return SelectedFields(prediction: 0, target: 1)
        case let (prediction?, nil):
            guard hasHeader, options.targetColumn == nil, options.predictionColumn == nil else {
                return SelectedFields(prediction: prediction, target: prediction == 1 ? 0 : 1)
            }
            throw .usage(.columns(.onlyOneWellKnownName(
                found: shownNames[prediction], missingRole: "target", file: file,
                header: shownNames)))
        case let (nil, target?):
            guard hasHeader, options.targetColumn == nil, options.predictionColumn == nil else {
                return SelectedFields(prediction: target == 0 ? 1 : 0, target: target)
            }
            throw .usage(.columns(.onlyOneWellKnownName(
                found: shownNames[target], missingRole: "prediction", file: file,
                header: shownNames)))
        }
    }

    private static func indexOf(_ selector: ColumnSelector?, default fallback: Int) -> Int {
        if case .index(let index)? = selector { return index - 1 }
        return fallback
    }

    /// Words that stand for a missing or non-finite value, never for a column's name.
    static let valueWords: Set<String> = [
        "nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity",
        "na", "n/a", "null", "none", "nil", "missing",
    ]

    /// Whether a first-row field reads as a column name rather than a value, good or bad:
    /// a name starts with a letter or `_` and is not a word for a missing or non-finite
    /// value. So a first row of `nan,1`, `,1`, `1e400,0` or `0x1p-1,1` is data (and
    /// invalid), not a header that would drop it unseen.
    static func looksLikeName(_ text: String) -> Bool {
        let name = trimmed(text)
        if case .value = NumberParser.parse(name) { return false }
        guard let first = name.unicodeScalars.first,
            first == "_" || first.properties.isAlphabetic
        else { return false }
        return !valueWords.contains(name.lowercased())
    }

    private static func trimmed(_ name: String) -> String {
        let ignored: Set<Unicode.Scalar> = [" ", "\t", "\u{FEFF}"]
        var scalars = Substring(name).unicodeScalars
        while let first = scalars.first, ignored.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, ignored.contains(last) { scalars.removeLast() }
        return String(scalars)
    }

    private static func normalized(_ name: String) -> String {
        trimmed(name).lowercased()
    }
}
