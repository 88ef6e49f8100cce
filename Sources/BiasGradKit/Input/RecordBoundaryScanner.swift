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

    /// The offset of the first quote byte in `bytes`, or nil if there is none or quotes are
    /// just bytes here. Records before it can be read without any quoting rules.
    func firstQuote(in bytes: UnsafeRawBufferPointer) -> Int? {
        guard honoursQuotes, let base = bytes.baseAddress else { return nil }
        let found = memchr(base, Int32(UInt8(ascii: "\"")), bytes.count)
        return found.map { base.distance(to: UnsafeRawPointer($0)) }
    }

    /// The offset just past the last complete record terminator in `bytes`, or nil if none.
    ///
    /// `bytes` must start at the beginning of a record. A carriage return at the very end of
    /// the buffer only counts when `isEndOfInput`, since a line feed may follow it.
    func lastBoundary(in bytes: UnsafeRawBufferPointer, isEndOfInput: Bool) -> Int? {
        lastBoundary(in: bytes, isEndOfInput: isEndOfInput, firstQuote: firstQuote(in: bytes))
    }

    /// `lastBoundary(in:isEndOfInput:)` for a caller that has already asked `firstQuote`.
    func lastBoundary(
        in bytes: UnsafeRawBufferPointer, isEndOfInput: Bool, firstQuote: Int?
    ) -> Int? {
        guard bytes.count > 0 else { return nil }

        if firstQuote == nil {
            return lastLineEnd(in: bytes, isEndOfInput: isEndOfInput)
        }
        return scanQuoted(bytes, isEndOfInput: isEndOfInput)
    }

    /// The boundary of input without quotes: every line end is a record end or a blank line.
    private func lastLineEnd(in bytes: UnsafeRawBufferPointer, isEndOfInput: Bool) -> Int? {
        guard let newline = lastOffset(of: 10, in: bytes, from: 0, before: bytes.count) else {
            return lastCarriageReturn(in: bytes, from: 0, isEndOfInput: isEndOfInput)
        }
        return lastCarriageReturn(in: bytes, from: newline + 1, isEndOfInput: isEndOfInput)
            ?? newline + 1
    }

    /// The offset past the last lone carriage return at or after `start`, in bytes that
    /// hold no line feed there.
    private func lastCarriageReturn(
        in bytes: UnsafeRawBufferPointer, from start: Int, isEndOfInput: Bool
    ) -> Int? {
        let end = isEndOfInput ? bytes.count : bytes.count - 1
        return lastOffset(of: 13, in: bytes, from: start, before: end).map { $0 + 1 }
    }

    /// The offset of the last `byte` in `start..<end`, searched backwards, since a line end
    /// is usually close to the end of a chunk.
    private func lastOffset(
        of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int, before end: Int
    ) -> Int? {
        var index = end - 1
        while index >= start {
            if bytes[index] == byte { return index }
            index -= 1
        }
        return nil
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
