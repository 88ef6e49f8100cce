import Foundation

/// Finds where CSV records end, following the same quoting rules as libcsv.
///
/// The chunk reader cuts its input only after a record's terminator, so that every chunk
/// holds whole records and a quoted field with embedded newlines is never split. The state
/// machine below mirrors libcsv's non-strict parser: a quote opens a quoted field only at the
/// start of a field (after optional spaces or tabs); inside a quoted field, a quote followed
/// by a delimiter or a line end closes it, a doubled quote is a literal quote, and a quote
/// followed by anything else is kept and the field stays quoted. A tests compares its record
/// ends with libcsv's on random input.
struct RecordBoundaryScanner {
    private enum State {
        case rowNotBegun
        case fieldNotBegun
        case unquotedField
        case quotedField
        case quoteInQuotedField
        case quoteAndSpacesInQuotedField
    }

    private let delimiter: UInt8
    private let honoursQuotes: Bool

    /// - Parameter honoursQuotes: false for plain line files, where every line end is a
    ///   boundary and a quote is just a byte.
    init(delimiter: UInt8, honoursQuotes: Bool = true) {
        self.delimiter = delimiter
        self.honoursQuotes = honoursQuotes
    }

    /// The offset just past the last complete record terminator in `bytes`, or nil if none.
    ///
    /// `bytes` must start at the beginning of a record. A carriage return at the very end of
    /// the buffer only counts when `isEndOfInput`, since a line feed may follow it.
    func lastBoundary(in bytes: UnsafeRawBufferPointer, isEndOfInput: Bool) -> Int? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }

        if !honoursQuotes || memchr(base, Int32(UInt8(ascii: "\"")), bytes.count) == nil {
            return lastLineEnd(in: bytes, isEndOfInput: isEndOfInput)
        }
        return scanQuoted(bytes, isEndOfInput: isEndOfInput)
    }

    /// The boundary of input without quotes: every line end is a record end or a blank line.
    private func lastLineEnd(in bytes: UnsafeRawBufferPointer, isEndOfInput: Bool) -> Int? {
        let base = bytes.baseAddress!
        if let newline = memrchr(base, Int32(UInt8(ascii: "\n")), bytes.count) {
            let afterNewline = base.distance(to: UnsafeRawPointer(newline)) + 1
            let tail = UnsafeRawBufferPointer(rebasing: bytes[afterNewline...])
            return lastCarriageReturn(in: tail, isEndOfInput: isEndOfInput)
                .map { afterNewline + $0 } ?? afterNewline
        }
        return lastCarriageReturn(in: bytes, isEndOfInput: isEndOfInput)
    }

    /// The offset past the last lone carriage return in `bytes`, which holds no line feed.
    private func lastCarriageReturn(in bytes: UnsafeRawBufferPointer, isEndOfInput: Bool) -> Int? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        let searched = isEndOfInput ? bytes.count : bytes.count - 1
        guard searched > 0, let found = memrchr(base, 13, searched) else { return nil }
        return base.distance(to: UnsafeRawPointer(found)) + 1
    }

    private func scanQuoted(_ bytes: UnsafeRawBufferPointer, isEndOfInput: Bool) -> Int? {
        var state = State.rowNotBegun
        var boundary: Int?
        let count = bytes.count

        for index in 0..<count {
            let byte = bytes[index]
            state = next(state, byte)
            guard state == .rowNotBegun, byte == 10 || byte == 13 else { continue }

            if byte == 13 {
                let hasNext = index + 1 < count
                if hasNext && bytes[index + 1] == 10 { continue }
                if !hasNext && !isEndOfInput { continue }
            }
            boundary = index + 1
        }
        return boundary
    }

    private func next(_ state: State, _ byte: UInt8) -> State {
        let isTerminator = byte == 10 || byte == 13
        let isSpace = byte == 32 || byte == 9
        let isQuote = byte == UInt8(ascii: "\"")

        switch state {
        case .rowNotBegun, .fieldNotBegun:
            if isSpace && byte != delimiter { return state }
            if isTerminator { return .rowNotBegun }
            if isQuote { return .quotedField }
            if byte == delimiter { return .fieldNotBegun }
            return .unquotedField
        case .unquotedField:
            if byte == delimiter { return .fieldNotBegun }
            if isTerminator { return .rowNotBegun }
            return .unquotedField
        case .quotedField:
            return isQuote ? .quoteInQuotedField : .quotedField
        case .quoteInQuotedField, .quoteAndSpacesInQuotedField:
            if byte == delimiter { return .fieldNotBegun }
            if isTerminator { return .rowNotBegun }
            if isSpace { return .quoteAndSpacesInQuotedField }
            if isQuote {
                return state == .quoteInQuotedField ? .quotedField : .quoteInQuotedField
            }
            return .quotedField
        }
    }
}
