"""Theme marks, shared by the views: each theme's symbol in its colour, as a small inline SVG.

A mark never relies on colour alone: each theme has its own symbol, and every mark carries
the theme's name as an accessible name and a tooltip (or sits beside the name, in a chip).
Also here: the checks no single entry can make (colours and symbols unique across themes;
summary tags that name real themes and real headings) and the step that puts the marks
after each `### ...` heading under a chapter page's `## Summary`.
"""
from __future__ import annotations

import math
import re

from .links import PAGES, link_to_entry, relative
from .model import THEME_SYMBOL_LABELS, hex_colour
from .svg import esc, number
from .text import hover, link_label
from .validation import did_you_mean

SUMMARY = "Summary"
HEADING = re.compile(r"^### +(.+?)\s*(?:\{[^}]*\})?\s*$")


def _polygon(corners: int, radius: float = 7, rotate: float = -90, inner: float | None = None) -> str:
    """A regular polygon (or a star, with an inner radius) centred in the 16 x 16 box."""
    points = []
    steps = corners * (2 if inner else 1)
    for step in range(steps):
        r = inner if inner and step % 2 else radius
        angle = math.radians(rotate + 360 * step / steps)
        points.append(f"{number(8 + r * math.cos(angle))} {number(8 + r * math.sin(angle))}")
    return f'<path d="M{" ".join(points)}Z"/>'


# symbol -> SVG shapes in a 16 x 16 box, filled with the theme's colour
SYMBOL_SHAPES = {
    "circle": '<circle cx="8" cy="8" r="6.5"/>',
    "square": '<rect x="2" y="2" width="12" height="12"/>',
    "triangle": '<path d="M8 1.5 15 14.5H1Z"/>',
    "triangle-down": '<path d="M1 1.5H15L8 14.5Z"/>',
    "diamond": '<path d="M8 .5 15.5 8 8 15.5 .5 8Z"/>',
    "pentagon": _polygon(5),
    "hexagon": _polygon(6, rotate=0),
    "star": _polygon(5, radius=7.8, inner=3.4),
    "cross": '<path d="M5.5 1h5v4.5H15v5h-4.5V15h-5v-4.5H1v-5h4.5Z"/>',
}
assert set(SYMBOL_SHAPES) == set(THEME_SYMBOL_LABELS), "every symbol needs a shape"


def symbol_svg(theme: dict) -> str:
    """The theme's symbol, decorative (aria-hidden): whatever holds it gives the name."""
    return (f'<svg class="theme-symbol" viewBox="0 0 16 16" aria-hidden="true" focusable="false" '
            f'style="--theme-colour:{hex_colour(theme["colour"])}">{SYMBOL_SHAPES[theme["symbol"]]}</svg>')


def mark(theme: dict, label: str) -> str:
    """The symbol alone, named for screen readers and with a tooltip, e.g. 'Theme: Migration'."""
    return f'<span class="theme-mark" role="img" aria-label="{esc(label)}" title="{esc(label)}">{symbol_svg(theme)}</span>'


def chip(theme: dict, from_page: str) -> str:
    """Symbol and name, linking to the theme's entry (a Markdown link, so MkDocs checks it)."""
    href = relative(from_page, f"{PAGES['themes']}#{theme['id']}")
    return (f'[{symbol_svg(theme)}{link_label(theme["name"])}]({href})'
            f'{{ .theme-chip title="{hover(theme.get("short") or theme["name"])}" }}')


def chips(theme_ids, themes_by_id, from_page: str) -> str:
    """A row of chips, in the order given."""
    return '<span class="theme-chips">' + " ".join(
        chip(themes_by_id[t], from_page) for t in theme_ids) + "</span>"


def legend(themes, from_page: str) -> str:
    """Every theme's symbol and name, as a list (the key to the marks)."""
    items = [f'- {symbol_svg(t)} {link_to_entry("themes", t, from_page, hover_text=False)} '
             f'<span class="theme-legend__shape">({THEME_SYMBOL_LABELS[t["symbol"]].lower()})</span>' for t in themes]
    return '<div class="theme-legend" markdown>\n\n' + "\n".join(items) + "\n\n</div>"


# -- summary sections -----------------------------------------------------------------
def summary_headings(markdown: str) -> list[str]:
    """The text of each `### heading` inside `## Summary`, in page order."""
    headings, inside = [], False
    for line in markdown.splitlines():
        if line.startswith("## "):
            inside = line[3:].strip() == SUMMARY
        elif inside:
            found = HEADING.match(line)
            if found:
                headings.append(found.group(1))
    return headings


def section_marks(section: dict, themes_by_id) -> str:
    """The markers placed after one summary heading: a symbol per theme, each named."""
    marks = " ".join(mark(themes_by_id[t], f"Theme: {themes_by_id[t]['name']}") for t in section["themes"])
    return f'<p class="section-themes" data-search-exclude>{marks}</p>'


def add_section_marks(markdown: str, sections, themes_by_id) -> str:
    """After each tagged `### heading` under `## Summary`, a line of theme markers."""
    wanted = {s["heading"]: s for s in sections or []}
    lines, inside = [], False
    for line in markdown.split("\n"):
        lines.append(line)
        if line.startswith("## "):
            inside = line[3:].strip() == SUMMARY
        elif inside:
            found = HEADING.match(line)
            if found and found.group(1) in wanted:
                lines += ["", section_marks(wanted[found.group(1)], themes_by_id), ""]
    return "\n".join(lines)


# -- checks across entries ----------------------------------------------------------------
def check_marks(themes) -> list[str]:
    """No two themes share a colour or a symbol: each mark must be told apart at a glance."""
    problems = []
    for field, key in (("colour", lambda t: hex_colour(t["colour"])), ("symbol", lambda t: t["symbol"])):
        owner: dict[str, str] = {}
        for index, theme in enumerate(themes):
            value = key(theme)
            if value in owner:
                used = {key(t) for t in themes}
                free = [v for v in THEME_SYMBOL_LABELS if v not in used] if field == "symbol" else []
                fix = f" choose one no theme uses, e.g. {', '.join(free[:3])}." if free else \
                    " choose another palette name or colour."
                problems.append(f"data/themes.yml, entry {index + 1} ({theme['id']}), field '{field}': "
                                f"'{theme[field]}' is already the {field} of '{owner[value]}';{fix}")
            owner.setdefault(value, theme["id"])
    return problems


def check_sections(chapters, themes_by_id, pages: dict[str, str]) -> list[str]:
    """Each chapter's `sections:` against its page (pages: chapter id -> Markdown as written):
    every tag names a theme the chapter lists, every heading exists, every summary heading is tagged."""
    problems = []
    for index, chapter in enumerate(chapters):
        where = f"data/chapters.yml, entry {index + 1} ({chapter['id']}), field 'sections'"
        headings = summary_headings(pages.get(chapter["id"], ""))
        sections = chapter.get("sections") or []
        for number_, section in enumerate(sections, start=1):
            if section["heading"] not in headings:
                hint = did_you_mean(section["heading"], headings) or \
                    f" the page's summary headings are: {'; '.join(headings) or 'none'}."
                problems.append(f"{where}, item {number_}, 'heading': no '### {section['heading']}' under "
                                f"'## {SUMMARY}' on the chapter page;{hint}")
            for theme_id in section["themes"]:
                if theme_id not in themes_by_id:
                    hint = did_you_mean(theme_id, themes_by_id) or f" known: {', '.join(themes_by_id)}."
                    problems.append(f"{where}, item {number_}, 'themes': unknown theme '{theme_id}';{hint}")
                elif theme_id not in chapter["themes"]:
                    problems.append(f"{where}, item {number_}, 'themes': '{theme_id}' is not among the chapter's "
                                    f"themes; add it under 'themes:' with a note on how the chapter treats it, "
                                    f"or remove the tag.")
        tagged = {s["heading"] for s in sections}
        for heading in headings:
            if heading not in tagged:
                problems.append(f"{where}: the summary heading '### {heading}' has no entry; add "
                                f"'- heading: {heading}' with the themes it carries (theme ids from data/themes.yml).")
    return problems
