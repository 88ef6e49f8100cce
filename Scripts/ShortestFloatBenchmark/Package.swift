// swift-tools-version:6.0
import Foundation
import PackageDescription

// Measures ShortestFloat from outside the main package, so the product gains no benchmark
// target. Run from this folder: swift run -c release
//
// SwiftPM names a path dependency after its folder, so the name is read from the path.
let biasgradRoot = URL(fileURLWithPath: Context.packageDirectory)
    .deletingLastPathComponent()
    .deletingLastPathComponent()

let package = Package(
    name: "ShortestFloatBenchmark",
    dependencies: [.package(path: biasgradRoot.path)],
    targets: [
        .executableTarget(
            name: "ShortestFloatBenchmark",
            dependencies: [
                .product(
                    name: "BiasGradKit",
                    package: biasgradRoot.lastPathComponent.lowercased()
                ),
            ]
        ),
    ]
)
