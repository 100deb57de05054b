"""Each figure's markup goes to Markdown's store of raw HTML whole, unparsed (issue 13: a page's
render time). A figure (svg.figure_block) is one line of HTML, often tens of KB of SVG, which
Markdown would otherwise read tag by tag only to pass it through unchanged; the print edition
holds 300 KB of it. Markdown puts the stored HTML back where it was, so the page is the same.

Only a figure standing alone at the left margin between blank lines is stored: one inside a list
or an admonition (indented) takes Markdown's usual way."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

START = '<figure class="guide-figure'
FIGURE_LINE = re.compile(r"(?<=\n\n)" + re.escape(START) + r"[ \"][^\n]*</figure>(?=\n\n)")
PRIORITY = 25  # before MkDocs' raw-HTML reading (21) and Markdown's HTML blocks (20)


class FigureStash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if START not in text:
            return lines
        stored = FIGURE_LINE.sub(lambda figure: self.md.htmlStash.store(figure.group(0)), f"\n\n{text}\n\n")
        return stored[2:-2].split("\n")


class FigureStashExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(FigureStash(md), "guide_figure_stash", PRIORITY)

    def __str__(self) -> str:
        """The render cache's key holds it: the same in every process, new when this file changes."""
        return f"{__name__}.{type(self).__name__} {CODE}"


CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
