@testable import BiasGradKit
import FuzzSupport

/// One chunk as `ChunkReader` handed it out, copied.
struct ReadChunk {
    var bytes: [UInt8]
    var isQuoteFree: Bool

    /// Whether the reader was exhausted after this chunk. Only the last chunk may be; it
    /// may not be when it ended where a read did, just past a line feed.
    var isLast: Bool
}

/// Reads the file at `path` in chunks of about `chunkBytes`, as `BatchReader` does: the
/// delimiter is `chosen`, or sniffed from the first non-blank line when nil. The file is
/// mapped, or read with `read` when `mapped` is false.
func readChunks(
    _ path: String, chunkBytes: Int, delimiter chosen: UInt8?, mapped: Bool = true
) -> (chunks: [ReadChunk], delimiter: UInt8) {
    do throws(BiasGradError) {
        var reader = ChunkReader(
            file: try InputFile.open(path), chunkBytes: chunkBytes, mapsRegularFiles: mapped)
        var delimiter = UInt8(ascii: ",")
        if let chosen {
            delimiter = chosen
        } else {
            delimiter = DelimiterSniffer.sniff(try reader.firstNonBlankLine())
        }
        reader.setDelimiter(delimiter)

        var chunks: [ReadChunk] = []
        while let chunk = try reader.nextChunk() {
            chunks.append(ReadChunk(
                bytes: Array(chunk.bytes), isQuoteFree: chunk.isQuoteFree,
                isLast: reader.isExhausted))
        }
        return (chunks, delimiter)
    } catch {
        propertyFailed("reading \(chunkBytes)-byte chunks failed: \(error.message)")
    }
}

/// Checks that the file at `path`, which starts with a UTF-16 byte-order mark, is refused
/// as not UTF-8 whatever the chunk size, before any chunk is handed out.
func expectUTF16Refusal(_ path: String, chunkBytes: Int) {
    for size in [chunkBytes, 1 << 20] {
        do throws(BiasGradError) {
            var reader = ChunkReader(file: try InputFile.open(path), chunkBytes: size)
            _ = try reader.firstNonBlankLine()
            propertyFailed("a UTF-16 byte-order mark was read as text in \(size)-byte chunks")
        } catch {
            guard case .data(.notUTF8) = error else {
                propertyFailed("a UTF-16 file failed otherwise: \(error.message)")
            }
        }
    }
}

/// Parses each chunk as a worker would, numbering lines on from the chunks before, and
/// checks on the way that only the last chunk is marked last, that a chunk said to be
/// quote-free is, and that the plain parser reads it exactly as libcsv does.
func parseChunks(
    _ chunks: [ReadChunk], libcsv: CSVChunkParser, plain: PlainChunkParser, what: String
) -> ParseReport {
    var whole = ParseReport()
    for (index, chunk) in chunks.enumerated() {
        if chunk.bytes.isEmpty { propertyFailed("\(what): chunk \(index) is empty") }
        let isLast = index == chunks.count - 1
        if chunk.isLast && !isLast {
            propertyFailed("\(what): chunk \(index) of \(chunks.count) says it is the last")
        }
        if isLast && !chunk.isLast && chunk.bytes.last != 10 {
            propertyFailed("\(what): the last chunk, not marked so, ends inside a line")
        }

        let report = chunk.bytes.withUnsafeBytes {
            ParseReport(libcsv, $0, firstLine: whole.lines + 1, isEndOfInput: chunk.isLast)
        }
        if chunk.isQuoteFree {
            if chunk.bytes.contains(quote) {
                propertyFailed("\(what): chunk \(index) holds a quote: \(shown(chunk.bytes))")
            }
            let plainReport = chunk.bytes.withUnsafeBytes {
                ParseReport(plain, $0, firstLine: whole.lines + 1, isEndOfInput: chunk.isLast)
            }
            expectSame(plainReport, report, "\(what): plain parser vs libcsv on chunk \(index)")
        }
        whole.append(report)
    }
    return whole
}

/// The quote byte, which decides between the parsers.
let quote = UInt8(ascii: "\"")
