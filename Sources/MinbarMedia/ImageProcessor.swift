import Foundation
import MinbarCore

/// Turns an upload into the copies a page serves, with libvips's command-line tools: the
/// camera's orientation applied, colours in sRGB, every metadata block (EXIF, GPS, XMP, IPTC,
/// comments, ICC) stripped from every copy, the full-size one included; resized copies at
/// `ImageSize.all` in WebP and the original's format.
///
/// The upload is decoded twice, each time in its own limited process: once at full size (the
/// full copy) and once shrunk on load to a 2048-pixel master in libvips's own format, from
/// which the other copies are made two at a time.
public struct ImageProcessor: Sendable {
    /// Why an upload was refused, in words for the person who sent it.
    public enum Refusal: Error, Sendable, Equatable {
        case notAnImage
        case svg
        case empty
        case tooManyPixels(width: Int, height: Int, limit: Int)
        case damaged
        case timedOut

        public var message: LocalizedText {
            switch self {
            case .notAnImage:
                LocalizedText(
                    ar: "الملف ليس صورة يقبلها الموقع؛ الصيغ المقبولة: JPEG وPNG وWebP وGIF وAVIF وHEIC.",
                    en: "The file is not an image the site accepts; accepted formats: JPEG, PNG, WebP, GIF, AVIF and HEIC.")
            case .svg:
                LocalizedText(
                    ar: "ملفات SVG لا تُقبل لأنها قد تحمل شيفرة تعمل في المتصفح؛ حوّلها إلى PNG ثم ارفعها.",
                    en: "SVG files are not accepted because they can carry code that runs in the browser; convert it to PNG and upload that.")
            case .empty:
                LocalizedText(ar: "الملف فارغ (0 بايت).", en: "The file is empty (0 bytes).")
            case .tooManyPixels(let width, let height, let limit):
                LocalizedText(
                    ar: "الصورة \(width)×\(height) بكسل، أكبر من الحد المسموح (\(limit / 1_000_000) ميغابكسل)؛ صغّرها ثم ارفعها.",
                    en: "The image is \(width)×\(height) pixels, over the limit of \(limit / 1_000_000) megapixels; make it smaller and upload it again.")
            case .damaged:
                LocalizedText(
                    ar: "تعذّرت قراءة الصورة: الملف تالف أو ناقص. صدّره من جديد ثم ارفعه.",
                    en: "The image could not be read: the file is damaged or incomplete. Export it again and upload it.")
            case .timedOut:
                LocalizedText(
                    ar: "استغرقت معالجة الصورة وقتاً أطول من المسموح فأُوقفت؛ جرّب صورة أصغر.",
                    en: "Processing the image took longer than allowed and was stopped; try a smaller image.")
            }
        }
    }

    /// What the first bytes and the header say, before any decoding.
    public struct Header: Sendable, Equatable {
        public var format: ImageFormat
        public var width: Int
        public var height: Int
    }

    /// What processing made.
    public struct Result: Sendable {
        public var width: Int
        public var height: Int
        public var copies: [MediaCopy]
    }

    /// The most pixels an upload may have (a site setting: 50 megapixels by default).
    public var maximumPixels: Int
    var command = VipsCommand()
    /// How many copies are made at once.
    public var parallelism = 2

    public init(maximumPixels: Int = 50_000_000, wallClockLimit: Duration = .seconds(60)) {
        self.maximumPixels = maximumPixels
        command.limits.wallClock = wallClockLimit
    }

    /// Whether libvips's tools are installed.
    public static var isAvailable: Bool {
        ["/usr/bin/vips", "/usr/bin/vipsheader", "/usr/bin/webpmux", "/usr/bin/prlimit"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    // MARK: Checking

    /// The format (from the bytes, whatever the name says) and the pixel size (from the header
    /// alone: a tiny PNG that declares 100,000 × 100,000 pixels is refused without decoding).
    public func header(of file: URL) async throws(Refusal) -> Header {
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 512) ?? Data()
        } catch {
            throw .damaged
        }
        guard !head.isEmpty else { throw .empty }
        guard let format = ImageFormat.sniff(head) else {
            let text = String(decoding: head, as: UTF8.self).lowercased()
            throw text.contains("<svg") || text.contains("<?xml") ? .svg : .notAnImage
        }
        // Declared sizes read straight from the bytes where they sit at fixed places: a bomb is
        // refused even when it is too broken for libvips to read its header.
        if let (width, height) = Self.declaredSize(head, format: format), width * height > maximumPixels || width > 100_000 || height > 100_000 {
            throw .tooManyPixels(width: width, height: height, limit: maximumPixels)
        }
        let printed: String
        do {
            printed = try await command.run("vipsheader", [file.path], untrustedInput: true)
        } catch let failure as VipsCommand.Failure {
            throw failure.timedOut ? .timedOut : .damaged
        } catch {
            throw .damaged
        }
        guard let (width, height) = Self.dimensions(in: printed) else { throw .damaged }
        guard width * height <= maximumPixels, width <= 100_000, height <= 100_000 else {
            throw .tooManyPixels(width: width, height: height, limit: maximumPixels)
        }
        return Header(format: format, width: width, height: height)
    }

    /// The size a PNG (IHDR) or GIF (logical screen) header declares.
    static func declaredSize(_ head: Data, format: ImageFormat) -> (Int, Int)? {
        let bytes = [UInt8](head.prefix(32))
        switch format {
        case .png where bytes.count >= 24:
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            return (width, height)
        case .gif where bytes.count >= 10:
            return (Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8)
        default:
            return nil
        }
    }

    /// `name: 4000x3000 uchar, 3 bands, srgb, jpegload` → (4000, 3000).
    static func dimensions(in line: String) -> (Int, Int)? {
        guard let colon = line.range(of: ": ") else { return nil }
        let rest = line[colon.upperBound...]
        let size = rest.prefix { $0 != " " }
        let parts = size.split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else { return nil }
        return (width, height)
    }

    // MARK: Copies

    /// Makes every copy of `source` (an upload of `format`, named by `key`) and publishes them
    /// in `store`. Nothing of the upload's metadata is in any of them.
    /// `pixels`: the upload's size as its header declares it (read again when not given).
    public func makeCopies(
        of source: URL, format: ImageFormat, key: String, store: some MediaStore, pixels: (width: Int, height: Int)? = nil
    ) async throws(Refusal) -> Result {
        let declared: (width: Int, height: Int)
        if let pixels {
            declared = pixels
        } else {
            let header = try await header(of: source)
            declared = (header.width, header.height)
        }
        let work: URL
        do {
            work = try store.workingFile(named: "copies")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw .damaged
        }
        defer { try? FileManager.default.removeItem(at: work) }
        // A GIF keeps its frames at full size; `fail-on truncated` refuses a cut-off file
        // instead of showing it half grey.
        let input = format == .gif ? source.path + "[n=-1]" : source.path
        let fullFormat = format.fullFormat
        let full = work.appendingPathComponent("full." + fullFormat.fileExtension)
        // The master is an uncompressed TIFF without any metadata: nothing of the camera's can
        // reach a copy made from it, whatever a saver does.
        let master = work.appendingPathComponent("master.tif")
        let masterBox = Self.masterBox(width: declared.width, height: declared.height)
        // The full-size copy is made while the master and then the scaled copies are: its size
        // is the upload's, upright.
        let command = self.command
        @Sendable func makeFull() async throws {
            _ = try await command.run(
                "vips", ["thumbnail", input, full.path + Self.saveOptions(fullFormat), "100000", "--height", "100000", "--size", "down", "--fail-on", "truncated"],
                untrustedInput: true)
            if fullFormat == .webp { try await Self.stripWebP(full, command: command) }
        }
        async let fullCopy: Void = makeFull()
        let width: Int
        let height: Int
        do {
            _ = try await command.run(
                "vips", [
                    "thumbnail", source.path, master.path + "[strip,compression=none]", String(masterBox), "--height", String(masterBox), "--size", "down",
                    "--fail-on", "truncated",
                ],
                untrustedInput: true)
            // Upright, a picture whose camera held it sideways has its sides swapped.
            guard let (masterWidth, masterHeight) = Self.dimensions(in: try await command.run("vipsheader", [master.path], untrustedInput: false)) else {
                throw ImageProcessor.Refusal.damaged
            }
            let swapped = (masterWidth > masterHeight) != (declared.width > declared.height) && masterWidth != masterHeight
            (width, height) = swapped ? (declared.height, declared.width) : (declared.width, declared.height)
        } catch let failure as VipsCommand.Failure {
            _ = try? await fullCopy
            throw failure.timedOut ? .timedOut : .damaged
        } catch {
            _ = try? await fullCopy
            throw .damaged
        }

        // Each copy to make: (size, format, file).
        var jobs: [(ImageSize, ImageFormat, (Int, Int), URL)] = []
        for size in ImageSize.all {
            guard let dimensions = size.dimensions(forWidth: width, height: height) else { continue }
            var formats = [format.copyFormat]
            if size.withWebP, format.copyFormat != .webp { formats.append(.webp) }
            for copyFormat in formats {
                let file = work.appendingPathComponent("\(size.name).\(copyFormat.fileExtension)")
                jobs.append((size, copyFormat, dimensions, file))
            }
        }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                var next = 0
                func start() {
                    guard next < jobs.count else { return }
                    let (size, copyFormat, _, file) = jobs[next]
                    next += 1
                    // The master is upright already but keeps the camera's orientation tag: not again.
                    var arguments = [
                        "thumbnail", master.path, file.path + Self.saveOptions(copyFormat), String(size.width), "--height", String(size.height),
                        "--size", "down", "--no-rotate",
                    ]
                    if size.crop { arguments += ["--crop", "centre"] }
                    let command = self.command
                    group.addTask {
                        _ = try await command.run("vips", arguments, untrustedInput: false)
                        if copyFormat == .webp { try await Self.stripWebP(file, command: command) }
                    }
                }
                for _ in 0..<max(1, parallelism) { start() }
                while try await group.next() != nil { start() }
            }
        } catch let failure as VipsCommand.Failure {
            throw failure.timedOut ? .timedOut : .damaged
        } catch {
            throw .damaged
        }
        do {
            try await fullCopy
        } catch let failure as VipsCommand.Failure {
            throw failure.timedOut ? .timedOut : .damaged
        } catch {
            throw .damaged
        }
        // The real sizes, read in one run.
        let files = [full] + jobs.map(\.3)
        let sizes: [String: (Int, Int)]
        do {
            let printed = try await command.run("vipsheader", files.map(\.path), untrustedInput: false)
            var found: [String: (Int, Int)] = [:]
            for line in printed.split(separator: "\n") {
                guard let colon = line.range(of: ": "), let dimensions = Self.dimensions(in: String(line)) else { continue }
                found[String(line[..<colon.lowerBound])] = dimensions
            }
            sizes = found
        } catch {
            throw .damaged
        }
        var copies: [MediaCopy] = []
        func publish(_ file: URL, name: String, format: ImageFormat, fallback: (Int, Int)) throws {
            let (w, h) = sizes[file.path] ?? fallback
            let path = name == "full"
                ? FeaturedImage.mediaPathPrefix + key + "." + format.fileExtension
                : FeaturedImage.mediaPathPrefix + key + "-\(w)x\(h)." + format.fileExtension
            let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            try store.publish(file, at: path)
            copies.append(MediaCopy(name: name, format: format, width: w, height: h, bytes: bytes, path: path))
        }
        do {
            try publish(full, name: "full", format: fullFormat, fallback: (width, height))
            for (size, copyFormat, dimensions, file) in jobs {
                try publish(file, name: size.name, format: copyFormat, fallback: dimensions)
            }
        } catch {
            throw .damaged
        }
        let measured = sizes[full.path] ?? (width, height)
        return Result(width: measured.0, height: measured.1, copies: copies)
    }

    /// The square box the master copy fits in: room for the largest scaled copy (2048) and for
    /// every 1200-pixel crop of a tall or wide picture (its short side at least 1200 when the
    /// original has them), at most 8192 pixels (a panorama's crops are then a little smaller).
    static func masterBox(width: Int, height: Int) -> Int {
        let long = max(width, height)
        let short = max(1, min(width, height))
        let forCrops = Int((1200.0 * Double(long) / Double(short)).rounded(.up))
        return min(long, min(8192, max(2048, forCrops)))
    }

    /// Removes the EXIF, XMP and ICC chunks of a WebP file with libwebp's `webpmux`: libvips
    /// 8.14.1 (Debian 12) ignores `strip` when saving WebP and writes the camera's EXIF and XMP.
    static func stripWebP(_ file: URL, command: VipsCommand) async throws {
        let info = try await command.run("webpmux", ["-info", file.path], untrustedInput: false)
        let features = info.split(separator: "\n").first { $0.hasPrefix("Features present:") } ?? ""
        for (chunk, word) in [("exif", "EXIF"), ("xmp", "XMP"), ("icc", "ICC")] where features.contains(word) {
            _ = try await command.run("webpmux", ["-strip", chunk, file.path, "-o", file.path], untrustedInput: false)
        }
    }

    /// Saver options: metadata stripped; quality for the web; progressive JPEG.
    static func saveOptions(_ format: ImageFormat) -> String {
        switch format {
        case .jpeg: "[Q=82,strip,optimize_coding,interlace]"
        case .webp: "[Q=78,strip,effort=2]"
        case .png: "[strip,compression=6]"
        case .gif: "[strip]"
        case .avif, .heic: "[Q=60,strip]"
        }
    }
}
