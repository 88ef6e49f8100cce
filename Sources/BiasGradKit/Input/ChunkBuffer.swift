/// The bytes of one chunk: memory the buffer owns, filled by `read`, or a window onto a
/// mapped file.
final class ChunkBuffer: @unchecked Sendable {
    /// The first byte. A window's bytes are the mapped file's, which must not be written.
    private(set) var storage: UnsafeMutableRawPointer
    private(set) var capacity: Int

    /// The number of valid bytes from the start of `storage`.
    var count = 0

    /// True when the reader found no quote byte among the valid bytes; false when it found
    /// one or did not look.
    var isQuoteFree = false

    /// The mapped file a window shows, with the window's offset in it; nil for owned memory.
    private let window: (mapping: FileMapping, offset: Int)?

    /// Whether dropping the window counts its bytes as processed, so that the mapping can
    /// let the system unmap them: true for a chunk handed out for processing, false for the
    /// reader's own look ahead.
    private var releasesPages = false

    /// Owned memory for `capacity` bytes, none of them valid yet.
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        storage = .allocate(byteCount: self.capacity, alignment: 16)
        window = nil
    }

    /// A window onto `mapping` from byte `offset`, with `count` valid bytes and room to
    /// grow to `capacity`.
    init(mapping: FileMapping, offset: Int, count: Int, capacity: Int) {
        storage = UnsafeMutableRawPointer(mutating: mapping.base + offset)
        self.count = count
        self.capacity = max(capacity, count)
        window = (mapping, offset)
    }

    deinit {
        guard let window else {
            storage.deallocate()
            return
        }
        if releasesPages { window.mapping.chunkProcessed(window.offset..<window.offset + count) }
    }

    /// The valid bytes.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage, count: count)
    }

    /// The mapped file and offset of a window; nil for owned memory.
    var mappedWindow: (mapping: FileMapping, offset: Int)? { window }

    /// Makes room for at least `needed` bytes, keeping the valid ones. A window has all the
    /// file's bytes behind it, so only its capacity changes.
    func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        defer { capacity = newCapacity }
        guard window == nil else { return }

        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newStorage.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = newStorage
    }

    /// Drops the first `length` valid bytes of owned memory.
    func removeFirst(_ length: Int) {
        precondition(window == nil, "a window is moved by making a new one")
        count -= length
        if count > 0 { storage.copyMemory(from: storage + length, byteCount: count) }
    }

    /// For a window, the I/O error of a mapped file that was cut short or rewritten since
    /// it was mapped; nil when it is unchanged, or for owned memory. Ask it once the bytes
    /// have been read, so that a change before or during the reading is seen.
    func changedInputError() -> BiasGradError? {
        guard let mapping = window?.mapping, let reason = mapping.change() else { return nil }
        return .io(path: mapping.displayName, reason: reason)
    }

    /// Marks a window as handed out: its pages are released when it is dropped.
    func releasePagesWhenDropped() {
        releasesPages = window != nil
    }
}
