// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for biasgrad's chunker, record parsers and pipeline, kept out of the main
// package so that its products and its CI never see fuzzer flags. Build and run them with
// Scripts/fuzz, which passes the flags they need: -sanitize=fuzzer,address; -enable-testing,
// so that `@testable import BiasGradKit` reaches the internal seams in a release build; and
// lld as the linker, since gold fails on these objects.
//
// SwiftPM names a path dependency after its folder, so the name is read from the path. A
// checkout in a folder named "fuzz" would share this package's name; Scripts/fuzz says so.
let biasgradRoot = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let biasgradKit = Target.Dependency.product(
    name: "BiasGradKit", package: biasgradRoot.lastPathComponent.lowercased())

let package = Package(
    name: "BiasGradFuzz",
    dependencies: [.package(path: biasgradRoot.path)],
    targets: [
        // libFuzzer's entry point, LLVMFuzzerRunDriver, which no system header declares.
        .target(name: "CFuzzerDriver"),

        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"]),
        .executableTarget(name: "ChunkingFuzzer", dependencies: [biasgradKit, "FuzzSupport"]),
        .executableTarget(name: "PipelineFuzzer", dependencies: [biasgradKit, "FuzzSupport"]),
    ]
)
