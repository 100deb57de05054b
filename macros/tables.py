"""Overview tables: chapters, who appears where, theme tracker, theme sections, places."""
from __future__ import annotations

from . import theme_marks
from .links import chapter_path, link_to_chapter, link_to_entry, md_link, relative
from .model import PLACE_KIND_LABELS
from .text import card_table, cell, chapter_grid, safe

CHECK = "✓"


def chapter_columns(chapters: list[dict], from_page: str) -> list[str]:
    """Column headings 1..n, each linking to its chapter."""
    return [md_link(str(c["number"]), relative(from_page, chapter_path(c)), c["title"]) for c in chapters]


def theme_links(theme_ids, themes_by_id, from_page: str) -> str:
    return ", ".join(link_to_entry("themes", themes_by_id[t], from_page) for t in theme_ids)


def render_overview(chapters, themes_by_id, minutes, from_page: str) -> str:
    rows = [[str(c["number"]), link_to_chapter(c, from_page, c["title"]), cell(c["summary"]),
             f"{minutes[c['id']]} min", theme_links(c["themes"], themes_by_id, from_page)] for c in chapters]
    return card_table(["#", "Chapter", "In one line", "Reading time", "Themes"], rows, title_columns=2)


def render_matrix(entries, collection, appearances, chapters, from_page: str, label: str) -> str:
    """Entries x chapters, a tick where the chapter page names the entry."""
    rows = []
    for entry in entries:
        found = appearances[entry["id"]]
        ticks = [CHECK if c["id"] in found else "" for c in chapters]
        rows.append([link_to_entry(collection, entry, from_page, hover_text=False), *ticks, str(len(found))])
    return chapter_grid([label, *chapter_columns(chapters, from_page), "Total"], rows)


def render_theme_tracker(themes, chapters, from_page: str) -> str:
    """Themes x chapters: the theme's own symbol, in its colour, where a chapter takes it up.
    Each mark is named ('Migration: present in chapter 5'), so the table is its own text version."""
    rows = []
    for theme in themes:
        present = [theme["id"] in c["themes"] for c in chapters]
        marks = [theme_marks.mark(theme, f"{theme['name']}: present in chapter {c['number']}") if here else ""
                 for c, here in zip(chapters, present, strict=True)]
        name = theme_marks.symbol_svg(theme) + " " + link_to_entry("themes", theme, from_page)
        rows.append([name, *marks, str(sum(present))])
    grid = chapter_grid(["Theme", *chapter_columns(chapters, from_page), "Total"], rows)
    return grid.replace('<div class="chapter-grid"', '<div class="chapter-grid theme-grid"', 1)


def render_theme_details(theme, chapters, from_page: str) -> str:
    """How each chapter treats one theme, as a list."""
    items = [f"- {link_to_chapter(c, from_page, hover_text=False)}: {safe(c['themes'][theme['id']])}"
             for c in chapters if theme["id"] in c["themes"]]
    return "\n".join(items) if items else "_No chapter takes up this theme yet._"


def render_theme_sections(themes, chapters, from_page: str) -> str:
    parts = []
    for theme in themes:
        parts += [f"## {safe(theme['name'])} {{ #{theme['id']} }}", safe(theme["description"]),
                  "**How the chapters treat it:**", render_theme_details(theme, chapters, from_page)]
    return "\n\n".join(parts)


def render_places(places, appearances, chapters, from_page: str) -> str:
    rows = []
    for place in places:
        found = [c for c in chapters if c["id"] in appearances[place["id"]]]
        links = ", ".join(link_to_chapter(c, from_page, str(c["number"]), hover_text=False) for c in found) or "—"
        rows.append([f'<span id="{place["id"]}"></span>**{cell(place["name"])}**', PLACE_KIND_LABELS[place["kind"]],
                     cell(place["in_the_article"]), links])
    return card_table(["Place", "Kind", "What the article says", "Chapters"], rows)
