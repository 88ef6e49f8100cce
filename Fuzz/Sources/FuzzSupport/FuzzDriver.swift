import CFuzzerDriver
import Foundation

/// Hands the process to libFuzzer's driver, which calls `test` with each input, and exits
/// with its status. `test` returns 0; a broken property ends the process through
/// `propertyFailed`, which libFuzzer reports as a crash and saves the input of.
public func runFuzzer(_ test: fuzz_test_one_input) -> Never {
    exit(fuzz_run_driver(CommandLine.argc, CommandLine.unsafeArgv, test))
}

/// Writes what broke to stderr and aborts, so that libFuzzer keeps the input.
public func propertyFailed(_ message: String) -> Never {
    var text = "property failed: " + message + "\n"
    text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    abort()
}

/// The text of `bytes` for messages, escaped so that control bytes show.
public func shown(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self).debugDescription
}
