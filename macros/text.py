"""The one path by which data text reaches a page: every view calls one of these.

- safe / safe_block / cell: Markdown contexts (HTML in data shows as text, Markdown stays)
- link_label: the text inside [...] of a Markdown link
- plain: one line of plain text (Markdown rendered, then reduced to its text)
- hover: plain text fit for an attr_list title="..." or an abbreviation
"""
from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser

import markdown

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def safe(text) -> str:
    """Data text as inline Markdown: Markdown stays, HTML is shown as text, not run.
    Braces become entities, so they cannot be read as an attr_list ({ #id }) or a macro."""
    return html.escape(" ".join(str(text).split()), quote=False).translate(BRACES)


def safe_block(text) -> str:
    """Like safe() but keeps paragraph breaks (blank lines)."""
    return "\n\n".join(safe(p) for p in PARAGRAPH_BREAK.split(str(text).strip()))


def cell(text) -> str:
    """Data text inside a Markdown table cell."""
    return safe(text).replace("|", "\\|")


def link_label(text) -> str:
    """Text for [label](href): escaped like safe(), with brackets that cannot close the link."""
    return safe(text).replace("[", "\\[").replace("]", "\\]")


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


_MARKDOWN = markdown.Markdown()
MARKUP = re.compile(r"[\[\]*_`&<>\\]")


@functools.lru_cache(maxsize=4096)
def plain(text) -> str:
    """One line of plain text: Markdown rendered (links keep their text), tags dropped."""
    line = " ".join(str(text).split())
    if not MARKUP.search(line):
        return line
    rendered = _MARKDOWN.reset().convert(html.escape(line, quote=False))
    parser = _TextOnly()
    parser.feed(rendered)
    return " ".join("".join(parser.parts).split())


HOVER_SAFE = str.maketrans({'"': "'", "{": "(", "}": ")", "<": "‹", ">": "›"})


def hover(text) -> str:
    """Plain text safe inside title="..." of attr_list and in '*[abbr]: text' lines
    (Markdown would stash raw '<...>' there and put it back as markup)."""
    return plain(text).translate(HOVER_SAFE)


# -- Markdown building blocks ---------------------------------------------------------
def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be escaped (cell(), links)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def indent(text: str, spaces: int = 4) -> str:
    return "\n".join((" " * spaces + line) if line else "" for line in text.split("\n"))


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def display_date(value) -> str:
    """'2000-07-02' -> '2 July 2000', '2001-02' -> 'February 2001', '1982' -> '1982'."""
    parts = str(value).split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def card_table(header: list[str], rows: list[list[str]], title_columns: int = 1, attrs: str = "") -> str:
    """A table that becomes one card per row on narrow screens (.table-cards in guide.css).
    The first title_columns cells head each card; every other non-empty cell starts with
    its column's name, shown only when the row is a card. Cells must already be escaped."""
    labels = [f'<span class="card-label">{safe(name)}:</span> ' for name in header]
    labelled = [[c if i < title_columns or not c else labels[i] + c for i, c in enumerate(row)] for row in rows]
    attrs = f"{attrs} " if attrs else ""  # e.g. 'id="x" data-search-exclude' (already escaped)
    return f'<div {attrs}class="table-cards title-{title_columns}" markdown>\n\n{table(header, labelled)}\n\n</div>'


def chapter_grid(header: list[str], rows: list[list[str]]) -> str:
    """A table of narrow numbered chapter columns (.chapter-grid in guide.css), so all fit on a phone."""
    return f'<div class="chapter-grid" markdown>\n\n{table(header, rows)}\n\n</div>'
