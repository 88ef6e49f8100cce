import Foundation

/// Splits bytes into physical lines, each with its terminator: CRLF, LF or a lone CR.
///
/// The last line may lack a terminator. Line numbers in messages count these lines.
struct PhysicalLines {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    /// The offset of the next line feed at or after `position`, or `bytes.count` if none;
    /// remembered so that a file of lone carriage returns is not searched again per line.
    private var nextNewline = -1

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The byte range of the next line, terminator included, or nil at the end.
    mutating func next() -> Range<Int>? {
        let count = bytes.count
        guard position < count, let base = bytes.baseAddress else { return nil }
        let start = position
        if nextNewline < start {
            let found = memchr(base + start, 10, count - start)
            nextNewline = found.map { base.distance(to: UnsafeRawPointer($0)) } ?? count
        }
        var end = min(nextNewline + 1, count)

        if let carriage = memchr(base + start, 13, end - start) {
            let at = base.distance(to: UnsafeRawPointer(carriage))
            end = at + 1 < count && bytes[at + 1] == 10 ? at + 2 : at + 1
        }
        position = end
        return start..<end
    }
}
