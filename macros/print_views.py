"""The print edition and the one-page chapter handouts."""
from __future__ import annotations

import re

from markdown.extensions.toc import slugify, unique

from .render_parts import PART_BREAK
from .text import safe

HANDOUT_TERMS = 10  # at most: a handout fits one printed page
COMPUTED_TERMS = 8  # for a chapter without curated key_terms
HANDOUT_QUESTIONS = 4
ATTR_LIST = re.compile(r"\s*\{:?([^}]*)\}\s*$")  # the '{ .class #id }' that ends a heading
GIVEN_ID = re.compile(r"""(?:\bid=["']|\{:?[^}\n]*#)([\w-]+)""")  # id="x", or #x in an attribute list


def demote_headings(markdown: str, id_prefix: str) -> str:
    """Every heading one level down, so chapter pages nest under the print edition, and each with
    an id that starts with id_prefix: the chapters render apart (render_parts.py), so the toc
    extension cannot tell a second "In brief" from the first."""
    used = set(GIVEN_ID.findall(markdown))  # ids given in the chapter, wherever they come in it
    return "\n".join(f"#{with_id(line, id_prefix, used)}" if line.startswith("#") else line
                     for line in markdown.split("\n"))


def with_id(heading: str, id_prefix: str, used: set[str]) -> str:
    """'## In brief' -> '## In brief { #ch1-in-brief }'; a heading with an id of its own keeps it."""
    attributes = ATTR_LIST.search(heading)
    if attributes and "#" in attributes.group(1):
        return heading
    text = heading[:attributes.start()] if attributes else heading
    anchor = unique(id_prefix + slugify(text.lstrip("#").strip(), "-"), used)  # as the toc extension would
    inside = f"{attributes.group(1).strip()} #{anchor}" if attributes else f"#{anchor}"
    return f"{text.rstrip()} {{ {inside} }}"


def render_print_chapter(rendered_chapter: str, number: int) -> str:
    """One chapter of the print edition, a part of the page that renders on its own."""
    return (f'{PART_BREAK}\n\n<div class="print-chapter" markdown>\n\n'
            f'{demote_headings(rendered_chapter, f"ch{number}-")}\n\n</div>')


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
        PART_BREAK,  # each handout renders on its own
        '<div class="handout" markdown>',
        f"## Chapter {chapter['number']}: {safe(chapter['title'])} {{ #{anchor} }}",
        f'[Print the chapter {chapter["number"]} handout](#{anchor}){{ .md-button .handout-print '
        f'data-print-handout="{anchor}" }}',
        f"*{safe(chapter['summary'])}*",
        f"### Key points {{ #{anchor}-points }}", key_points or "_Key points not written yet._",
        f"### Key terms {{ #{anchor}-terms }}", term_lines or "_None yet._",
        f"### Questions {{ #{anchor}-questions }}", question_lines or "_None yet._",
        "</div>",
    ])
