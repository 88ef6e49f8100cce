/// What the command line asked for, once its tokens are matched to options.
struct BoundArguments: Equatable, Sendable {
    /// The settings in the order given; positional arguments become `.csvFile`.
    var settings: [Setting] = []

    /// `.help` or `.version` when one was asked for (the first one wins).
    var information: Command?

    /// The last `--config` given, if any.
    var configurationFile: String? {
        settings.reversed().lazy.compactMap { setting -> String? in
            if case .configurationFile(let path) = setting { return path }
            return nil
        }.first
    }
}

/// Matches tokens to the options of `OptionTable`, reading each value as it goes.
///
/// A valued option takes its value from `--name=value`, from the rest of a short cluster
/// (`-j4`, `-j=4`), or from the next token when that is an argument; an option or `--` there
/// means the value is missing. A repeated option is kept each time, so the last one wins when
/// the settings are applied.
enum OptionBinder {
    /// Binds all tokens, or throws the first mistake among them.
    static func bind(_ tokens: [ArgumentToken]) throws(UsageError) -> BoundArguments {
        var bound = BoundArguments()
        var remaining = tokens[...]

        while let token = remaining.popFirst() {
            switch token {
            case .long(let name, let value):
                try bindLong(name, value, &remaining, into: &bound)
            case .short(let letters):
                try bindShort(letters, &remaining, into: &bound)
            case .argument(let text):
                bound.settings.append(.csvFile(text))
            case .terminator:
                break
            }
        }
        return bound
    }

    /// `.help` or `.version` when a plain `--help`, `-h`, `--version` or `-V` is among the
    /// tokens, so that asking for help works even beside a mistake.
    static func informationRequest(in tokens: [ArgumentToken]) -> Command? {
        for token in tokens {
            switch token {
            case .long("help", nil), .short("h"): return .help
            case .long("version", nil), .short("V"): return .version
            default: continue
            }
        }
        return nil
    }

    private static func bindLong(
        _ name: String, _ value: String?, _ remaining: inout ArraySlice<ArgumentToken>,
        into bound: inout BoundArguments
    ) throws(UsageError) {
        let spelling = "--" + name
        guard let option = OptionTable.option(named: name) else {
            let suggestion = NearestName.suggestion(for: name, among: longNames)
            throw .unknownOption(spelling, suggestion: suggestion.map { "--" + $0 })
        }

        var value = value
        if case .value(_, let accepted, _) = option.action, value == nil {
            value = try nextValue(&remaining, for: spelling, accepted)
        }
        try apply(option, spelling: spelling, value: value, into: &bound)
    }

    private static func bindShort(
        _ letters: String, _ remaining: inout ArraySlice<ArgumentToken>,
        into bound: inout BoundArguments
    ) throws(UsageError) {
        if letters.count > 1, OptionTable.option(named: letters) != nil {
            throw .unknownOption("-" + letters, suggestion: "--" + letters)
        }

        var rest = Substring(letters)
        while let letter = rest.popFirst() {
            let spelling = "-" + String(letter)
            guard let option = OptionTable.option(short: letter) else {
                throw unknownShortOption(letter, in: letters)
            }

            guard case .value(_, let accepted, _) = option.action else {
                try apply(option, spelling: spelling, value: nil, into: &bound)
                continue
            }
            // The rest of the cluster is the value (`-j4`, `-j=4`), or else the next argument.
            var value = String(rest.hasPrefix("=") ? rest.dropFirst() : rest)
            if rest.isEmpty { value = try nextValue(&remaining, for: spelling, accepted) }
            try apply(option, spelling: spelling, value: value, into: &bound)
            return
        }
    }

    /// The next token as the value of `option`; an option, `--` or the end means none.
    private static func nextValue(
        _ remaining: inout ArraySlice<ArgumentToken>, for option: String,
        _ accepted: AcceptedValues
    ) throws(UsageError) -> String {
        guard case .argument(let value) = remaining.first else {
            throw .missingValue(option: option, accepted: accepted)
        }
        remaining.removeFirst()
        return value
    }

    /// An unknown letter; in a longer cluster such as `-verbos`, the likely meant long option
    /// is suggested for the whole cluster instead.
    private static func unknownShortOption(_ letter: Character, in letters: String)
        -> UsageError
    {
        if letters.count > 1,
            let suggestion = NearestName.suggestion(for: letters, among: longNames)
        {
            return .unknownOption("-" + letters, suggestion: "--" + suggestion)
        }
        return .unknownOption("-" + String(letter), suggestion: nil)
    }

    private static func apply(
        _ option: OptionSpec, spelling: String, value: String?, into bound: inout BoundArguments
    ) throws(UsageError) {
        switch option.action {
        case .flag(let setting):
            if let value { throw .unexpectedValue(option: spelling, value: value) }
            bound.settings.append(setting)

        case .information(let command):
            if let value { throw .unexpectedValue(option: spelling, value: value) }
            bound.information = bound.information ?? command

        case .value(_, let accepted, let read):
            let text = value ?? ""
            guard let setting = read(text) else {
                throw .invalidValue(option: spelling, value: text, accepted: accepted)
            }
            bound.settings.append(setting)
        }
    }

    private static let longNames = OptionTable.options.map(\.name)
}
