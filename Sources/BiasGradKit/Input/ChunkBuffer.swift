/// The bytes of one chunk, owned by whoever holds the buffer.
final class ChunkBuffer: @unchecked Sendable {
    private(set) var storage: UnsafeMutableRawPointer
    private(set) var capacity: Int

    /// The number of valid bytes from the start of `storage`.
    var count = 0

    /// True when the reader found no quote byte among the valid bytes; false when it found
    /// one or did not look.
    var isQuoteFree = false

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        storage = .allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// The valid bytes.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage, count: count)
    }

    /// Makes room for at least `needed` bytes, keeping the valid ones.
    func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newStorage.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    /// Drops the first `length` valid bytes.
    func removeFirst(_ length: Int) {
        count -= length
        if count > 0 { storage.copyMemory(from: storage + length, byteCount: count) }
    }
}
