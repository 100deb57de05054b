"""The generated top and bottom of each chapter page."""
from __future__ import annotations

from . import theme_marks
from .links import PAGES, md_link, relative
from .model import VERDICT_LABELS, display_label
from .text import safe

MENTION_LABELS = {"people": "People", "bodies": "Parties, bodies and agreements",
                  "places": "Places", "glossary": "Terms"}
NO_MENTIONS = "_This page names no one from the reference pages yet._"
QUIZ_HEADING = "Check your understanding"
QUIZ_ANCHOR = "check-your-understanding"
ESSAY_QUIZ_PAGE = "study/quiz.md"
HANDOUTS_PAGE = "study/handouts.md"
QUIZ_INTRO = "Choose an answer for each question, then check: every question then shows the right answer and why."


def render_header(chapter: dict, minutes: int, chapter_count: int, themes_by_id, from_page: str,
                  quiz_size: int = 0) -> str:
    """quiz_size: the items in the chapter's quiz (0 where the page shows none, as in print)."""
    themes = theme_marks.chips(chapter["themes"], themes_by_id, from_page)
    parts = [
        f"# {chapter['number']}. {safe(chapter['title'])}",
        f'<p class="chapter-meta">Article section {chapter["number"]} of {chapter_count} · '
        f'{chapter["paragraphs"]} paragraphs · about {minutes} min to read this page</p>',
    ]
    if quiz_size:
        parts.append(render_quiz_link(quiz_size, from_page))
    parts.append(f"**Themes:** {themes}")
    return "\n\n".join(parts)


def render_quiz_link(quiz_size: int, from_page: str) -> str:
    """A jump to the chapter's quiz at the foot of the page, and to the whole-essay quiz."""
    questions = "question" if quiz_size == 1 else "questions"
    return (f"**[Test yourself](#{QUIZ_ANCHOR})** with this chapter's {quiz_size} {questions}, "
            f"or take the {md_link('whole-essay quiz', relative(from_page, ESSAY_QUIZ_PAGE))}.")


def render_mentions(mentions: dict[str, set[str]], collections, from_page: str) -> str:
    """A review list: names as text, each kind linking to its reference page (the names
    are linked where the chapter first mentions them; a link per name made the page a sea of links)."""
    lines = []
    for name, label in MENTION_LABELS.items():
        entries = [e for e in collections[name] if e["id"] in mentions.get(name, set())]
        if entries:
            names = sorted((display_label(e) for e in entries), key=str.lower)
            kind = md_link(label, relative(from_page, PAGES[name]))
            lines.append(f"- **{kind}:** " + ", ".join(safe(n) for n in names))
    return "\n".join(lines) or NO_MENTIONS


def render_forecasts(predictions, from_page: str) -> str:
    if not predictions:
        return ""
    items = [f"- {md_link(p['claim'], relative(from_page, 'reference/predictions.md#' + p['id']))} "
             f"— **{VERDICT_LABELS[p['verdict']]}**" for p in predictions]
    return "## Forecasts and what became of them\n\n" + "\n".join(items)


def render_handout_link(chapter: dict, from_page: str) -> str:
    """Where to print the chapter's one-page handout (key points, key terms, questions)."""
    target = relative(from_page, f"{HANDOUTS_PAGE}#handout-{chapter['id']}")
    label = f"the one-page handout for chapter {chapter['number']}"
    return f"For class: {md_link(label, target)}, ready to print."


def render_footer(mentions_md: str, forecasts_md: str, quiz_md: str | None, questions_md: str,
                  handout_md: str = "", *, relations_md: str = "", practice_md: str = "") -> str:
    """quiz_md is None in the print edition, which has no interactive quiz (nor handout link).
    relations_md: the chapter's part of the relationship map, with its own heading, or ''."""
    parts = ["## Who and what this chapter names", mentions_md]
    if relations_md:
        parts.append(relations_md)
    if forecasts_md:
        parts.append(forecasts_md)
    if quiz_md is not None:
        parts += [f"## {QUIZ_HEADING} {{ #{QUIZ_ANCHOR} }}", QUIZ_INTRO, quiz_md]
    parts += ["## Questions for discussion", questions_md]
    if handout_md:
        parts.append(handout_md)
    if practice_md:  # "Mark as read" and the reader's notes (macros/progress.py)
        parts.append(practice_md)
    return "\n\n".join(parts)
