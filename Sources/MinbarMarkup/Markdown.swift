import CCmarkGFM
import Foundation

/// Markdown bodies, rendered by GitHub's CommonMark library (Debian's cmark-gfm) with tables,
/// strikethrough, autolinks and task lists, then sanitized: raw HTML an author mixes in passes
/// through `HTMLSanitizer` like any other HTML.
///
/// ```swift
/// Markdown.html(from: "## عنوان\n\nفقرة **مهمة**.")
/// // "<h2>عنوان</h2>\n<p>فقرة <strong>مهمة</strong>.</p>\n"
/// ```
public enum Markdown {
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    /// Raw HTML is kept by cmark and cleaned by the sanitizer (an allowlist, not cmark's
    /// all-or-nothing); invalid UTF-8 is replaced.
    static let options: Int32 = (1 << 17) | (1 << 9)  // CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8

    /// cmark-gfm registers its extensions in a global registry without a lock: once, here.
    static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Safe HTML for a Markdown text.
    public static func html(from markdown: String) -> String {
        HTMLSanitizer.sanitize(unsafeHTML(from: markdown))
    }

    /// cmark-gfm's HTML before sanitizing.
    static func unsafeHTML(from markdown: String) -> String {
        _ = registered
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.withCString { pointer in
            cmark_parser_feed(parser, pointer, strlen(pointer))
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
