import Foundation

/// Which parser reads the chunks of CSV inputs.
///
/// Both parsers give the same records; the choice exists so that the whole test suite can
/// run with libcsv alone, as a check on the plain parser.
public enum ParserChoice: String, Sendable, Equatable {
    /// A chunk without any quote byte goes to the plain parser, any other to libcsv.
    case automatic

    /// Every chunk goes to libcsv.
    case libcsv

    /// The environment variable that forces libcsv when it is set to `libcsv`.
    public static let environmentVariable = "BIASGRAD_PARSER"

    /// The choice `environment` makes: `.libcsv` when `BIASGRAD_PARSER` is `libcsv`, and
    /// `.automatic` for any other value or none.
    public init(environment: [String: String]) {
        self = environment[Self.environmentVariable] == "libcsv" ? .libcsv : .automatic
    }

    /// The choice this process's environment makes, read once at first use.
    public static let processDefault = ParserChoice(
        environment: ProcessInfo.processInfo.environment)

    /// The parser a chunk goes through.
    func parser(forChunkIsQuoteFree isQuoteFree: Bool) -> ChunkParserKind {
        self == .automatic && isQuoteFree ? .plain : .libcsv
    }
}

/// The parser one chunk went through.
enum ChunkParserKind: Sendable {
    /// `PlainChunkParser`, for chunks without quotes.
    case plain

    /// `CSVChunkParser`, which wraps libcsv.
    case libcsv
}
