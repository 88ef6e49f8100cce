import Foundation

/// A folder of this process's own for the files a test case reads and writes, under
/// `TMPDIR` (Scripts/fuzz points it at memory when it can), removed at exit.
public final class ScratchFolder: Sendable {
    /// The folder's path.
    public let path: String

    /// The folder of this process.
    public static let shared = ScratchFolder()

    private init() {
        let base = URL(fileURLWithPath: NSTemporaryDirectory())
        var template = Array(base.appendingPathComponent("biasgrad-fuzz-XXXXXX").path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { propertyFailed("cannot create a scratch folder in \(base.path)") }
        path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        atexit { try? FileManager.default.removeItem(atPath: ScratchFolder.shared.path) }
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Replaces the contents of `name` with `bytes` and returns its path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let target = file(name)
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { propertyFailed("cannot write \(target)") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let got = bytes.withUnsafeBytes {
                Foundation.write(descriptor, $0.baseAddress! + written, bytes.count - written)
            }
            guard got > 0 else { propertyFailed("cannot write \(target)") }
            written += got
        }
        return target
    }

    /// The contents of `name`, or nil when it does not exist.
    public func read(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: file(name)).map { Array($0) }
    }

    /// Removes `name` if it exists.
    public func remove(_ name: String) {
        unlink(file(name))
    }
}
