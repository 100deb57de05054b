"""Chapter handouts: key terms chosen by importance, and one printed page each.

The unit tests check how key terms are chosen (curated `key_terms` in
data/chapters.yml, or, without them, the terms a chapter page uses most). The
browser tests print with Chromium (Playwright's page.pdf, which uses the print
stylesheet) and count pages with pypdf: each chapter's handout, printed alone
(the handouts page opened at that handout's link, as its print button does),
is exactly one page on Letter and on A4; the whole handouts page prints one
handout per page with no page left without text.
"""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from macros import chapters_source, loader, print_views
from macros.errors import GuideError
from macros.text import plain
from sample_data import OTHER_TERM, TERM
from test_browser import DESKTOP, data, new_page, skip_search_index

ROOT = Path(__file__).resolve().parent.parent
PAPER = ["Letter", "A4"]


# -- choosing key terms (unit) --------------------------------------------------------

WORLD = {"id": "world", "term": "world", "aliases": ["worlds"], "short": "All of it."}


def test_curated_key_terms_are_used_in_their_order():
    chapter = {"key_terms": ["free-trade", "maquiladora"]}
    chosen = print_views.choose_key_terms(chapter, [TERM, OTHER_TERM, WORLD], "world world world")
    assert [e["id"] for e in chosen] == ["free-trade", "maquiladora"]


def test_without_curated_terms_the_most_used_come_first_ties_by_first_use():
    text = 'A maquiladora. {{ term("free-trade") }} and free trade. Worlds apart, the world.'
    chosen = print_views.choose_key_terms({"key_terms": None}, [TERM, OTHER_TERM, WORLD], text)
    assert [e["id"] for e in chosen] == ["free-trade", "world", "maquiladora"]


def test_term_uses_count_whole_words_only_and_note_the_first():
    assert print_views.term_uses(WORLD, "underworld, worldly") == (0, len("underworld, worldly"))
    assert print_views.term_uses(WORLD, "The World; two worlds.") == (2, 4)


def test_computed_key_terms_are_capped():
    glossary = [{"id": f"t{n}", "term": f"t{n}", "short": "x"} for n in range(12)]
    text = " ".join(f"t{n}" for n in range(12))
    assert len(print_views.choose_key_terms({}, glossary, text)) == print_views.COMPUTED_TERMS


# -- the curated lists (real data) ------------------------------------------------------

@pytest.fixture(scope="module")
def guide_and_pages():
    guide = loader.load_guide(ROOT / "data")
    sources = chapters_source.read_chapters(ROOT / "docs", guide["chapters"], guide.collections)
    return guide, sources


def test_every_chapter_has_six_to_ten_key_terms_each_named_on_its_page(guide_and_pages):
    guide, sources = guide_and_pages
    for chapter in guide["chapters"]:
        terms = chapter.get("key_terms") or []
        assert 6 <= len(terms) <= 10, (chapter["id"], len(terms))
        assert len(set(terms)) == len(terms), chapter["id"]
        missing = [t for t in terms if t not in sources[chapter["id"]].mentions["glossary"]]
        assert not missing, f"{chapter['id']}: key terms its page never names: {missing}"


def test_nonintervention_and_sovereignty_are_key_terms_where_they_matter(guide_and_pages):
    guide, _ = guide_and_pages
    keys = {c["number"]: c["key_terms"] for c in guide["chapters"]}
    assert all("nonintervention" in keys[n] for n in (1, 2, 3))
    assert all("sovereignty" in keys[n][:3] for n in (2, 3))


def test_a_misspelt_key_term_stops_the_build_with_a_suggestion(tmp_path):
    copy = shutil.copytree(ROOT / "data", tmp_path / "data")
    chapters = copy / "chapters.yml"
    chapters.write_text(chapters.read_text(encoding="utf-8").replace(
        "key_terms: [sovereignty,", "key_terms: [sovereignity,", 1), encoding="utf-8")
    with pytest.raises(GuideError) as error:
        loader.load_guide(copy)
    assert "field 'key_terms': unknown glossary term 'sovereignity'; did you mean 'sovereignty'?" in str(error.value)


# -- printing (browser) -----------------------------------------------------------------

def pdf_pages(page, paper: str) -> list[str]:
    """The text of each page of the current page printed on the given paper."""
    from pypdf import PdfReader
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(page.pdf(format=paper))).pages]


def handout_url(site_url: str, chapter: dict) -> str:
    return f"{site_url}study/handouts/#handout-{chapter['id']}"


@pytest.fixture()
def print_page(browser):
    page = new_page(browser, viewport=DESKTOP)
    skip_search_index(page.context)
    yield page
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("paper", PAPER)
def test_each_handout_prints_on_exactly_one_page(print_page, site_url, paper):
    chapters = data("chapters")
    wrong = {}
    for chapter in chapters:
        print_page.goto("about:blank")  # a fresh load, so the link's #fragment is the :target
        print_page.goto(handout_url(site_url, chapter), wait_until="load")
        pages = pdf_pages(print_page, paper)
        others = [c["number"] for c in chapters if c is not chapter and plain(c["title"]) in " ".join(pages)]
        if len(pages) != 1 or plain(chapter["title"]) not in pages[0] or others:
            wrong[chapter["number"]] = {"pages": len(pages), "other chapters": others}
    assert not wrong, f"handouts not printed alone on one {paper} page: {wrong}"


@pytest.mark.browser
@pytest.mark.parametrize("paper", PAPER)
def test_the_handouts_page_prints_one_handout_per_page_and_no_blank_page(print_page, site_url, paper):
    chapters = data("chapters")
    print_page.goto(site_url + "study/handouts/", wait_until="load")
    pages = pdf_pages(print_page, paper)
    assert all(pages), f"blank pages: {[n for n, text in enumerate(pages, 1) if not text]}"
    assert len(pages) == len(chapters), f"{len(pages)} pages for {len(chapters)} handouts"
    for text, chapter in zip(pages, chapters, strict=True):
        assert text.startswith(f"Chapter {chapter['number']}: {plain(chapter['title'])}"), text[:80]
    assert not any("Print the chapter" in text for text in pages)


@pytest.mark.browser
def test_a_handouts_print_button_prints_that_handout_alone(print_page, site_url):
    chapter = data("chapters")[2]
    print_page.goto(site_url + "study/handouts/", wait_until="load")
    print_page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    button = print_page.get_by_role("link", name=f"Print the chapter {chapter['number']} handout")
    for paper in PAPER:  # printing ends with "afterprint", which shows every handout again
        button.click()
        pages = pdf_pages(print_page, paper)
        assert len(pages) == 1 and pages[0].startswith(f"Chapter {chapter['number']}: {plain(chapter['title'])}")
    assert print_page.evaluate("window.printed") == len(PAPER)
    print_page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert len(pdf_pages(print_page, "Letter")) == len(data("chapters"))
