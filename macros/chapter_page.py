"""The generated top and bottom of each chapter page."""
from __future__ import annotations

from .links import link_to_entry, md_link, relative
from .study import render_questions, render_quiz
from .tables import VERDICT_LABELS
from .text import safe

MENTION_LABELS = [("people", "People"), ("bodies", "Parties, bodies and agreements"),
                  ("places", "Places"), ("glossary", "Terms")]


def render_header(chapter: dict, minutes: int, themes_by_id, from_page: str) -> str:
    themes = ", ".join(link_to_entry("themes", themes_by_id[t], from_page) for t in chapter["themes"])
    return "\n\n".join([
        f"# {chapter['number']}. {safe(chapter['title'])}",
        f'<p class="chapter-meta">Article section {chapter["number"]} of 7 · '
        f'{chapter["paragraphs"]} paragraphs · about {minutes} min to read this page</p>',
        f"**Themes:** {themes}",
    ])


def render_mentions(mentions: dict[str, set[str]], collections, from_page: str) -> str:
    lines = []
    for name, label in MENTION_LABELS:
        entries = [e for e in collections[name] if e["id"] in mentions.get(name, set())]
        if entries:
            entries.sort(key=lambda e: (e.get("name") or e.get("term")).lower())
            links = ", ".join(link_to_entry(name, e, from_page, hover=False) for e in entries)
            lines.append(f"- **{label}:** {links}")
    return "\n".join(lines) or "_This page names no one from the reference pages yet._"


def render_forecasts(predictions, from_page: str) -> str:
    if not predictions:
        return ""
    items = [f"- {md_link(safe(p['claim']), relative(from_page, 'reference/predictions.md#' + p['id']))} "
             f"— **{VERDICT_LABELS[p['verdict']]}**" for p in predictions]
    return "## Forecasts and what became of them\n\n" + "\n".join(items)


def render_footer(chapter, mentions, collections, from_page: str, interactive: bool = True) -> str:
    predictions = [p for p in collections["predictions"] if p["chapter"] == chapter["id"]]
    questions = [q for q in collections["questions"] if q["chapter"] == chapter["id"]]
    items = [q for q in collections["quizzes"] if q["chapter"] == chapter["id"]]
    parts = ["## Who and what this chapter names", render_mentions(mentions, collections, from_page)]
    forecasts = render_forecasts(predictions, from_page)
    if forecasts:
        parts.append(forecasts)
    if interactive:
        parts += ["## Check your understanding",
                  "Choose an answer for each question, then check. Each answer explains why it is right or wrong.",
                  render_quiz(chapter["id"], items)]
    parts += ["## Questions for discussion", render_questions(questions)]
    return "\n\n".join(parts)
