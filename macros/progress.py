"""The reader's own progress: the "My progress" page and each chapter's notes box.

Everything here is a mount that the reader's browser fills in from localStorage
(docs/assets/js/store.js, progress.js, chapter.js); the page itself knows only the
chapters, their quizzes and how many flashcards there are. Without JavaScript each
mount says what it would show.
"""
from __future__ import annotations

from .links import built_href, chapter_path
from .svg import esc
from .text import plain

PROGRESS_PAGE = "study/progress.md"
FLASHCARDS_PAGE = "study/flashcards.md"
ESSAY_QUIZ_PAGE = "study/quiz.md"
NOTES_HEADING = "Your notes"
NOTES_ANCHOR = "your-notes"
NO_SCRIPT = "needs JavaScript: it is kept by your browser, on this device only."


def chapter_label(chapter: dict) -> str:
    return f"Chapter {chapter['number']}: {plain(chapter['title'])}"


def render_chapter_practice(chapter: dict, from_page: str) -> str:
    """The end of a chapter page: "Mark as read" and a notes box saved as the reader types."""
    cid = esc(chapter["id"])
    progress = esc(built_href(from_page, PROGRESS_PAGE))
    box = (
        f'<div class="guide-practice" data-chapter-practice="{cid}" data-chapter-title="{esc(chapter_label(chapter))}" '
        'data-search-exclude>'
        f'<p class="guide-practice__nojs">Reading marks and notes {NO_SCRIPT}</p>'
        '<div class="guide-practice__tools" hidden>'
        '<p><button type="button" class="md-button guide-practice__read" aria-pressed="false">Mark as read</button></p>'
        f'<p><label for="notes-{cid}">My notes on this chapter, saved in this browser as you type</label></p>'
        f'<textarea id="notes-{cid}" class="guide-practice__notes" rows="6" spellcheck="true"></textarea>'
        '<p class="guide-practice__saved" aria-hidden="true"></p>'
        '<p class="guide-practice__status" role="status" aria-live="polite"></p>'
        f'<p>Notes stay on this device. <a href="{progress}#your-data">Export them</a> as one Markdown file '
        f'or see <a href="{progress}">your progress</a>.</p>'
        '</div></div>'
    )
    return f"## {NOTES_HEADING} {{ #{NOTES_ANCHOR} }}\n\n{box}"


def quiz_row(quiz_id: str, label_html: str, total: int) -> str:
    return (f'<tr data-quiz-id="{esc(quiz_id)}"><th scope="row">{label_html}</th>'
            f'<td class="guide-progress__best">—</td><td class="guide-progress__attempts">—</td>'
            f'<td>{total}</td></tr>')


def render_progress(chapters: list[dict], quiz_sizes: dict[str, int], essay_quiz_size: int, card_count: int,
                    from_page: str, new_per_day: int = 20) -> str:
    """The "My progress" page body: what to do next, chapters, quizzes, flashcards, the reader's data.
    quiz_sizes: chapter id -> items in its quiz; new_per_day: new flashcards offered a day."""
    chapters = sorted(chapters, key=lambda c: c["number"])
    rows = []
    for c in chapters:
        href = esc(built_href(from_page, chapter_path(c)))
        rows.append(f'<tr data-chapter="{esc(c["id"])}" data-chapter-title="{esc(chapter_label(c))}" '
                    f'data-href="{href}"><th scope="row"><a href="{href}">{esc(chapter_label(c))}</a></th>'
                    '<td class="guide-progress__read">—</td><td class="guide-progress__notes">—</td></tr>')
    quiz_rows = [quiz_row(c["id"], f'<a href="{esc(built_href(from_page, chapter_path(c) + "#check-your-understanding"))}">'
                          f'{esc(chapter_label(c))}</a>', quiz_sizes.get(c["id"], 0))
                 for c in chapters if quiz_sizes.get(c["id"])]
    if essay_quiz_size:
        quiz_rows.append(quiz_row("essay", f'<a href="{esc(built_href(from_page, ESSAY_QUIZ_PAGE))}">Whole-essay quiz</a>',
                                  essay_quiz_size))
    flashcards = esc(built_href(from_page, FLASHCARDS_PAGE))
    return "\n\n".join([
        f'<div class="guide-progress" data-progress data-card-count="{card_count}" data-new-per-day="{new_per_day}" '
        f'data-flashcards-href="{flashcards}" data-search-exclude>'
        f'<p class="guide-progress__nojs">This page {NO_SCRIPT}</p>'
        '<p class="guide-progress__next" hidden></p></div>',
        "## Chapters { #chapters }",
        '<div class="guide-progress__scroll"><table data-progress-chapters>'
        '<caption>Chapters you have marked as read and where you have notes</caption>'
        '<thead><tr><th scope="col">Chapter</th><th scope="col">Read</th><th scope="col">Notes</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div>',
        "## Quizzes { #quizzes }",
        '<div class="guide-progress__scroll"><table data-progress-quizzes>'
        '<caption>Your best score and number of attempts per quiz</caption>'
        '<thead><tr><th scope="col">Quiz</th><th scope="col">Best score</th><th scope="col">Attempts</th>'
        '<th scope="col">Questions</th></tr></thead>'
        f'<tbody>{"".join(quiz_rows)}</tbody></table></div>',
        "## Flashcards { #flashcards }",
        f'<p class="guide-progress__cards" data-progress-cards>{card_count} cards in all. '
        f'<a href="{flashcards}">Review flashcards</a>.</p>',
        "## Your data { #your-data }",
        render_data_tools(),
    ])


def render_data_tools() -> str:
    """Export notes (Markdown), export all (JSON), import, forget everything (with a confirmation)."""
    return (
        '<div class="guide-data" data-guide-data data-search-exclude>'
        f'<p class="guide-data__nojs">Exporting, importing and forgetting your data {NO_SCRIPT}</p>'
        '<div class="guide-data__tools" hidden>'
        '<p><button type="button" class="md-button" data-action="export-notes">Export my notes (Markdown)</button> '
        '<button type="button" class="md-button" data-action="export-all">Export all (JSON)</button></p>'
        '<p><label for="guide-import">Import a file saved with “Export all” (replaces what this browser holds)</label><br>'
        '<input type="file" id="guide-import" class="guide-data__import" accept="application/json,.json"></p>'
        '<p><button type="button" class="md-button" data-action="forget">Forget everything…</button></p>'
        '<div class="guide-data__confirm" role="group" aria-labelledby="guide-forget-question" hidden>'
        '<p id="guide-forget-question">Forget every reading mark, quiz score, note and flashcard review kept in this '
        'browser? This cannot be undone: export first to keep a copy.</p>'
        '<p><button type="button" class="md-button md-button--primary" data-action="forget-yes">Yes, forget everything</button> '
        '<button type="button" class="md-button" data-action="forget-no">No, keep my data</button></p></div>'
        '<p class="guide-data__status" role="status" aria-live="polite"></p>'
        '</div></div>'
    )
