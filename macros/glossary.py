"""The glossary page and the tooltip abbreviations generated from data/glossary.yml."""
from __future__ import annotations

import re

from .chapters_source import names_of
from .hover_marks import mark
from .links import link_to_chapter, link_to_entry, source_links
from .render_parts import PART_BREAK
from .text import indent, safe, safe_block

DIGITS = "0–9"


def filing_key(entry: dict) -> str:
    """The term as it is filed: leading quotes and other marks ignored, so
    '"Zionism is racism" resolution' sits under Z."""
    term = entry["term"].strip().lower()
    return term[next((i for i, ch in enumerate(term) if ch.isalnum()), 0):]


def first_letter(entry: dict) -> str:
    letter = filing_key(entry)[:1].upper()
    return letter if letter.isalpha() else DIGITS


def letter_anchor(letter: str) -> str:
    """'letter-a'; '0–9' gets 'letter-0-9' (a '#' or dash in a fragment is not valid HTML)."""
    return "letter-0-9" if letter == DIGITS else f"letter-{letter.lower()}"


def sorted_terms(glossary: list[dict]) -> list[dict]:
    return sorted(glossary, key=lambda e: (filing_key(e), e["term"].lower()))


def render_jump_bar(glossary: list[dict]) -> str:
    letters = sorted({first_letter(e) for e in glossary})
    links = " ".join(f"[{letter}](#{letter_anchor(letter)})" for letter in letters)
    return f'<nav class="az-bar" aria-label="Glossary letters" markdown>{links}</nav>'


def render_entry(entry: dict, glossary_by_id, chapter_ids, chapters, from_page: str) -> str:
    """The term in bold, then its one-line definition, then how the article uses it."""
    head = f"**{safe(entry['term'])}** {{ #{entry['id']} }}\n:   {safe(entry['short'])}"
    body = [safe_block(entry["explanation"])]
    if entry.get("see_also"):
        body.append("See also: " + ", ".join(link_to_entry("glossary", glossary_by_id[i], from_page, hover_text=False) for i in entry["see_also"]))
    found = [c for c in chapters if c["id"] in chapter_ids]
    if found:
        body.append("Used in: " + ", ".join(link_to_chapter(c, from_page, f"Ch. {c['number']}", hover_text=False) for c in found))
    if entry.get("sources"):
        body.append("Sources: " + source_links(entry["sources"]))
    return head + "\n\n" + "\n\n".join(indent(paragraph) for paragraph in body) + "\n"


def render_glossary(glossary, appearances, chapters, from_page: str) -> str:
    by_id = {e["id"]: e for e in glossary}
    parts = [render_jump_bar(glossary)]
    letter = None
    for entry in sorted_terms(glossary):
        if first_letter(entry) != letter:
            letter = first_letter(entry)
            parts.append(f"{PART_BREAK}\n\n## {letter} {{ #{letter_anchor(letter)} }}")  # renders on its own
        parts.append(render_entry(entry, by_id, appearances[entry["id"]], chapters, from_page))
    return "\n\n".join(parts)


def abbreviations(glossary: list[dict]) -> dict[str, str]:
    """Every term, alias and capitalised form, with the mark of the tooltip text it gets
    (filled in after Markdown: macros/hover_marks.py)."""
    found: dict[str, str] = {}
    for entry in glossary:
        for name in names_of(entry):
            if "]" not in name:
                found.setdefault(name, mark("glossary", entry["id"]))
    return found


def abbreviation_owners(glossary: list[dict]) -> dict[str, str]:
    """Each name abbreviations() gives a tooltip -> the id of the entry whose text it shows."""
    found: dict[str, str] = {}
    for entry in glossary:
        for name in names_of(entry):
            if "]" not in name:
                found.setdefault(name, entry["id"])
    return found


WORD = re.compile(r"[^\W_]+")  # letters and digits: Markdown's * and _ around a word split it off


def abbreviations_used(abbreviations: dict[str, str], markdown: str) -> list[str]:
    """'*[word]: definition' lines for the names this page contains. The abbr extension marks
    whole words only, so a name whose first word is not one of the page's words is skipped
    without searching the page for it (a page has hundreds of names to look for)."""
    words = set(WORD.findall(markdown))
    return [f"*[{name}]: {text}" for name, text in abbreviations.items()
            if first_word_on_page(name, words) and name in markdown]


def first_word_on_page(name: str, words: set[str]) -> bool:
    first = WORD.match(name)
    return first is None or first.group() in words  # a name opening with punctuation: searched for
