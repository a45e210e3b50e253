import Foundation

/// Pictures for the demo site, made here by libvips from noise (no download, nothing to
/// license): soft textures, each in its own colours, 1600 × 900 JPEG.
public enum DemoPhotos {
    /// Gain and offset per band (red, green, blue) applied to noise between -1 and 1.
    static let palettes: [(gain: String, offset: String)] = [
        ("70 50 30", "120 110 150"),  // dusk violet
        ("60 55 25", "190 150 90"),  // desert sand
        ("30 60 70", "70 130 150"),  // sea
        ("40 70 30", "90 140 80"),  // olive grove
        ("70 40 30", "170 90 70"),  // brick
        ("50 50 55", "130 135 145"),  // concrete
    ]

    public static var count: Int { palettes.count }

    /// Writes photo `index` (0 ..< `count`) to `destination` (a `.jpg` path).
    public static func make(_ index: Int, to destination: URL, width: Int = 1600, height: Int = 900) async throws {
        let work = destination.deletingLastPathComponent().appendingPathComponent(".demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        func file(_ name: String) -> String { work.appendingPathComponent(name).path }
        let vips = VipsCommand()
        let palette = palettes[index % palettes.count]
        _ = try await vips.run("vips", ["perlin", file("broad.v"), "\(width)", "\(height)", "--cell-size", "400", "--seed", "\(11 + index)"], untrustedInput: false)
        _ = try await vips.run("vips", ["perlin", file("fine.v"), "\(width)", "\(height)", "--cell-size", "60", "--seed", "\(97 + index)"], untrustedInput: false)
        _ = try await vips.run("vips", ["linear", file("fine.v"), file("fine-low.v"), "0.25", "0"], untrustedInput: false)
        _ = try await vips.run("vips", ["add", file("broad.v"), file("fine-low.v"), file("noise.v")], untrustedInput: false)
        _ = try await vips.run("vips", ["linear", file("noise.v"), file("colour.v"), palette.gain, palette.offset, "--uchar"], untrustedInput: false)
        _ = try await vips.run("vips", ["copy", file("colour.v"), destination.path + "[Q=82]", "--interpretation", "srgb"], untrustedInput: false)
    }
}
