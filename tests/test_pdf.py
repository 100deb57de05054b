"""The PDFs (`make pdf`, scripts/make_pdf.py) and the print rules behind them.

The print CSS checks are unit tests. The PDF checks print the whole guide and one handout
once for the module from the session's build (tests/conftest.py) and read them with pypdf."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from project_files import config, load_script

from conftest import ROOT
from macros.text import plain
from test_browser import data

make_pdf = load_script("make_pdf")
CSS = ROOT / "docs" / "assets" / "css" / "guide.css"
SITE_URL = "https://example.org/guide/"  # stands for the published address


# -- print CSS (unit) ----------------------------------------------------------------------

def print_rules(css: str) -> list[tuple[str, str]]:
    """(selector, declarations) of every rule inside an @media print block."""
    rules = []
    for block in re.finditer(r"@media print\s*\{((?:[^{}]|\{[^{}]*\})*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        rules += [(s.strip(), d) for s, d in re.findall(r"([^{}]+)\{([^{}]*)\}", block.group(1))]
    return rules


def test_print_shows_a_link_address_only_where_it_leads_to_another_site():
    """Material's instant navigation makes every link inside the guide a full http address, so
    a[href^=http] alone would print them all: addresses print only for links print-links.js
    marked (another site, first use), or, without JavaScript (.no-js), for absolute links."""
    printing = [(selector, body) for selector, body in print_rules(CSS.read_text(encoding="utf-8"))
                if "attr(" in body]
    assert printing, "no print rule prints a link address any more"
    for selector, body in printing:
        for one in selector.split(","):
            one = one.strip()
            by_href = "attr(href)" in body
            assert (by_href and one.startswith(".no-js ") and '[href^="http"]' in one) or (
                not by_href and "attr(data-print-address)" in body and "[data-print-address]" in one), one


def test_the_print_rule_finder_sees_a_rule_that_would_print_every_address():
    bad = '@media print {\n  .md-typeset a[href^="http"]::after { content: " (" attr(href) ")"; }\n}'
    assert print_rules(bad) == [('.md-typeset a[href^="http"]::after', ' content: " (" attr(href) ")"; ')]


def test_the_script_that_marks_addresses_is_on_every_page():
    assert "assets/js/print-links.js" in config("mkdocs.yml")["extra_javascript"]
    assert (ROOT / "docs" / "assets" / "js" / "print-links.js").is_file()


# -- the PDFs (browser) --------------------------------------------------------------------

def compact(text: str) -> str:
    """No whitespace: addresses broken across lines read whole again."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def pdfs(built_site, browser, tmp_path_factory) -> dict[str, Path]:
    chapter = data("chapters")[0]
    wanted = {make_pdf.GUIDE_PDF, make_pdf.handout_name(chapter)}
    out = tmp_path_factory.mktemp("pdf")
    written = make_pdf.make_pdfs(built_site, SITE_URL, only=wanted, out=out, browser=browser)
    return {path.name: path for path in written}


@pytest.fixture(scope="module")
def guide_pdf(pdfs):
    from pypdf import PdfReader
    return PdfReader(pdfs[make_pdf.GUIDE_PDF])


@pytest.fixture(scope="module")
def guide_text(guide_pdf) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in guide_pdf.pages]


@pytest.mark.browser
def test_the_whole_guide_pdf_holds_every_chapter_with_page_numbers(guide_pdf, guide_text):
    chapters = data("chapters")
    assert len(chapters) * 3 < len(guide_text) < 400, f"{len(guide_text)} pages for {len(chapters)} chapters"
    text = " ".join(guide_text)
    missing = [c["title"] for c in chapters if plain(c["title"]) not in text]
    assert not missing, f"chapter titles not in the PDF: {missing}"
    total = len(guide_text)
    assert all(page.endswith(f"page {n} of {total}") for n, page in enumerate(guide_text, 1)), \
        [page[-40:] for page in guide_text[:3]]
    bookmarks = [item["/Title"] for item in flatten(guide_pdf.outline)]
    assert all(any(plain(c["title"]) in b for b in bookmarks) for c in chapters), bookmarks[:20]


def flatten(outline):
    for item in outline:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


@pytest.mark.browser
def test_the_pdf_prints_no_address_of_a_link_inside_the_guide(guide_text, built_site):
    text = compact(" ".join(guide_text))
    assert "127.0.0.1" not in text and compact(SITE_URL) not in text
    # A source cited more than once prints its address once.
    html = (built_site / "study" / "print" / "index.html").read_text(encoding="utf-8")
    repeated = [url for url, n in Counter(re.findall(r'<a href="(https?://[^"]+)"', html)).items() if n > 1]
    assert repeated, "the print edition should cite some source twice"
    printed = {url: text.count(compact(url.replace("&amp;", "&"))) for url in repeated}
    assert all(n == 1 for n in printed.values()), {u: n for u, n in printed.items() if n != 1}


@pytest.mark.browser
def test_the_pdf_links_work_away_from_the_local_server(guide_pdf):
    """The contents table jumps within the PDF; other links inside the guide go to the published site."""
    chapters = data("chapters")
    inside, addresses = 0, []
    for page in guide_pdf.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if action is not None and "/URI" in action:
                addresses.append(str(action["/URI"]))
            elif annotation.get("/Dest") is not None or (action is not None and "/D" in action):
                inside += 1
    assert inside >= len(chapters), f"{inside} links within the PDF"
    local = [a for a in addresses if "127.0.0.1" in a or a.startswith("file:")]
    assert not local, local[:5]
    assert any(a.startswith(SITE_URL + "reference/") for a in addresses)


@pytest.mark.browser
def test_a_chapter_handout_pdf_is_one_page(pdfs):
    from pypdf import PdfReader
    chapter = data("chapters")[0]
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(pdfs[make_pdf.handout_name(chapter)]).pages]
    assert len(pages) == 1 and pages[0].startswith(f"Chapter {chapter['number']}: {plain(chapter['title'])}")
    assert pages[0].endswith("page 1 of 1")
