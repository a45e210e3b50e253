import MinbarCore

/// The admin's interface strings, Arabic first, with English for the language switch.
enum AdminStrings {
    static let entries: [String: (ar: String, en: String)] = [
        "admin": ("لوحة التحرير", "Newsroom"),
        "dashboard": ("الرئيسية", "Dashboard"),
        "articles": ("المقالات", "Articles"),
        "new_article": ("مقال جديد", "New article"),
        "edit_article": ("تحرير المقال", "Edit article"),
        "terms_category": ("الأقسام", "Sections"),
        "terms_tag": ("الوسوم", "Tags"),
        "terms_author": ("الكتّاب", "Authors"),
        "users": ("المستخدمون", "Users"),
        "settings": ("الإعدادات", "Settings"),
        "sign_in": ("تسجيل الدخول", "Sign in"),
        "sign_out": ("تسجيل الخروج", "Sign out"),
        "sign_out_everywhere": ("الخروج من كل الأجهزة", "Sign out everywhere"),
        "sign_in_failed": ("البريد الإلكتروني أو كلمة المرور غير صحيحة.", "The email address or password is incorrect."),
        "email": ("البريد الإلكتروني", "Email"),
        "password": ("كلمة المرور", "Password"),
        "name": ("الاسم", "Name"),
        "role": ("الدور", "Role"),
        "view_site": ("عرض الموقع", "View site"),
        "error": ("تعذّر الإجراء", "Could not complete"),
        "back": ("رجوع", "Back"),
        "title": ("العنوان", "Title"),
        "slug": ("الرابط المختصر", "Slug"),
        "slug_hint": ("يُصنع من العنوان إن تُرك فارغاً، والعربية مقبولة.", "Made from the title when empty; Arabic is fine."),
        "excerpt": ("المقتطف", "Excerpt"),
        "body": ("نص المقال", "Body"),
        "body_hint": ("اكتب بصيغة Markdown: ## عنوان فرعي، **غامق**، [رابط](https://…)، > اقتباس.", "Write in Markdown: ## subheading, **bold**, [link](https://…), > quote."),
        "format": ("الصيغة", "Format"),
        "format_markdown": ("Markdown", "Markdown"),
        "format_html": ("HTML", "HTML"),
        "sections": ("الأقسام", "Sections"),
        "primary_section": ("القسم الرئيسي", "Primary section"),
        "no_section": ("بلا قسم", "No section"),
        "tags": ("الوسوم", "Tags"),
        "tags_hint": ("افصل بينها بفاصلة؛ الوسوم الجديدة تُنشأ عند الحفظ.", "Separate with commas; new tags are created on save."),
        "authors": ("الكتّاب", "Authors"),
        "source_credit": ("المصدر", "Source"),
        "breaking": ("عاجل", "Breaking"),
        "breaking_flag": ("خبر عاجل", "Breaking news"),
        "breaking_until": ("ينتهي العاجل في (اختياري)", "Breaking until (optional)"),
        "published_at": ("موعد النشر", "Publication time"),
        "published_at_hint": ("اتركه فارغاً للنشر الآن، أو اختر وقتاً لاحقاً للجدولة.", "Leave empty to publish now, or pick a later time to schedule."),
        "featured_image": ("الصورة البارزة", "Featured image"),
        "image_url": ("رابط الصورة", "Image URL"),
        "image_alt": ("النص البديل", "Alt text"),
        "image_caption": ("التعليق على الصورة", "Caption"),
        "save_draft": ("حفظ كمسودة", "Save draft"),
        "submit_review": ("إرسال للمراجعة", "Submit for review"),
        "publish": ("نشر أو جدولة", "Publish or schedule"),
        "update": ("تحديث", "Update"),
        "preview": ("معاينة", "Preview"),
        "move_to_trash": ("نقل إلى المهملات", "Move to trash"),
        "restore": ("استعادة", "Restore"),
        "revisions": ("النسخ السابقة", "Revisions"),
        "compare": ("مقارنة نسختين", "Compare revisions"),
        "compare_selected": ("قارن المحددتين", "Compare selected"),
        "restore_revision": ("استعادة هذه النسخة", "Restore this revision"),
        "current": ("الحالية", "current"),
        "identical": ("النسختان متطابقتان.", "The two revisions are identical."),
        "saved": ("حُفظ.", "Saved."),
        "autosaved": ("حُفظ تلقائياً", "Autosaved"),
        "autosave_offer": ("يوجد نص محفوظ تلقائياً أحدث من النسخة المحفوظة", "There is autosaved text newer than the saved version"),
        "local_offer": ("هذا المتصفح يحتفظ بنص لم يصل إلى الخادم (انقطع الاتصال أو أُغلقت الصفحة).", "This browser kept text that did not reach the server (the connection dropped or the page closed)."),
        "autosave_restore": ("استرجاع النص المحفوظ تلقائياً", "Restore the autosaved text"),
        "body_too_large": ("النص أطول من الحد المسموح.", "The text is over the size limit."),
        "status": ("الحالة", "Status"),
        "status_draft": ("مسودة", "Draft"),
        "status_pending": ("بانتظار المراجعة", "Pending review"),
        "status_scheduled": ("مجدول", "Scheduled"),
        "status_published": ("منشور", "Published"),
        "status_trashed": ("في المهملات", "Trashed"),
        "all": ("الكل", "All"),
        "filter": ("تصفية", "Filter"),
        "search_titles": ("ابحث في العناوين", "Search titles"),
        "only_breaking": ("العاجل فقط", "Breaking only"),
        "date": ("التاريخ", "Date"),
        "section": ("القسم", "Section"),
        "actions": ("إجراءات", "Actions"),
        "edit": ("تحرير", "Edit"),
        "view": ("عرض", "View"),
        "flag_breaking": ("اجعله عاجلاً", "Flag breaking"),
        "unflag_breaking": ("ألغِ العاجل", "Unflag breaking"),
        "bulk_action": ("إجراء على المحدد", "Bulk action"),
        "apply": ("تطبيق", "Apply"),
        "select": ("تحديد", "Select"),
        "no_articles": ("لا توجد مقالات تطابق هذا الاختيار.", "No articles match this choice."),
        "page_of": ("الصفحة", "Page"),
        "previous": ("السابق", "Previous"),
        "next": ("التالي", "Next"),
        "done_trash": ("نُقلت المقالات المحددة إلى المهملات.", "The selected articles were moved to the trash."),
        "done_restore": ("استُعيدت المقالات المحددة كمسودات.", "The selected articles were restored as drafts."),
        "counts": ("المقالات حسب الحالة", "Articles by status"),
        "recent_drafts": ("أحدث المسودات", "Recent drafts"),
        "scheduled_queue": ("قائمة الجدولة", "Scheduled queue"),
        "nothing_scheduled": ("لا شيء مجدول.", "Nothing scheduled."),
        "no_drafts": ("لا مسودات.", "No drafts."),
        "published_per_day": ("المنشور يومياً في آخر 30 يوماً", "Published per day, last 30 days"),
        "today": ("اليوم", "today"),
        "add": ("إضافة", "Add"),
        "save": ("حفظ", "Save"),
        "delete": ("حذف", "Delete"),
        "description": ("الوصف", "Description"),
        "article_count": ("المقالات", "Articles"),
        "move_articles_to": ("انقل مقالاته إلى", "Move its articles to"),
        "nowhere": ("لا شيء", "nowhere"),
        "merge_into": ("ادمج المحددة في", "Merge selected into"),
        "merge": ("دمج", "Merge"),
        "synonyms": ("مرادفات البحث", "Search synonyms"),
        "synonyms_help": (
            "من يبحث عن عبارة من مجموعة يجد المقالات التي تستعمل عبارة أخرى منها، بعد ما يطابق كلماته تماماً. يبدأ الموقع بمرادفات شائعة في لغة الأخبار؛ احذف منها ما لا يناسب موقعك.",
            "A search for one phrase of a group finds articles that use another, after those matching the words as typed. A site starts with synonyms common in news writing; delete any that do not suit yours."
        ),
        "add_synonym_group": ("مجموعة جديدة", "New group"),
        "synonym_phrases": ("العبارات", "Phrases"),
        "synonym_phrases_hint": (
            "عبارة في كل سطر أو بين فواصل، مثل: داعش، تنظيم الدولة الإسلامية. العبارة الموجودة في مجموعة أخرى تنتقل إلى هذه.",
            "One phrase per line or between commas, e.g. ISIS, Islamic State. A phrase already in another group moves to this one."
        ),
        "synonym_groups": ("المجموعات", "Groups"),
        "no_synonyms": ("لا مرادفات بعد.", "No synonyms yet."),
        "parent_section": ("القسم الأب", "Parent section"),
        "top_level": ("قسم رئيسي", "Top level"),
        "menu_position": ("الترتيب في القائمة", "Menu position"),
        "old_urls_kept": ("الروابط القديمة تبقى صالحة وتحوّل إلى الجديدة.", "Old addresses keep working and redirect to the new ones."),
        "site_name": ("اسم الموقع", "Site name"),
        "tagline": ("الشعار", "Tagline"),
        "language": ("اللغة", "Language"),
        "time_zone": ("المنطقة الزمنية", "Time zone"),
        "month_names": ("أسماء الأشهر", "Month names"),
        "month_egyptian": ("يناير، فبراير…", "January, February… (Egyptian)"),
        "month_levantine": ("كانون الثاني، شباط…", "Kanun al-Thani… (Levantine)"),
        "month_both": ("يناير/كانون الثاني…", "Both"),
        "digits": ("الأرقام", "Digits"),
        "digits_latin": ("0123456789", "0123456789"),
        "digits_arabic-indic": ("٠١٢٣٤٥٦٧٨٩", "٠١٢٣٤٥٦٧٨٩ (Arabic-Indic)"),
        "shows_hijri": ("أظهر التاريخ الهجري", "Show the Hijri date"),
        "articles_per_page": ("عدد المقالات في الصفحة", "Articles per page"),
        "comments_open": ("التعليقات مفتوحة افتراضياً على المقالات الجديدة", "Comments open by default on new articles"),
        "feed_full_text": ("النص الكامل في الخلاصات", "Full text in feeds"),
        "site_url": ("عنوان الموقع", "Site address"),
        "permalink_structure": ("بنية الروابط", "Permalink structure"),
        "head_code": ("شيفرة تُضاف إلى <head>", "Code added to <head>"),
        "footer_code": ("شيفرة تُضاف قبل </body>", "Code added before </body>"),
        "code_hint": ("لأدوات التحليل الخاصة بك. منبر لا يضيف أي متتبع.", "For your own analytics. Minbar adds no tracker."),
        "add_user": ("إضافة مستخدم", "Add user"),
        "author_profile": ("ملف الكاتب", "Author profile"),
        "none": ("بلا", "None"),
        "change_role": ("تغيير الدور", "Change role"),
        "revoke_sessions": ("إنهاء جلساته", "End their sessions"),
        "untitled": ("(بلا عنوان)", "(untitled)"),
        "skip": ("تخطَّ إلى المحتوى", "Skip to content"),
        "fix_errors": ("لم يُحفظ شيء. صحّح ما يلي:", "Nothing was saved. Please fix the following:"),
        "main_menu": ("قائمة الإدارة", "Admin menu"),
        "comments": ("التعليقات", "Comments"),
        "comment_pending": ("بانتظار المراجعة", "Pending"),
        "comment_approved": ("منشورة", "Approved"),
        "comment_spam": ("مزعجة", "Spam"),
        "comment_trash": ("المهملات", "Trash"),
        "op_approve": ("موافقة", "Approve"),
        "op_unapprove": ("إلغاء الموافقة", "Unapprove"),
        "op_spam": ("مزعج", "Mark as spam"),
        "op_trash": ("إلى المهملات", "Move to trash"),
        "op_restore": ("استعادة", "Restore"),
        "on_article": ("على", "on"),
        "reply_here": ("رد", "Reply"),
        "edit_text": ("تعديل النص", "Edit text"),
        "no_comments_here": ("لا تعليقات في هذه القائمة.", "No comments in this list."),
        "comments_open_field": ("السماح بالتعليقات على هذا المقال", "Allow comments on this article"),
        "comment_settings": ("التعليقات", "Comments"),
        "comment_moderation": ("مراجعة التعليقات", "Comment moderation"),
        "moderation_all": ("كل تعليق ينتظر الموافقة", "Every comment waits for approval"),
        "moderation_first-time": ("ينتظر تعليق المعلّق الأول فقط", "Only a commenter's first comment waits"),
        "moderation_none": ("تُنشر التعليقات مباشرة", "Comments show at once"),
        "comment_thread_depth": ("أقصى عمق للردود", "Deepest reply level"),
        "comments_per_page": ("التعليقات في الصفحة", "Comments per page"),
        "comments_close_after_days": ("إغلاق التعليقات بعد (أيام، 0 = أبداً)", "Close comments after (days, 0 = never)"),
        "comment_minimum_seconds": ("أقل وقت للكتابة قبل الإرسال (ثوانٍ)", "Least time before sending (seconds)"),
        "comment_maximum_links": ("أقصى عدد للروابط في التعليق", "Most links in a comment"),
        "comment_rate_limit": ("تعليقات العنوان الواحد في 10 دقائق", "Comments per address in 10 minutes"),
        "comment_blocklist": ("قائمة الحظر (كلمة أو بريد أو عنوان IP في كل سطر)", "Blocklist (a word, email or IP per line)"),
        "pending_comments": ("تعليقات بانتظار المراجعة", "Comments awaiting moderation"),
        "cancel": ("إلغاء", "Cancel"),
        "own_profile_new": ("أنت؛ يُنشأ ملف كاتب باسمك عند الحفظ", "you; an author profile in your name is made on save"),
        "link_author": ("ربط", "Link"),
        "new_profile_named": ("ملف جديد باسم", "A new profile named"),
        "author_made_on_first_article": ("يُنشأ باسمه مع أول مقال", "Made in their name with their first article"),
        "restore_explain": (
            "ستحلّ هذه النسخة محلّ عنوان المقال ومقتطفه ونصّه الحاليين:",
            "This revision will replace the article's current title, excerpt and body:"
        ),
        "restore_live_warning": (
            "المقال منشور: سيرى القرّاء النص المستعاد فوراً. النص الحالي يبقى محفوظاً في النسخ السابقة.",
            "The article is published: readers will see the restored text at once. The current text stays in the revisions."
        ),
        "restore_diff_intro": ("ما سيتغيّر، من النسخة الحالية إلى المستعادة:", "What will change, from the current version to the restored one:"),
        "restore_confirm": ("نعم، استعد هذه النسخة", "Yes, restore this revision"),
        "took_theirs": (
            "فُتحت النسخة الحالية، وتُرك تعديلك الذي لم يُحفظ.",
            "The current version is open; your unsaved edit was discarded."
        ),
        "conflict_heading": ("عدّل شخص آخر هذا المقال بعد أن فتحته", "Someone else changed this article after you opened it"),
        "conflict_saved_by": ("حفظه", "Saved by"),
        "conflict_choose": (
            "لم يُحفظ تعديلك، وهو باقٍ في النموذج أدناه. اختر: احتفظ بنصّك، أو خذ نسختهم، أو ادمج الاثنين بيدك.",
            "Your edit is not saved; it is still in the form below. Choose: keep yours, take theirs, or merge the two by hand."
        ),
        "conflict_keep_mine": ("احفظ نصّي كما في النموذج فوق نسختهم", "Save my text as in the form over theirs"),
        "conflict_take_theirs": ("خذ نسختهم واترك تعديلي", "Take theirs and drop my edit"),
        "conflict_merge_hint": (
            "للدمج: انسخ من نصّهم أدناه ما تريد إلى النموذج، ثم اضغط «احفظ نصّي». زر الحفظ العادي لن يكتب فوق تعديلهم.",
            "To merge: copy what you need from their text below into the form, then press “Save my text”. The usual save buttons will not overwrite their change."
        ),
        "conflict_their_changes": ("ما غيّروه (النسخة التي فتحتها مقابل نسختهم)", "What they changed (the version you opened against theirs)"),
        "conflict_their_text": ("نصّهم كاملاً", "Their full text"),
    ]

    /// The notice after a save whose title's slug another article had.
    static func numberedSlugNotice(taken: String, slug: String, language: String) -> String {
        language == "en"
            ? "Saved. Another article already has the slug “\(taken)”, so this one’s is “\(slug)”; change it in the Slug field if you like."
            : "حُفظ. الرابط المختصر «\(taken)» لمقال آخر، فصار رابط هذا المقال «\(slug)»؛ غيّره من حقل الرابط المختصر إن شئت."
    }

    /// The notice after a revision was restored: which one, from when, saved as which.
    static func restoredNotice(number: Int, savedAt: String, current: Int, language: String) -> String {
        language == "en"
            ? "Revision #\(number) of \(savedAt) was restored; it is now the current version (#\(current))."
            : "استُعيدت النسخة رقم \(number) (\(savedAt))، وصارت النسخة الحالية (رقم \(current))."
    }

    static func text(_ key: String, _ language: String) -> String {
        guard let entry = entries[key] else { return key }
        return language == "en" ? entry.en : entry.ar
    }

    static func status(_ status: ArticleStatus, _ language: String) -> String {
        text("status_\(status.rawValue)", language)
    }

    /// Every string in one language, for templates: `{{t.save}}`.
    static func table(_ language: String) -> [String: String] {
        language == "en" ? english : arabic
    }

    static let arabic: [String: String] = entries.mapValues(\.ar)
    static let english: [String: String] = entries.mapValues(\.en)
}
