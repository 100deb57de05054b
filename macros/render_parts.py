"""A long page rendered in parts, so that after an edit to one part only that part renders again.

A view puts PART_BREAK between parts that stand alone: the print edition before each chapter,
the glossary before each letter, the handouts page before each handout. render_cache.py renders each part as a page of its own (kept on
disk by its text) and join() sets on the page what one render of the whole would have set.
That holds while no part needs another: heading ids unique across parts (the print edition gives
each chapter's headings an id of their own), no footnotes, abbreviations or reference links shared
between parts. tests/test_serve.py compares such pages with a GUIDE_CACHE=off build, which renders
every page whole.
"""
from __future__ import annotations

import copy

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

PART_BREAK = "<!-- guide: a part that renders on its own -->"


def split(markdown: str) -> list[str]:
    """The page's parts: [markdown] for a page without PART_BREAK."""
    return [part for part in markdown.split(PART_BREAK) if part.strip()] or [""]


def whole(markdown: str) -> str:
    return markdown.replace(PART_BREAK, "")


def part_of(page, markdown: str):
    """A stand-in page for one part: the page's file and address, the part's text."""
    part = copy.copy(page)
    part.markdown, part.links_to_anchors = markdown, None
    return part


def flat_toc(links: list[AnchorLink] | TableOfContents) -> list[dict]:
    """Table-of-contents entries in page order, unnested, as the toc extension lists them."""
    tokens = []
    for link in links:
        tokens.append({"level": link.level, "id": link.id, "name": link.title, "children": []})
        tokens += flat_toc(link.children)
    return tokens


def joined_toc(tocs: list[TableOfContents]) -> TableOfContents:
    """One table of contents, nested as the toc extension nests the whole page's headings."""
    return get_toc(nest_toc_tokens([token for toc in tocs for token in flat_toc(toc)]))


def joined_links(parts: list) -> dict | None:
    """Links to other pages' anchors (None when MkDocs did not collect them: a DEBUG log)."""
    if parts[0].links_to_anchors is None:
        return None
    links: dict = {}
    for part in parts:
        for target, by_anchor in part.links_to_anchors.items():
            links.setdefault(target, {}).update(by_anchor)
    return links


def join(page, parts: list) -> None:
    """Set on page what Page.render sets, from its rendered parts."""
    page.content = "\n".join(part.content for part in parts)
    page.toc = joined_toc([part.toc for part in parts])
    page._title_from_render = parts[0]._title_from_render
    page.present_anchor_ids = set().union(*(part.present_anchor_ids for part in parts))
    page.links_to_anchors = joined_links(parts)
