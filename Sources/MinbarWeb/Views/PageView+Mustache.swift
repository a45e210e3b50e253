import Mustache

// Views answer Mustache's lookups by name instead of through `Mirror`, which made up most of
// a cold render's time. A nil optional answers nil, as Mirror did, so Mustache keeps looking in
// the enclosing contexts. Every stored property of a view must appear here; the view tests
// render every template and would show a missing one as an empty value.

extension PageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "dir": dir
        case "site": site
        case "t": t
        case "assets": assets
        case "documentTitle": documentTitle
        case "description": description
        case "canonicalURL": canonicalURL
        case "prevURL": prevURL
        case "nextURL": nextURL
        case "nav": nav
        case "menu": menu
        case "bodyClass": bodyClass
        case "copyrightYear": copyrightYear
        case "home": home
        case "article": article
        case "listing": listing
        case "search": search
        case "error": error
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": name
        case "tagline": tagline
        case "homeURL": homeURL
        default: nil
        }
    }
}

extension AssetsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "css": css
        case "js": js
        case "icon": icon
        default: nil
        }
    }
}

extension NavItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "current": current
        default: nil
        }
    }
}

extension MenuSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "current": current
        case "children": children
        case "hasChildren": hasChildren
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        default: nil
        }
    }
}

extension DateView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "iso": iso
        case "text": text
        case "hijri": hijri
        default: nil
        }
    }
}

extension ImageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "src": src
        case "alt": alt
        case "caption": caption
        default: nil
        }
    }
}

extension ArticleCard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "summary": summary
        case "date": date
        case "sectionLink": sectionLink
        case "breaking": breaking
        case "thumbnail": thumbnail
        case "byline": byline
        default: nil
        }
    }
}

extension BylineAuthor: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "isLast": isLast
        default: nil
        }
    }
}

extension AuthorBox: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "bio": bio
        case "avatarURL": avatarURL
        case "isOrganization": isOrganization
        default: nil
        }
    }
}

extension ArticleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "section": section
        case "breaking": breaking
        case "authors": authors
        case "date": date
        case "modified": modified
        case "image": image
        case "bodyHTML": bodyHTML
        case "sourceCredit": sourceCredit
        case "tags": tags
        case "hasTags": hasTags
        case "authorBoxes": authorBoxes
        case "related": related
        case "hasRelated": hasRelated
        default: nil
        }
    }
}

extension PageLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "url": url
        case "current": current
        default: nil
        }
    }
}

extension PaginationView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "pages": pages
        case "prevURL": prevURL
        case "nextURL": nextURL
        case "status": status
        default: nil
        }
    }
}

extension ListingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "title": title
        case "intro": intro
        case "kicker": kicker
        case "articles": articles
        case "isEmpty": isEmpty
        case "pagination": pagination
        default: nil
        }
    }
}

extension HomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "breaking": breaking
        case "hasBreaking": hasBreaking
        case "lead": lead
        case "top": top
        case "latest": latest
        case "sections": sections
        case "olderURL": olderURL
        default: nil
        }
    }
}

extension HomeSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "articles": articles
        default: nil
        }
    }
}

extension SearchView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "query": query
        case "message": message
        case "articles": articles
        case "pagination": pagination
        default: nil
        }
    }
}

extension ErrorView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "status": status
        case "title": title
        case "message": message
        default: nil
        }
    }
}
