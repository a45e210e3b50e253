// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Minbar",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "minbar", targets: ["MinbarCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        // Arabic text: normalization, slugs, digits, Gregorian and Hijri dates. No dependencies.
        .target(name: "MinbarArabic"),
        // Domain values, validation and the store protocols.
        .target(name: "MinbarCore", dependencies: ["MinbarArabic"]),
        // WordPress WXR: a streaming reader (and, with the store, import and export).
        .target(name: "MinbarImport", dependencies: ["MinbarCore", "MinbarMarkup"]),
        // ContentStore on SQLite through GRDB.
        .target(
            name: "MinbarSQLite",
            dependencies: ["MinbarCore", "CSQLiteTuning", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // SQLite settings GRDB does not reach (sqlite3_config).
        .systemLibrary(name: "CSQLiteTuning", providers: [.apt(["libsqlite3-dev"])]),
        // Debian's C libraries: cmark-gfm for Markdown, libxml2's HTML parser for sanitizing.
        .systemLibrary(name: "CCmarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Author text to safe HTML: Markdown rendering and the allowlist sanitizer.
        .target(name: "MinbarMarkup", dependencies: ["MinbarCore", "CCmarkGFM", "CLibXML2"]),
        // Photos: format checks, metadata stripping and resized copies through libvips's
        // command-line tools (Debian's libvips-tools, run as limited processes), files on disk.
        .target(name: "MinbarMedia", dependencies: ["MinbarCore"]),
        // The Hummingbird application: public site, themes, page cache.
        .target(
            name: "MinbarWeb",
            dependencies: [
                "MinbarCore", "MinbarMarkup", "MinbarMedia",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The demo site: the seed article and the demo newsroom's articles.
        .target(name: "MinbarDemo", dependencies: ["MinbarCore", "MinbarArabic"], resources: [.copy("Content")]),
        // The `minbar` executable: the composition root.
        .executableTarget(
            name: "MinbarCLI",
            dependencies: [
                "MinbarCore", "MinbarSQLite", "MinbarWeb", "MinbarDemo", "MinbarMedia", "MinbarImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // bench/: the same-bytes baseline server the page benchmark compares against.
        .executableTarget(
            name: "MinbarBenchBaseline",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "bench/baseline"
        ),
        // Fixtures are read from the source tree (#filePath), not bundled.
        .testTarget(name: "MinbarArabicTests", dependencies: ["MinbarArabic"], exclude: ["Fixtures"]),
        .testTarget(name: "MinbarCoreTests", dependencies: ["MinbarCore"]),
        .testTarget(name: "MinbarSQLiteTests", dependencies: ["MinbarSQLite", "MinbarDemo", "CSQLiteTuning"]),
        .testTarget(
            name: "MinbarWebTests",
            dependencies: [
                "MinbarWeb", "MinbarSQLite", "MinbarDemo", "MinbarArabic", "MinbarMedia",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "MinbarMarkupTests", dependencies: ["MinbarMarkup"], exclude: ["Fixtures"]),
        .testTarget(name: "MinbarMediaTests", dependencies: ["MinbarMedia"]),
        .testTarget(name: "MinbarImportTests", dependencies: ["MinbarImport"]),
        .testTarget(name: "MinbarDemoTests", dependencies: ["MinbarDemo", "MinbarSQLite"]),
        // Starts the built `minbar` executable as a process; `swift build` builds it first.
        .testTarget(name: "MinbarCLITests"),
    ]
)
