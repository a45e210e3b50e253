import MinbarCore
import Mustache

/// HTML escaping for templates that declare `{{% CONTENT_TYPE: HTML }}`: the same five
/// characters as Mustache's own escaping, done on UTF-8 bytes (Mustache's per-character lookup
/// was a sixth of a page render). Templates without the pragma keep Mustache's escaping, so
/// output is escaped either way.
struct FastHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLText.escape(text) }

    /// Registers it under the name `HTML`, once, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: "HTML")
}
