/// Reading the lines of a file that holds one number per line.
enum ValueLines {
    /// Whether `line` ends with a terminator (CR or LF).
    static func isTerminated(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let last = line.last else { return false }
        return last == 10 || last == 13
    }

    /// Whether `line` holds nothing but spaces, tabs and its terminator.
    static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        !line.contains { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }
    }

    /// The number of value lines (lines that are not blank) in `bytes`.
    static func count(in bytes: UnsafeRawBufferPointer) -> Int {
        var lines = PhysicalLines(bytes)
        var total = 0
        while let range = lines.next() {
            if !isBlank(UnsafeRawBufferPointer(rebasing: bytes[range])) { total += 1 }
        }
        return total
    }

    /// The line without its terminator.
    static func content(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var end = line.count
        while end > 0 && (line[end - 1] == 10 || line[end - 1] == 13) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: line[..<end])
    }

    /// Reads the number on a value line; `.severalNumbers` when it holds more than one.
    static func parse(_ content: UnsafeRawBufferPointer) -> Result<Double, RowProblemKind> {
        let start = content.baseAddress!.assumingMemoryBound(to: UInt8.self)
        switch NumberParser.parse(start, count: content.count) {
        case .value(let value): return .success(value)
        case .outOfRange: return .failure(.outOfRange)
        case .notANumber: return .failure(holdsSeveralNumbers(content) ? .several : .notANumber)
        }
    }

    /// Whether the text splits at spaces or tabs into two or more numbers.
    private static func holdsSeveralNumbers(_ content: UnsafeRawBufferPointer) -> Bool {
        let words = content.split(whereSeparator: { $0 == 32 || $0 == 9 })
        guard words.count > 1 else { return false }
        return words.allSatisfy { word in
            let bytes = Array(word)
            return bytes.withUnsafeBufferPointer { buffer in
                if case .value = NumberParser.parse(buffer.baseAddress!, count: buffer.count) {
                    return true
                }
                return false
            }
        }
    }

    /// The ways a value line can be unreadable.
    enum RowProblemKind: Error {
        case notANumber, outOfRange, several
    }
}
