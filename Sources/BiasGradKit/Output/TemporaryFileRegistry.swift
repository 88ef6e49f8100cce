import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary files that exist right now, so that they can be removed when the process
/// is interrupted.
///
/// Registration and removal from ordinary code go through a `Mutex`. A signal handler cannot
/// take a lock or allocate, so each live path is also published, as a C string made at
/// registration, in a fixed table of atomic pointers that `unlinkAllFromSignalHandler`
/// reads with nothing but atomic loads and `unlink`. The C strings live as long as the
/// registry, because a handler running on another thread may still hold one after it is
/// unregistered; a process opens a handful of outputs, so this costs a few hundred bytes.
public final class TemporaryFileRegistry: @unchecked Sendable {
    /// The registry the outputs use and the signal handlers read.
    public static let shared = TemporaryFileRegistry()

    /// Names one registration, to end it.
    public struct Token: Sendable, Hashable {
        fileprivate let slot: Int
    }

    /// The most paths that can be live at once; more are not registered.
    public static let capacity = 64

    private let slots: PublishedPaths
    private let paths = Mutex<[Int: String]>([:])

    /// The addresses of every C string published so far, freed with the registry.
    private let publishedStrings = Mutex<[UInt]>([])

    public init() {
        slots = .allocate(capacity: Self.capacity)
        for index in 0..<Self.capacity {
            (slots + index).initialize(to: Atomic(nil))
        }
    }

    deinit {
        slots.deinitialize(count: Self.capacity)
        slots.deallocate()
        publishedStrings.withLock { addresses in
            for address in addresses { free(UnsafeMutableRawPointer(bitPattern: address)) }
        }
    }

    /// Records `path` as live; returns nil when the table is full.
    public func register(_ path: String) -> Token? {
        paths.withLock { paths in
            guard let slot = (0..<Self.capacity).first(where: { paths[$0] == nil }) else {
                return nil
            }
            paths[slot] = path
            guard let published = strdup(path) else { return nil }
            let address = UInt(bitPattern: published)
            publishedStrings.withLock { $0.append(address) }
            slots[slot].store(published, ordering: .releasing)
            return Token(slot: slot)
        }
    }

    /// Forgets a path that has been renamed or removed.
    public func unregister(_ token: Token) {
        paths.withLock { paths in
            paths[token.slot] = nil
            slots[token.slot].store(nil, ordering: .releasing)
        }
    }

    /// The live paths, in no particular order.
    public var livePaths: [String] {
        paths.withLock { Array($0.values) }
    }

    /// Removes every live file and forgets it.
    public func removeAll() {
        paths.withLock { paths in
            for (slot, path) in paths {
                unlink(path)
                slots[slot].store(nil, ordering: .releasing)
            }
            paths.removeAll()
        }
    }

    /// Removes every live file using only async-signal-safe operations: atomic loads and
    /// `unlink`. Nothing is forgotten, because the process is about to end.
    public func unlinkAllFromSignalHandler() {
        Self.unlinkAll(publishedIn: slots)
    }

    /// The table a signal handler reads, to be kept where the handler finds it without
    /// touching a Swift object.
    var publishedPaths: PublishedPaths { slots }

    typealias PublishedPaths = UnsafeMutablePointer<Atomic<UnsafeMutablePointer<CChar>?>>

    /// Unlinks every path in a published table, with atomic loads and `unlink` only.
    static func unlinkAll(publishedIn slots: PublishedPaths) {
        for slot in 0..<capacity {
            if let path = slots[slot].load(ordering: .acquiring) {
                unlink(path)
            }
        }
    }
}
