"""Search in a real browser: what students and teachers type lands on the page or entry they
want, with or without accents. Expected places are read from data/*.yml, so content edits do
not break these tests; what the index holds is checked in test_search_index.py."""
from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from macros.facts import timeline_anchors
from macros.links import PAGES, entry_target
from test_browser import DESKTOP, PHONE, TIMEOUT, data, new_page

pytestmark = pytest.mark.browser

# A chapter's quiz, or a page of quizzes.
QUIZ = re.compile(r"^(chapters/[^/]+/#check-your-understanding|study/[^/#]*quiz[^/#]*/)$")


def entry(collection: str, entry_id: str) -> str:
    """'reference/people/castaneda/' or 'reference/glossary/#nafta', once data says the entry exists."""
    assert entry_id in {e["id"] for e in data(collection)}, f"no {entry_id} in data/{collection}.yml"
    page, _, anchor = entry_target(collection, entry_id).partition("#")
    return page.removesuffix(".md") + "/" + (f"#{anchor}" if anchor else "")


def event(word: str) -> str:
    """The timeline row of the one event whose text has this word."""
    events = data("timeline")
    found = [a for a, e in zip(timeline_anchors(events), events, strict=True) if word in e["event"]]
    assert len(found) == 1, f"{len(found)} timeline events mention {word!r}"
    return PAGES["timeline"].removesuffix(".md") + "/#" + found[0]


# What is typed, and where it must land: among the first three results, shown (not folded
# away under "N more on this page").
QUERIES = [
    ("Castaneda", entry("people", "castaneda")),
    ("Castañeda", entry("people", "castaneda")),
    ("Chavez", entry("people", "chavez")),
    ("Chávez", entry("people", "chavez")),
    ("Helms", entry("people", "helms")),
    ("Cristobal", entry("places", "san-cristobal")),
    ("San Cristóbal", entry("places", "san-cristobal")),
    ("Chiapas", entry("places", "chiapas")),
    ("regularization", entry("glossary", "regularization")),
    ("maquiladora", entry("glossary", "maquiladora")),
    ("Zapatistas", entry("bodies", "zapatistas")),
    ("NAFTA", entry("bodies", "nafta")),
    ("tequila", event("tequila")),
    ("quiz", QUIZ),
    ("handout", "study/handouts/"),
    ("print", "study/print/"),
    ("answer key", "study/questions/"),
    ("lesson plan", "study/teachers/"),
]

SHOWN_RESULTS_JS = """items => items.slice(0, 3).map(item =>
  [...item.querySelectorAll('a.md-search-result__link')]
    .filter(link => !link.closest('details'))
    .map(link => { const url = new URL(link.href); return url.pathname.slice(1) + url.hash }))"""
META = ".md-search-result__meta"
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.fixture(scope="module")
def search(browser, site_url):
    """One page with the search index loaded, shared by the queries of this module."""
    page = new_page(browser)
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    # The worker has indexed the site once the "Initializing search" message goes.
    page.wait_for_function(f"() => !/initializ/i.test(document.querySelector('{META}').textContent)")
    yield page, box
    page.context.close()


def run(search, typed: str):
    """Type a query as a person would; return the page once its results have settled."""
    page, box = search
    box.fill("")
    box.press("Backspace")
    box.press_sequentially(typed, delay=20)
    last, stable = None, 0
    for _ in range(TIMEOUT // 100):
        page.wait_for_timeout(100)
        now = (page.locator(META).inner_text(), page.eval_on_selector_all(".md-search-result__item", SHOWN_RESULTS_JS))
        stable = stable + 1 if now == last else 0
        last = now
        if stable >= 3 and re.search(r"\d+ matching|matching document", now[0]):
            return page, now[1]
    raise AssertionError(f"no settled results for {typed!r}: {last}")


def matches(expected, location: str) -> bool:
    location = unquote(location)
    return bool(expected.match(location)) if isinstance(expected, re.Pattern) else location == expected


@pytest.mark.parametrize("typed, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_what_people_type_lands_among_the_first_three_results(search, typed, expected):
    _, first_three = run(search, typed)
    shown = [location for item in first_three for location in item]
    assert any(matches(expected, location) for location in shown), (
        f"{typed!r}: expected {getattr(expected, 'pattern', expected)} among the first three results, got {first_three}")


def result_pages(search, typed: str) -> set[str]:
    """Every page the query finds: the result list is drawn as it scrolls, so scroll to its end."""
    page, _ = run(search, typed)
    count = int(re.search(r"(\d+) matching", page.locator(META).inner_text()).group(1))
    for _ in range(20):
        drawn = page.locator(".md-search-result__item").count()
        if drawn >= count:
            break
        # More results are drawn each time the list reaches its end again.
        page.eval_on_selector(".md-search__scrollwrap", "box => box.scrollTo(0, 0)")
        page.evaluate(NEXT_FRAMES)
        page.eval_on_selector(".md-search__scrollwrap", "box => box.scrollTo(0, box.scrollHeight)")
        page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n", arg=drawn,
                               timeout=TIMEOUT)
    hrefs = page.eval_on_selector_all(".md-search-result__item",
                                      "items => items.map(item => new URL(item.querySelector('a').href).pathname)")
    assert len(hrefs) == count, f"{typed!r}: {count} results announced, {len(hrefs)} drawn"
    return set(hrefs)


@pytest.mark.parametrize("accented, plain_form", [("Castañeda", "Castaneda"), ("Chávez", "Chavez"),
                                                 ("México", "Mexico"), ("Cristóbal", "Cristobal")])
def test_accents_find_the_same_pages_both_ways(search, accented, plain_form):
    assert result_pages(search, accented) == result_pages(search, plain_form)


def test_a_result_opens_the_entry_it_names(browser, site_url):
    """Typed without accents, the profile result names the person with them and opens the
    profile's page; a timeline result opens at its row."""
    page = new_page(browser)
    try:
        search = (page, page.locator("input.md-search__input"))
        page.goto(site_url)
        search[1].click()
        page.wait_for_function(f"() => !/initializ/i.test(document.querySelector('{META}').textContent)")
        run(search, "Castaneda")
        result = page.locator('.md-search-result a[href$="/reference/people/castaneda/"],'
                              ' .md-search-result a[href*="/reference/people/castaneda/?"]').first
        assert "Castañeda" in result.inner_text()
        result.click()
        page.wait_for_url(re.compile(r"/reference/people/castaneda/(\?[^#]*)?$"))
        assert "Castañeda" in page.locator("h1").inner_text()

        row = event("tequila").partition("#")[2]
        page.locator("input.md-search__input").click()
        run(search, "tequila")
        page.locator(f'.md-search-result a[href$="#{row}"]').first.click()
        page.wait_for_url(re.compile(rf"/reference/timeline/(\?[^#]*)?#{row}$"))
        target = page.locator(f"#{row}")
        target.wait_for(state="attached")
        assert "1994" in target.locator("xpath=ancestor::tr[1]").inner_text()
    finally:
        page.context.close()


def index_requests(page) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url)
            if request.url.split("?")[0].endswith("/search/search_index.json") else None)
    return requested


@pytest.mark.parametrize("how", ["search key", "tap on the phone's search button"])
def test_the_search_index_loads_only_when_the_reader_turns_to_search(browser, site_url, how):
    """Reading a page never downloads the 200 KB index (overrides/partials/search-on-demand.js);
    the first sign of searching does, once, and the search then works."""
    page = new_page(browser, viewport=PHONE if how.startswith("tap") else DESKTOP)
    try:
        requested = index_requests(page)
        page.goto(site_url + "reference/glossary/")
        page.wait_for_load_state("networkidle")
        page.locator("a.md-footer__link--next").click()  # instant navigation to the next page
        page.wait_for_url(lambda url: "/reference/glossary/" not in url)
        page.wait_for_load_state("networkidle")
        assert requested == [], "a page load fetched the search index before anyone searched"
        if how == "search key":
            page.keyboard.press("/")
        else:
            page.locator("label[for=__search]").first.click()
        box = page.locator("input.md-search__input")
        box.wait_for(state="visible")
        page.wait_for_function(f"() => !/initializ/i.test(document.querySelector('{META}').textContent)")
        _, first_three = run((page, box), "Castaneda")
        assert any(matches(entry("people", "castaneda"), location) for item in first_three for location in item)
        assert len(requested) == 1, requested
    finally:
        page.context.close()
