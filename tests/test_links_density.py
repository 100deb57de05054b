"""Chapter pages are not a sea of links: fewer than 20 links per 1,000 words of main text."""
from __future__ import annotations

import html.parser
import re

import pytest

MAX_LINKS_PER_1000_WORDS = 20
WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][\w'’-]*")


class MainContent(html.parser.HTMLParser):
    """Links and words inside <article> (the page's main content), not counting the
    headings' permalinks ('¶'), scripts, styles or figures (a map's or diagram's links are
    its navigation, not links in the prose)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.in_figure = 0
        self.hidden = 0
        self.links = 0
        self.terms = 0
        self.words = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.in_article += 1
        if not self.in_article:
            return
        if tag == "figure":
            self.in_figure += 1
        if self.in_figure:
            return
        is_permalink = tag == "a" and "headerlink" in (a.get("class") or "")
        if tag == "a" and a.get("href") and not is_permalink:
            self.links += 1
        if tag == "abbr":
            self.terms += 1
        if tag in ("script", "style") or is_permalink:
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        elif tag == "figure" and self.in_figure:
            self.in_figure -= 1
        elif self.in_article and self.hidden and tag in ("script", "style", "a"):
            self.hidden -= 1

    def handle_data(self, data):
        if self.in_article and not self.hidden and not self.in_figure:
            self.words += len(WORD.findall(data))


def measure(page_html: str) -> MainContent:
    parser = MainContent()
    parser.feed(page_html)
    return parser


def test_measure_counts_links_and_words_inside_the_article_only():
    page = ('<nav><a href="x">Home page</a></nav><article><h2 id="a">One two<a class="headerlink" href="#a">¶</a></h2>'
            '<p><a href="p/">three</a> <abbr title="t">four</abbr> five</p>'
            '<figure class="guide-figure"><svg><a href="m/"><text>seven</text></a></svg></figure></article>'
            '<a href="y">six</a>')
    found = measure(page)
    assert (found.links, found.terms, found.words) == (1, 1, 5)


def chapter_pages(site):
    return sorted((site / "chapters").glob("*/index.html"))


def test_chapter_pages_have_fewer_than_20_links_per_1000_words(built_site):
    pages = chapter_pages(built_site)
    assert len(pages) == 7
    too_dense = {}
    for page in pages:
        found = measure(page.read_text(encoding="utf-8"))
        density = 1000 * found.links / found.words
        if density >= MAX_LINKS_PER_1000_WORDS:
            too_dense[page.parent.name] = f"{found.links} links in {found.words} words ({density:.1f} per 1,000)"
    assert not too_dense, too_dense


@pytest.mark.parametrize("kind", ["abbr", "a"])
def test_no_term_tooltip_or_guide_link_repeats_within_a_chapter_section(built_site, kind):
    """A term's tooltip once per page; a link to one entry once per h2 section."""
    for page in chapter_pages(built_site):
        text = page.read_text(encoding="utf-8")
        article = text[text.index("<article"):text.index("</article>")]
        if kind == "abbr":
            titles = re.findall(r'<abbr title="([^"]*)"', article)
            assert len(titles) == len(set(titles)), page.parent.name
            continue
        for section in re.split(r"<h2[ >]", article):
            hrefs = [h for h in re.findall(r'<a href="([^"]+)"', section) if "://" not in h and not h.startswith("#")]
            assert len(hrefs) == len(set(hrefs)), (page.parent.name, section[:60])
