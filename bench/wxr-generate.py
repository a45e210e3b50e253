#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of N posts for import benchmarks: Arabic bodies the size of
the seed article (classic text, as most archives are), sections with parents, tags, authors, and
comments in threads; streamed, so any N fits in memory.

    bench/wxr-generate.py 100000 /tmp/big.xml
"""
import random
import sys
import urllib.parse

count, path = int(sys.argv[1]), sys.argv[2]
random.seed(7)
words = ("التحالف الدولي وزير الخارجية المؤتمر الصحفي العاصمة الحكومة المعارضة الاقتصاد النفط الأسعار "
         "الانتخابات البرلمان المدينة الأهالي المساعدات الإنسانية اللاجئين المفاوضات الأمم المتحدة سوريا "
         "العراق لبنان الأردن مصر المغرب تونس الجزائر الخليج الرياض الدوحة أبوظبي القاهرة بيروت دمشق").split()
sections = [("سياسة", "siyasa", ""), ("اقتصاد", "iqtisad", ""), ("الشرق الأوسط", "middle-east", "siyasa"), ("رياضة", "riyada", "")]
tags = [f"وسم {n}" for n in range(200)]


def sentence():
    return " ".join(random.choice(words) for _ in range(random.randint(8, 18))) + "."


def paragraph():
    return " ".join(sentence() for _ in range(random.randint(3, 6)))


with open(path, "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
              'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
              'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
              '<title>موقع مولَّد</title>\n<link>https://generated.example</link>\n<language>ar</language>\n'
              '<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_site_url>https://generated.example</wp:base_site_url>\n'
              '<wp:base_blog_url>https://generated.example</wp:base_blog_url>\n')
    for n in range(1, 8):
        out.write(f"<wp:author><wp:author_id>{n}</wp:author_id><wp:author_login><![CDATA[writer{n}]]></wp:author_login>"
                  f"<wp:author_display_name><![CDATA[كاتب {n}]]></wp:author_display_name></wp:author>\n")
    for n, (name, slug, parent) in enumerate(sections, 1):
        out.write(f"<wp:category><wp:term_id>{n}</wp:term_id><wp:category_nicename><![CDATA[{slug}]]></wp:category_nicename>"
                  f"<wp:category_parent><![CDATA[{parent}]]></wp:category_parent><wp:cat_name><![CDATA[{name}]]></wp:cat_name></wp:category>\n")
    for n, name in enumerate(tags, 100):
        out.write(f"<wp:tag><wp:term_id>{n}</wp:term_id><wp:tag_slug><![CDATA[{urllib.parse.quote(name.replace(' ', '-')).lower()}]]></wp:tag_slug>"
                  f"<wp:tag_name><![CDATA[{name}]]></wp:tag_name></wp:tag>\n")
    for post in range(1, count + 1):
        title = " ".join(random.choice(words) for _ in range(7))
        slug = urllib.parse.quote(title.replace(" ", "-"))[:200].lower()
        body = "\n\n".join(paragraph() for _ in range(4))
        day = 1 + post % 28
        section = random.choice(sections)
        out.write(f"<item>\n<title><![CDATA[{title}]]></title>\n<link>https://generated.example/2020/01/{slug}/</link>\n"
                  f"<dc:creator><![CDATA[writer{1 + post % 7}]]></dc:creator>\n<guid isPermaLink=\"false\">https://generated.example/?p={post}</guid>\n"
                  f"<content:encoded><![CDATA[{body}]]></content:encoded>\n<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n"
                  f"<wp:post_id>{post}</wp:post_id>\n<wp:post_date><![CDATA[2020-01-{day:02d} 10:00:00]]></wp:post_date>\n"
                  f"<wp:post_date_gmt><![CDATA[2020-01-{day:02d} 07:00:00]]></wp:post_date_gmt>\n<wp:comment_status><![CDATA[open]]></wp:comment_status>\n"
                  f"<wp:post_name><![CDATA[{slug}]]></wp:post_name>\n<wp:status><![CDATA[publish]]></wp:status>\n<wp:post_parent>0</wp:post_parent>\n"
                  f"<wp:menu_order>0</wp:menu_order>\n<wp:post_type><![CDATA[post]]></wp:post_type>\n<wp:post_password><![CDATA[]]></wp:post_password>\n"
                  f"<wp:is_sticky>0</wp:is_sticky>\n<category domain=\"category\" nicename=\"{section[1]}\"><![CDATA[{section[0]}]]></category>\n")
        for tag in random.sample(range(len(tags)), 3):
            out.write(f"<category domain=\"post_tag\" nicename=\"{urllib.parse.quote(tags[tag].replace(' ', '-')).lower()}\"><![CDATA[{tags[tag]}]]></category>\n")
        for comment in range(random.randint(0, 3)):
            cid = post * 10 + comment
            parent = cid - 1 if comment and random.random() < 0.5 else 0
            out.write(f"<wp:comment><wp:comment_id>{cid}</wp:comment_id><wp:comment_author><![CDATA[قارئ]]></wp:comment_author>"
                      f"<wp:comment_author_email><![CDATA[reader{cid}@example.org]]></wp:comment_author_email>"
                      f"<wp:comment_date><![CDATA[2020-01-{day:02d} 12:00:00]]></wp:comment_date><wp:comment_content><![CDATA[{sentence()}]]></wp:comment_content>"
                      f"<wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type>"
                      f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n")
        out.write("</item>\n")
    out.write("</channel>\n</rss>\n")
