"""Hover texts put into a page's HTML after Markdown, so a definition edit leaves pages' Markdown alone.

A link to an entry and a glossary tooltip carry a mark, ⟦glossary/abstention⟧, where the
entry's one-line text goes (title="..."); macros/hooks.py fills the marks in each page's HTML
(links.hover_texts gives the texts). Editing a `short:` line then changes no chapter's
Markdown, and while serving, the chapters' cached renders (macros/render_cache.py) are reused.
"""
from __future__ import annotations

import re

from markdown.serializers import RE_AMP

from .errors import GuideError

# A mark is filled only as a whole title="..." value: a page that shows one as text keeps it.
MARK = re.compile(r'(?<= title=")⟦[a-z]+/[^⟦⟧\s"]+⟧(?=")')


def mark(collection: str, entry_id: str) -> str:
    """The placeholder for an entry's hover text: letters Markdown leaves as they are."""
    return f"⟦{collection}/{entry_id}⟧"


def hover_token(collection: str, entry_id: str) -> str:
    """What a page records as read for showing the entry's hover text (macros/incremental.py)."""
    return f"hover:{collection}:{entry_id}"


def attribute_text(text: str) -> str:
    """text (already made safe by text.hover, so no quotes or <>) as Markdown writes it inside
    title="...": with Markdown's own rule for '&' (escaped unless it starts an entity)."""
    return RE_AMP.sub("&amp;", text)


def fill(html: str, texts: dict[str, str], page: str = "") -> str:
    """Every title="mark" in html given its text (texts: mark -> attribute-ready text)."""
    if "⟦" not in html:
        return html

    def text_of(found: re.Match) -> str:
        if found.group() not in texts:
            raise GuideError(f"docs/{page}: no hover text for {found.group()}: no such entry in data/ "
                             "(a page kept from before it was removed? build with GUIDE_CACHE=off)")
        return texts[found.group()]
    return MARK.sub(text_of, html)
