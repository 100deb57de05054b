"""The print edition and the one-page chapter handouts."""
from __future__ import annotations

import re

from .text import safe

HANDOUT_TERMS = 10  # at most: a handout fits one printed page
COMPUTED_TERMS = 8  # for a chapter without curated key_terms
HANDOUT_QUESTIONS = 4


def demote_headings(markdown: str) -> str:
    """Every heading one level down, so chapter pages nest under the print edition."""
    return "\n".join(("#" + line) if line.startswith("#") else line for line in markdown.split("\n"))


def render_print_chapter(rendered_chapter: str) -> str:
    return f'<div class="print-chapter" markdown>\n\n{demote_headings(rendered_chapter)}\n\n</div>'


def term_uses(entry: dict, page_text: str) -> tuple[int, int]:
    """How often a chapter page names a glossary term (any name, or a term("id") call), and where first."""
    names = sorted([entry["term"], *(entry.get("aliases") or []), f'term("{entry["id"]}"'], key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)
    found = [m.start() for m in pattern.finditer(page_text)]
    return len(found), (found[0] if found else len(page_text))


def choose_key_terms(chapter: dict, glossary: list[dict], page_text: str) -> list[dict]:
    """The chapter's curated key_terms in their order; without them, the terms its page
    uses most often (ties: the one used first)."""
    if chapter.get("key_terms"):
        by_id = {e["id"]: e for e in glossary}
        return [by_id[i] for i in chapter["key_terms"][:HANDOUT_TERMS]]
    uses = {e["id"]: term_uses(e, page_text) for e in glossary}
    used = sorted((e for e in glossary if uses[e["id"]][0]), key=lambda e: (-uses[e["id"]][0], uses[e["id"]][1]))
    return used[:COMPUTED_TERMS]


def render_handout(chapter: dict, key_points: str, terms: list[dict], questions: list[dict]) -> str:
    anchor = f"handout-{chapter['id']}"
    term_lines = "\n".join(f"- **{safe(e['term'])}**: {safe(e['short'])}" for e in terms[:HANDOUT_TERMS])
    question_lines = "\n".join(f"{n}. {safe(q['prompt'])}" for n, q in enumerate(questions[:HANDOUT_QUESTIONS], 1))
    return "\n\n".join([
        '<div class="handout" markdown>',
        f"## Chapter {chapter['number']}: {safe(chapter['title'])} {{ #{anchor} }}",
        f'[Print the chapter {chapter["number"]} handout](#{anchor}){{ .md-button .handout-print '
        f'data-print-handout="{anchor}" }}',
        f"*{safe(chapter['summary'])}*",
        "### Key points", key_points or "_Key points not written yet._",
        "### Key terms", term_lines or "_None yet._",
        "### Questions", question_lines or "_None yet._",
        "</div>",
    ])
