"""Quizzes in a real browser: the right answer shown after checking, Try again, the
Test yourself link, radio layout on a phone, the whole-essay quiz, and the contrast of
every button state in both colour schemes (axe does not see hover, focus or pressed)."""
from __future__ import annotations

import re

import pytest

from macros.text import plain
from test_browser import DESKTOP, PHONE, TIMEOUT, chapter_path, data, new_page, skip_search_index

pytestmark = pytest.mark.browser

MIN_CONTRAST = 4.5
QUIZ_PAGE = "study/quiz/"


# -- helpers ----------------------------------------------------------------------

def channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[float, float, float]) -> float:
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one, other) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""
    light, dark = sorted([luminance(one), luminance(other)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def parse_colour(css: str) -> tuple[float, float, float, float]:
    match = re.fullmatch(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)", css.strip())
    assert match, f"unexpected colour format: {css}"
    r, g, b, a = match.groups()
    return float(r), float(g), float(b), float(a) if a is not None else 1.0


def over(top, below):
    """Colour `top` (with alpha) composited over the opaque colour `below`."""
    alpha = top[3]
    return tuple(alpha * t + (1 - alpha) * b for t, b in zip(top[:3], below, strict=True))


COLOURS_JS = """el => {
  const backgrounds = [];
  for (let node = el; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    backgrounds.push(bg);
    if (/^rgb\\(/.test(bg)) break;  // the first opaque background
  }
  const style = getComputedStyle(el);
  return {color: style.color, backgrounds, outline: [style.outlineStyle, parseFloat(style.outlineWidth)],
          states: [':hover', ':focus', ':focus-visible', ':active', ':disabled'].filter(s => el.matches(s))};
}"""
SETTLED_JS = """async el => {
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await Promise.all(el.getAnimations().map(a => a.finished.catch(() => null)));  // a cancelled transition is settled too
}"""


def colours(locator) -> dict:
    """Text and background as they end up (after transitions), the background walked up to the
    first opaque ancestor and composited, as the reader sees them."""
    locator.evaluate(SETTLED_JS)
    found = locator.evaluate(COLOURS_JS)
    base = (255.0, 255.0, 255.0)  # the canvas under everything
    for css in reversed(found["backgrounds"]):
        base = over(parse_colour(css), base)
    text = over(parse_colour(found["color"]), base)
    return {**found, "ratio": contrast(text, base)}


def scheme_page(browser, scheme: str, viewport=DESKTOP, **options):
    context = browser.new_context(viewport=viewport, color_scheme=scheme, **options)
    context.set_default_timeout(TIMEOUT)
    skip_search_index(context)
    return context.new_page()


def chapter_with_quiz():
    quizzes = data("quizzes")
    chapter = next(c for c in data("chapters") if sum(q["chapter"] == c["id"] for q in quizzes) >= 3)
    return chapter, [q for q in quizzes if q["chapter"] == chapter["id"]]


def correct_index(item: dict) -> int:
    return next(i for i, o in enumerate(item["options"]) if o["correct"])


def wrong_index(item: dict) -> int:
    return next(i for i, o in enumerate(item["options"]) if not o["correct"])


def words(text: str) -> str:
    return " ".join(text.split())


# -- 1. every state of every button keeps 4.5:1 -------------------------------------

BUTTONS = [(None, ".quiz-check"), (None, ".quiz-retry"), (QUIZ_PAGE, ".quiz-fresh"), (QUIZ_PAGE, ".quiz-all")]


@pytest.mark.parametrize("scheme, slug", [("light", "default"), ("dark", "slate")])
@pytest.mark.parametrize("path, selector", BUTTONS)
def test_every_button_state_keeps_contrast_in_both_schemes(browser, site_url, scheme, slug, path, selector):
    page = scheme_page(browser, scheme)
    try:
        page.goto(site_url + (path or chapter_path(chapter_with_quiz()[0])))
        assert page.locator("body").get_attribute("data-md-color-scheme") == slug
        button = page.locator(selector).first
        button.scroll_into_view_if_needed()
        page.mouse.move(0, 0)
        measured = {"normal": colours(button)}

        button.hover()
        measured["hover"] = colours(button)
        assert ":hover" in measured["hover"]["states"]

        box = button.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        measured["pressed"] = colours(button)
        assert ":active" in measured["pressed"]["states"]
        page.mouse.up()
        measured["hover after a click"] = colours(button)
        page.mouse.move(0, 0)
        measured["focused after a click"] = colours(button)
        assert ":focus" in measured["focused after a click"]["states"]

        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        measured["keyboard focus"] = colours(button)
        assert ":focus-visible" in measured["keyboard focus"]["states"]

        button.evaluate("el => { el.disabled = true; }")
        measured["disabled"] = colours(button)
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        measured["disabled, hovered"] = colours(button)
        assert ":disabled" in measured["disabled, hovered"]["states"]

        low = {state: round(m["ratio"], 2) for state, m in measured.items() if m["ratio"] < MIN_CONTRAST}
        assert not low, f"{selector} in {scheme} scheme below {MIN_CONTRAST}:1: {low}"
        assert measured["disabled"]["color"] != measured["normal"]["color"], "disabled should look different"
        style, width = measured["keyboard focus"]["outline"]
        assert style != "none" and width >= 2, "keyboard focus needs a visible ring"
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_check_my_answers_keeps_contrast_after_a_tap_on_a_phone(browser, site_url, scheme):
    """The case from the issue: tapped, the button stayed white on orange at 2.78:1."""
    page = scheme_page(browser, scheme, viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page.goto(site_url + chapter_path(chapter_with_quiz()[0]))
        button = page.locator(".quiz-check")
        button.scroll_into_view_if_needed()
        button.tap()
        measured = colours(button)
        assert ":focus" in measured["states"]
        assert measured["ratio"] >= MIN_CONTRAST, measured
    finally:
        page.context.close()


# -- 2. after checking, the right answer and why ------------------------------------

def test_after_checking_every_item_shows_the_right_answer_and_why(tab, site_url):
    chapter, items = chapter_with_quiz()
    tab.goto(site_url + chapter_path(chapter))
    fieldsets = tab.locator(f"#quiz-{chapter['id']} fieldset.quiz-item")
    assert fieldsets.count() == len(items)
    chosen = {0: wrong_index(items[0]), 1: correct_index(items[1])}  # the rest left unanswered
    for n, index in chosen.items():
        fieldsets.nth(n).locator("input[type=radio]").nth(index).check()
    tab.locator(".quiz-check").click()

    for n, item in enumerate(items):
        fieldset = fieldsets.nth(n)
        right = correct_index(item)
        option = fieldset.locator(".quiz-option").nth(right)
        label = words(plain(item["options"][right]["text"]))
        assert "is-correct" in option.get_attribute("class"), n
        why = option.locator(".quiz-option-feedback")
        assert why.is_visible() and words(why.inner_text()) == words(plain(item["options"][right]["feedback"])), n
        feedback = words(fieldset.locator(".quiz-feedback").inner_text())
        if n == 1:
            assert feedback == "Correct."
        else:
            start = "Not quite." if n == 0 else "No answer chosen."
            assert feedback == f"{start} Right answer: {'ABCDE'[right]}. {label}", (n, feedback)
        shown = 2 if n == 0 else 1  # a wrong choice also says why it is wrong
        assert fieldset.locator(".quiz-option-feedback:visible").count() == shown, n
    wrong_why = fieldsets.nth(0).locator(".quiz-option").nth(chosen[0]).locator(".quiz-option-feedback")
    assert words(wrong_why.inner_text()) == words(plain(items[0]["options"][chosen[0]]["feedback"]))
    assert tab.locator(".quiz-score").inner_text().strip() == f"Your score: 1 out of {len(items)}."


def test_try_again_keeps_right_answers_and_says_so(tab, site_url):
    chapter, items = chapter_with_quiz()
    tab.goto(site_url + chapter_path(chapter))
    quiz = tab.locator(f"#quiz-{chapter['id']}")
    fieldsets = quiz.locator("fieldset.quiz-item")
    retry = quiz.locator(".quiz-retry")
    hint = tab.locator("#" + retry.get_attribute("aria-describedby"))
    assert hint.is_visible() and "keeps the answers you had right" in hint.inner_text()
    score = quiz.locator(".quiz-score")

    fieldsets.nth(0).locator("input[type=radio]").nth(wrong_index(items[0])).check()
    fieldsets.nth(1).locator("input[type=radio]").nth(correct_index(items[1])).check()
    quiz.locator(".quiz-check").click()
    retry.click()
    assert fieldsets.nth(1).locator("input[type=radio]").nth(correct_index(items[1])).is_checked()
    assert quiz.locator("input:checked").count() == 1
    assert quiz.locator(".quiz-option-feedback:visible").count() == 0
    assert all(f.inner_text().strip() == "" for f in quiz.locator(".quiz-feedback").all())
    others = len(items) - 1
    assert score.inner_text().strip() == \
        f"Kept your 1 right answer and cleared the other {others}. Choose again, then check."

    for n, item in enumerate(items):  # all right: nothing left to keep apart, so all clear
        fieldsets.nth(n).locator("input[type=radio]").nth(correct_index(item)).check()
    quiz.locator(".quiz-check").click()
    assert score.inner_text().strip() == f"Your score: {len(items)} out of {len(items)}."
    retry.click()
    assert quiz.locator("input:checked").count() == 0
    assert score.inner_text().strip() == f"Cleared all {len(items)} answers. Start again, then check."


def test_a_changed_answer_is_not_kept_as_right(tab, site_url):
    """Try again keeps only what was right at the last check: it must not reveal answers."""
    chapter, items = chapter_with_quiz()
    tab.goto(site_url + chapter_path(chapter))
    fieldsets = tab.locator(f"#quiz-{chapter['id']} fieldset.quiz-item")
    tab.locator(".quiz-retry").click()  # before any check: clears all, keeps nothing
    assert tab.locator(".quiz-score").inner_text().strip() == f"Cleared all {len(items)} answers. Start again, then check."
    fieldsets.nth(0).locator("input[type=radio]").nth(correct_index(items[0])).check()
    tab.locator(".quiz-check").click()
    fieldsets.nth(0).locator("input[type=radio]").nth(wrong_index(items[0])).check()
    tab.locator(".quiz-retry").click()
    assert tab.locator(".quiz input:checked").count() == 0


# -- 3. the Test yourself link ----------------------------------------------------

def test_test_yourself_link_sits_under_the_title_and_jumps_to_the_quiz(browser, site_url):
    chapter, items = chapter_with_quiz()
    page = new_page(browser, viewport=PHONE)
    skip_search_index(page.context)
    try:
        page.goto(site_url + chapter_path(chapter))
        # as a reader would: click once the page's scripts have run (they add cues above tables,
        # which would move the target after an early jump on a loaded machine)
        page.wait_for_function("document.documentElement.classList.contains('js') && typeof document$ !== 'undefined'")
        link = page.get_by_role("link", name="Test yourself")
        # the built page has href="#check-your-understanding"; instant navigation makes it absolute
        assert link.get_attribute("href") in ("#check-your-understanding",
                                              site_url + chapter_path(chapter) + "#check-your-understanding")
        box = link.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], "the link should show on the first screen"
        assert f"{len(items)} questions" in link.locator("xpath=ancestor::p[1]").inner_text()
        link.click()
        page.wait_for_function("location.hash === '#check-your-understanding'")
        heading = page.locator("h2#check-your-understanding")
        where = None
        for _ in range(40):  # the jump may scroll smoothly: poll until the heading rests in view
            where = heading.evaluate("""el => { const r = el.getBoundingClientRect();
                return [r.top, r.bottom, document.querySelector('.md-header').getBoundingClientRect().bottom,
                        window.innerHeight, window.scrollY]; }""")
            if where[0] >= where[2] - 1 and where[1] <= where[3]:
                break
            page.wait_for_timeout(250)
        else:
            raise AssertionError(f"the quiz heading is not in view below the header: top, bottom, header, height, scrollY = {where}")
        assert heading.inner_text().startswith("Check your understanding")
    finally:
        page.context.close()


# -- 4. radios on a phone ---------------------------------------------------------

FIRST_LINE_JS = """label => { const range = document.createRange(); range.selectNodeContents(label);
  const first = range.getClientRects()[0]; return {top: first.top, bottom: first.bottom, left: first.left}; }"""


def test_each_radio_sits_beside_its_option_on_a_phone(browser, site_url):
    page = new_page(browser, viewport=PHONE)
    skip_search_index(page.context)
    try:
        page.goto(site_url + QUIZ_PAGE)
        options = page.locator(".quiz-option")
        assert options.count() >= 100
        problems = page.evaluate("""firstLine => [...document.querySelectorAll('.quiz-option')].flatMap(option => {
            const radio = option.querySelector('input[type=radio]').getBoundingClientRect();
            const label = option.querySelector('label');
            const range = document.createRange(); range.selectNodeContents(label);
            const line = range.getClientRects()[0];
            const middle = radio.top + radio.height / 2;
            const out = [];
            if (radio.width < 24 || radio.height < 24) out.push(`${label.htmlFor}: radio ${radio.width}x${radio.height}`);
            if (radio.right > line.left) out.push(`${label.htmlFor}: label starts left of the radio's edge`);
            if (middle < line.top || middle > line.bottom) out.push(`${label.htmlFor}: radio off the first line`);
            return out; })""", None)
        assert not problems, problems[:10]
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= PHONE["width"], "the quiz page scrolls sideways on a phone"
    finally:
        page.context.close()


# -- 5. the whole-essay quiz --------------------------------------------------------

def test_essay_quiz_shows_every_item_and_draws_a_fresh_set_of_ten(tab, site_url):
    quizzes = data("quizzes")
    tab.goto(site_url + QUIZ_PAGE)
    quiz = tab.locator("#quiz-essay")
    items = quiz.locator("fieldset.quiz-item")
    assert items.count() == len(quizzes)
    ids = tab.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "ids repeat on the quiz page"
    assert quiz.locator("[aria-live], [role=status]").count() == 1
    assert quiz.locator(".quiz-group h2").count() == len({q["chapter"] for q in quizzes})

    tab.get_by_role("button", name="Give me a fresh set of 10").click()
    visible = quiz.locator("fieldset.quiz-item:visible")
    assert visible.count() == 10
    assert [n.inner_text() for n in visible.locator(".quiz-number").all()] == [f"{n}." for n in range(1, 11)]
    empty_groups = tab.evaluate("""() => [...document.querySelectorAll('.quiz-group')]
        .filter(g => !g.hidden && !g.querySelector('.quiz-item:not([hidden])')).length""")
    assert empty_groups == 0
    score = quiz.locator(".quiz-score")
    assert score.inner_text().strip().startswith(f"A fresh set of 10 questions, chosen at random from {len(quizzes)}.")
    first_set = [f.get_attribute("id") for f in visible.all()]

    visible.nth(0).locator("input[type=radio]").nth(0).check()
    quiz.locator(".quiz-check").click()
    assert re.fullmatch(r"Your score: \d+ out of 10\.", score.inner_text().strip())
    tab.get_by_role("button", name="Give me a fresh set of 10").click()
    assert quiz.locator("input:checked").count() == 0 and visible.count() == 10
    draws = [first_set, [f.get_attribute("id") for f in visible.all()]]
    for _ in range(3):  # four random sets of ten from fifty are not all the same
        if draws[-1] != draws[0]:
            break
        tab.get_by_role("button", name="Give me a fresh set of 10").click()
        draws.append([f.get_attribute("id") for f in visible.all()])
    assert draws[-1] != draws[0]

    tab.get_by_role("button", name=f"Show all {len(quizzes)} questions").click()
    assert visible.count() == len(quizzes)
    assert quiz.locator(".quiz-number").last.inner_text() == f"{len(quizzes)}."


def test_essay_quiz_without_javascript_shows_all_items_and_no_draw(browser, site_url):
    page = new_page(browser, java_script_enabled=False)
    try:
        page.goto(site_url + QUIZ_PAGE)
        assert page.locator("fieldset.quiz-item:visible").count() == len(data("quizzes"))
        assert page.locator(".quiz-draw").is_hidden()
        assert page.locator("details.quiz-answer").first.is_visible()  # the answer is a disclosure away
    finally:
        page.context.close()


# -- 6. search ----------------------------------------------------------------------

def test_searching_quiz_puts_the_quiz_page_before_contributing(page, site_url):
    page.set_default_timeout(TIMEOUT)
    page.goto(site_url)
    search = page.locator("input.md-search__input")
    search.click()
    page.wait_for_function(
        "() => !/initializ/i.test(document.querySelector('.md-search-result__meta').textContent)")
    search.press_sequentially("quiz", delay=30)
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(state="attached")
    href = first.get_attribute("href")
    assert "/study/quiz/" in href and "contributing" not in href, href
