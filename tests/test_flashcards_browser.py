"""The flashcards page in Chromium: keyboard review remembered, plain list without JavaScript,
instant navigation, no console errors, axe with the answer shown."""
from __future__ import annotations

import json

import pytest

from test_browser import html_pages, opened_page

pytestmark = pytest.mark.browser
PAGE = "study/flashcards/"
CARDS_KEY = "flf-guide/v1/cards"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def watch_errors(page, ours_only: bool = False) -> list[str]:
    """Uncaught errors and console errors on the page, except the search worker's: the empty
    index that test_browser.skip_search_index serves makes it throw, whatever the page.
    ours_only: only uncaught errors from our scripts (the theme's inline scripts read
    localStorage unguarded, so they throw when storage does)."""
    errors: list[str] = []

    def page_error(error):
        stack = error.stack or ""
        if "workers/search" not in stack and (not ours_only or "/assets/js/" in stack or "/assets/vendor/" in stack):
            errors.append(f"{page.url}: {stack or error}")

    page.on("pageerror", page_error)
    page.on("console", lambda message: errors.append(f"{page.url}: {message.text}")
            if message.type == "error" and not ours_only and "workers/search" not in (message.location or {}).get("url", "") else None)
    return errors


def open_reviewer(page, url):
    page.goto(url)
    page.wait_for_selector(".flashcards-review__card")


def test_flashcard_reviewed_by_keyboard_is_remembered_after_a_reload(tab, site_url):
    errors = watch_errors(tab)
    open_reviewer(tab, site_url + PAGE)
    first = tab.inner_text(".flashcards-review__front")
    assert tab.locator(".flashcards-review__back").is_hidden()
    assert tab.locator(".flashcards-review__grades").is_hidden() and tab.locator(".flashcards-review__show").is_visible()
    tab.focus(".flashcards-review__card")
    tab.keyboard.press("Space")
    assert tab.locator(".flashcards-review__back").is_visible()
    assert tab.locator(".flashcards-review__show").is_hidden()
    assert tab.inner_text(".flashcards-review__status").startswith("Answer: ")
    assert tab.locator(".flashcards-review__grades").is_visible()
    tab.keyboard.press("4")  # Easy: a new card goes straight to review, days away
    assert tab.inner_text(".flashcards-review__status").startswith("Easy: next review in ")
    assert tab.inner_text(".flashcards-review__front") != first
    assert tab.evaluate("document.activeElement.classList.contains('flashcards-review__card')")
    tab.reload()
    tab.wait_for_selector(".flashcards-review__card")
    stored = json.loads(tab.evaluate(f"localStorage.getItem('{CARDS_KEY}')"))
    assert len(stored) == 1
    (card_id, entry), = stored.items()
    assert entry["card"]["reps"] == 1 and entry["card"]["state"] == 2  # ts-fsrs State.Review
    assert tab.locator(f'.flashcard[data-card="{card_id}"] .flashcard__front').inner_text() == first
    assert "Learned: 1 of" in tab.inner_text(".flashcards-review__counts")
    assert tab.inner_text(".flashcards-review__front") != first  # not due again today
    assert not errors, errors


def test_flashcards_without_javascript_are_a_plain_list(browser, site_url):
    with opened_page(browser, java_script_enabled=False) as page:
        page.goto(site_url + PAGE)
        count = int(page.get_attribute("[data-flashcards]", "data-card-count"))
        assert count > 100
        assert page.locator(".flashcard").count() == count
        assert page.locator(".flashcards-review__nojs").is_visible()
        first = page.locator(".flashcard").first
        assert first.locator("dt").is_visible() and first.locator("dd").is_visible()


def instant_navigation(context, built_site, site_url):
    """Material navigates instantly only to pages its sitemap lists by absolute address, and a
    build without GUIDE_SITE_URL has an empty sitemap: serve one naming the local server."""
    urls = "".join(f"<url><loc>{site_url}{path}</loc></url>" for path in html_pages(built_site))
    sitemap = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SITEMAP_NS}">{urls}</urlset>'
    context.route("**/sitemap.xml", lambda route: route.fulfill(body=sitemap, content_type="application/xml"))


def test_flashcard_deck_and_reviews_survive_instant_navigation(tab, site_url, built_site):
    instant_navigation(tab.context, built_site, site_url)
    errors = watch_errors(tab)
    open_reviewer(tab, site_url + PAGE)
    tab.evaluate("window.sameDocument = true")
    tab.select_option("#flashcards-deck", "chapter-a-new-partnership")
    assert tab.inner_text(".flashcards-review__status").startswith("Deck: Chapter 1: From")
    in_deck = tab.locator(".flashcard[data-decks~='chapter-a-new-partnership'] .flashcard__front").all_inner_texts()
    assert tab.inner_text(".flashcards-review__front") in in_deck
    tab.focus(".flashcards-review__card")
    tab.keyboard.press("Enter")
    tab.click(".flashcards-review__grade[data-grade='4']")  # touch or mouse grading
    tab.click("a[href$='progress/']")
    tab.wait_for_selector(".guide-progress__next:not([hidden])")
    assert "Learned: 1 of" in tab.inner_text("[data-progress-cards]")
    tab.go_back()
    tab.wait_for_selector(".flashcards-review__card")
    assert tab.evaluate("window.sameDocument") is True, "the page was reloaded, not navigated instantly"
    assert tab.locator("#flashcards-deck").input_value() == "chapter-a-new-partnership"
    assert tab.locator(".flashcards-review").count() == 1 and tab.locator("#flashcards-deck").count() == 1
    assert "Learned: 1 of" in tab.inner_text(".flashcards-review__counts")
    assert not errors, errors


def test_flashcard_reviewer_passes_axe_with_the_answer_shown(tab, site_url):
    from axe_playwright_python.sync_playwright import Axe  # as test_browser.py does: only browser tests need it

    from test_browser import SUMMARY_JS
    open_reviewer(tab, site_url + PAGE)
    tab.focus(".flashcards-review__card")
    tab.keyboard.press("Space")
    tab.evaluate(Axe().axe_script)
    found = tab.evaluate(f"""() => axe.run(document.querySelector(".flashcards-review"),
                                           {{resultTypes: ["violations"]}}).then({SUMMARY_JS})""")
    assert not found, found


def test_flashcard_reveal_is_still_with_reduced_motion(browser, site_url):
    with opened_page(browser, reduced_motion="reduce") as page:
        open_reviewer(page, site_url + PAGE)
        page.focus(".flashcards-review__card")
        page.keyboard.press("Space")
        animation = page.eval_on_selector(".flashcards-review__back", "e => getComputedStyle(e).animationName")
        assert animation == "none"
