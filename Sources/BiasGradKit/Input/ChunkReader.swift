/// Cuts one input into chunks of whole records, each about `chunkBytes` long.
///
/// A chunk ends just past a record's terminator (found by `RecordBoundaryScanner`, so a
/// quoted newline never splits a record), and grows past `chunkBytes` when one record is
/// longer. The bytes after the cut move to the next chunk's buffer. A UTF-8 byte-order mark
/// at the start of the input is dropped; a UTF-16 one is an error.
///
/// A regular file is mapped (`FileMapping`) and its chunks are windows onto the mapping, so
/// no byte is copied; other inputs, and files the system will not map, are read with
/// `read` into buffers of their own. Both give the same chunks.
struct ChunkReader {
    private let file: InputFile
    private let chunkBytes: Int
    private let mapping: FileMapping?
    private var scanner = RecordBoundaryScanner(delimiter: UInt8(ascii: ","))
    private var pending: ChunkBuffer
    private var reachedEnd = false
    private var startedReading = false

    /// The bytes handed out in chunks so far, the byte-order mark not counted.
    private var consumedBytes = 0

    /// The longest record a chunk may grow to hold. A record that runs on past it (an
    /// unterminated quoted field, or input with no line ends, like `/dev/zero`) ends the
    /// run instead of the memory.
    static let maximumRecordBytes = 128 << 20

    /// - Parameter mapsRegularFiles: false reads even a regular file with `read`.
    init(file: InputFile, chunkBytes: Int, mapsRegularFiles: Bool = true) {
        self.file = file
        self.chunkBytes = max(chunkBytes, 1)
        mapping = mapsRegularFiles ? file.map() : nil
        pending = Self.emptyBuffer(at: 0, capacity: self.chunkBytes, in: mapping)
    }

    /// Whether the input's chunks are windows onto a mapping.
    var isMapped: Bool { mapping != nil }

    /// True once every byte of the input has been handed out in a chunk and the end of the
    /// input has been seen. A last chunk that ended where a read ended, just past a record's
    /// terminator, leaves it false; the next call then finds the end and returns nil.
    var isExhausted: Bool { reachedEnd && pending.count == 0 }

    /// The delimiter the record boundaries depend on; set it before the first chunk.
    mutating func setDelimiter(_ delimiter: UInt8) {
        scanner = RecordBoundaryScanner(delimiter: delimiter)
    }

    /// Makes every line end a boundary, for files of one number per line.
    mutating func readPlainLines() {
        scanner = RecordBoundaryScanner(delimiter: 10, honoursQuotes: false)
    }

    /// The next chunk holding exactly `count` value lines (lines that are not blank), or
    /// fewer at the end of the input; nil when the input is exhausted.
    mutating func nextChunk(valueLines count: Int) throws(BiasGradError) -> ChunkBuffer? {
        try startReading()
        var scanned = 0
        var found = 0
        while found < count {
            let unscanned = UnsafeRawBufferPointer(rebasing: pending.bytes[scanned...])
            var lines = PhysicalLines(unscanned)
            while found < count, let range = lines.next() {
                let line = UnsafeRawBufferPointer(rebasing: unscanned[range])
                let mayContinue = line.last == 13 && range.upperBound == unscanned.count
                guard ValueLines.isTerminated(line) && !mayContinue || reachedEnd else { break }
                if !ValueLines.isBlank(line) { found += 1 }
                scanned += range.count
            }
            if found == count || reachedEnd { break }
            try fill(growing: pending.count == pending.capacity)
        }
        if reachedEnd && found < count { scanned = pending.count }
        return scanned == 0 ? nil : cut(at: scanned)
    }

    /// The first line with anything but spaces on it, without its terminator; read ahead
    /// and kept for the first chunk. Empty when the input has no such line within its first
    /// `sniffLimit` bytes.
    mutating func firstNonBlankLine() throws(BiasGradError) -> [UInt8] {
        try startReading()
        while true {
            var lines = PhysicalLines(pending.bytes)
            while let range = lines.next() {
                let line = Array(pending.bytes[range])
                guard line.last == 10 || line.last == 13 || reachedEnd else { break }
                let content = line.trimmingLineEnd()
                if content.contains(where: { $0 != 32 && $0 != 9 }) { return content }
            }
            if reachedEnd || pending.count >= Self.sniffLimit { return [] }
            try fill(growing: true)
        }
    }

    /// How far ahead `firstNonBlankLine` reads at most.
    static let sniffLimit = 1 << 20

    /// The next chunk, or nil when the input is exhausted.
    mutating func nextChunk() throws(BiasGradError) -> ChunkBuffer? {
        try startReading()
        while true {
            if pending.count < pending.capacity && !reachedEnd {
                try fill(growing: false)
                continue
            }
            if pending.count == 0 { return nil }

            let quote = scanner.firstQuote(in: pending.bytes)
            if let boundary = scanner.lastBoundary(
                in: pending.bytes, isEndOfInput: reachedEnd, firstQuote: quote)
            {
                return cut(at: boundary, isQuoteFree: quote.map { $0 >= boundary } ?? true)
            }
            if reachedEnd { return cut(at: pending.count, isQuoteFree: quote == nil) }
            guard pending.capacity < Self.maximumRecordBytes else {
                throw .data(.recordTooLong(
                    file: file.displayName, offset: consumedBytes, limit: Self.maximumRecordBytes))
            }
            pending.reserve(pending.capacity * 2)
        }
    }

    /// Hands out the bytes before `boundary` and keeps the rest for the next chunk.
    ///
    /// - Parameter isQuoteFree: whether the bytes handed out are known to hold no quote.
    private mutating func cut(at boundary: Int, isQuoteFree: Bool = false) -> ChunkBuffer {
        let carried = pending.count - boundary
        let chunk: ChunkBuffer
        if let window = pending.mappedWindow, let mapping {
            chunk = ChunkBuffer(
                mapping: mapping, offset: window.offset, count: boundary, capacity: boundary)
            chunk.releasePagesWhenDropped()
            pending = ChunkBuffer(
                mapping: mapping, offset: window.offset + boundary, count: carried,
                capacity: max(chunkBytes, carried))
        } else {
            chunk = pending
            pending = ChunkBuffer(capacity: max(chunkBytes, carried))
            pending.storage.copyMemory(from: chunk.storage + boundary, byteCount: carried)
            pending.count = carried
            chunk.count = boundary
        }
        chunk.isQuoteFree = isQuoteFree
        consumedBytes += boundary
        return chunk
    }

    /// Reads once into the free space of the pending buffer, growing it first if asked.
    private mutating func fill(growing: Bool) throws(BiasGradError) {
        if growing || pending.count == pending.capacity { pending.reserve(pending.count * 2 + 1) }
        let free = pending.capacity - pending.count
        let got: Int
        if let window = pending.mappedWindow, let mapping {
            // A file cut under the mapping would make a read of its lost pages fault.
            if let changed = pending.changedInputError() { throw changed }
            got = min(free, mapping.count - window.offset - pending.count)
        } else {
            got = try file.read(into: pending.storage + pending.count, count: free)
        }
        if got == 0 { reachedEnd = true }
        pending.count += got
    }

    /// An empty pending buffer starting at byte `offset` of the input.
    private static func emptyBuffer(
        at offset: Int, capacity: Int, in mapping: FileMapping?
    ) -> ChunkBuffer {
        guard let mapping else { return ChunkBuffer(capacity: capacity) }
        return ChunkBuffer(mapping: mapping, offset: offset, count: 0, capacity: capacity)
    }

    /// Reads the first bytes and drops a UTF-8 byte-order mark.
    ///
    /// - Throws: `DataError.notUTF8` when the input starts with a UTF-16 byte-order mark,
    ///   as text saved by some Windows tools does, since its bytes would read as garbage.
    private mutating func startReading() throws(BiasGradError) {
        guard !startedReading else { return }
        startedReading = true
        while pending.count < 3 && !reachedEnd {
            pending.reserve(3)
            try fill(growing: false)
        }
        let bytes = pending.bytes
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .data(.notUTF8(file: file.displayName, encoding: "UTF-16"))
        }
        guard bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return }
        if let window = pending.mappedWindow, let mapping {
            // The window keeps its room, as a buffer does when its first bytes are dropped.
            mapping.chunkProcessed(0..<window.offset + 3)
            pending = ChunkBuffer(
                mapping: mapping, offset: window.offset + 3, count: pending.count - 3,
                capacity: pending.capacity)
        } else {
            pending.removeFirst(3)
        }
    }
}

extension Array where Element == UInt8 {
    /// The bytes without a trailing CR, LF or CRLF.
    func trimmingLineEnd() -> [UInt8] {
        var end = count
        while end > 0 && (self[end - 1] == 10 || self[end - 1] == 13) { end -= 1 }
        return Array(self[..<end])
    }
}
