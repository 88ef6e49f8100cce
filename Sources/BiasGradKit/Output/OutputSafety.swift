#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps an interrupted run from leaving temporary output files behind.
public enum OutputSafety {
    /// The signals after which temporary files are removed: Ctrl-C, `kill`, a closed
    /// terminal, and the other signals whose default action ends the process without a
    /// core dump (alarms, profiling timers, the user signals, the CPU time limit).
    public static let cleanupSignals: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF, SIGXCPU,
    ]

    /// Installs handlers for `cleanupSignals` that remove every temporary file in
    /// `TemporaryFileRegistry.shared` and end the process with status 128 + the signal
    /// number, as a shell reports a process the signal killed; and ignores `SIGPIPE`, so
    /// that a closed pipe surfaces as `OutputReaderClosed` instead of killing the process
    /// before its temporary files are removed.
    ///
    /// The handler is async-signal-safe: it reads the registry's table of C strings, made
    /// when each path was registered, with atomic loads, and calls only `unlink` and
    /// `_exit`. It takes no lock, allocates nothing and touches no Swift object, so it can
    /// interrupt any thread at any point. While it runs, the other cleanup signals are
    /// blocked. A signal that was ignored when the process started (as `nohup` ignores
    /// SIGHUP, and a shell SIGINT for background jobs) stays ignored. A `DispatchSource` was
    /// not used: on Linux it reads signals from a
    /// `signalfd`, which misses a signal taken by any thread that has not blocked it.
    ///
    /// Call it once, early in `main`, before any output is opened.
    public static func installSignalCleanup() {
        handlerTable = TemporaryFileRegistry.shared.publishedPaths

        var action = sigaction()
        sigemptyset(&action.sa_mask)
        for signal in cleanupSignals { sigaddset(&action.sa_mask, signal) }
        action.sa_flags = 0
        setHandler(&action)
        for signal in cleanupSignals where !isIgnored(signal) {
            sigaction(signal, &action, nil)
        }

        signal(SIGPIPE, SIG_IGN)
    }

    private static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        #if canImport(Glibc)
            let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        #else
            let handler = unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self)
        #endif
        return handler == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Removes every temporary file now, from ordinary code, for example before a fatal exit.
    public static func removeTemporaryFiles() {
        TemporaryFileRegistry.shared.removeAll()
    }

    /// The table the handler reads, set before the handlers are installed.
    private nonisolated(unsafe) static var handlerTable: TemporaryFileRegistry.PublishedPaths?

    private static func setHandler(_ action: inout sigaction) {
        let handler: @convention(c) (Int32) -> Void = { signal in
            if let table = OutputSafety.handlerTable {
                TemporaryFileRegistry.unlinkAll(publishedIn: table)
            }
            _exit(128 + signal)
        }
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
        #else
            action.__sigaction_u.__sa_handler = handler
        #endif
    }
}
