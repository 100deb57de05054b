"""The built site keeps the copyright rule: no long unquoted runs from the article."""
from pathlib import Path

import originality

MAX_UNQUOTED_WORDS = 11
MAX_QUOTE_WORDS = 45
MAX_QUOTED_SHARE = 0.10


def test_guard_detects_a_copied_run_and_ignores_a_quoted_one():
    source = originality.words("one two three four five six seven eight nine ten eleven twelve thirteen")
    known = set(originality.windows(source))
    page = ('<main><p>Intro: one two three four five six seven eight nine ten eleven twelve thirteen.</p>'
            '<blockquote><p>one two three four five six seven eight nine</p></blockquote></main>')
    found = [(quoted, length) for text, quoted in originality.segments(page)
             for _, length in originality.shared_runs(originality.words(text), known)]
    assert (False, 13) in found and (True, 9) in found


def site_runs(site: Path):
    _, known = originality.load_fingerprints()
    for page in sorted(site.rglob("*.html")):
        for text, quoted in originality.segments(page.read_text(encoding="utf-8")):
            tokens = originality.words(text)
            for start, length in originality.shared_runs(tokens, known):
                yield page.relative_to(site), quoted, tuple(tokens[start:start + length])


def test_no_long_unquoted_run_from_the_article(built_site):
    offenders = [f"{page}: {' '.join(run)}" for page, quoted, run in site_runs(built_site)
                 if not quoted and len(run) > MAX_UNQUOTED_WORDS]
    assert not offenders, "rewrite these in our own words, or quote and attribute them:\n" + "\n".join(offenders)


def test_quotations_are_short_and_few(built_site):
    article_words, _ = originality.load_fingerprints()
    quotes = {run for _, quoted, run in site_runs(built_site) if quoted}
    too_long = [" ".join(run) for run in quotes if len(run) > MAX_QUOTE_WORDS]
    assert not too_long, f"quotations over {MAX_QUOTE_WORDS} words: {too_long}"
    share = sum(len(run) for run in quotes) / article_words
    assert share <= MAX_QUOTED_SHARE, f"quotations add up to {share:.1%} of the article; keep under {MAX_QUOTED_SHARE:.0%}"
