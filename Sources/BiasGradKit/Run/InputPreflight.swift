/// Opens every named input once before the run reads any, so that a missing or unreadable
/// file late in a batch fails the run at once (exit 66) instead of after the files before
/// it were read and their per-sample records streamed.
enum InputPreflight {
    /// - Throws: `BiasGradError.inputUnavailable` for the first input that cannot be opened.
    static func check(_ options: RunOptions) throws(BiasGradError) {
        let twoFiles = [options.predictionsFile, options.targetsFile].compactMap { $0 }
        let paths = options.inputs + twoFiles
        for path in paths where path != "-" {
            _ = try InputFile.open(path)
        }
    }
}
