"""Accessibility that axe cannot see: tooltips, tab stops, live regions, focus, target size,
reflow, text spacing, reduced motion and forced colours (WCAG 2.2 AA)."""
from __future__ import annotations

import pytest

from page_tour import completed
from test_browser import DESKTOP, chapter_path, data, new_page

pytestmark = pytest.mark.browser

TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""
FIRST_TERM_JS = """(below = 0) => { const a = [...document.querySelectorAll('.md-content abbr[tabindex="0"]')]
    .filter(el => el.getBoundingClientRect().top + window.scrollY > below);
  return a.length ? a[0].id || (a[0].id = 'term-under-test') : null; }"""


@pytest.fixture()
def chapter_url(site_url):
    return site_url + chapter_path(data("chapters")[0])


def tooltip(page):
    return page.locator("#guide-tooltip")


def test_a_tooltip_can_be_hovered_without_vanishing(tab, chapter_url):
    tab.goto(chapter_url)
    term = tab.locator("#" + tab.evaluate(FIRST_TERM_JS))
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip(tab).wait_for(state="visible")
    box = tooltip(tab).bounding_box()
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    tab.wait_for_timeout(600)  # longer than the hide delay
    assert tooltip(tab).is_visible(), "the tooltip vanished when the pointer moved onto it"
    tab.mouse.move(2, 2)
    tooltip(tab).wait_for(state="hidden")


def test_a_tooltip_flips_above_a_term_near_the_bottom_of_the_window(tab, chapter_url):
    tab.goto(chapter_url)
    term = tab.locator("#" + tab.evaluate(FIRST_TERM_JS, DESKTOP["height"]))  # one that can be scrolled low
    top = term.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
    tab.evaluate("y => window.scrollTo(0, y - window.innerHeight + 40)", top)
    word = term.bounding_box()
    assert word["y"] + word["height"] > DESKTOP["height"] - 60, "the term should sit near the bottom of the window"
    tab.mouse.move(word["x"] + word["width"] / 2, word["y"] + word["height"] / 2)
    tooltip(tab).wait_for(state="visible")
    tip = tooltip(tab).bounding_box()
    assert tip["y"] + tip["height"] <= word["y"] + 1, "the tooltip should sit above the term"
    assert tip["y"] >= 0


def test_only_a_terms_first_use_is_a_tab_stop_and_never_inside_a_link(tab, chapter_url):
    tab.goto(chapter_url)
    stops = tab.evaluate("""() => [...document.querySelectorAll('.md-content abbr')].filter(a => a.tabIndex === 0)
        .map(a => a.getAttribute('title') || a.dataset.tip)""")
    assert stops and len(stops) == len(set(stops)), "a term is a tab stop more than once"
    inside_links = tab.evaluate("""() => [...document.querySelectorAll('.md-content a abbr')]
        .map(a => [a.tabIndex, getComputedStyle(a).textDecorationLine])""")
    assert all(index == -1 and line == "none" for index, line in inside_links), inside_links


def test_each_quiz_has_exactly_one_live_region(tab, site_url):
    for chapter in data("chapters"):
        tab.goto(site_url + chapter_path(chapter))
        counts = tab.evaluate("""() => [...document.querySelectorAll('[data-quiz]')]
            .map(q => q.querySelectorAll('[aria-live], [role=status], [role=alert]').length)""")
        assert counts and all(count == 1 for count in counts), (chapter["id"], counts)


def test_focus_is_never_hidden_under_the_sticky_header(tab, chapter_url):
    tab.goto(chapter_url)
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight / 3)")
    tab.locator(".md-content h2").nth(2).click()  # start keyboard navigation mid-page
    header_bottom = tab.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    hidden = []
    for step in range(40):
        tab.keyboard.press("Shift+Tab" if step % 2 else "Tab")
        where = tab.evaluate("""() => { const el = document.activeElement;
            if (!el || el.closest('.md-header, .md-sidebar') || el === document.body) return null;
            const r = el.getBoundingClientRect(); return [el.outerHTML.slice(0, 80), r.top, r.bottom]; }""")
        if where and where[2] <= header_bottom:
            hidden.append(where[0])
    assert not hidden, f"focused but hidden under the header: {hidden}"


def test_controls_are_at_least_24_by_24_pixels(tab, site_url):
    pages = [chapter_path(data("chapters")[0]), "reference/glossary/", ""]
    small = []
    for path in pages:
        tab.goto(site_url + path)
        small += tab.evaluate("""() => [...document.querySelectorAll(
                'input:not([type=hidden]), button, select, [role=button], .az-bar a, label.md-header__button, a.md-header__button')]
            .filter(el => { const s = getComputedStyle(el), r = el.getBoundingClientRect();
              return el.offsetParent !== null && r.width * r.height > 0 && s.opacity !== '0'
                && s.pointerEvents !== 'none' && s.visibility === 'visible'; })  // only targets one can hit
            .map(el => [el.outerHTML.slice(0, 70), el.getBoundingClientRect()])
            .filter(([, r]) => r.width < 24 || r.height < 24)
            .map(([html, r]) => `${html} ${Math.round(r.width)}x${Math.round(r.height)}`)""")
    assert not small, small


SIDEWAYS_JS = """() => { const d = document.documentElement;
    const wide = [...document.querySelectorAll("article *")]
      .filter(el => el.getBoundingClientRect().right > d.clientWidth + 1)
      .slice(0, 3).map(el => el.tagName.toLowerCase() + "." + el.className);
    return [d.scrollWidth, d.clientWidth, wide]; }"""


def test_no_page_scrolls_sideways_at_375_or_320_px(page_tour):
    """Every page on a 375 px phone, then the same page narrowed to 320 px (WCAG reflow), as the
    page tour (page_tour.py) found it: nothing wider than the screen (scrollWidth, clientWidth
    and the first culprits listed)."""
    too_wide = {f"{path or '/'} at {width} px": sizes for path, visit in completed(page_tour).items()
                for width, sizes in visit["sideways"].items() if sizes[0] > sizes[1]}
    assert not too_wide, f"pages that scroll sideways: {too_wide}"


def test_text_spacing_overrides_clip_nothing(tab, site_url):
    for path in [chapter_path(data("chapters")[0]), "reference/glossary/", "reference/people/"]:
        tab.goto(site_url + path)
        tab.add_style_tag(content=TEXT_SPACING)
        clipped = tab.evaluate("""() => [...document.querySelectorAll('.md-content *')].filter(el => {
            const s = getComputedStyle(el);
            const hides = [s.overflow, s.overflowX, s.overflowY].some(v => v === 'hidden' || v === 'clip');
            return hides && el.offsetParent !== null && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
          }).map(el => el.outerHTML.slice(0, 80))""")
        assert not clipped, (path, clipped)
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path


def test_reduced_motion_turns_off_animation(browser, chapter_url):
    page = new_page(browser, reduced_motion="reduce")
    try:
        page.goto(chapter_url)
        durations = page.evaluate("""() => ['.md-header', '.md-sidebar', '.md-top', '.md-search__inner']
            .map(s => document.querySelector(s)).filter(Boolean)
            .map(el => parseFloat(getComputedStyle(el).transitionDuration))""")
        assert durations and max(durations) < 0.01, durations
        assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    finally:
        page.context.close()


def test_forced_colours_keep_the_tooltip_focus_and_quiz_marks_visible(browser, chapter_url):
    page = new_page(browser, forced_colors="active")
    try:
        page.goto(chapter_url)
        term = page.locator("#" + page.evaluate(FIRST_TERM_JS))
        term.focus()
        tooltip(page).wait_for(state="visible")
        assert page.evaluate("getComputedStyle(document.querySelector('#guide-tooltip')).borderStyle") == "solid"
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        page.locator(".quiz-check").first.click()
        marks = page.evaluate("""() => [...document.querySelectorAll('.quiz-feedback')].map(p => p.textContent.trim())""")
        assert all(mark for mark in marks), "every item says in words whether it was answered right"
    finally:
        page.context.close()
