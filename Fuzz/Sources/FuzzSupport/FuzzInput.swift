/// A fuzzer's input read as a few settings bytes followed by the data under test.
///
/// Each setting takes the next byte, or 0 once the input runs out, so that every input,
/// however short, is a valid test case.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ data: UnsafePointer<UInt8>?, count: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    }

    /// The next settings byte, or 0 past the end of the input.
    public mutating func nextByte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// The bytes after the settings read so far: the data under test.
    public var remainder: [UInt8] {
        Array(bytes[min(position, bytes.count)...])
    }
}

/// How settings bytes map to the settings the targets vary.
public enum FuzzSetting {
    /// A chunk size: 1 to 48 bytes for most values, so that cuts fall everywhere, else a
    /// multiple of 64 up to 4 KiB.
    public static func chunkBytes(_ byte: UInt8) -> Int {
        byte < 0xC0 ? 1 + Int(byte) % 48 : 64 * (Int(byte) - 0xBF)
    }

    /// A delimiter as `--delimiter` accepts it: an ASCII byte other than a quote or a line
    /// end stands for itself; any other value means the delimiter is sniffed (nil).
    public static func delimiter(_ byte: UInt8) -> UInt8? {
        let rejected: [UInt8] = [UInt8(ascii: "\""), 10, 13]
        return byte < 0x80 && !rejected.contains(byte) ? byte : nil
    }
}
