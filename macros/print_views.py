"""The print edition and the one-page chapter handouts."""
from __future__ import annotations

from .text import safe

HANDOUT_TERMS = 12
HANDOUT_QUESTIONS = 4


def demote_headings(markdown: str) -> str:
    """Every heading one level down, so chapter pages nest under the print edition."""
    return "\n".join(("#" + line) if line.startswith("#") else line for line in markdown.split("\n"))


def render_print_chapter(rendered_chapter: str) -> str:
    return f'<div class="print-chapter" markdown>\n\n{demote_headings(rendered_chapter)}\n\n</div>'


def render_handout(chapter: dict, key_points: str, terms: list[dict], questions: list[dict]) -> str:
    term_lines = "\n".join(f"- **{safe(e['term'])}**: {safe(e['short'])}" for e in terms[:HANDOUT_TERMS])
    question_lines = "\n".join(f"{n}. {safe(q['prompt'])}" for n, q in enumerate(questions[:HANDOUT_QUESTIONS], 1))
    return "\n\n".join([
        '<div class="handout" markdown>',
        f"## Chapter {chapter['number']}: {safe(chapter['title'])} {{ #handout-{chapter['id']} }}",
        f"*{safe(chapter['summary'])}*",
        "### Key points", key_points or "_Key points not written yet._",
        "### Key terms", term_lines or "_None yet._",
        "### Questions", question_lines or "_None yet._",
        "</div>",
    ])
