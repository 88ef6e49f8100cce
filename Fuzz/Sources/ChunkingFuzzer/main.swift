@testable import BiasGradKit
import FuzzSupport

// Checks, for any bytes, that cutting an input into chunks never changes its records, and
// that the plain parser reads bytes without quotes exactly as libcsv does.
//
// An input is four settings bytes, then the file under test:
//   0  the chunk size (FuzzSetting.chunkBytes)
//   1  the delimiter (FuzzSetting.delimiter); sniffed, as BatchReader does, when nil
//   2  the selected fields: prediction byte % 5, target byte / 5 % 5, the next when equal
//   3  the record, byte % 8, at which a last pass over the quote-free text stops

/// The fields a settings byte selects; never the same field twice.
func selectedFields(_ byte: UInt8) -> SelectedFields {
    let prediction = Int(byte % 5)
    let target = Int(byte / 5 % 5)
    return SelectedFields(
        prediction: prediction, target: target == prediction ? (target + 1) % 5 : target)
}

/// The bytes `ChunkReader` hands out: all of them but a leading byte-order mark.
func droppingByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
}

func checkChunking(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var input = FuzzInput(data, count: count)
    let chunkBytes = FuzzSetting.chunkBytes(input.nextByte())
    let chosenDelimiter = FuzzSetting.delimiter(input.nextByte())
    let fields = selectedFields(input.nextByte())
    let stopAfter = Int(input.nextByte() % 8)
    let text = input.remainder
    let path = ScratchFolder.shared.write("input.csv", text)
    let content = droppingByteOrderMark(text)
    if text.starts(with: [0xFF, 0xFE]) || text.starts(with: [0xFE, 0xFF]) {
        expectUTF16Refusal(path, chunkBytes: chunkBytes)
        return 0
    }

    let small = readChunks(path, chunkBytes: chunkBytes, delimiter: chosenDelimiter)
    let large = readChunks(path, chunkBytes: text.count + 1, delimiter: chosenDelimiter)
    for reading in [small, large] where Array(reading.chunks.map(\.bytes).joined()) != content {
        propertyFailed("\(reading.chunks.count) chunks do not join back to the input")
    }
    let read = readChunks(path, chunkBytes: chunkBytes, delimiter: chosenDelimiter, mapped: false)
    if read.chunks.map(\.bytes) != small.chunks.map(\.bytes) || read.delimiter != small.delimiter {
        propertyFailed("chunks read with read(2) differ from chunks of the mapped file")
    }

    let delimiter = small.delimiter
    let libcsv = CSVChunkParser(delimiter: delimiter, fields: fields)
    let plain = PlainChunkParser(delimiter: delimiter, fields: fields)
    let whole = ParseReport(libcsv, content, isEndOfInput: true)
    let what = "delimiter \(delimiter), fields \(fields)"
    expectSame(
        parseChunks(small.chunks, libcsv: libcsv, plain: plain, what: what), whole,
        "\(what): \(small.chunks.count) chunks of \(chunkBytes) bytes vs the whole input")
    expectSame(
        parseChunks(large.chunks, libcsv: libcsv, plain: plain, what: what), whole,
        "\(what): \(large.chunks.count) large chunks vs the whole input")

    let quoteFree = content.filter { $0 != quote }
    expectSame(
        ParseReport(plain, quoteFree, isEndOfInput: true),
        ParseReport(libcsv, quoteFree, isEndOfInput: true),
        "\(what): plain parser vs libcsv on the input without its quotes")
    quoteFree.withUnsafeBytes { bytes in
        expectSame(
            ParseReport(plain, bytes, isEndOfInput: false, stopAfter: stopAfter),
            ParseReport(libcsv, bytes, isEndOfInput: false, stopAfter: stopAfter),
            "\(what): plain parser vs libcsv stopping at record \(stopAfter), not at the end")
    }
    return 0
}

runFuzzer(checkChunking)
