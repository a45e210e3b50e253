import MinbarCore

/// How pages show the library's photos: `<picture>` with a WebP `srcset` and one in the
/// original's format, `width`/`height` so nothing moves as they load, `loading="lazy"` except
/// for the image the reader sees first. An external image (a typed address) is shown as it is.
enum ResponsiveImages {
    /// The article page's lead image and the photos in its body: the text column.
    static let articleSizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
    /// A story card in a grid or list.
    static let cardSizes = "(min-width: 48rem) 24rem, calc(100vw - 2rem)"
    /// The home page's lead story.
    static let leadSizes = "(min-width: 60rem) 46rem, calc(100vw - 2rem)"

    /// `path 300w, path 768w, …` without repeats, up to 2048 px wide (as WordPress's
    /// `max_srcset_image_width`): a bigger original is for downloading, not for pages.
    static func srcset(_ copies: [MediaCopy]) -> String? {
        var seen = Set<String>()
        let parts = copies.filter { $0.width <= 2048 && seen.insert($0.path).inserted }.map { "\($0.path) \($0.width)w" }
        return parts.count > 1 ? parts.joined(separator: ", ") : nil
    }

    static func view(_ image: FeaturedImage, sizes: String, lazy: Bool, withCaption: Bool) -> ImageView {
        let caption = withCaption && !image.caption.isEmpty ? image.caption : nil
        guard let item = image.media, let fallback = item.displayCopy else {
            return ImageView(src: image.url, alt: image.alt, caption: caption, lazy: lazy)
        }
        let credit = withCaption && !item.credit.isEmpty ? item.credit : nil
        return ImageView(
            src: fallback.path, alt: image.alt, caption: caption, credit: credit, width: fallback.width, height: fallback.height,
            srcset: srcset(item.scaledCopies(format: item.fallbackFormat)), webpSrcset: srcset(item.scaledCopies(format: .webp)),
            sizes: sizes, lazy: lazy)
    }

    /// The address of a copy for social cards (1200×630), with its size.
    static func socialImage(_ image: FeaturedImage) -> (path: String, width: Int?, height: Int?) {
        guard let item = image.media else { return (image.url, nil, nil) }
        if let social = item.copy("social", format: .jpeg) ?? item.copy("social", format: item.fallbackFormat) {
            return (social.path, social.width, social.height)
        }
        let fallback = item.displayCopy
        return (fallback?.path ?? image.url, fallback?.width, fallback?.height)
    }

    /// The 1:1, 4:3 and 16:9 copies Google asks for in NewsArticle `image` (the full copy when
    /// the photo is too small for them).
    static func schemaImagePaths(_ image: FeaturedImage) -> [String] {
        guard let item = image.media else { return [image.url] }
        let crops = ["square", "four_three", "sixteen_nine"].compactMap { item.copy($0)?.path }
        return crops.isEmpty ? [item.displayCopy?.path ?? image.url] : crops
    }

    /// The copy feeds point to (enclosure, `media:content`): at most 1024 px, in a format every
    /// reader shows.
    static func feedImage(_ image: FeaturedImage) -> (path: String, type: String?, bytes: Int?, width: Int?, height: Int?) {
        guard let item = image.media, let copy = item.displayCopy else { return (image.url, nil, nil, nil, nil) }
        return (copy.path, copy.format.mimeType, copy.bytes, copy.width, copy.height)
    }

    /// Gives a body's `<img src="/media/…">` the `srcset` of their library item, a WebP
    /// `<source>`, `sizes` and `loading="lazy"`. Other images, and images that already carry a
    /// `srcset`, are left as they are.
    static func enrich(bodyHTML html: String, media: [String: MediaItem], sizes: String) -> String {
        guard !media.isEmpty, html.contains("<img ") else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + media.count * 400)
        var rest = Substring(html)
        while let start = rest.range(of: "<img ") {
            output += rest[..<start.lowerBound]
            let tagRest = rest[start.lowerBound...]
            var inQuotes = false
            guard
                let end = tagRest.firstIndex(where: { character in
                    if character == "\"" { inQuotes.toggle() }
                    return character == ">" && !inQuotes
                })
            else { break }
            let tag = tagRest[...end]
            rest = tagRest[tagRest.index(after: end)...]
            guard !tag.contains(" srcset="), let src = attribute("src", in: tag), let key = MediaItem.key(ofPath: src), let item = media[key],
                item.copies.contains(where: { $0.path == src })
            else {
                output += tag
                continue
            }
            let fallback = srcset(item.scaledCopies(format: item.fallbackFormat))
            let webp = srcset(item.scaledCopies(format: .webp))
            var img = String(tag.dropLast())
            if img.hasSuffix("/") { img.removeLast() }
            if let fallback { img += " srcset=\"\(fallback)\" sizes=\"\(sizes)\"" }
            img += " loading=\"lazy\" decoding=\"async\">"
            if let webp {
                output += "<picture><source type=\"image/webp\" srcset=\"\(webp)\" sizes=\"\(sizes)\">" + img + "</picture>"
            } else {
                output += img
            }
        }
        output += rest
        return output
    }

    /// The value of `name="…"` in a serialized tag (attribute values there are escaped).
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let value = tag[start.upperBound...].prefix { $0 != "\"" }
        return String(value).replacingOccurrences(of: "&amp;", with: "&")
    }
}
