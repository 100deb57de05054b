"""Profile sections for people and bodies, with computed appearances."""
from __future__ import annotations

from .links import link_to_chapter, md_link, source_links
from .model import KIND_LABELS, display_label
from .text import cell, safe, safe_block, table

NOT_IN_CHAPTERS = "Not named in the chapter pages (mentioned in the guide's reference pages only)."


def appears_in(chapter_ids, chapters, from_page: str) -> str:
    found = [c for c in chapters if c["id"] in chapter_ids]
    if not found:
        return NOT_IN_CHAPTERS
    return ", ".join(link_to_chapter(c, from_page, hover_text=False) for c in found)


def render_profile(entry: dict, chapter_ids, chapters, from_page: str) -> str:
    parts = [
        f"## {safe(entry['name'])} {{ #{entry['id']} }}",
        f"*{KIND_LABELS[entry['kind']]}.* {safe(entry['short'])}",
        f"**In 2001.** {safe(entry['role_2001'])}",
        f"**In the article.** {safe_block(entry['in_the_article'])}",
    ]
    if entry.get("stance"):
        parts.append(f"**Stance on the US–Mexico relationship.** {safe_block(entry['stance'])}")
    if entry.get("after_2001"):
        parts.append(f"**After 2001.** {safe_block(entry['after_2001'])}")
    parts.append(f"**Appears in:** {appears_in(chapter_ids, chapters, from_page)}")
    if entry.get("aliases"):
        parts.append("**Also written:** " + ", ".join(safe(a) for a in entry["aliases"]))
    if entry.get("sources"):
        parts.append(f"**Sources:** {source_links(entry['sources'])}")
    return "\n\n".join(parts)


def render_profiles(entries, appearances, chapters, from_page: str) -> str:
    return "\n\n".join(render_profile(e, appearances[e["id"]], chapters, from_page) for e in entries)


WHOS_WHO_HEADER = ["Name", "In one line", "Chapters"]


def chapter_numbers(chapter_ids, chapters, from_page: str) -> str:
    """'1, 4, 7', each number linking to its chapter; '—' when no chapter names the entry."""
    found = [c for c in chapters if c["id"] in chapter_ids]
    return ", ".join(link_to_chapter(c, from_page, str(c["number"]), hover_text=False) for c in found) or "—"


def render_whos_who(entries, appearances, chapters, from_page: str) -> str:
    """A compact table at the top of a profiles page: each name links down to its profile."""
    rows = [[md_link(display_label(e), f"#{e['id']}").replace("|", "\\|"), cell(e["short"]),
             chapter_numbers(appearances[e["id"]], chapters, from_page)] for e in entries]
    return '<div class="whos-who" markdown>\n\n' + table(WHOS_WHO_HEADER, rows) + "\n\n</div>"
