import Mustache

/// Templates the core ships and a theme may override by having a file of the same name.
enum CoreTemplates {
    /// `partials/head-meta`: canonical link, description, Open Graph, Twitter card, feed links
    /// and JSON-LD.
    static let headMeta = """
        {{% CONTENT_TYPE: HTML }}
        {{#meta}}
        {{#robots}}<meta name="robots" content="{{robots}}">
        {{/robots}}<link rel="canonical" href="{{canonicalURL}}">
        {{#description}}<meta name="description" content="{{description}}">
        {{/description}}<meta property="og:site_name" content="{{siteName}}">
        <meta property="og:locale" content="{{locale}}">
        <meta property="og:type" content="{{ogType}}">
        <meta property="og:title" content="{{title}}">
        {{#description}}<meta property="og:description" content="{{description}}">
        {{/description}}<meta property="og:url" content="{{canonicalURL}}">
        {{#imageURL}}<meta property="og:image" content="{{imageURL}}">
        {{/imageURL}}{{#imageWidth}}<meta property="og:image:width" content="{{imageWidth}}">
        <meta property="og:image:height" content="{{imageHeight}}">
        {{/imageWidth}}{{#imageAlt}}<meta property="og:image:alt" content="{{imageAlt}}">
        {{/imageAlt}}{{#articleMeta}}<meta property="article:published_time" content="{{publishedTime}}">
        <meta property="article:modified_time" content="{{modifiedTime}}">
        {{#section}}<meta property="article:section" content="{{section}}">
        {{/section}}{{#tags}}<meta property="article:tag" content="{{.}}">
        {{/tags}}{{/articleMeta}}<meta name="twitter:card" content="{{twitterCard}}">
        <meta name="twitter:title" content="{{title}}">
        {{#description}}<meta name="twitter:description" content="{{description}}">
        {{/description}}{{#imageURL}}<meta name="twitter:image" content="{{imageURL}}">
        {{/imageURL}}{{#imageAlt}}<meta name="twitter:image:alt" content="{{imageAlt}}">
        {{/imageAlt}}{{#feeds}}<link rel="alternate" type="{{type}}" title="{{title}}" href="{{url}}">
        {{/feeds}}{{#jsonLD}}<script type="application/ld+json">{{{.}}}</script>
        {{/jsonLD}}{{/meta}}
        """

    static let all: [String: String] = ["partials/head-meta": headMeta]

    /// The library with every core template the theme does not override.
    static func adding(to library: MustacheLibrary) throws -> MustacheLibrary {
        var library = library
        for (name, text) in all where library.getTemplate(named: name) == nil {
            try library.register(text, named: name)
        }
        return library
    }
}
