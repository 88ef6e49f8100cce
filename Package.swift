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

        // Google's double-conversion (Debian's libdouble-conversion-dev) behind a C interface.
        .target(
            name: "CDoubleConversion",
            path: "Sources/CDoubleConversion",
            linkerSettings: [.linkedLibrary("double-conversion")]
        ),

        .target(
            name: "BiasGradKit",
            dependencies: ["CLibCSV", "CFastFloat", "CDoubleConversion"],
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
