// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "biasgrad",
    products: [
        .executable(name: "biasgrad", targets: ["biasgrad"]),
        .library(name: "BiasGradKit", targets: ["BiasGradKit"]),
    ],
    targets: [
        // libcsv from Debian's libcsv-dev; it ships no pkg-config file.
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),

        // fast_float (Debian's libfast-float-dev, header only) behind a C interface.
        .target(name: "CFastFloat", path: "Sources/CFastFloat"),

        // {fmt}'s shortest float digits (Debian's libfmt-dev, its shared library), laid out as
        // Python's repr, behind a C interface.
        .target(
            name: "CFmt",
            path: "Sources/CFmt",
            linkerSettings: [.linkedLibrary("fmt")]
        ),

        // Platform constants Swift's C modules leave out.
        .target(name: "CPlatform", path: "Sources/CPlatform"),

        .target(
            name: "BiasGradKit",
            dependencies: ["CLibCSV", "CFastFloat", "CFmt", "CPlatform"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .executableTarget(name: "biasgrad", dependencies: ["BiasGradKit"]),

        .target(
            name: "BiasGradTestSupport",
            dependencies: ["BiasGradKit"],
            path: "Tests/BiasGradTestSupport"
        ),
        .testTarget(
            name: "BiasGradKitTests",
            dependencies: ["BiasGradKit", "BiasGradTestSupport", "CLibCSV"]
        ),
        .testTarget(
            name: "BiasGradCLITests",
            dependencies: ["biasgrad", "BiasGradTestSupport"]
        ),
    ],
    cxxLanguageStandard: .cxx17
)
