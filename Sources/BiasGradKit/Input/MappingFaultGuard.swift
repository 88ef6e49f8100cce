#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Turns the bus error of reading a mapped input that has shrunk into the run's usual I/O
/// error: one line naming the file, temporary outputs removed, exit status 74.
///
/// Each live `FileMapping` takes a slot holding its address range and its message, made
/// when it was mapped. The `SIGBUS` handler looks the faulting address up with atomic
/// loads, writes the message with `write`, removes the temporary files and calls `_exit`;
/// it allocates nothing and touches no Swift object. A fault outside every mapping gets the
/// default action, as if no handler were installed.
final class MappingFaultGuard: @unchecked Sendable {
    /// The guard the handler reads.
    static let shared = MappingFaultGuard()

    /// A registered mapping.
    struct Token: Sendable {
        fileprivate let slot: Int
    }

    /// The most mappings guarded at once; a file mapped beyond it is read instead.
    static let capacity = 64

    private let starts: UnsafeMutablePointer<Atomic<UInt>>
    private let ends: UnsafeMutablePointer<Atomic<UInt>>
    private let messages: UnsafeMutablePointer<Atomic<UnsafeMutablePointer<CChar>?>>
    private let freeSlots = Mutex<[Int]>(Array((0..<capacity).reversed()))

    private init() {
        starts = .allocate(capacity: Self.capacity)
        ends = .allocate(capacity: Self.capacity)
        messages = .allocate(capacity: Self.capacity)
        for slot in 0..<Self.capacity {
            (starts + slot).initialize(to: Atomic(0))
            (ends + slot).initialize(to: Atomic(0))
            (messages + slot).initialize(to: Atomic(nil))
        }
        installHandler()
    }

    /// Guards `count` bytes at `start`; nil when every slot is taken.
    func register(start: UnsafeRawPointer, count: Int, displayName: String) -> Token? {
        guard let slot = freeSlots.withLock({ $0.popLast() }) else { return nil }
        let reason = InputFile.cutShortReason
        let line = "biasgrad: " + BiasGradError.io(path: displayName, reason: reason).message
        messages[slot].store(strdup(line + "\n"), ordering: .releasing)
        let address = UInt(bitPattern: start)
        ends[slot].store(address + UInt(count), ordering: .releasing)
        starts[slot].store(address, ordering: .releasing)
        return Token(slot: slot)
    }

    /// Stops guarding a mapping that is about to be unmapped.
    func unregister(_ token: Token) {
        starts[token.slot].store(0, ordering: .releasing)
        ends[token.slot].store(0, ordering: .releasing)
        let message = messages[token.slot].exchange(nil, ordering: .acquiringAndReleasing)
        free(message)
        freeSlots.withLock { $0.append(token.slot) }
    }

    /// The message the handler would write for a fault at `address`; nil outside every
    /// guarded mapping.
    func faultMessage(at address: UnsafeRawPointer) -> String? {
        guard let message = Self.handlerTables?.message(at: UInt(bitPattern: address)) else {
            return nil
        }
        return String(cString: message)
    }

    /// The tables the handler reads, set before it is installed.
    private struct HandlerTables {
        let starts: UnsafeMutablePointer<Atomic<UInt>>
        let ends: UnsafeMutablePointer<Atomic<UInt>>
        let messages: UnsafeMutablePointer<Atomic<UnsafeMutablePointer<CChar>?>>
        let temporaryFiles: TemporaryFileRegistry.PublishedPaths

        /// Set by the first thread to fault, so that one message is written.
        let faultReported: UnsafeMutablePointer<Atomic<Bool>>

        /// The message of the mapping holding `address`, read with atomic loads only.
        func message(at address: UInt) -> UnsafeMutablePointer<CChar>? {
            for slot in 0..<MappingFaultGuard.capacity {
                let start = starts[slot].load(ordering: .acquiring)
                guard start != 0, address >= start,
                    address < ends[slot].load(ordering: .acquiring)
                else { continue }
                return messages[slot].load(ordering: .acquiring)
            }
            return nil
        }
    }

    private nonisolated(unsafe) static var handlerTables: HandlerTables?

    private typealias FaultHandler = @convention(c) (
        Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?
    ) -> Void

    private func installHandler() {
        let faultReported = UnsafeMutablePointer<Atomic<Bool>>.allocate(capacity: 1)
        faultReported.initialize(to: Atomic(false))
        Self.handlerTables = HandlerTables(
            starts: starts, ends: ends, messages: messages,
            temporaryFiles: TemporaryFileRegistry.shared.publishedPaths,
            faultReported: faultReported)

        var action = sigaction()
        sigemptyset(&action.sa_mask)
        for signal in OutputSafety.cleanupSignals { sigaddset(&action.sa_mask, signal) }
        action.sa_flags = SA_SIGINFO
        let handler: FaultHandler = { _, info, _ in
            let address = info.map { UInt(bitPattern: $0.pointee._sifields._sigfault.si_addr) }
            guard let tables = MappingFaultGuard.handlerTables,
                let message = tables.message(at: address ?? 0)
            else {
                signal(SIGBUS, SIG_DFL)
                return
            }
            // Another thread faulting at once waits here for the first one's `_exit`.
            while tables.faultReported.pointee.exchange(true, ordering: .acquiringAndReleasing) {
                pause()
            }
            _ = write(STDERR_FILENO, message, strlen(message))
            TemporaryFileRegistry.unlinkAll(publishedIn: tables.temporaryFiles)
            _exit(ExitStatus.ioError)
        }
        #if canImport(Glibc)
            action.__sigaction_handler.sa_sigaction = handler
        #else
            action.__sigaction_u.__sa_sigaction = handler
        #endif
        sigaction(SIGBUS, &action, nil)
    }
}
