/// Parses the records of a chunk that holds no quote byte, with exactly the results of
/// `CSVChunkParser` and a fraction of its work.
///
/// Without quotes, libcsv's non-strict reading comes down to a few rules, which this type
/// follows byte for byte:
/// - each physical line (ended by LF, CRLF or a lone CR, as `PhysicalLines` splits them) is
///   one record, unless it holds nothing but spaces and tabs that are not the delimiter;
///   with a tab delimiter, a line of tabs is a record of empty fields;
/// - a record has one field more than it has delimiters;
/// - blanks around a field are not part of it, and `NumberParser` ignores them too;
/// - a record is the line without its terminator, and a last line without one counts only
///   at the end of the input.
///
/// Each line is read once. A selected field is parsed as a number while its end is found
/// (`NumberParser.parseField`), unless the delimiter is a byte numbers are written with;
/// other fields are skipped; once both selected fields are read, the rest of the line is
/// only searched for delimiters, to count the fields, and for its end. Nothing is allocated.
struct PlainChunkParser {
    private let delimiter: UInt8
    private let fields: SelectedFields
    private let firstSelectedField: Int
    private let secondSelectedField: Int
    private let readsNumbersInOnePass: Bool

    init(delimiter: UInt8, fields: SelectedFields) {
        self.delimiter = delimiter
        self.fields = fields
        firstSelectedField = min(fields.prediction, fields.target)
        secondSelectedField = max(fields.prediction, fields.target)
        readsNumbersInOnePass = !NumberParser.isNumberByte(delimiter)
    }

    /// Calls `visit` for each record in `bytes`, in order, until it returns false.
    ///
    /// - Parameters:
    ///   - bytes: whole records, starting at a record boundary, with no quote byte.
    ///   - firstLine: the line number of the first byte.
    ///   - isEndOfInput: whether a last line without a terminator is the file's last record.
    /// - Returns: the number of physical lines in `bytes`, up to and including the line of
    ///   the record `visit` stopped at.
    @inline(__always)
    @discardableResult
    func parse(
        _ bytes: UnsafeRawBufferPointer, firstLine: Int, isEndOfInput: Bool,
        visit: (CSVRecord) -> Bool
    ) -> Int {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return 0
        }
        let limit = base + bytes.count
        var cursor = base
        var line = firstLine

        while cursor < limit {
            let start = cursor
            let content = readFields(from: start, limit: limit)
            cursor = Self.skipTerminator(at: content.end, limit: limit)
            line &+= 1

            guard content.end < limit || isEndOfInput else { break }
            if content.fieldCount == 1 && Self.isBlank(from: start, to: content.end) { continue }
            let raw = UnsafeRawBufferPointer(start: start, count: content.end - start)
            let record = CSVRecord(
                line: line &- 1, raw: raw, fieldCount: content.fieldCount,
                prediction: content.prediction, target: content.target,
                hasUnterminatedQuote: false)
            if !visit(record) { break }
        }
        return line - firstLine
    }

    /// What one line holds: its field count, its selected fields, and where its content
    /// ends (at its terminator, or at the end of the bytes).
    private struct LineContent {
        var fieldCount: Int
        var prediction: ParsedNumber?
        var target: ParsedNumber?
        var end: UnsafePointer<UInt8>
    }

    /// Reads the fields of the line at `start`, stopping at its terminator: skips to the
    /// first selected field, reads it, skips to the second, reads it, and counts the rest.
    @inline(__always)
    private func readFields(
        from start: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>
    ) -> LineContent {
        var cursor = start
        var index = 0
        var numbers: (first: ParsedNumber?, second: ParsedNumber?) = (nil, nil)

        if skipFields(to: firstSelectedField, from: &cursor, index: &index, limit: limit) {
            numbers.first = readNumber(from: &cursor, limit: limit)
            if secondSelectedField == firstSelectedField {
                numbers.second = numbers.first
            } else if skipFields(
                to: secondSelectedField, from: &cursor, index: &index, limit: limit)
            {
                numbers.second = readNumber(from: &cursor, limit: limit)
            }
        }
        cursor = countDelimiters(from: cursor, limit: limit, into: &index)

        let predictionFirst = fields.prediction == firstSelectedField
        return LineContent(
            fieldCount: index &+ 1, prediction: predictionFirst ? numbers.first : numbers.second,
            target: predictionFirst ? numbers.second : numbers.first, end: cursor)
    }

    /// Moves `cursor` from inside field `index` to the start of field `target`, counting
    /// the fields passed; false, with `cursor` at the line's end, if the line ends first.
    @inline(__always)
    private func skipFields(
        to target: Int, from cursor: inout UnsafePointer<UInt8>, index: inout Int,
        limit: UnsafePointer<UInt8>
    ) -> Bool {
        while index < target {
            cursor = fieldEnd(from: cursor, limit: limit)
            guard cursor < limit, cursor.pointee == delimiter else { return false }
            cursor += 1
            index &+= 1
        }
        return true
    }

    /// The number in the field at `cursor`; moves `cursor` to the field's end.
    @inline(__always)
    private func readNumber(
        from cursor: inout UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>
    ) -> ParsedNumber {
        if readsNumbersInOnePass {
            let (number, end) = NumberParser.parseField(cursor, limit: limit, delimiter: delimiter)
            cursor = end
            return number
        }
        return readNumberEndingAtDelimiter(from: &cursor, limit: limit)
    }

    /// `readNumber` when the delimiter is a byte numbers are written with: the field's end
    /// is found first, then its bytes are parsed.
    @inline(never)
    private func readNumberEndingAtDelimiter(
        from cursor: inout UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>
    ) -> ParsedNumber {
        let start = cursor
        cursor = fieldEnd(from: start, limit: limit)
        return NumberParser.parse(start, count: cursor - start)
    }

    /// The first delimiter or line end at or after `start`, or `limit`.
    @inline(__always)
    private func fieldEnd(
        from start: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>
    ) -> UnsafePointer<UInt8> {
        var cursor = start
        while cursor < limit {
            let byte = cursor.pointee
            if byte == delimiter || byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                break
            }
            cursor += 1
        }
        return cursor
    }

    /// Adds the delimiters from `start` to the line's end to `count`; returns the line end.
    @inline(__always)
    private func countDelimiters(
        from start: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>, into count: inout Int
    ) -> UnsafePointer<UInt8> {
        var cursor = start
        while cursor < limit {
            let byte = cursor.pointee
            if byte == ASCII.lineFeed || byte == ASCII.carriageReturn { break }
            if byte == delimiter { count &+= 1 }
            cursor += 1
        }
        return cursor
    }

    /// Just past the terminator at `end`: LF, CR or CRLF; `end` itself at the limit.
    @inline(__always)
    private static func skipTerminator(
        at end: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>
    ) -> UnsafePointer<UInt8> {
        guard end < limit else { return end }
        if end.pointee == ASCII.carriageReturn, end + 1 < limit,
            (end + 1).pointee == ASCII.lineFeed
        {
            return end + 2
        }
        return end + 1
    }

    /// Whether the bytes hold nothing but spaces and tabs, as in a line that is no record.
    /// Only called on lines without a delimiter, so a tab here is never the delimiter.
    private static func isBlank(from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>)
        -> Bool
    {
        var cursor = start
        while cursor < end {
            if cursor.pointee != ASCII.space && cursor.pointee != ASCII.tab { return false }
            cursor += 1
        }
        return true
    }
}
