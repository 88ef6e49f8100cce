/// One command-line argument, classified by its shape alone.
enum ArgumentToken: Equatable, Sendable {
    /// `--name` or `--name=value`; the name is without the dashes.
    case long(name: String, value: String?)

    /// `-abc`: one or more one-letter options, the last of which may carry its value
    /// (`-j4`). The letters are without the dash.
    case short(letters: String)

    /// Anything else: an option's value or a positional argument. A lone `-` is one, as is
    /// a negative number such as `-1`, and every argument after `--`.
    case argument(String)

    /// `--`, after which every argument is positional.
    case terminator
}

/// Splits the arguments into tokens by their shape, before any option is looked up.
///
/// The tokenizer knows nothing about which options exist or take values; `OptionBinder`
/// decides that, so a mistake is reported against the option table in one place.
enum ArgumentTokenizer {
    /// The tokens of `arguments` (without the program name), in order.
    static func tokenize(_ arguments: [String]) -> [ArgumentToken] {
        var tokens: [ArgumentToken] = []
        var remaining = arguments[...]

        while let argument = remaining.popFirst() {
            if argument == "--" {
                tokens.append(.terminator)
                tokens += remaining.map(ArgumentToken.argument)
                break
            }
            tokens.append(token(for: argument))
        }
        return tokens
    }

    private static func token(for argument: String) -> ArgumentToken {
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            guard let equals = body.firstIndex(of: "=") else {
                return .long(name: String(body), value: nil)
            }
            let value = body[body.index(after: equals)...]
            return .long(name: String(body[..<equals]), value: String(value))
        }

        if argument.hasPrefix("-"), let first = argument.dropFirst().first,
            !startsNumber(first)
        {
            return .short(letters: String(argument.dropFirst()))
        }
        return .argument(argument)
    }

    /// Whether a character after a single dash makes the argument a negative number.
    private static func startsNumber(_ character: Character) -> Bool {
        character == "." || character.isASCII && character.isNumber
    }
}
