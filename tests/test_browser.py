"""The built guide in a real browser: Debian's Chromium driven by Playwright.

Fixtures come from conftest.py: one strict build (`built_site`), served on
127.0.0.1 (`site_url`), one Chromium for the whole session (`browser`) and a
fresh browser context per test (`page`). Expected text is read from data/*.yml
and passed through the same plain-text rule the site uses (macros.text.plain),
so content edits do not break these tests.
"""
from __future__ import annotations

import contextlib
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from macros.text import plain
from page_tour import SCHEMES, completed, set_scheme

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
TIMEOUT = 10_000  # ms, for anything that waits on the page


def data(name: str):
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def chapter_path(chapter: dict) -> str:
    return f"chapters/{chapter['number']:02d}-{chapter['id']}/"


def html_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as a path relative to the site root."""
    return sorted(
        str(p.relative_to(site).as_posix()).removesuffix("index.html")
        for p in site.rglob("*.html")
    )


def page_file(site: Path, path: str) -> Path:
    """The HTML file behind a path from html_pages()."""
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def new_page(browser, viewport=DESKTOP, **options):
    """A page in its own context (closed with the page's context by the caller)."""
    context = browser.new_context(viewport=viewport, color_scheme="light", **options)
    context.set_default_timeout(TIMEOUT)
    return context.new_page()


def skip_search_index(context):
    """Serve an empty search index. For tests that only look at layout or
    markup: otherwise every page load has the search worker index all of
    search/search_index.json, which costs more than the page itself."""
    context.route("**/search/search_index.json", lambda route: route.fulfill(
        json={"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": []}, "docs": []}))


@contextlib.contextmanager
def opened_page(browser, viewport=DESKTOP, **options):
    """A page for layout and markup tests (no search index), closed when the block ends."""
    page = new_page(browser, viewport, **options)
    skip_search_index(page.context)
    try:
        yield page
    finally:
        page.context.close()


@pytest.fixture(scope="module")
def chapters():
    return data("chapters")


@pytest.fixture(scope="module")
def first_chapter_url(site_url, chapters):
    return site_url + chapter_path(chapters[0])


# -- 1. search: see test_search.py -----------------------------------------------------

# -- 2. glossary tooltips ---------------------------------------------------------

GLOSSARY_BY_NAME_JS = """
names => {
  // The first glossary term in running text (not inside a link, whose own
  // tooltip would sit on top of the term's).
  const abbr = [...document.querySelectorAll("article abbr")]
    .find(a => !a.closest("a") && names.includes(a.textContent.trim().toLowerCase()));
  if (!abbr) return [null, null];
  abbr.id = abbr.id || "term-under-test";
  return [abbr.id, abbr.textContent.trim()];
}
"""


def glossary_shorts() -> dict[str, str]:
    """Every name and alias of a glossary term (lower case) -> its short definition."""
    shorts = {}
    for entry in data("glossary"):
        for name in [entry["term"], *entry.get("aliases", [])]:
            shorts.setdefault(name.lower(), plain(entry["short"]))
    return shorts


def tooltip_of(page, abbr):
    """The tooltip guide.js shows for an element."""
    page.wait_for_function("el => el.hasAttribute('aria-describedby')", arg=abbr.element_handle())
    tooltip = page.locator("#" + abbr.get_attribute("aria-describedby"))
    tooltip.wait_for(state="visible")
    assert "guide-tooltip" in tooltip.get_attribute("class").split()
    return tooltip


@pytest.mark.browser
def test_glossary_tooltip_appears_on_hover(page, first_chapter_url):
    page.set_default_timeout(TIMEOUT)
    shorts = glossary_shorts()
    page.goto(first_chapter_url)
    abbr_id, text = page.evaluate(GLOSSARY_BY_NAME_JS, list(shorts))
    assert abbr_id, "no glossary term (abbr) in the chapter's running text"
    abbr = page.locator(f"#{abbr_id}")
    abbr.hover()
    tooltip = tooltip_of(page, abbr)
    assert " ".join(tooltip.inner_text().split()) == shorts[text.lower()]
    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden")


@pytest.mark.browser
def test_glossary_tooltip_appears_on_keyboard_focus(page, first_chapter_url):
    page.set_default_timeout(TIMEOUT)
    shorts = glossary_shorts()
    page.goto(first_chapter_url)
    for _ in range(300):  # Tab through the page until a glossary term has focus
        page.keyboard.press("Tab")
        focused = page.evaluate("""names => { const el = document.activeElement;
            return el.tagName === "ABBR" && names.includes(el.textContent.trim().toLowerCase())
              ? el.textContent.trim() : null; }""", list(shorts))
        if focused:
            break
    else:
        pytest.fail("Tab never reached a glossary term: are abbr[title] focusable (guide.js)?")
    abbr = page.locator("abbr:focus")
    tooltip = tooltip_of(page, abbr)
    assert " ".join(tooltip.inner_text().split()) == shorts[focused.lower()]
    page.keyboard.press("Escape")  # dismissible without moving focus (WCAG 1.4.13)
    tooltip.wait_for(state="hidden")


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_link_to_a_term_far_down_the_glossary_opens_at_that_term(browser, site_url, viewport):
    """A link to the glossary's last term opens with that term at the top, under the header,
    and it stays there while the page settles (at both widths)."""
    with opened_page(browser, viewport) as page:
        page.goto(site_url + "reference/glossary/")
        last_term = page.evaluate("() => [...document.querySelectorAll('.md-typeset dl > dt[id]')].pop().id")
        page.goto(site_url)
        page.goto(site_url + f"reference/glossary/#{last_term}")
        page.wait_for_timeout(500)  # sections above it may be laid out meanwhile
        top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", last_term)
        header = page.evaluate("() => document.querySelector('.md-header').getBoundingClientRect().bottom")
        assert header - 1 <= top <= viewport["height"] / 2, (last_term, top)


# -- 3. quizzes -------------------------------------------------------------------

@pytest.mark.browser
def test_quiz_checks_answers_scores_and_resets_by_keyboard(page, site_url, chapters):
    page.set_default_timeout(TIMEOUT)
    quizzes = data("quizzes")
    chapter = next(c for c in chapters if sum(q["chapter"] == c["id"] for q in quizzes) >= 2)
    items = [q for q in quizzes if q["chapter"] == chapter["id"]]
    wrong = next(i for i, o in enumerate(items[0]["options"]) if not o["correct"])
    right = next(i for i, o in enumerate(items[1]["options"]) if o["correct"])

    page.goto(site_url + chapter_path(chapter))
    quiz = page.locator(f"#quiz-{chapter['id']}")
    fieldsets = quiz.locator("fieldset.quiz-item")
    assert fieldsets.count() == len(items)
    def focused_id():
        return page.evaluate("document.activeElement.id")

    def choose_by_keyboard(fieldset, index):
        """Tab has just landed on the group's first radio: arrows move and select."""
        radios = fieldset.locator("input[type=radio]")
        assert focused_id() == radios.nth(0).get_attribute("id")
        if index == 0:
            page.keyboard.press("Space")
        for _ in range(index):
            page.keyboard.press("ArrowDown")
        assert radios.nth(index).is_checked()
        assert focused_id() == radios.nth(index).get_attribute("id")

    # Start keyboard navigation at the first question, then Tab into each group.
    fieldsets.nth(0).locator("legend").click()
    page.keyboard.press("Tab")
    choose_by_keyboard(fieldsets.nth(0), wrong)
    page.keyboard.press("Tab")
    choose_by_keyboard(fieldsets.nth(1), right)
    for _ in range(len(items) + 5):  # on to "Check my answers"
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('quiz-check')"):
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == "Check my answers"
    page.keyboard.press("Enter")

    first, second = (fieldsets.nth(i).locator(".quiz-feedback") for i in (0, 1))
    assert "is-wrong" in first.get_attribute("class") and first.inner_text().strip()
    assert "is-right" in second.get_attribute("class") and second.inner_text().strip()
    # Each chosen option shows the data's explanation for that option; a wrong choice also
    # shows the right answer's (tests/test_quiz.py checks the right answer for every item).
    shown = fieldsets.nth(0).locator(".quiz-option-feedback:visible")
    assert shown.count() == 2
    assert " ".join(fieldsets.nth(0).locator(".quiz-option").nth(wrong).inner_text().split()).endswith(
        plain(items[0]["options"][wrong]["feedback"]))
    assert " ".join(fieldsets.nth(1).locator(".quiz-option-feedback:visible").inner_text().split()) \
        == plain(items[1]["options"][right]["feedback"])
    score = quiz.locator(".quiz-score")
    assert score.inner_text().strip() == f"Your score: 1 out of {len(items)}."

    quiz.locator(".quiz-retry").click()  # keeps the right answer, clears the rest
    assert score.inner_text().strip().startswith("Kept your 1 right answer and cleared the other")
    assert quiz.locator("input:checked").count() == 1
    assert fieldsets.nth(1).locator("input[type=radio]").nth(right).is_checked()
    assert quiz.locator(".quiz-option-feedback:visible").count() == 0
    assert all(f.inner_text().strip() == "" for f in quiz.locator(".quiz-feedback").all())


# -- 4. colour scheme -------------------------------------------------------------

def switch_to_dark(page):
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    set_scheme(page, "slate")


MARKS_RECORDER = """window.guideMarks = [];
new MutationObserver(records => records.forEach(r => window.guideMarks.push(
    r.target.hasAttribute('data-md-color-switching')))).observe(document,
  {subtree: true, attributes: true, attributeFilter: ['data-md-color-switching']});"""


@pytest.mark.browser
def test_the_palette_marks_a_switch_only_when_the_scheme_changes(browser, site_url, chapters):
    """overrides/partials/palette-at-load.js: no 'switching' mark at page load (it restyles the
    whole page twice for nothing); the toggle still sets it, so colours change without animating."""
    page = new_page(browser)
    try:
        page.context.add_init_script(MARKS_RECORDER)
        page.goto(site_url + chapter_path(chapters[0]), wait_until="load")
        page.wait_for_timeout(300)
        assert page.evaluate("window.guideMarks") == [], "the page marked a colour switch at load"
        switch_to_dark(page)  # returns once the mark is cleared
        assert page.evaluate("window.guideMarks") == [True, False], "the toggle no longer marks its switch"
    finally:
        page.context.close()


@pytest.mark.browser
def test_dark_mode_choice_persists_across_pages(browser, site_url, chapters):
    page = new_page(browser)
    try:
        page.goto(site_url)
        switch_to_dark(page)
        page.goto(site_url + chapter_path(chapters[-1]))  # a full page load
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        page.locator(".md-footer__link--prev").click()  # Material's instant navigation
        page.wait_for_url(re.compile(re.escape(chapter_path(chapters[-2])) + "$"))
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        page.locator('label[title="Switch to light mode"]').click()
        page.goto(site_url)
        assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    finally:
        page.context.close()


# -- 5. phones --------------------------------------------------------------------

@pytest.mark.browser
def test_phone_drawer_opens_and_shows_the_chapters(browser, site_url, chapters):
    """(That no page scrolls sideways on a phone is test_accessibility.py's
    test_no_page_scrolls_sideways_at_375_or_320_px: one visit per page for both widths.)"""
    page = new_page(browser, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page.goto(site_url + chapter_path(chapters[0]))
        drawer = page.locator(".md-sidebar--primary")
        assert drawer.evaluate("el => el.getBoundingClientRect().right") <= 0  # off screen
        page.locator('label.md-header__button[for="__drawer"]').click()
        assert page.locator("#__drawer").is_checked()
        page.wait_for_function("el => Math.abs(el.getBoundingClientRect().left) < 1", arg=drawer.element_handle())
        assert page.locator(".md-nav--primary").get_by_text(chapters[1]["title"]).first.is_visible()
    finally:
        page.context.close()


# -- 6. print edition --------------------------------------------------------------

@pytest.mark.browser
def test_print_edition_holds_every_chapter_without_navigation(page, site_url, chapters):
    page.set_default_timeout(TIMEOUT)
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "study/print/")
    headings = [" ".join(h.split()).rstrip("¶").strip()
                for h in page.locator("article :is(h1, h2, h3)").all_inner_texts()]
    missing = [c["title"] for c in chapters if not any(plain(c["title"]) in h for h in headings)]
    assert not missing, f"chapters without a heading in the print edition: {missing}"

    navigation = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]
    assert all(page.locator(sel).first.is_visible() for sel in navigation[:2])
    page.emulate_media(media="print")
    shown = [sel for sel in navigation if page.locator(sel).first.is_visible()]
    assert not shown, f"shown in print: {shown}"
    assert page.locator("article h2").first.is_visible()


# -- 7. no third-party requests -----------------------------------------------------

@pytest.mark.browser
def test_pages_request_nothing_from_other_hosts(page_tour):
    """Every request of every page, at desktop and phone width, as the page tour (page_tour.py)
    recorded them; requests to other hosts are answered with an error, never waited on."""
    found = completed(page_tour)
    assert all(visit["requests"] for visit in found.values()), "a page made no request: recording is broken"
    foreign = sorted({(path or "/", url) for path, visit in found.items() for url in visit["requests"]
                      if urlsplit(url).hostname != "127.0.0.1"})
    assert not foreign, "requests to other hosts:\n" + "\n".join(f"  {p}: {u}" for p, u in foreign)


# -- 8. accessibility ---------------------------------------------------------------

SUMMARY_JS = """results => results.violations.map(v => ({
  id: v.id, help: v.help, count: v.nodes.length,
  nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + "\\n      " + (n.failureSummary || "")
    .split("\\n").slice(1).join("; ").slice(0, 300))}))"""


def report(problems: dict) -> str:
    lines = []
    for path, violations in problems.items():
        for v in violations:
            lines.append(f"{path}: {v['id']} ({v['count']}): {v['help']}")
            lines += [f"    {node}" for node in v["nodes"]]
    return "\n".join(lines)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_passes_axe(page_tour, scheme):
    """axe-core's default rule set on every page at desktop width, in the given colour scheme
    (switched with Material's toggle), as the page tour (page_tour.py) ran it."""
    found = completed(page_tour)
    problems = {path or "/": visit["axe"][scheme] for path, visit in found.items() if visit["axe"][scheme]}
    assert not problems, f"axe-core violations ({scheme} scheme):\n" + report(problems)
