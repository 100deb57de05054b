"""My progress, "Mark as read", notes and the reader's data in Chromium: read marks and quiz
scores on the progress page, notes kept and exported as Markdown, export / forget / import,
a corrupted import refused, and storage that throws."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_flashcards_browser import watch_errors

from test_browser import opened_page

pytestmark = pytest.mark.browser
CHAPTER = "chapters/01-a-new-partnership/"
CHAPTER_ID = "a-new-partnership"
PROGRESS = "study/progress/"
PREFIX = "flf-guide/v1/"
SAMPLE = {
    "read": {CHAPTER_ID: "2026-11-30"},
    "quizzes": {CHAPTER_ID: {"attempts": 2, "best": 5, "total": 7, "last": {"score": 5, "total": 7, "date": "2026-11-30"}}},
    "notes": {CHAPTER_ID: {"text": "Helms *changed* his mind.\n\nWhy?", "updated": "2026-11-30T10:00:00.000Z"}},
    "cards": {"term:sovereignty": {"card": {"due": "2030-01-01T00:00:00.000Z", "stability": 30, "difficulty": 5,
                                            "elapsed_days": 0, "scheduled_days": 30, "learning_steps": 0, "reps": 1,
                                            "lapses": 0, "state": 2, "last_review": "2026-11-30T10:00:00.000Z"},
                                   "first": "2026-11-30"}},
}


def ours(page) -> dict:
    """Every localStorage key of the guide's, parsed."""
    return page.evaluate(f"""() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith("{PREFIX}"))
                                   .map(k => [k, JSON.parse(localStorage.getItem(k))]))""")


def seed(page, site_url, data=SAMPLE):
    page.goto(site_url + PROGRESS)
    page.evaluate("""([prefix, data]) => { for (const [kind, value] of Object.entries(data))
                       localStorage.setItem(prefix + kind, JSON.stringify(value)); }""", [PREFIX, data])
    page.reload()
    page.wait_for_selector(".guide-data__tools:not([hidden])")


def chapter_row(page) -> str:
    return page.inner_text(f"tr[data-chapter='{CHAPTER_ID}']")


def test_progress_page_shows_read_marks_and_quiz_scores(tab, site_url):
    errors = watch_errors(tab)
    tab.goto(site_url + CHAPTER)
    tab.wait_for_selector(".guide-practice__tools:not([hidden])")
    read = tab.locator(".guide-practice__read")
    read.click()
    assert read.get_attribute("aria-pressed") == "true"
    assert tab.inner_text(".guide-practice__status").endswith("marked as read.")
    quiz = tab.locator(f"#quiz-{CHAPTER_ID}")
    quiz.locator(".quiz-item").first.locator("input[data-correct]").check()
    quiz.locator(".quiz-check").click()
    total = quiz.locator(".quiz-item").count()
    tab.wait_for_function(f"() => (localStorage.getItem('{PREFIX}quizzes') || '').includes('{CHAPTER_ID}')")
    quiz.locator(".quiz-check").click()  # a second attempt, same score
    tab.goto(site_url + PROGRESS)
    tab.wait_for_selector(".guide-progress__next:not([hidden])")
    assert "Read (" in chapter_row(tab)
    row = tab.locator(f"tr[data-quiz-id='{CHAPTER_ID}']")
    tab.wait_for_function(f"""() => document.querySelector("tr[data-quiz-id='{CHAPTER_ID}'] .guide-progress__attempts")
                              .textContent === "2" """)
    assert row.locator(".guide-progress__best").inner_text() == f"1 out of {total}"
    assert tab.locator("tr[data-quiz-id='essay'] .guide-progress__best").inner_text() == "Not taken"
    assert tab.inner_text(".guide-progress__next").startswith("Next: read Chapter 2")  # the first unread chapter
    assert not errors, errors


def test_notes_survive_a_reload_and_export_as_markdown(tab, site_url):
    errors = watch_errors(tab)
    tab.goto(site_url + CHAPTER)
    tab.wait_for_selector(".guide-practice__tools:not([hidden])")
    notes = tab.locator(".guide-practice__notes")
    text = "Helms praised Fox.\n\n- ask about Iraq"
    notes.press_sequentially(text)
    tab.wait_for_function("() => document.querySelector('.guide-practice__saved').textContent.startsWith('Saved')")
    assert tab.inner_text(".guide-practice__status") == ""  # saving as you type is shown, not announced
    tab.reload()
    tab.wait_for_selector(".guide-practice__tools:not([hidden])")
    assert tab.locator(".guide-practice__notes").input_value() == text
    tab.goto(site_url + PROGRESS)
    tab.wait_for_selector(".guide-data__tools:not([hidden])")
    assert "7 words" in chapter_row(tab)
    with tab.expect_download() as download:
        tab.click("[data-action=export-notes]")
    assert download.value.suggested_filename.endswith(".md")
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert "## Chapter 1: From wary neighbors to partners\n\nHelms praised Fox.\n\n- ask about Iraq" in markdown
    assert markdown.startswith("# My notes")
    assert "Chapter 2" not in markdown  # chapters without notes are left out
    assert "downloaded" in tab.inner_text(".guide-data__status")
    assert not errors, errors


def test_progress_export_forget_import_restores_everything(tab, site_url, tmp_path):
    seed(tab, site_url)
    tab.evaluate("localStorage.setItem('another-site/data', 'kept')")
    before = ours(tab)
    assert len(before) == 4
    with tab.expect_download() as download:
        tab.click("[data-action=export-all]")
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["site"] == "with-a-friend-like-fox-study-guide" and exported["version"] == 1
    assert exported["data"]["notes"] == SAMPLE["notes"]
    saved = tmp_path / "export.json"
    saved.write_text(json.dumps(exported), encoding="utf-8")

    tab.click("[data-action=forget]")
    assert tab.locator(".guide-data__confirm").is_visible()
    assert tab.evaluate("document.activeElement.dataset.action") == "forget-yes"
    tab.click("[data-action=forget-no]")
    assert ours(tab) == before and tab.inner_text(".guide-data__status") == "Nothing was forgotten."
    tab.click("[data-action=forget]")
    tab.click("[data-action=forget-yes]")
    assert ours(tab) == {}
    assert tab.evaluate("localStorage.getItem('another-site/data')") == "kept"  # only our keys go
    assert "Everything was forgotten" in tab.inner_text(".guide-data__status")
    assert "Not yet" in chapter_row(tab)

    tab.set_input_files("#guide-import", str(saved))
    tab.wait_for_function("() => document.querySelector('.guide-data__status').textContent.startsWith('Imported')")
    after = ours(tab)
    after.pop(PREFIX + "settings", None)
    assert after == before
    assert "Read (2026-11-30)" in chapter_row(tab)
    tab.reload()
    tab.wait_for_selector(".guide-progress__next:not([hidden])")
    assert tab.locator(f"tr[data-quiz-id='{CHAPTER_ID}'] .guide-progress__best").inner_text() == "5 out of 7"


BAD_FILES = {
    "not-json": ("{\"site\": \"with-a-friend-like-fox-study-guide\", \"vers", "not JSON"),
    "other-site": (json.dumps({"site": "another-guide", "version": 1, "data": {}}), "not saved by this study guide"),
    "unknown-version": (json.dumps({"site": "with-a-friend-like-fox-study-guide", "version": 2, "data": {}}), "version 2"),
    "damaged-entry": (json.dumps({"site": "with-a-friend-like-fox-study-guide", "version": 1,
                                  "data": {"notes": {"x": {"text": 5}}, "read": {}}}), "damaged"),
    "unknown-part": (json.dumps({"site": "with-a-friend-like-fox-study-guide", "version": 1,
                                 "data": {"passwords": {}}}), "unknown part"),
}


def test_progress_corrupted_import_is_refused_and_changes_nothing(tab, site_url, tmp_path):
    seed(tab, site_url)
    before = ours(tab)
    for name, (content, reason) in BAD_FILES.items():
        path = tmp_path / f"{name}.json"
        path.write_text(content, encoding="utf-8")
        tab.evaluate("document.querySelector('.guide-data__status').textContent = ''")
        tab.set_input_files("#guide-import", str(path))
        tab.wait_for_function("() => document.querySelector('.guide-data__status').textContent !== ''")
        status = tab.inner_text(".guide-data__status")
        assert status.startswith("Nothing was imported and nothing was changed"), (name, status)
        assert reason in status, (name, status)
        assert ours(tab) == before, name
    assert "Read (2026-11-30)" in chapter_row(tab)


THROWING_STORAGE = """
for (const name of ["getItem", "setItem", "removeItem", "key", "clear"]) {
  Storage.prototype[name] = function () { throw new DOMException("The operation is insecure.", "SecurityError"); };
}
"""


def test_progress_notes_and_flashcards_work_with_a_message_when_storage_throws(browser, site_url):
    with opened_page(browser) as page:
        page.add_init_script(THROWING_STORAGE)
        errors = watch_errors(page, ours_only=True)
        page.goto(site_url + CHAPTER)
        page.wait_for_selector(".guide-practice__tools:not([hidden])")
        assert "not letting this site keep anything" in page.inner_text(".guide-practice .guide-store-notice")
        page.click(".guide-practice__read")
        assert page.get_attribute(".guide-practice__read", "aria-pressed") == "true"  # works for this visit
        assert "Not kept" in page.inner_text(".guide-practice__status")
        page.locator(".guide-practice__notes").press_sequentially("A note")
        page.wait_for_function("() => document.querySelector('.guide-practice__saved').textContent.startsWith('Not saved')")
        assert "cannot be saved" in page.inner_text(".guide-practice__status")

        page.goto(site_url + "study/flashcards/")
        page.wait_for_selector(".flashcards-review__card")
        assert page.locator(".flashcards-review .guide-store-notice").is_visible()
        page.focus(".flashcards-review__card")
        page.keyboard.press("Space")
        page.keyboard.press("3")
        assert "Not kept after you leave" in page.inner_text(".flashcards-review__status")

        page.goto(site_url + PROGRESS)
        page.wait_for_selector(".guide-data__tools:not([hidden])")
        assert page.locator(".guide-progress .guide-store-notice").is_visible()
        page.click("[data-action=export-all]")  # still works: exports what this visit holds
        assert not errors, errors
