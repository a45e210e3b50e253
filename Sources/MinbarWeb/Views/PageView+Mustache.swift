import Mustache

// Views answer Mustache's lookups by name instead of through `Mirror`, which made up most of
// a cold render's time. A nil optional answers nil, as Mirror did, so Mustache keeps looking in
// the enclosing contexts. Every stored property of a view must appear here; the view tests
// render every template and would show a missing one as an empty value.

extension PageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": self.lang
        case "dir": self.dir
        case "site": self.site
        case "t": self.t
        case "assets": self.assets
        case "documentTitle": self.documentTitle
        case "description": self.description
        case "canonicalURL": self.canonicalURL
        case "meta": self.meta
        case "prevURL": self.prevURL
        case "nextURL": self.nextURL
        case "nav": self.nav
        case "menu": self.menu
        case "bodyClass": self.bodyClass
        case "copyrightYear": self.copyrightYear
        case "headCode": self.headCode
        case "footerCode": self.footerCode
        case "home": self.home
        case "article": self.article
        case "listing": self.listing
        case "search": self.search
        case "error": self.error
        case "commentForm": self.commentForm
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "tagline": self.tagline
        case "homeURL": self.homeURL
        default: nil
        }
    }
}

extension AssetsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "css": self.css
        case "js": self.js
        case "icon": self.icon
        default: nil
        }
    }
}

extension NavItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "current": self.current
        default: nil
        }
    }
}

extension MenuSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "current": self.current
        case "children": self.children
        case "hasChildren": self.hasChildren
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        default: nil
        }
    }
}

extension DateView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "iso": self.iso
        case "text": self.text
        case "hijri": self.hijri
        case "relative": self.relative
        default: nil
        }
    }
}

extension ImageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "src": self.src
        case "alt": self.alt
        case "caption": self.caption
        case "credit": self.credit
        case "width": self.width
        case "height": self.height
        case "srcset": self.srcset
        case "webpSrcset": self.webpSrcset
        case "sizes": self.sizes
        case "lazy": self.lazy
        case "hasFigcaption": self.hasFigcaption
        default: nil
        }
    }
}

extension ArticleCard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "summary": self.summary
        case "date": self.date
        case "sectionLink": self.sectionLink
        case "breaking": self.breaking
        case "thumbnail": self.thumbnail
        case "byline": self.byline
        case "snippetHTML": self.snippetHTML
        case "commentCount": self.commentCount
        default: nil
        }
    }
}

extension BylineAuthor: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "isLast": self.isLast
        default: nil
        }
    }
}

extension AuthorBox: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "bio": self.bio
        case "avatarURL": self.avatarURL
        case "isOrganization": self.isOrganization
        default: nil
        }
    }
}

extension ArticleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "section": self.section
        case "breaking": self.breaking
        case "authors": self.authors
        case "hasAuthors": self.hasAuthors
        case "date": self.date
        case "image": self.image
        case "bodyHTML": self.bodyHTML
        case "sourceCredit": self.sourceCredit
        case "tags": self.tags
        case "hasTags": self.hasTags
        case "authorBoxes": self.authorBoxes
        case "related": self.related
        case "hasRelated": self.hasRelated
        case "comments": self.comments
        default: nil
        }
    }
}

extension CommentsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "articleID": self.articleID
        case "countText": self.countText
        case "hasComments": self.hasComments
        case "threads": self.threads
        case "pagination": self.pagination
        case "open": self.open
        case "closedText": self.closedText
        case "tokenURL": self.tokenURL
        case "feedURL": self.feedURL
        default: nil
        }
    }
}

extension CommentView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "authorName": self.authorName
        case "authorURL": self.authorURL
        case "dateText": self.dateText
        case "dateISO": self.dateISO
        case "bodyHTML": self.bodyHTML
        case "pending": self.pending
        case "children": self.children
        case "hasChildren": self.hasChildren
        case "canReply": self.canReply
        case "replyURL": self.replyURL
        default: nil
        }
    }
}

extension CommentFormView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "articleID": self.articleID
        case "articleTitle": self.articleTitle
        case "articleURL": self.articleURL
        case "parentID": self.parentID
        case "replyingTo": self.replyingTo
        case "message": self.message
        case "errors": self.errors
        case "author": self.author
        case "email": self.email
        case "url": self.url
        case "comment": self.comment
        case "token": self.token
        default: nil
        }
    }
}

extension PageLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "url": self.url
        case "current": self.current
        default: nil
        }
    }
}

extension PaginationView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "pages": self.pages
        case "prevURL": self.prevURL
        case "nextURL": self.nextURL
        case "status": self.status
        default: nil
        }
    }
}

extension ListingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": self.kind
        case "title": self.title
        case "intro": self.intro
        case "kicker": self.kicker
        case "articles": self.articles
        case "isEmpty": self.isEmpty
        case "pagination": self.pagination
        default: nil
        }
    }
}

extension HomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "breaking": self.breaking
        case "hasBreaking": self.hasBreaking
        case "lead": self.lead
        case "top": self.top
        case "latest": self.latest
        case "sections": self.sections
        case "olderURL": self.olderURL
        default: nil
        }
    }
}

extension HomeSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "articles": self.articles
        default: nil
        }
    }
}

extension SearchView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "query": self.query
        case "message": self.message
        case "countText": self.countText
        case "articles": self.articles
        case "pagination": self.pagination
        case "suggestion": self.suggestion
        case "categories": self.categories
        default: nil
        }
    }
}

extension ErrorView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "status": self.status
        case "title": self.title
        case "message": self.message
        default: nil
        }
    }
}

extension HeadMeta: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "siteName": self.siteName
        case "locale": self.locale
        case "ogType": self.ogType
        case "imageURL": self.imageURL
        case "imageWidth": self.imageWidth
        case "imageHeight": self.imageHeight
        case "imageAlt": self.imageAlt
        case "twitterCard": self.twitterCard
        case "articleMeta": self.articleMeta
        case "feeds": self.feeds
        case "jsonLD": self.jsonLD
        case "robots": self.robots
        default: nil
        }
    }
}

extension ArticleMeta: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "publishedTime": self.publishedTime
        case "modifiedTime": self.modifiedTime
        case "section": self.section
        case "tags": self.tags
        default: nil
        }
    }
}

extension FeedLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "type": self.type
        case "url": self.url
        default: nil
        }
    }
}

extension CategoryOption: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "slug": self.slug
        case "name": self.name
        case "selected": self.selected
        default: nil
        }
    }
}
