import BiasGradTestSupport
import Foundation
import Synchronization
import Testing

@testable import BiasGradKit

/// The quote-freedom the reader reports for each chunk of `text`.
private func quoteFreedom(_ text: String, chunkBytes: Int) throws -> [(String, Bool)] {
    let folder = TemporaryDirectory()
    let path = folder.write("input.csv", text)
    var reader = ChunkReader(file: try InputFile.open(path), chunkBytes: chunkBytes)
    reader.setDelimiter(UInt8(ascii: ","))
    var chunks: [(String, Bool)] = []
    while let chunk = try reader.nextChunk() {
        chunks.append((String(decoding: chunk.bytes, as: UTF8.self), chunk.isQuoteFree))
    }
    return chunks
}

/// The verbose diagnostics of one run over `inputs` with `parser`.
private func verboseLines(
    _ inputs: [String], parser: ParserChoice, chunkBytes: Int = 1 << 16
) throws -> [String] {
    let folder = TemporaryDirectory()
    var options = RunOptions()
    options.inputs = inputs
    options.parser = parser
    options.chunkBytes = chunkBytes
    options.verbosity = .verbose
    options.output = folder.file("summary.json")
    let lines = Mutex<[String]>([])
    let diagnostics = Diagnostics(verbosity: .verbose) { line in
        lines.withLock { $0.append(line) }
    }
    try BatchRun(options: options, diagnostics: diagnostics).execute()
    return lines.withLock { $0 }
}

@Suite struct ParserChoiceTests {
    @Test func onlyTheValueLibcsvForcesLibcsv() {
        #expect(ParserChoice(environment: ["BIASGRAD_PARSER": "libcsv"]) == .libcsv)
        #expect(ParserChoice(environment: ["BIASGRAD_PARSER": "plain"]) == .automatic)
        #expect(ParserChoice(environment: ["BIASGRAD_PARSER": ""]) == .automatic)
        #expect(ParserChoice(environment: [:]) == .automatic)
    }

    @Test func runOptionsFollowTheProcessEnvironmentByDefault() {
        let expected = ParserChoice(environment: ProcessInfo.processInfo.environment)
        #expect(RunOptions().parser == expected)
    }

    @Test func theAutomaticChoiceTakesThePlainParserOnlyForQuoteFreeChunks() {
        #expect(ParserChoice.automatic.parser(forChunkIsQuoteFree: true) == .plain)
        #expect(ParserChoice.automatic.parser(forChunkIsQuoteFree: false) == .libcsv)
        #expect(ParserChoice.libcsv.parser(forChunkIsQuoteFree: true) == .libcsv)
    }

    @Test func theCommandLineReadsTheVariableFromTheEnvironmentItIsGiven() throws {
        let forced = try CommandLineParser.parse(
            ["a.csv"], environment: ["BIASGRAD_PARSER": "libcsv"], standardInputIsTerminal: true)
        let automatic = try CommandLineParser.parse(
            ["a.csv"], environment: ["BIASGRAD_PARSER": "automatic"],
            standardInputIsTerminal: true)
        guard case .run(let forcedOptions) = forced, case .run(let automaticOptions) = automatic
        else {
            Issue.record("expected runs")
            return
        }
        #expect(forcedOptions.parser == .libcsv)
        #expect(automaticOptions.parser == .automatic)
    }

    @Test func chunksBeforeTheFirstQuoteAreMarkedQuoteFree() throws {
        let chunks = try quoteFreedom("a,b\n1,2\n\"3\",4\n5,6\n", chunkBytes: 8)
        #expect(chunks.map(\.0).joined() == "a,b\n1,2\n\"3\",4\n5,6\n")
        for (text, isQuoteFree) in chunks {
            #expect(isQuoteFree == !text.contains("\""), "\(text.debugDescription)")
        }
        #expect(chunks.first?.1 == true)
    }

    @Test func aWholeInputWithoutQuotesIsQuoteFree() throws {
        let chunks = try quoteFreedom("1,2\r\n3,4\r5,6", chunkBytes: 1 << 16)
        #expect(chunks.map(\.0).joined() == "1,2\r\n3,4\r5,6")
        #expect(chunks.allSatisfy { $0.1 })
    }

    @Test func verboseOutputNamesTheParserEachInputTook() throws {
        let folder = TemporaryDirectory()
        let plain = folder.write("plain.csv", "y_hat,y\n0.5,1\n")
        let quoted = folder.write("quoted.csv", "y_hat,y\n\"0.5\",1\n")
        let mixed = folder.write("mixed.csv", "y_hat,y\n0.5,1\n0.25,0\n\"0.5\",1\n")

        let lines = try verboseLines([plain, quoted], parser: .automatic)
        #expect(lines.contains { $0.contains("plain.csv") && $0.hasSuffix("parser plain\n") })
        #expect(lines.contains {
            $0.contains("quoted.csv") && $0.hasSuffix("parser libcsv (quotes in every chunk)\n")
        })

        let split = try verboseLines([mixed], parser: .automatic, chunkBytes: 16)
        #expect(split.contains { $0.contains("mixed.csv") && $0.contains("parser plain for ") })

        let forced = try verboseLines([plain], parser: .libcsv)
        #expect(forced.contains { $0.hasSuffix("parser libcsv (BIASGRAD_PARSER=libcsv)\n") })
    }
}
