"""Reader-mode extraction as archivers, read-later apps and aggregators do it (trafilatura)."""
import json

import trafilatura

from conftest import ROOT, SEED_PATH

SEED = json.loads((ROOT / "Sources/MinbarDemo/Content/seed-article.json").read_text())["article"]


def extract(site, path):
    status, _, body = site.get(path)
    assert status == 200
    return trafilatura.bare_extraction(body.decode(), with_metadata=True, include_comments=True).as_dict()


def test_trafilatura_reads_the_seed_article_and_stops_where_it_ends(site):
    found = extract(site, SEED_PATH)
    assert found["title"] == SEED["title"]
    assert found["date"] == SEED["published"]
    assert found["author"] == SEED["author"]["name"]
    lines = [line.strip() for line in found["text"].splitlines() if line.strip()]
    assert lines[0] == SEED["paragraphs"][0].strip()
    assert lines[-1] == SEED["paragraphs"][-1].strip(), lines[-3:]
    # Nothing after the article: not the comment form's heading, not related articles, not the footer.
    whole = found["text"] + "\n" + (found.get("comments") or "")
    for outside in ("اترك تعليقاً", "مقالات ذات صلة", "لن يتم نشر عنوان بريدك", "يعمل بمنصة منبر"):
        assert outside not in whole, outside
