"""Blocks a long page lets the browser skip until they come near the screen (content-visibility
in guide.css, issue 13: blocking time on phones). Skipping must change nothing a reader sees: not
where anything sits once shown, not where a link to a part of the page opens. The scroll cues of
tables far down a page are checked in test_phone_tables.py."""
from __future__ import annotations

import re
import time

import pytest

from page_tour import completed
from test_browser import PHONE, chapter_path, data, opened_page

pytestmark = pytest.mark.browser


def test_blocks_skipped_below_the_screen_sit_where_they_would_without_skipping(page_tour):
    """guide.css lets the browser skip long pages' lower blocks until they come near the screen
    (content-visibility). Every page, desktop and phone, as the page tour found it: each box of
    the text, with those blocks shown, is exactly where it is without the rule; and the chapters,
    the glossary and the timeline do skip."""
    found = completed(page_tour)
    moved = {f"{path or '/'} at {width} px": skipping["moved"] for path, visit in found.items()
             for width, skipping in visit["skipping"].items() if skipping["moved"]}
    assert not moved, f"boxes that move when blocks may be skipped: {moved}"
    long_pages = [chapter_path(chapter) for chapter in data("chapters")] + ["reference/glossary/", "reference/timeline/"]
    not_skipping = [path for path in long_pages if not all(s["skippable"] for s in found[path]["skipping"].values())]
    assert not not_skipping, f"long pages with nothing to skip: {not_skipping}"


def test_a_link_to_a_term_far_down_the_glossary_opens_at_it(browser, site_url, built_site):
    """The blocks above it are not laid out (content-visibility): a link to a term far down still
    opens with the term where a link to an early term puts it, and it stays there."""
    html = (built_site / "reference" / "glossary" / "index.html").read_text(encoding="utf-8")
    terms = re.findall(r'<dt id="([^"]+)"', html)
    early, far = terms[1], terms[len(terms) * 4 // 5]  # far down, with a screen of text still below it
    with opened_page(browser, viewport=PHONE, is_mobile=True, has_touch=True) as page:
        tops = {}
        for term in (early, far):
            page.goto(f"{site_url}reference/glossary/#{term}", wait_until="load")
            tops[term] = []
            for _ in range(2):
                page.wait_for_timeout(400)
                tops[term].append(round(page.locator(f"#{term}").evaluate("el => el.getBoundingClientRect().top")))
        assert page.evaluate("scrollY") > 5 * PHONE["height"], "the far term is not far down"
        assert tops[far] == tops[early][:1] * 2, f"from the top of the window: {tops}"


def test_skipped_blocks_are_all_laid_out_once_the_page_is_idle(browser, site_url):
    """guide.js lays out what was skipped, a few milliseconds' worth per idle moment after the load, so the whole page
    is ready before the reader scrolls there (and audits that read positions find every block)."""
    with opened_page(browser, viewport=PHONE, is_mobile=True, has_touch=True) as page:
        page.goto(site_url + "reference/glossary/", wait_until="load")
        page.wait_for_function("""() => {
            const blocks = [...document.querySelectorAll('.md-typeset > *')];
            return blocks.some(el => el.style.contentVisibility === 'visible')
              && !blocks.some(el => getComputedStyle(el).contentVisibility === 'auto'); }""")
        last = page.locator(".md-typeset > dl").last
        assert last.evaluate("el => el.checkVisibility({contentVisibilityAuto: true})"), "the last block is still skipped"



def test_skipped_blocks_are_laid_out_on_a_page_that_is_never_idle(browser, site_url):
    """On a busy page (an audit recording, a slow phone) the browser may never call back at an idle moment: the
    lay-out is still done within a few seconds, so an audit run after the load finds the glossary whole."""
    busy = "setInterval(() => { const start = performance.now(); while (performance.now() - start < 48) {} }, 50);"
    with opened_page(browser, viewport=PHONE, is_mobile=True, has_touch=True) as page:
        page.add_init_script(busy)
        page.goto(site_url + "reference/glossary/", wait_until="load")
        page.wait_for_function("""() => ![...document.querySelectorAll('.md-typeset > *')]
            .some(el => getComputedStyle(el).contentVisibility === 'auto')""", timeout=15_000)

# Idle callbacks run only when the test says so: what guide.js does after a jump is then certain.
HELD_IDLE_CALLBACKS = """
window.heldIdleCallbacks = [];
window.requestIdleCallback = callback => window.heldIdleCallbacks.push(callback);
window.runHeldIdleCallbacks = () => {
  for (let rounds = 0; window.heldIdleCallbacks.length && rounds < 1000; rounds++) {
    window.heldIdleCallbacks.shift()({timeRemaining: () => 50, didTimeout: false});
  }
};"""



def test_a_link_within_the_page_lands_on_its_part_while_blocks_are_still_skipped(browser, site_url):
    """The "Test yourself" link, followed before anything below the screen is laid out: the blocks above the quiz
    are laid out before the jump (measured on skipped blocks' estimates, it landed screens away from the quiz), and
    the quiz stays in view once Material has swapped the page in again and the idle lay-out has run."""
    from test_quiz import chapter_with_quiz
    chapter, _ = chapter_with_quiz()
    with opened_page(browser, viewport=PHONE, is_mobile=True, has_touch=True) as page:
        page.add_init_script(HELD_IDLE_CALLBACKS)
        served = []  # Material fetches the page again on the first such link: that copy comes late, as on a slow line
        page.route(f"**/{chapter_path(chapter)}", lambda route: (
            served.append(route.request.url), time.sleep(1.5) if len(served) > 1 else None, route.continue_()))
        page.goto(site_url + chapter_path(chapter))
        page.wait_for_function("document.documentElement.classList.contains('js') && window.heldIdleCallbacks.length")
        heading = page.locator("h2#check-your-understanding")
        skipping = page.evaluate("[...document.querySelectorAll('.md-typeset > *')].filter(el =>"
                                 " getComputedStyle(el).contentVisibility === 'auto').length")
        assert skipping > 20, f"only {skipping} blocks may be skipped"
        page.evaluate("window.firstQuiz = document.querySelector('.quiz')")
        page.get_by_role("link", name="Test yourself").click()
        page.wait_for_function("location.hash === '#check-your-understanding'")
        page.wait_for_function("document.querySelector('.quiz[data-ready]') && document.querySelector('.quiz') !== window.firstQuiz")
        page.evaluate("runHeldIdleCallbacks()")
        page.wait_for_timeout(300)
        top, bottom, header = heading.evaluate("""el => [el.getBoundingClientRect().top, el.getBoundingClientRect().bottom,
                                                         document.querySelector('.md-header').getBoundingClientRect().bottom]""")
        assert header - 1 <= top and bottom <= PHONE["height"], f"the quiz heading's top {top}, bottom {bottom} px"


def test_a_malformed_link_within_the_page_raises_no_error(browser, site_url):
    """A link whose #part is not valid percent-encoding ("#%", as a hand-written link can be) is
    followed like any other: the jump handler finds no part, and the page reports no error."""
    with opened_page(browser) as page:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(site_url)
        page.wait_for_function("document.documentElement.classList.contains('js')")
        page.evaluate("""() => { const link = document.createElement('a');
            link.href = '#%'; link.textContent = 'A malformed link';
            document.querySelector('article').prepend(link); }""")
        page.get_by_role("link", name="A malformed link").click()
        page.wait_for_timeout(300)
        assert not errors, f"errors on the page after the link: {errors}"
