// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "spfkit",
  products: [
    .library(name: "SPFKit", targets: ["SPFKit"]),
    .library(name: "SPFKitDNS", targets: ["SPFKitDNS"]),
    .executable(name: "spfkit", targets: ["spfkit"]),
  ],
  targets: [
    .target(name: "SPFKit"),
    .target(name: "SPFKitDNS", dependencies: ["SPFKit"]),
    .executableTarget(name: "spfkit", dependencies: ["SPFKit", "SPFKitDNS"]),
    .executableTarget(name: "spfkit-bench", dependencies: ["SPFKit", "SPFKitDNS"]),
    .testTarget(name: "SPFKitTests", dependencies: ["SPFKit", "SPFKitDNS"]),
    .testTarget(name: "spfkitTests", dependencies: ["SPFKit"]),
    .testTarget(name: "ConformanceTests", dependencies: ["SPFKit"]),
  ],
  swiftLanguageModes: [.v6]
)
