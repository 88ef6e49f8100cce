import Foundation

/// A growable byte buffer that output is formatted into before it is written.
///
/// Formatting code appends to it without a Swift `String` per value; a writer drains it with
/// `withBytes`. It is a class so that a buffer handed between threads is never copied.
public final class ByteBuffer: @unchecked Sendable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    /// The number of bytes appended since the last `removeAll`.
    public private(set) var count = 0

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// Appends one byte.
    @inline(__always)
    public func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        storage[count] = byte
        count += 1
    }

    /// Appends `length` bytes starting at `bytes`.
    public func append(_ bytes: UnsafePointer<UInt8>, length: Int) {
        if count + length > capacity { grow(toHold: count + length) }
        (storage + count).update(from: bytes, count: length)
        count += length
    }

    /// Appends the UTF-8 bytes of a string.
    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0.baseAddress!, length: $0.count) }
    }

    /// Appends the decimal digits of a non-negative integer.
    public func appendDecimal(_ value: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { scratch in
            var rest = UInt64(value.magnitude)
            var position = scratch.count
            repeat {
                position -= 1
                scratch[position] = UInt8(truncatingIfNeeded: rest % 10) + UInt8(ascii: "0")
                rest /= 10
            } while rest != 0
            if value < 0 {
                position -= 1
                scratch[position] = UInt8(ascii: "-")
            }
            let start = scratch.baseAddress!.assumingMemoryBound(to: UInt8.self) + position
            append(start, length: scratch.count - position)
        }
    }

    /// Lets `body` write at most `maximum` bytes at the end; it returns how many it wrote.
    @inline(__always)
    public func appendInPlace(maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + maximum > capacity { grow(toHold: count + maximum) }
        count += body(storage + count)
    }

    /// Appends everything in another buffer.
    public func append(contentsOf other: ByteBuffer) {
        append(other.storage, length: other.count)
    }

    /// Forgets the contents and keeps the memory.
    public func removeAll() {
        count = 0
    }

    /// Calls `body` with the bytes appended so far.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: storage, count: count))
    }

    /// The contents as a string, for tests and small outputs.
    public var string: String {
        String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self)
    }

    private func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
