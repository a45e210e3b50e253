import Mustache

/// The admin's Mustache templates. The admin is part of Minbar, not of a theme, so its
/// templates ship inside the program; output is escaped unless a template says `{{{…}}}`.
enum AdminTemplates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in all { try library.register(text, named: name) }
        return library
    }

    static let all: [String: String] = [
        "layout": layout, "login": login, "error": error, "dashboard": dashboard, "articles": articles, "editor": editor,
        "revisions": revisions, "compare": compare, "terms": terms, "settings": settings, "users": users, "comments": comments,
        "synonyms": synonyms, "diffLine": diffLine, "diffs": diffs, "restore": restore, "media": media, "mediaItem": mediaItem,
    ]

    /// One line of a revision comparison; in a changed line the words that changed are marked.
    static let diffLine = """
        <div class="{{kind}}">{{#segments}}{{#changed}}<span class="word">{{text}}</span>{{/changed}}{{^changed}}{{text}}{{/changed}}{{/segments}}&#8203;</div>
        """

    static let layout = """
        <!doctype html>
        <html lang="{{lang}}" dir="{{dir}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>{{title}} – {{t.admin}}</title>
        <link rel="stylesheet" href="/admin/assets/admin.css">
        <script src="/admin/assets/admin.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">{{t.skip}}</a>
        {{#user}}
        <header class="bar">
        <nav aria-label="{{t.main_menu}}">
        <a href="/admin/">{{t.dashboard}}</a>
        <a href="/admin/articles">{{t.articles}}</a>
        <a href="/admin/articles/new">{{t.new_article}}</a>
        <a href="/admin/media">{{t.media}}</a>
        {{#canModerate}}<a href="/admin/comments">{{t.comments}}</a>{{/canModerate}}
        {{#canManageTerms}}<a href="/admin/terms/category">{{t.terms_category}}</a>
        <a href="/admin/terms/tag">{{t.terms_tag}}</a>
        <a href="/admin/terms/author">{{t.terms_author}}</a>
        <a href="/admin/synonyms">{{t.synonyms}}</a>{{/canManageTerms}}
        {{#canManageUsers}}<a href="/admin/users">{{t.users}}</a>{{/canManageUsers}}
        {{#canManageSettings}}<a href="/admin/settings">{{t.settings}}</a>{{/canManageSettings}}
        <a href="/" target="_blank">{{t.view_site}}</a>
        </nav>
        <div class="who">
        <span><bdi>{{name}}</bdi> · {{role}}</span>
        <a href="/admin/language/{{otherLanguage}}" lang="{{otherLanguage}}">{{otherLanguageName}}</a>
        <form method="post" action="/admin/logout"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link">{{t.sign_out}}</button></form>
        </div>
        </header>
        {{/user}}
        <main id="main">
        <h1>{{title}}</h1>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{$content}}{{/content}}
        </main>
        </body>
        </html>
        """

    static let login = """
        {{<layout}}{{$content}}
        <p><a href="/admin/language/{{otherLanguage}}?back=/admin/login" lang="{{otherLanguage}}">{{otherLanguageName}}</a></p>
        {{#message}}<p class="error-box" role="alert">{{message}}</p>{{/message}}
        <form method="post" action="/admin/login" class="narrow">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="next" value="{{next}}">
        <label for="email">{{t.email}}</label>
        <input id="email" name="email" type="email" dir="ltr" autocomplete="username" required value="{{email}}">
        <label for="password">{{t.password}}</label>
        <input id="password" name="password" type="password" dir="ltr" autocomplete="current-password" required>
        <button type="submit" class="primary">{{t.sign_in}}</button>
        </form>
        {{/content}}{{/layout}}
        """

    static let error = """
        {{<layout}}{{$content}}
        <p class="error-box" role="alert">{{message}}</p>
        <p><a href="/admin/">{{t.dashboard}}</a></p>
        {{/content}}{{/layout}}
        """

    static let dashboard = """
        {{<layout}}{{$content}}
        <section aria-labelledby="counts-h"><h2 id="counts-h">{{t.counts}}</h2>
        <ul class="counts">{{#counts}}<li><a href="/admin/articles?status={{status}}"><strong>{{count}}</strong> {{label}}</a></li>{{/counts}}</ul>
        </section>
        {{#pendingComments}}<p class="notice"><a href="/admin/comments">{{t.pending_comments}}: <bdi>{{pendingComments}}</bdi></a></p>{{/pendingComments}}
        <section aria-labelledby="chart-h"><h2 id="chart-h">{{chartHeading}}</h2>
        {{{chart}}}
        <p class="muted">{{chartSummary}}</p>
        </section>
        <div class="columns">
        <section aria-labelledby="drafts-h"><h2 id="drafts-h">{{t.recent_drafts}}</h2>
        <ul>{{#drafts}}<li><a href="/admin/articles/{{id}}" dir="auto">{{title}}</a> <span class="muted">{{status}} · {{modified}}</span></li>{{/drafts}}</ul>
        {{^drafts}}<p class="muted">{{t.no_drafts}}</p>{{/drafts}}
        </section>
        <section aria-labelledby="scheduled-h"><h2 id="scheduled-h">{{t.scheduled_queue}}</h2>
        <ul>{{#scheduled}}<li><a href="/admin/articles/{{id}}" dir="auto">{{title}}</a> <span class="muted">{{at}}</span></li>{{/scheduled}}</ul>
        {{^scheduled}}<p class="muted">{{t.nothing_scheduled}}</p>{{/scheduled}}
        </section>
        </div>
        {{/content}}{{/layout}}
        """

    static let articles = """
        {{<layout}}{{$content}}
        <form method="get" action="/admin/articles" class="filters">
        <label>{{t.status}} <select name="status"><option value="">{{t.all}}</option>{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}} ({{count}})</option>{{/statuses}}</select></label>
        <label>{{t.section}} <select name="category"><option value="">{{t.all}}</option>{{#categories}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/categories}}</select></label>
        <label>{{t.authors}} <select name="author"><option value="">{{t.all}}</option>{{#authors}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/authors}}</select></label>
        <label><input type="checkbox" name="breaking" value="1"{{#breakingOnly}} checked{{/breakingOnly}}> {{t.only_breaking}}</label>
        <label>{{t.search_titles}} <input type="search" name="q" value="{{q}}"></label>
        <button type="submit">{{t.filter}}</button>
        </form>
        {{#hasArticles}}
        <form method="post" action="/admin/articles/bulk" id="bulk">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>{{t.bulk_action}} <select name="operation">{{^isTrash}}<option value="trash">{{t.move_to_trash}}</option>{{/isTrash}}{{#isTrash}}<option value="restore">{{t.restore}}</option>{{/isTrash}}</select></label>
        <button type="submit">{{t.apply}}</button>
        </form>
        <table class="list">
        <thead><tr><th scope="col">{{t.select}}</th><th scope="col">{{t.title}}</th><th scope="col">{{t.status}}</th><th scope="col">{{t.section}}</th><th scope="col">{{t.authors}}</th><th scope="col">{{t.date}}</th><th scope="col">{{t.actions}}</th></tr></thead>
        <tbody>
        {{#articles}}<tr data-id="{{id}}">
        <td class="select">{{#canEdit}}<input type="checkbox" name="ids" value="{{id}}" form="bulk" aria-label="{{t.select}}: {{title}}">{{/canEdit}}</td>
        <td class="title">{{#canEdit}}<a href="/admin/articles/{{id}}" dir="auto">{{title}}</a>{{/canEdit}}{{^canEdit}}<bdi>{{title}}</bdi>{{/canEdit}} {{#breaking}}<span class="badge">{{t.breaking}}</span>{{/breaking}}</td>
        <td data-label="{{t.status}}">{{status}}</td><td data-label="{{t.section}}"><bdi>{{section}}</bdi></td><td data-label="{{t.authors}}"><bdi>{{authors}}</bdi></td><td data-label="{{t.date}}">{{date}}</td>
        <td class="row-actions">{{#publicURL}}<a href="{{publicURL}}" target="_blank">{{t.view}}</a>{{/publicURL}}
        {{#canFlag}}<form method="post" action="/admin/articles/{{id}}/breaking"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="back" value="/admin/articles"><button type="submit" class="link">{{#breaking}}{{t.unflag_breaking}}{{/breaking}}{{^breaking}}{{t.flag_breaking}}{{/breaking}}</button></form>{{/canFlag}}</td>
        </tr>{{/articles}}
        </tbody>
        </table>
        <nav class="pages">{{#prevURL}}<a href="{{prevURL}}" rel="prev">{{t.previous}}</a>{{/prevURL}} <span>{{t.page_of}} {{page}} / {{totalPages}}</span> {{#nextURL}}<a href="{{nextURL}}" rel="next">{{t.next}}</a>{{/nextURL}}</nav>
        {{/hasArticles}}
        {{^hasArticles}}<p class="muted">{{t.no_articles}}</p>{{/hasArticles}}
        {{/content}}{{/layout}}
        """

    static let editor = """
        {{<layout}}{{$content}}
        {{#hasErrors}}<div class="error-box" role="alert"><p>{{t.fix_errors}}</p><ul>{{#errorList}}<li><a href="#f-{{field}}">{{message}}</a></li>{{/errorList}}</ul></div>{{/hasErrors}}
        {{#autosave}}<div class="notice" id="autosave-offer" data-title="{{title}}" data-excerpt="{{excerpt}}" data-body="{{body}}">
        <p>{{t.autosave_offer}} ({{savedAt}}).</p><button type="button" id="autosave-restore">{{t.autosave_restore}}</button></div>{{/autosave}}
        <div class="notice" id="local-offer" hidden><p>{{t.local_offer}}</p><button type="button" id="local-restore">{{t.autosave_restore}}</button></div>
        <form method="post" action="{{action}}" id="editor" class="editor" data-autosave="/admin/autosave" data-csrf="{{csrf}}" data-modified="{{modifiedMillis}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{#conflict}}
        <section class="conflict" id="conflict" aria-labelledby="conflict-h">
        <h2 id="conflict-h">{{t.conflict_heading}}</h2>
        <p>{{t.conflict_saved_by}} <bdi>{{by}}</bdi> ({{savedAt}}){{#opened}} · #<bdi>{{opened}}</bdi> → #<bdi>{{current}}</bdi>{{/opened}}</p>
        <p>{{t.conflict_choose}}</p>
        <input type="hidden" name="conflict_revision" value="{{current}}">
        <input type="hidden" name="intended" value="{{intended}}">
        <div class="buttons">
        <button type="submit" name="resolve" value="mine" class="primary">{{t.conflict_keep_mine}}</button>
        <button type="submit" formaction="{{action}}/take-theirs" formnovalidate class="danger">{{t.conflict_take_theirs}}</button>
        </div>
        <p class="hint">{{t.conflict_merge_hint}}</p>
        {{#opened}}<details open><summary>{{t.conflict_their_changes}}</summary>{{>diffs}}</details>{{/opened}}
        <details><summary>{{t.conflict_their_text}}</summary>
        {{#theirs}}<label for="theirs-title">{{t.title}}</label><input id="theirs-title" value="{{title}}" readonly dir="auto">
        <label for="theirs-excerpt">{{t.excerpt}}</label><textarea id="theirs-excerpt" rows="2" readonly dir="auto">{{excerpt}}</textarea>
        <label for="theirs-body">{{t.body}}</label><textarea id="theirs-body" rows="12" readonly dir="auto">{{body}}</textarea>{{/theirs}}
        </details>
        </section>
        {{/conflict}}
        {{#form}}
        <input type="hidden" name="id" value="{{id}}">
        <input type="hidden" name="revision" value="{{revision}}">
        <p class="muted">{{t.status}}: <strong id="status">{{status}}</strong> <span id="autosave-status" role="status"></span></p>
        <div class="field{{#errors.title}} invalid{{/errors.title}}" id="f-title">
        <label for="title">{{t.title}}</label>
        <input id="title" name="title" value="{{title}}" required maxlength="300" dir="auto" aria-describedby="e-title">
        {{#errors.title}}<p class="field-error" id="e-title">{{errors.title}}</p>{{/errors.title}}
        </div>
        <div class="field{{#errors.slug}} invalid{{/errors.slug}}" id="f-slug">
        <label for="slug">{{t.slug}}</label>
        <input id="slug" name="slug" value="{{slug}}" dir="auto" aria-describedby="h-slug e-slug">
        <p class="hint" id="h-slug">{{t.slug_hint}}</p>
        {{#errors.slug}}<p class="field-error" id="e-slug">{{errors.slug}}</p>{{/errors.slug}}
        </div>
        <div class="field{{#errors.excerpt}} invalid{{/errors.excerpt}}" id="f-excerpt">
        <label for="excerpt">{{t.excerpt}}</label>
        <textarea id="excerpt" name="excerpt" rows="2" dir="auto">{{excerpt}}</textarea>
        {{#errors.excerpt}}<p class="field-error">{{errors.excerpt}}</p>{{/errors.excerpt}}
        </div>
        <div class="field{{#errors.body}} invalid{{/errors.body}}" id="f-body">
        <label for="body">{{t.body}}</label>
        <textarea id="body" name="body" rows="18" dir="auto" aria-describedby="h-body e-body">{{body}}</textarea>
        <p class="insert-image" hidden><button type="button" id="insert-image">{{t.insert_image}}</button></p>
        <div class="picker" id="image-picker" hidden><input type="search" id="picker-q" placeholder="{{t.search_media}}" dir="auto"><ul></ul></div>
        <p class="hint" id="h-body">{{t.body_hint}}</p>
        {{#errors.body}}<p class="field-error" id="e-body">{{errors.body}}</p>{{/errors.body}}
        <label>{{t.format}} <select name="format"><option value="markdown"{{#isMarkdown}} selected{{/isMarkdown}}>{{t.format_markdown}}</option><option value="html"{{^isMarkdown}} selected{{/isMarkdown}}>{{t.format_html}}</option></select></label>
        </div>
        {{/form}}
        <fieldset class="field{{#errors.categories}} invalid{{/errors.categories}}" id="f-categories"><legend>{{t.sections}}</legend>
        <label>{{t.primary_section}} <select name="primary_category" id="primary_category"><option value="">{{t.no_section}}</option>{{#categories}}<option value="{{id}}"{{#primary}} selected{{/primary}}>{{name}}</option>{{/categories}}</select></label>
        <div class="checks">{{#categories}}<label><input type="checkbox" name="categories" value="{{id}}"{{#checked}} checked{{/checked}}> {{name}}</label>{{/categories}}</div>
        {{#errors.categories}}<p class="field-error">{{errors.categories}}</p>{{/errors.categories}}
        </fieldset>
        {{#form}}
        <div class="field{{#errors.tags}} invalid{{/errors.tags}}" id="f-tags"><label for="tags">{{t.tags}}</label><input id="tags" name="tags" value="{{tags}}" dir="auto" aria-describedby="h-tags" list="tag-suggestions" autocomplete="off"><datalist id="tag-suggestions"></datalist><p class="hint" id="h-tags">{{t.tags_hint}}</p>
        {{#errors.tags}}<p class="field-error">{{errors.tags}}</p>{{/errors.tags}}</div>
        {{/form}}
        <fieldset class="field{{#errors.authors}} invalid{{/errors.authors}}" id="f-authors"><legend>{{t.authors}}</legend>
        <div class="checks">{{#authors}}<label><input type="checkbox" name="authors" value="{{id}}"{{#checked}} checked{{/checked}}> {{name}}</label>{{/authors}}</div>
        {{#errors.authors}}<p class="field-error">{{errors.authors}}</p>{{/errors.authors}}
        </fieldset>
        {{#form}}
        <div class="field" id="f-source_credit"><label for="source_credit">{{t.source_credit}}</label><input id="source_credit" name="source_credit" value="{{sourceCredit}}" dir="auto"></div>
        <div class="field{{#errors.published_at}} invalid{{/errors.published_at}}" id="f-published_at">
        <label for="published_at">{{t.published_at}}</label>
        <input id="published_at" name="published_at" type="datetime-local" dir="ltr" value="{{publishedAt}}" aria-describedby="h-published_at e-published_at">
        <p class="hint" id="h-published_at">{{t.published_at_hint}}</p>
        {{#errors.published_at}}<p class="field-error" id="e-published_at">{{errors.published_at}}</p>{{/errors.published_at}}
        </div>
        {{#canFlagBreaking}}
        <fieldset class="field{{#errors.breaking_until}} invalid{{/errors.breaking_until}}" id="f-breaking_until"><legend>{{t.breaking}}</legend>
        <label><input type="checkbox" name="breaking" value="1"{{#breaking}} checked{{/breaking}}> {{t.breaking_flag}}</label>
        <label for="breaking_until">{{t.breaking_until}}</label>
        <input id="breaking_until" name="breaking_until" type="datetime-local" dir="ltr" value="{{breakingUntil}}">
        {{#errors.breaking_until}}<p class="field-error">{{errors.breaking_until}}</p>{{/errors.breaking_until}}
        </fieldset>
        {{/canFlagBreaking}}
        <fieldset class="field{{#errors.featured_image_url}} invalid{{/errors.featured_image_url}}{{#errors.featured_image}} invalid{{/errors.featured_image}}" id="f-featured_image_url"><legend>{{t.featured_image}}</legend>
        {{#hasMediaLibrary}}<label for="featured_media">{{t.featured_from_library}}</label>
        <select id="featured_media" name="featured_media"><option value="">{{t.featured_none}}</option>{{#mediaChoices}}<option value="{{id}}" data-thumb="{{thumb}}"{{#selected}} selected{{/selected}}>{{title}}{{^hasAlt}} ({{t.media_no_alt}}){{/hasAlt}}</option>{{/mediaChoices}}</select>
        <img id="featured-preview" class="featured-preview" alt="" hidden>
        {{#errors.featured_image}}<p class="field-error">{{errors.featured_image}}</p>{{/errors.featured_image}}
        <p class="hint"><a href="/admin/media" target="_blank">{{t.media}}</a></p>{{/hasMediaLibrary}}
        <label for="image_url">{{#hasMediaLibrary}}{{t.featured_or_url}}{{/hasMediaLibrary}}{{^hasMediaLibrary}}{{t.image_url}}{{/hasMediaLibrary}}</label><input id="image_url" name="image_url" type="url" dir="ltr" value="{{imageURL}}">
        {{#errors.featured_image_url}}<p class="field-error">{{errors.featured_image_url}}</p>{{/errors.featured_image_url}}
        <label for="image_alt">{{t.image_alt}}</label><input id="image_alt" name="image_alt" value="{{imageAlt}}" dir="auto">
        <label for="image_caption">{{t.image_caption}}</label><input id="image_caption" name="image_caption" value="{{imageCaption}}" dir="auto">
        </fieldset>
        <div class="field"><label><input type="checkbox" name="comments_open" value="1"{{#commentsOpen}} checked{{/commentsOpen}}> {{t.comments_open_field}}</label></div>
        {{#errors.revision}}<p class="field-error" id="f-revision" role="alert">{{errors.revision}}</p>{{/errors.revision}}
        {{#errors.id}}<p class="field-error" id="f-id">{{errors.id}}</p>{{/errors.id}}
        <div class="buttons">
        <button type="submit" name="do" value="draft">{{t.save_draft}}</button>
        <button type="submit" name="do" value="pending">{{t.submit_review}}</button>
        {{#canPublish}}<button type="submit" name="do" value="publish" class="primary">{{#isPublished}}{{t.update}}{{/isPublished}}{{^isPublished}}{{t.publish}}{{/isPublished}}</button>{{/canPublish}}
        <button type="submit" formaction="/admin/preview" formtarget="_blank" name="do" value="preview">{{t.preview}}</button>
        {{#id}}<button type="submit" name="do" value="trash" class="danger">{{t.move_to_trash}}</button>{{/id}}
        </div>
        {{/form}}
        </form>
        <p>{{#publicURL}}<a href="{{publicURL}}" target="_blank">{{t.view}}</a> · {{/publicURL}}{{#hasRevisions}}<a href="{{action}}/revisions">{{t.revisions}}</a>{{/hasRevisions}}</p>
        {{/content}}{{/layout}}
        """

    static let revisions = """
        {{<layout}}{{$content}}
        {{#article}}<p><a href="/admin/articles/{{id}}">{{title}}</a></p>{{/article}}
        <form method="get" action="/admin/articles/{{article.id}}/compare">
        <table class="list"><thead><tr><th scope="col">#</th><th scope="col">{{t.title}}</th><th scope="col">{{t.status}}</th><th scope="col">{{t.date}}</th><th scope="col">{{t.name}}</th><th scope="col">{{t.compare}}</th><th scope="col">{{t.actions}}</th></tr></thead>
        <tbody>{{#revisions}}<tr><td><bdi>{{number}}</bdi>{{#isCurrent}} ({{t.current}}){{/isCurrent}}</td><td>{{title}}</td><td>{{status}}</td><td>{{savedAt}}</td><td>{{by}}</td>
        <td><label><input type="radio" name="from" value="{{number}}"{{#fromChecked}} checked{{/fromChecked}}> ←</label> <label><input type="radio" name="to" value="{{number}}"{{#toChecked}} checked{{/toChecked}}> →</label></td>
        <td>{{^isCurrent}}<a href="/admin/articles/{{article.id}}/revisions/{{number}}/restore">{{t.restore_revision}}</a>{{/isCurrent}}</td></tr>{{/revisions}}</tbody></table>
        <button type="submit">{{t.compare_selected}}</button>
        </form>
        {{/content}}{{/layout}}
        """

    static let compare = """
        {{<layout}}{{$content}}
        {{#article}}<p><a href="/admin/articles/{{id}}">{{title}}</a> · <a href="/admin/articles/{{id}}/revisions">{{t.revisions}}</a></p>{{/article}}
        <p>#<bdi>{{from.number}}</bdi> ({{from.savedAt}}, {{from.by}}) → #<bdi>{{to.number}}</bdi> ({{to.savedAt}}, {{to.by}})</p>
        {{#identical}}<p class="notice">{{t.identical}}</p>{{/identical}}
        {{>diffs}}
        {{/content}}{{/layout}}
        """

    /// The media library: upload (a file input; drag and drop with progress where JavaScript
    /// runs), filters, grid or list.
    static let media = """
        {{<layout}}{{$content}}
        {{#uploadErrors}}<p class="error-box" role="alert">{{.}}</p>{{/uploadErrors}}
        <form method="post" action="/admin/media" enctype="multipart/form-data" class="upload" id="upload" data-max-bytes="{{maxBytes}}" data-csrf="{{csrf}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="files">{{t.media_choose}}</label>
        <input id="files" name="files" type="file" multiple accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/heic,image/heif,.heic,.heif,.avif" aria-describedby="h-files">
        <p class="hint" id="h-files">{{t.media_limits_a}} <bdi>{{maxMegabytes}}</bdi> {{t.media_limits_b}} <bdi>{{maxMegapixels}}</bdi> {{t.media_limits_c}}</p>
        <p class="drop" hidden>{{t.media_drop}}</p>
        <ul class="progress" aria-live="polite"></ul>
        <button type="submit" class="primary">{{t.media_upload}}</button>
        </form>
        <form method="get" action="/admin/media" class="filters">
        <label>{{t.search_media}} <input type="search" name="q" value="{{q}}" dir="auto"></label>
        <label>{{t.month}} <select name="month"><option value="">{{t.all}}</option>{{#months}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/months}}</select></label>
        <label>{{t.type}} <select name="type"><option value="">{{t.all}}</option>{{#types}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/types}}</select></label>
        <label><input type="checkbox" name="unused" value="1"{{#unused}} checked{{/unused}}> {{t.media_unused}}</label>
        <label><input type="checkbox" name="mine" value="1"{{#mine}} checked{{/mine}}> {{t.media_mine}}</label>
        {{#listView}}<input type="hidden" name="view" value="list">{{/listView}}
        <button type="submit">{{t.filter}}</button>
        </form>
        <p class="muted"><bdi>{{total}}</bdi> · {{^listView}}<strong>{{t.grid}}</strong> · <a href="{{listURL}}">{{t.list}}</a>{{/listView}}{{#listView}}<a href="{{gridURL}}">{{t.grid}}</a> · <strong>{{t.list}}</strong>{{/listView}}</p>
        {{#hasItems}}
        {{^listView}}<ul class="media-grid">{{#items}}<li><a href="/admin/media/{{id}}">{{#thumb}}<img src="{{thumb}}" alt="{{alt}}" width="150" height="150" loading="lazy">{{/thumb}}<span dir="auto">{{title}}</span></a>{{^hasAlt}}<span class="badge-warn">{{t.media_no_alt}}</span>{{/hasAlt}}</li>{{/items}}</ul>{{/listView}}
        {{#listView}}<table class="list"><thead><tr><th scope="col">{{t.media_photo}}</th><th scope="col">{{t.title}}</th><th scope="col">{{t.image_alt}}</th><th scope="col">{{t.media_credit}}</th><th scope="col">{{t.type}}</th><th scope="col">{{t.date}}</th></tr></thead>
        <tbody>{{#items}}<tr><td class="select">{{#thumb}}<img src="{{thumb}}" alt="" width="60" height="60" loading="lazy">{{/thumb}}</td><td class="title"><a href="/admin/media/{{id}}" dir="auto">{{title}}</a></td><td data-label="{{t.image_alt}}" dir="auto">{{alt}}{{^hasAlt}}<span class="badge-warn">{{t.media_no_alt}}</span>{{/hasAlt}}</td><td data-label="{{t.media_credit}}" dir="auto">{{credit}}</td><td data-label="{{t.type}}">{{format}} <bdi>{{size}}</bdi></td><td data-label="{{t.date}}">{{date}}</td></tr>{{/items}}</tbody></table>{{/listView}}
        <nav class="pages">{{#prevURL}}<a href="{{prevURL}}" rel="prev">{{t.previous}}</a>{{/prevURL}} <span>{{t.page_of}} <bdi>{{page}}</bdi> / <bdi>{{totalPages}}</bdi></span> {{#nextURL}}<a href="{{nextURL}}" rel="next">{{t.next}}</a>{{/nextURL}}</nav>
        {{/hasItems}}
        {{^hasItems}}<p class="muted">{{t.media_none}}</p>{{/hasItems}}
        {{/content}}{{/layout}}
        """

    /// One photo: preview, details, copies, the articles that use it, delete.
    static let mediaItem = """
        {{<layout}}{{$content}}
        {{#hasErrors}}<div class="error-box" role="alert"><p>{{t.fix_errors}}</p><ul>{{#errorList}}<li>{{message}}</li>{{/errorList}}</ul></div>{{/hasErrors}}
        <p><a href="/admin/media">{{t.media}}</a></p>
        {{#item}}
        <div class="media-item">
        {{#preview}}<img class="media-preview" src="{{preview}}" alt="{{alt}}">{{/preview}}
        <div>
        {{#canManage}}<form method="post" action="/admin/media/{{id}}" class="editor">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{#details}}
        <div class="field{{#errors.title}} invalid{{/errors.title}}" id="f-title"><label for="m-title">{{t.title}}</label><input id="m-title" name="title" value="{{title}}" dir="auto" required maxlength="300">{{#errors.title}}<p class="field-error">{{errors.title}}</p>{{/errors.title}}</div>
        <div class="field{{#errors.alt_text}} invalid{{/errors.alt_text}}" id="f-alt_text"><label for="m-alt">{{t.image_alt}}</label><input id="m-alt" name="alt_text" value="{{alt}}" dir="auto" maxlength="500" aria-describedby="h-alt"><p class="hint" id="h-alt">{{t.media_alt_hint}}</p>{{#errors.alt_text}}<p class="field-error">{{errors.alt_text}}</p>{{/errors.alt_text}}</div>
        <div class="field{{#errors.caption}} invalid{{/errors.caption}}" id="f-caption"><label for="m-caption">{{t.image_caption}}</label><textarea id="m-caption" name="caption" rows="2" dir="auto">{{caption}}</textarea>{{#errors.caption}}<p class="field-error">{{errors.caption}}</p>{{/errors.caption}}</div>
        <div class="field{{#errors.credit}} invalid{{/errors.credit}}" id="f-credit"><label for="m-credit">{{t.media_credit}}</label><input id="m-credit" name="credit" value="{{credit}}" dir="auto" maxlength="200" aria-describedby="h-credit"><p class="hint" id="h-credit">{{t.media_credit_hint}}</p>{{#errors.credit}}<p class="field-error">{{errors.credit}}</p>{{/errors.credit}}</div>
        {{/details}}
        <div class="buttons"><button type="submit" class="primary">{{t.save}}</button></div>
        </form>{{/canManage}}
        {{^canManage}}<p dir="auto"><strong>{{title}}</strong></p><p dir="auto">{{alt}}</p><p dir="auto">{{credit}}</p>{{/canManage}}
        <p class="muted"><bdi dir="ltr">{{originalName}}</bdi> · {{format}} · <bdi>{{size}}</bdi> · {{date}}</p>
        </div>
        </div>
        <h2>{{t.media_insert}}</h2>
        <p class="hint">{{t.media_insert_hint}}</p>
        <textarea readonly rows="3" dir="ltr" class="snippet-box" aria-label="{{t.media_insert}}">{{snippet}}</textarea>
        <h2>{{t.media_copies}}</h2>
        <ul class="copies">{{#copies}}<li><a href="{{path}}" dir="ltr">{{name}} · {{format}} · <bdi>{{size}}</bdi> · <bdi>{{kb}}</bdi> KB</a></li>{{/copies}}</ul>
        {{/item}}
        <h2>{{t.media_uses}}</h2>
        {{#hasUses}}<ul>{{#uses}}<li><a href="/admin/articles/{{id}}" dir="auto">{{title}}</a> <span class="muted">{{status}}{{#featured}} · {{t.featured_image}}{{/featured}}</span></li>{{/uses}}</ul>{{/hasUses}}
        {{^hasUses}}<p class="muted">{{t.media_unused_here}}</p>{{/hasUses}}
        {{#item}}{{#canManage}}<form method="post" action="/admin/media/{{id}}/delete" id="f-id"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="danger">{{t.delete}}</button></form>{{/canManage}}{{/item}}
        {{/content}}{{/layout}}
        """

    /// Title, excerpt and body of two versions compared.
    static let diffs = """
        <h2>{{t.title}}</h2>
        <div class="diff">{{#titleDiff}}{{>diffLine}}{{/titleDiff}}</div>
        <h2>{{t.excerpt}}</h2>
        <div class="diff">{{#excerptDiff}}{{>diffLine}}{{/excerptDiff}}</div>
        <h2>{{t.body}}</h2>
        <div class="diff">{{#bodyDiff}}{{>diffLine}}{{/bodyDiff}}</div>
        """

    /// Restoring a revision, asked before it replaces the live text.
    static let restore = """
        {{<layout}}{{$content}}
        {{#article}}<p><a href="/admin/articles/{{id}}">{{title}}</a> · <a href="/admin/articles/{{id}}/revisions">{{t.revisions}}</a></p>{{/article}}
        <p class="notice">{{t.restore_explain}} <strong>#<bdi>{{revision.number}}</bdi></strong> ({{revision.savedAt}}، <bdi>{{revision.by}}</bdi>).</p>
        {{#article.isPublic}}<p class="error-box">{{t.restore_live_warning}}</p>{{/article.isPublic}}
        <p class="muted">{{t.restore_diff_intro}} #<bdi>{{current.number}}</bdi> → #<bdi>{{revision.number}}</bdi></p>
        {{#identical}}<p class="notice">{{t.identical}}</p>{{/identical}}
        {{>diffs}}
        <form method="post" action="/admin/articles/{{article.id}}/revisions/{{revision.number}}/restore">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="confirm" value="1">
        <div class="buttons"><button type="submit" class="primary">{{t.restore_confirm}}</button> <a href="/admin/articles/{{article.id}}/revisions">{{t.cancel}}</a></div>
        </form>
        {{/content}}{{/layout}}
        """

    static let comments = """
        {{<layout}}{{$content}}
        <nav class="filters" aria-label="{{t.status}}">{{#statuses}}<a href="/admin/comments?status={{value}}{{#articleFilter}}&article={{articleFilter}}{{/articleFilter}}"{{#current}} aria-current="page"{{/current}}>{{label}} (<bdi>{{count}}</bdi>)</a>{{/statuses}}</nav>
        {{#hasComments}}
        <form method="post" action="/admin/comments/bulk" id="bulk">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="back" value="{{back}}">
        <label>{{t.bulk_action}} <select name="operation">{{#operations}}<option value="{{value}}">{{label}}</option>{{/operations}}</select></label>
        <button type="submit">{{t.apply}}</button>
        </form>
        <table class="list"><thead><tr><th scope="col">{{t.select}}</th><th scope="col">{{t.name}}</th><th scope="col">{{t.comments}}</th><th scope="col">{{t.actions}}</th></tr></thead>
        <tbody>{{#comments}}<tr id="c-{{id}}">
        <td><input type="checkbox" name="ids" value="{{id}}" form="bulk" aria-label="{{t.select}}: {{author}}"></td>
        <td><bdi>{{author}}</bdi><br><span class="muted" dir="ltr">{{email}}</span>{{#url}}<br><a href="{{url}}" rel="nofollow ugc" dir="ltr">{{url}}</a>{{/url}}<br><span class="muted" dir="ltr">{{address}}</span></td>
        <td><p class="muted">{{date}} · {{t.on_article}} <a href="/admin/comments?status={{status}}&article={{articleID}}">{{articleTitle}}</a></p><div dir="auto">{{{bodyHTML}}}</div>
        <details><summary>{{t.edit_text}}</summary><form method="post" action="/admin/comments/{{id}}/edit"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="back" value="{{back}}"><textarea name="body" rows="4" dir="auto" aria-label="{{t.edit_text}}">{{body}}</textarea><button type="submit">{{t.save}}</button></form></details>
        {{#canReply}}<details><summary>{{t.reply_here}}</summary><form method="post" action="/admin/comments/{{id}}/reply"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="back" value="{{back}}"><textarea name="body" rows="3" dir="auto" aria-label="{{t.reply_here}}"></textarea><button type="submit">{{t.reply_here}}</button></form></details>{{/canReply}}</td>
        <td class="row-actions">{{#operations}}<form method="post" action="/admin/comments/bulk"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="back" value="{{back}}"><input type="hidden" name="ids" value="{{id}}"><button type="submit" class="link" name="operation" value="{{value}}">{{label}}</button></form> {{/operations}}</td>
        </tr>{{/comments}}</tbody></table>
        <nav class="pages">{{#prevURL}}<a href="{{prevURL}}" rel="prev">{{t.previous}}</a>{{/prevURL}} <span>{{t.page_of}} {{page}} / {{totalPages}}</span> {{#nextURL}}<a href="{{nextURL}}" rel="next">{{t.next}}</a>{{/nextURL}}</nav>
        {{/hasComments}}
        {{^hasComments}}<p class="muted">{{t.no_comments_here}}</p>{{/hasComments}}
        {{/content}}{{/layout}}
        """

    static let terms = """
        {{<layout}}{{$content}}
        {{#hasErrors}}<div class="error-box" role="alert"><p>{{t.fix_errors}}</p><ul>{{#errorList}}<li>{{.}}</li>{{/errorList}}</ul></div>{{/hasErrors}}
        <p class="muted">{{t.old_urls_kept}}</p>
        <h2>{{t.add}}</h2>
        <form method="post" action="/admin/terms/{{kind}}" class="inline">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>{{t.name}} <input name="name" value="{{typed.name}}" dir="auto" required></label>
        <label>{{t.slug}} <input name="slug" value="{{typed.slug}}" dir="auto"></label>
        <label>{{t.description}} <input name="description" value="{{typed.description}}" dir="auto"></label>
        <button type="submit">{{t.add}}</button>
        {{#errors.name}}<p class="field-error">{{errors.name}}</p>{{/errors.name}}{{#errors.slug}}<p class="field-error">{{errors.slug}}</p>{{/errors.slug}}
        </form>
        {{#isTag}}<form method="post" action="/admin/tags/merge" id="merge" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>{{t.merge_into}} <select name="into">{{#terms}}<option value="{{id}}">{{name}}</option>{{/terms}}</select></label> <button type="submit">{{t.merge}}</button></form>{{/isTag}}
        <table class="list"><thead><tr>{{#isTag}}<th scope="col">{{t.select}}</th>{{/isTag}}<th scope="col">{{t.name}} / {{t.slug}} / {{t.description}}</th><th scope="col">{{t.article_count}}</th><th scope="col">{{t.delete}}</th></tr></thead>
        <tbody>{{#terms}}<tr>
        {{#isTag}}<td><input type="checkbox" name="ids" value="{{id}}" form="merge" aria-label="{{t.select}}: {{name}}"></td>{{/isTag}}
        <td><form method="post" action="/admin/terms/{{kind}}" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="id" value="{{id}}">
        <input name="name" value="{{name}}" aria-label="{{t.name}}" dir="auto" required> <input name="slug" value="{{slug}}" aria-label="{{t.slug}}" dir="auto"> <input name="description" value="{{description}}" aria-label="{{t.description}}" dir="auto">
        {{#isCategory}}<select name="parent_id" aria-label="{{t.parent_section}}"><option value="">{{t.top_level}}</option>{{#parents}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/parents}}</select> <input name="position" value="{{position}}" size="3" inputmode="numeric" dir="ltr" aria-label="{{t.menu_position}}">{{/isCategory}}
        <button type="submit">{{t.save}}</button></form></td>
        <td><bdi>{{count}}</bdi></td>
        <td><form method="post" action="/admin/terms/{{kind}}/{{id}}/delete" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        {{^isTag}}<label>{{t.move_articles_to}} <select name="move_to"><option value="">{{t.nowhere}}</option>{{#others}}<option value="{{id}}">{{name}}</option>{{/others}}</select></label>{{/isTag}}
        <button type="submit" class="danger">{{t.delete}}</button></form></td>
        </tr>{{/terms}}</tbody></table>
        {{/content}}{{/layout}}
        """

    static let synonyms = """
        {{<layout}}{{$content}}
        {{#hasErrors}}<div class="error-box" role="alert"><p>{{t.fix_errors}}</p><ul>{{#errorList}}<li>{{.}}</li>{{/errorList}}</ul></div>{{/hasErrors}}
        <p class="muted">{{t.synonyms_help}}</p>
        <h2>{{t.add_synonym_group}}</h2>
        <form method="post" action="/admin/synonyms">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="phrases">{{t.synonym_phrases}}</label>
        <textarea id="phrases" name="phrases" rows="4" dir="auto" required aria-describedby="phrases-hint{{#errors.phrases}} phrases-error{{/errors.phrases}}">{{typed}}</textarea>
        <p class="hint" id="phrases-hint">{{t.synonym_phrases_hint}}</p>
        {{#errors.phrases}}<p class="field-error" id="phrases-error">{{errors.phrases}}</p>{{/errors.phrases}}
        <button type="submit">{{t.add}}</button>
        </form>
        <h2>{{t.synonym_groups}}</h2>
        {{^hasGroups}}<p class="muted">{{t.no_synonyms}}</p>{{/hasGroups}}
        {{#hasGroups}}<table class="list"><thead><tr><th scope="col">{{t.synonym_phrases}}</th><th scope="col">{{t.delete}}</th></tr></thead>
        <tbody>{{#groups}}<tr><td>{{#phrases}}<span class="chip"><bdi>{{text}}</bdi></span> {{/phrases}}</td>
        <td><form method="post" action="/admin/synonyms/delete" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="phrase" value="{{first}}">
        <button type="submit" class="danger">{{t.delete}}</button></form></td></tr>{{/groups}}</tbody></table>{{/hasGroups}}
        {{/content}}{{/layout}}
        """

    static let settings = """
        {{<layout}}{{$content}}
        {{#hasErrors}}<div class="error-box" role="alert"><p>{{t.fix_errors}}</p><ul>{{#errorList}}<li>{{.}}</li>{{/errorList}}</ul></div>{{/hasErrors}}
        <form method="post" action="/admin/settings" class="editor">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{#s}}
        <div class="field" id="f-name"><label for="name">{{t.site_name}}</label><input id="name" name="name" value="{{name}}" dir="auto" required>{{#errors.name}}<p class="field-error">{{errors.name}}</p>{{/errors.name}}</div>
        <div class="field"><label for="tagline">{{t.tagline}}</label><input id="tagline" name="tagline" value="{{tagline}}" dir="auto"></div>
        {{/s}}
        <div class="field"><label for="language">{{t.language}}</label><select id="language" name="language">{{#languages}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/languages}}</select></div>
        {{#s}}
        <div class="field" id="f-time_zone"><label for="time_zone">{{t.time_zone}}</label><input id="time_zone" name="time_zone" dir="ltr" value="{{timeZone}}">{{#errors.time_zone}}<p class="field-error">{{errors.time_zone}}</p>{{/errors.time_zone}}</div>
        {{/s}}
        <div class="field"><label for="month_style">{{t.month_names}}</label><select id="month_style" name="month_style">{{#monthStyles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/monthStyles}}</select></div>
        <div class="field"><label for="digits">{{t.digits}}</label><select id="digits" name="digits">{{#digitStyles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/digitStyles}}</select></div>
        {{#s}}
        <div class="field"><label><input type="checkbox" name="shows_hijri" value="1"{{#showsHijri}} checked{{/showsHijri}}> {{t.shows_hijri}}</label></div>
        <div class="field" id="f-articles_per_page"><label for="articles_per_page">{{t.articles_per_page}}</label><input id="articles_per_page" name="articles_per_page" inputmode="numeric" dir="ltr" value="{{articlesPerPage}}">{{#errors.articles_per_page}}<p class="field-error">{{errors.articles_per_page}}</p>{{/errors.articles_per_page}}</div>
        <div class="field"><label><input type="checkbox" name="comments_open" value="1"{{#commentsOpenByDefault}} checked{{/commentsOpenByDefault}}> {{t.comments_open}}</label></div>
        <div class="field"><label><input type="checkbox" name="feed_full_text" value="1"{{#feedFullText}} checked{{/feedFullText}}> {{t.feed_full_text}}</label></div>
        <fieldset class="field" id="f-comment_limits"><legend>{{t.comment_settings}}</legend>
        <label for="comment_moderation">{{t.comment_moderation}}</label><select id="comment_moderation" name="comment_moderation">{{#moderations}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/moderations}}</select>
        <label for="comment_thread_depth">{{t.comment_thread_depth}}</label><input id="comment_thread_depth" name="comment_thread_depth" inputmode="numeric" dir="ltr" value="{{commentThreadDepth}}">
        <label for="comments_per_page">{{t.comments_per_page}}</label><input id="comments_per_page" name="comments_per_page" inputmode="numeric" dir="ltr" value="{{commentsPerPage}}">
        <label for="comments_close_after_days">{{t.comments_close_after_days}}</label><input id="comments_close_after_days" name="comments_close_after_days" inputmode="numeric" dir="ltr" value="{{commentsCloseAfterDays}}">
        <label for="comment_minimum_seconds">{{t.comment_minimum_seconds}}</label><input id="comment_minimum_seconds" name="comment_minimum_seconds" inputmode="numeric" dir="ltr" value="{{commentMinimumSeconds}}">
        <label for="comment_maximum_links">{{t.comment_maximum_links}}</label><input id="comment_maximum_links" name="comment_maximum_links" inputmode="numeric" dir="ltr" value="{{commentMaximumLinks}}">
        <label for="comment_rate_limit">{{t.comment_rate_limit}}</label><input id="comment_rate_limit" name="comment_rate_limit" inputmode="numeric" dir="ltr" value="{{commentRateLimit}}">
        <label for="comment_blocklist">{{t.comment_blocklist}}</label><textarea id="comment_blocklist" name="comment_blocklist" rows="4" dir="auto">{{commentBlocklist}}</textarea>
        {{#errors.comment_thread_depth}}<p class="field-error">{{errors.comment_thread_depth}}</p>{{/errors.comment_thread_depth}}{{#errors.comments_per_page}}<p class="field-error">{{errors.comments_per_page}}</p>{{/errors.comments_per_page}}{{#errors.comments_close_after_days}}<p class="field-error">{{errors.comments_close_after_days}}</p>{{/errors.comments_close_after_days}}{{#errors.comment_limits}}<p class="field-error">{{errors.comment_limits}}</p>{{/errors.comment_limits}}
        </fieldset>
        <fieldset class="field" id="f-media_limits"><legend>{{t.media_settings}}</legend>
        <label for="media_maximum_megabytes">{{t.media_maximum_megabytes}}</label><input id="media_maximum_megabytes" name="media_maximum_megabytes" inputmode="numeric" dir="ltr" value="{{mediaMaximumMegabytes}}">
        <label for="media_maximum_megapixels">{{t.media_maximum_megapixels}}</label><input id="media_maximum_megapixels" name="media_maximum_megapixels" inputmode="numeric" dir="ltr" value="{{mediaMaximumMegapixels}}">
        <label><input type="checkbox" name="media_keeps_originals" value="1"{{#mediaKeepsOriginals}} checked{{/mediaKeepsOriginals}}> {{t.media_keeps_originals}}</label>
        {{#errors.media_limits}}<p class="field-error">{{errors.media_limits}}</p>{{/errors.media_limits}}
        </fieldset>
                <div class="field" id="f-url"><label for="url">{{t.site_url}}</label><input id="url" name="url" dir="ltr" value="{{url}}">{{#errors.url}}<p class="field-error">{{errors.url}}</p>{{/errors.url}}</div>
        <div class="field" id="f-permalink_structure"><label for="permalink_structure">{{t.permalink_structure}}</label><input id="permalink_structure" name="permalink_structure" dir="ltr" value="{{permalinkStructure}}">{{#errors.permalink_structure}}<p class="field-error">{{errors.permalink_structure}}</p>{{/errors.permalink_structure}}</div>
        <div class="field" id="f-head_code"><label for="head_code">{{t.head_code}}</label><textarea id="head_code" name="head_code" dir="ltr" rows="4" aria-describedby="h-code">{{headCode}}</textarea>{{#errors.head_code}}<p class="field-error">{{errors.head_code}}</p>{{/errors.head_code}}</div>
        <div class="field"><label for="footer_code">{{t.footer_code}}</label><textarea id="footer_code" name="footer_code" dir="ltr" rows="4" aria-describedby="h-code">{{footerCode}}</textarea><p class="hint" id="h-code">{{t.code_hint}}</p></div>
        {{/s}}
        <div class="buttons"><button type="submit" class="primary">{{t.save}}</button></div>
        </form>
        {{/content}}{{/layout}}
        """

    static let users = """
        {{<layout}}{{$content}}
        <table class="list"><thead><tr><th scope="col">{{t.name}}</th><th scope="col">{{t.email}}</th><th scope="col">{{t.author_profile}}</th><th scope="col">{{t.role}}</th><th scope="col">{{t.actions}}</th></tr></thead>
        <tbody>{{#users}}<tr><td>{{name}}</td><td dir="ltr">{{email}}</td>
        <td><form method="post" action="/admin/users/{{id}}/author" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><select name="author_id" aria-label="{{t.author_profile}}: {{name}}"><option value="">{{t.none}}</option>{{^hasAuthor}}<option value="new">{{t.new_profile_named}} «{{name}}»</option>{{/hasAuthor}}{{#authorChoices}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/authorChoices}}</select> <button type="submit">{{t.link_author}}</button></form></td>
        <td><form method="post" action="/admin/users/{{id}}/role" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><select name="role" aria-label="{{t.role}}">{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select> <button type="submit">{{t.change_role}}</button></form></td>
        <td><form method="post" action="/admin/users/{{id}}/sessions/revoke" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link">{{t.revoke_sessions}}</button></form></td></tr>{{/users}}</tbody></table>
        <h2>{{t.add_user}}</h2>
        <form method="post" action="/admin/users" class="editor">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <div class="field"><label for="u-name">{{t.name}}</label><input id="u-name" name="name" value="{{typed.name}}" dir="auto" required>{{#errors.name}}<p class="field-error">{{errors.name}}</p>{{/errors.name}}</div>
        <div class="field"><label for="u-email">{{t.email}}</label><input id="u-email" name="email" type="email" dir="ltr" value="{{typed.email}}" required>{{#errors.email}}<p class="field-error">{{errors.email}}</p>{{/errors.email}}</div>
        <div class="field"><label for="u-password">{{t.password}}</label><input id="u-password" name="password" type="password" dir="ltr" autocomplete="new-password" required>{{#errors.password}}<p class="field-error">{{errors.password}}</p>{{/errors.password}}</div>
        <div class="field"><label for="u-role">{{t.role}}</label><select id="u-role" name="role">{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select></div>
        <div class="field"><label for="u-author">{{t.author_profile}}</label><select id="u-author" name="author_id"><option value="">{{t.author_made_on_first_article}}</option>{{#authors}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/authors}}</select></div>
        <div class="buttons"><button type="submit" class="primary">{{t.add_user}}</button></div>
        </form>
        <form method="post" action="/admin/sessions/revoke"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link">{{t.sign_out_everywhere}}</button></form>
        {{/content}}{{/layout}}
        """
}
