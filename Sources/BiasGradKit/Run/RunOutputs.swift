/// The outputs of one run, opened before any input is read so that an output that cannot
/// be created fails the run at once, and committed together only when the run succeeds.
final class RunOutputs {
    let perSample: (any OutputSink)?
    let rejects: (any OutputSink)?

    /// Where the summary goes; nil when per-sample records alone go to stdout.
    let summary: (any OutputSink)?

    init(_ options: RunOptions) throws {
        var opened: [any OutputSink] = []
        func open(_ path: String?) throws -> (any OutputSink)? {
            guard let path else { return nil }
            let sink = try openOutputSink(path: path)
            opened.append(sink)
            return sink
        }
        do {
            perSample = try open(options.perSample)
            rejects = try open(options.rejects)
            summary = try open(Self.summaryPath(options))
        } catch {
            opened.forEach { $0.discard() }
            throw error
        }
    }

    /// Where the summary goes: `--output`, else stdout unless per-sample records go there.
    static func summaryPath(_ options: RunOptions) -> String? {
        options.output ?? (options.perSample == "-" ? nil : "-")
    }

    private var all: [any OutputSink] { [perSample, rejects, summary].compactMap { $0 } }

    /// Writes the summary and commits every output, the data files first.
    func finish(with summaryText: String) throws {
        try summary?.write(summaryText)
        for sink in all { try sink.commit() }
    }

    /// Leaves every output as it was before the run; with `keepingRejects`, the rejects
    /// file is still written, since it says why no row was valid.
    func discard(keepingRejects: Bool) {
        if keepingRejects, let rejects, (try? rejects.commit()) != nil {
            for sink in [perSample, summary].compactMap({ $0 }) { sink.discard() }
            return
        }
        for sink in all { sink.discard() }
    }
}
