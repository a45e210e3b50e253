import Foundation
import MinbarCore
import Testing

@testable import MinbarMedia

/// Test photos made here with libvips (and exiftool for a camera's metadata), never downloaded.
enum TestPhotos {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-media-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool.hasPrefix("/") ? tool : "/usr/bin/" + tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestPhotoError("\(tool) \(arguments) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    /// A landscape "photo" (a gradient with texture) of `width` × `height`, in `format`.
    static func photo(_ width: Int, _ height: Int, format: String = "jpg", in directory: URL, name: String = "photo") throws -> URL {
        let base = directory.appendingPathComponent(name + "-base.v").path
        let noise = directory.appendingPathComponent(name + "-noise.v").path
        try run("vips", ["xyz", base, String(width), String(height)])
        let x = directory.appendingPathComponent(name + "-x.v").path
        try run("vips", ["extract_band", base, x, "0"])
        let scaled = directory.appendingPathComponent(name + "-s.v").path
        try run("vips", ["linear", x, scaled, String(200.0 / Double(width)), "20"])
        try run("vips", ["gaussnoise", noise, String(width), String(height), "--mean", "0", "--sigma", "20"])
        let sum = directory.appendingPathComponent(name + "-sum.v").path
        try run("vips", ["add", scaled, noise, sum])
        let band = directory.appendingPathComponent(name + "-b.v").path
        try run("vips", ["cast", sum, band, "uchar"])
        let rgb = directory.appendingPathComponent(name + "-rgb.v").path
        try run("vips", ["bandjoin", "\(band) \(scaled) \(band)", rgb])
        let out = directory.appendingPathComponent(name + "." + format)
        try run("vips", ["copy", rgb, out.path])
        return out
    }

    /// A camera's metadata: GPS position, make and model, an orientation of 90° (the pixels
    /// lie on their side), XMP and IPTC credits, a comment.
    static func addCameraMetadata(_ file: URL) throws {
        try run("exiftool", [
            "-q", "-overwrite_original", "-GPSLatitude=33.5138", "-GPSLatitudeRef=N", "-GPSLongitude=36.2765", "-GPSLongitudeRef=E",
            "-Make=Canon", "-Model=EOS R5", "-SerialNumber=0123456789", "-Orientation#=6", "-XMP:Creator=مصور", "-IPTC:By-line=Reporter",
            "-Comment=secret source", file.path,
        ])
    }

    /// Every tag exiftool finds, group-qualified.
    static func tags(_ file: URL) throws -> String { try run("exiftool", ["-G", "-s", "-a", file.path]) }

    static var exiftoolInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/exiftool") }
}

struct TestPhotoError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

@Suite(.enabled(if: ImageProcessor.isAvailable, "libvips-tools is not installed"))
struct ImageProcessorTests {
    @Test func aPhotoIsTurnedUprightStrippedOfEveryMetadataBlockAndCopiedAtEachSize() async throws {
        let directory = try TestPhotos.directory()
        let photo = try TestPhotos.photo(1600, 1200, in: directory)
        try TestPhotos.addCameraMetadata(photo)
        #expect(try TestPhotos.tags(photo).contains("GPSLatitude"))
        let store = try FileMediaStore(root: directory.appendingPathComponent("media"))
        let processor = ImageProcessor()
        let header = try await processor.header(of: photo)
        #expect(header == ImageProcessor.Header(format: .jpeg, width: 1600, height: 1200))
        let result = try await processor.makeCopies(of: photo, format: .jpeg, key: "2026/12/abc-صورة", store: store)
        // Upright: the camera said the pixels lie on their side.
        #expect(result.width == 1200 && result.height == 1600)
        let names = Set(result.copies.map { "\($0.name).\($0.format.rawValue)" })
        for expected in ["full.jpeg", "thumbnail.jpeg", "thumbnail.webp", "medium.jpeg", "medium.webp", "medium_large.jpeg", "medium_large.webp",
            "large.jpeg", "large.webp", "1536x1536.jpeg", "1536x1536.webp", "social.jpeg", "social.webp", "square.jpeg", "four_three.jpeg", "sixteen_nine.jpeg"]
        {
            #expect(names.contains(expected), "\(expected) in \(names.sorted())")
        }
        #expect(!names.contains("2048x2048.jpeg"), "no copy as large as the original")
        let medium = try #require(result.copies.first { $0.name == "medium" && $0.format == .jpeg })
        #expect(medium.width == 225 && medium.height == 300 && medium.path == "/media/2026/12/abc-صورة-225x300.jpg")
        #expect(result.copies.first { $0.name == "thumbnail" }?.width == 150)
        #expect(result.copies.first { $0.name == "social" }.map { ($0.width, $0.height) } ?? (0, 0) == (1200, 630))
        if TestPhotos.exiftoolInstalled {
            for copy in result.copies {
                let file = try #require(store.file(forPublicPath: copy.path))
                let tags = try TestPhotos.tags(file)
                for forbidden in ["GPS", "Canon", "EOS R5", "0123456789", "Orientation", "XMP", "IPTC", "Reporter", "secret source", "مصور"] {
                    #expect(!tags.contains(forbidden), "\(copy.path) keeps \(forbidden)")
                }
            }
        }
    }

    @Test func hostileFilesAreRefusedWithAReason() async throws {
        let directory = try TestPhotos.directory()
        let processor = ImageProcessor()
        func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
            let url = directory.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url
        }
        await #expect(throws: ImageProcessor.Refusal.notAnImage) { _ = try await processor.header(of: try file("shell.jpg", Array("<?php system($_GET['c']); ?>".utf8))) }
        await #expect(throws: ImageProcessor.Refusal.empty) { _ = try await processor.header(of: try file("empty.jpg", [])) }
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>"
        await #expect(throws: ImageProcessor.Refusal.svg) { _ = try await processor.header(of: try file("x.svg", Array(svg.utf8))) }
        // A decompression bomb: a tiny PNG that declares 100,000 × 100,000 pixels.
        let bomb = try file("bomb.png", Self.pngHeader(width: 100_000, height: 100_000))
        await #expect(throws: ImageProcessor.Refusal.tooManyPixels(width: 100_000, height: 100_000, limit: 50_000_000)) {
            _ = try await processor.header(of: bomb)
        }
        // A JPEG cut in half.
        let photo = try TestPhotos.photo(800, 600, in: directory)
        let data = try Data(contentsOf: photo)
        let truncated = try file("cut.jpg", Array(data.prefix(data.count / 2)))
        let store = try FileMediaStore(root: directory.appendingPathComponent("media"))
        await #expect(throws: ImageProcessor.Refusal.damaged) {
            _ = try await processor.makeCopies(of: truncated, format: .jpeg, key: "2026/12/cut", store: store)
        }
    }

    @Test func phoneFormatsAreReadAndServedAsFormatsEveryBrowserShows() async throws {
        let directory = try TestPhotos.directory()
        let store = try FileMediaStore(root: directory.appendingPathComponent("media"))
        for (format, expected) in [("heic", ImageFormat.heic), ("avif", .avif), ("webp", .webp), ("png", .png), ("gif", .gif)] {
            let photo = try TestPhotos.photo(640, 480, format: format, in: directory, name: "p-\(format)")
            let header = try await ImageProcessor().header(of: photo)
            #expect(header.format == expected)
            let result = try await ImageProcessor().makeCopies(of: photo, format: expected, key: "2026/12/\(format)", store: store)
            #expect(result.copies.first { $0.name == "full" }?.format == expected.fullFormat)
            #expect(result.copies.contains { $0.name == "medium" && $0.format == .webp })
            #expect(!result.copies.contains { $0.format == .heic || $0.format == .avif }, "only the full copy may keep the original's format")
        }
    }

    /// PNG signature and an IHDR chunk: what the header check reads.
    static func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        var chunk = Array("IHDR".utf8)
        chunk += withUnsafeBytes(of: width.bigEndian, Array.init) + withUnsafeBytes(of: height.bigEndian, Array.init) + [8, 2, 0, 0, 0]
        bytes += chunk + withUnsafeBytes(of: crc32(chunk).bigEndian, Array.init)
        bytes += [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        return bytes
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
