/// The text `--help`, `--version` and usage hints print. The caller does the printing.
///
/// The option lines are generated from `OptionTable`, so every option the parser accepts is
/// listed, with its one-line description and default.
public enum HelpText {
    /// The version line.
    public static let version = "biasgrad 0.1.0"

    /// The two synopsis lines.
    public static var usage: String {
        """
        usage: biasgrad [options] [FILE ...]
               biasgrad [options] --predictions FILE --targets FILE
        """
    }

    /// The whole help: synopsis, what it computes, every option, exit statuses and the
    /// configuration rule.
    public static var full: String {
        var sections = [usage, about]
        sections += HelpSection.allCases.map(optionSection)
        sections += [exitStatuses, configuration]
        return sections.joined(separator: "\n\n") + "\n"
    }

    private static let about = """
        Computes the output-layer bias gradient dL/db = dL/dy_hat * f'(z) per sample
        from saved predictions and targets, reduced over the batch by mean or sum.
        The result is rounded once from the exact value, so it is the same for any
        number of workers and any chunk size, and the input is streamed.
        """

    private static let exitStatuses = """
        Exit status:
          0   success
          64  wrong usage: the command line, the configuration file, or a column
              that the header does not have
          65  bad data: an invalid row, no valid samples, or a result beyond float64
          66  an input (or the configuration file) cannot be opened
          73  an output cannot be created
          74  an I/O error while reading or writing
          141 the reader of standard output went away (as for SIGPIPE)
        """

    private static let configuration = """
        Configuration:
          Settings are read from a file only when --config FILE or the BIASGRAD_CONFIG
          environment variable names one (--config wins), never from the working folder.
          Each line is 'key = value', the key a long option name without '--'
          (activation, loss, reduction, input, epsilon, format, delimiter,
          prediction-column, target-column, per-sample-format, on-invalid, workers,
          chunk-bytes), or header = true|false|auto, or per-sample-header, verbose
          or quiet = true|false.
          '#' starts a comment. File names are accepted on the command line only.
          Precedence: built-in defaults, then the file, then the command line.
        """

    /// The widest line of the help.
    private static let width = 80

    /// The column where option descriptions start.
    private static let optionColumn = 32

    private static func optionSection(_ section: HelpSection) -> String {
        var lines = ["\(section.rawValue):"]
        if section == .input {
            let summary = "CSV files, read as one batch; '-' is stdin"
            lines.append(entry("FILE ...", summary, "stdin when piped"))
        }
        for option in OptionTable.options where option.section == section {
            lines.append(entry(synopsis(of: option), option.summary, option.defaultValue))
        }
        if section == .input {
            lines.append("  By name: a header such as y_hat, pred or prob; y, target or label.")
        }
        return lines.joined(separator: "\n")
    }

    /// `-o, --output FILE` or `    --format NAME`.
    private static func synopsis(of option: OptionSpec) -> String {
        let short = option.short.map { "-\($0), " } ?? "    "
        guard case .value(let placeholder, _, _) = option.action else {
            return short + "--" + option.name
        }
        return short + "--" + option.name + " " + placeholder
    }

    /// An option's synopsis, then its description and default wrapped to `width` columns,
    /// each continuation starting at `optionColumn`; the default is never split.
    private static func entry(_ synopsis: String, _ summary: String, _ defaultValue: String?)
        -> String
    {
        let words = summary.split(separator: " ").map(String.init)
        let units = words + (defaultValue.map { ["[default: \($0)]"] } ?? [])
        let wrapped = wrap(units, width: width - optionColumn)

        let indented = "  " + synopsis
        let margin = String(repeating: " ", count: optionColumn)
        let fitsBeside = indented.count + 2 <= optionColumn
        let head = fitsBeside ? indented.padding(to: optionColumn) : indented + "\n" + margin
        let lines = [head + wrapped[0]] + wrapped.dropFirst().map { margin + $0 }
        return lines.joined(separator: "\n")
    }

    /// The units (words, and the default as one unit) in lines of at most `width`
    /// characters; a longer unit stands alone.
    private static func wrap(_ units: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in units {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        return lines + [current]
    }
}

extension String {
    fileprivate func padding(to length: Int) -> String {
        self + String(repeating: " ", count: max(0, length - count))
    }
}
