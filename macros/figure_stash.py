"""Each figure's markup goes to Markdown's store of raw HTML whole, unparsed (issue 13: a page's
render time). A figure (svg.figure_block) is one line of HTML, often tens of KB of SVG, which
Markdown would otherwise read tag by tag only to pass it through unchanged; the print edition
holds 300 KB of it. Markdown puts the stored HTML back where it was, so the page is the same.

Only a figure standing alone at the left margin between blank lines is stored: one inside a list
or an admonition (indented) takes Markdown's usual way. The stored figures' ids are handed to
MkDocs' note of the page's anchors, so a link to a figure still passes the strict build's check."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

START = '<figure class="guide-figure'
FIGURE_LINE = re.compile(r"(?<=\n\n)" + re.escape(START) + r"[ \"][^\n]*</figure>(?=\n\n)")
ID = re.compile(r'\sid="([^"]*)"')
PRIORITY = 25  # before MkDocs' raw-HTML reading (21) and Markdown's HTML blocks (20)
MKDOCS_ANCHORS = "mkdocs_raw_html"  # MkDocs' preprocessor that notes the ids in a page's raw HTML
IDS_PRIORITY = 20.5  # just after it


class FigureStash(Preprocessor):
    def __init__(self, md: Markdown):
        super().__init__(md)
        self.ids: set[str] = set()  # of the figures stored from the page being converted

    def run(self, lines: list[str]) -> list[str]:
        self.ids = set()
        text = "\n".join(lines)
        if START not in text:
            return lines
        stored = FIGURE_LINE.sub(self.store, f"\n\n{text}\n\n")
        return stored[2:-2].split("\n")

    def store(self, figure: re.Match) -> str:
        self.ids.update(ID.findall(figure.group(0)))
        return self.md.htmlStash.store(figure.group(0))


class FigureIds(Preprocessor):
    """Adds the stored figures' ids to those MkDocs found in the page's raw HTML."""

    def __init__(self, md: Markdown, stash: FigureStash):
        super().__init__(md)
        self.stash = stash

    def run(self, lines: list[str]) -> list[str]:
        if MKDOCS_ANCHORS in self.md.preprocessors:
            found = getattr(self.md.preprocessors[MKDOCS_ANCHORS], "present_anchor_ids", None)
            if isinstance(found, set):
                found.update(self.stash.ids)
        return lines


class FigureStashExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        stash = FigureStash(md)
        md.preprocessors.register(stash, "guide_figure_stash", PRIORITY)
        md.preprocessors.register(FigureIds(md, stash), "guide_figure_ids", IDS_PRIORITY)

    def __str__(self) -> str:
        """The render cache's key holds it: the same in every process, new when this file changes."""
        return f"{__name__}.{type(self).__name__} {CODE}"


CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
