/// One assignment to the run's options, read from the command line or a configuration file.
///
/// Settings are applied in order onto the built-in defaults: first the configuration file's,
/// then the command line's, so a later setting of the same field wins.
enum Setting: Equatable, Sendable {
    /// A CSV input; `-` is standard input. Each one adds to the inputs.
    case csvFile(String)
    case predictionsFile(String)
    case targetsFile(String)
    case predictionColumn(ColumnSelector)
    case targetColumn(ColumnSelector)
    case header(HeaderMode)
    /// The delimiter byte, or nil to sniff it.
    case delimiter(UInt8?)
    case activation(Activation)
    case loss(Loss)
    case reduction(Reduction)
    case inputKind(InputKind)
    case epsilon(Double)
    case format(SummaryFormat)
    /// Where the summary goes; `-` is standard output.
    case output(String)
    /// Where per-sample records go; `-` is standard output.
    case perSample(String)
    case perSampleFormat(PerSampleFormat)
    case perSampleHeader(Bool)
    case onInvalid(InvalidRowPolicy)
    case rejects(String)
    case workers(Int)
    case chunkBytes(Int)
    case verbosity(Verbosity)
    case configurationFile(String)

    /// Writes this setting into `options`.
    func apply(to options: inout RunOptions) {
        switch self {
        case .csvFile(let path): options.inputs.append(path)
        case .predictionsFile(let path): options.predictionsFile = path
        case .targetsFile(let path): options.targetsFile = path
        case .predictionColumn(let column): options.predictionColumn = column
        case .targetColumn(let column): options.targetColumn = column
        case .header(let mode): options.header = mode
        case .delimiter(let byte): options.delimiter = byte
        case .activation(let activation): options.activation = activation
        case .loss(let loss): options.loss = loss
        case .reduction(let reduction): options.reduction = reduction
        case .inputKind(let kind): options.input = kind
        case .epsilon(let epsilon): options.epsilon = epsilon
        case .format(let format): options.format = format
        case .output(let path): options.output = path
        case .perSample(let path): options.perSample = path
        case .perSampleFormat(let format): options.perSampleFormat = format
        case .perSampleHeader(let written): options.perSampleHeader = written
        case .onInvalid(let policy): options.onInvalid = policy
        case .rejects(let path): options.rejects = path
        case .workers(let count): options.workers = count
        case .chunkBytes(let count): options.chunkBytes = count
        case .verbosity(let level): options.verbosity = level
        case .configurationFile(let path): options.configurationFile = path
        }
    }
}
