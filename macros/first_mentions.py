"""Link and tooltip at first mention only, applied to a page's HTML after Markdown.

- first_terms_only: Python-Markdown's abbr extension marks every occurrence of a glossary
  term; keep the tooltip (dotted underline) on the first use of each term and show later
  uses as plain text. A term inside a link gets no tooltip: the link has its own hover text.
  (docs/assets/js/guide.js makes the first <abbr> of each term outside links a tab stop.)
- unlink_repeats: within one h2 section, keep the first link to each page or entry of the
  guide and show repeats as plain text. Links to other sites (sources) are left alone.
"""
from __future__ import annotations

import functools
import re

TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
TAG_NAME = re.compile(r"</?([A-Za-z][\w-]*)")
ATTRIBUTE = r"""\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)')"""


def tokens(html: str) -> list[str]:
    """The HTML as alternating text and tags; joining them gives the HTML back."""
    parts, start = [], 0
    for match in TAG.finditer(html):
        parts += [html[start:match.start()], match.group()]
        start = match.end()
    parts.append(html[start:])
    return parts


def tag_name(token: str) -> str | None:
    """'a' for '<a href=...>' and '</a>'; None for text, comments and doctypes."""
    match = TAG_NAME.match(token)
    return match.group(1).lower() if match else None


def is_closing(token: str) -> bool:
    return token.startswith("</")


def attribute(tag: str, name: str) -> str | None:
    match = re.search(ATTRIBUTE.format(name=re.escape(name)), tag)
    return None if match is None else (match.group(1) if match.group(1) is not None else match.group(2))


@functools.lru_cache(maxsize=32)  # under `mkdocs serve`, a page rebuilt with the same render
def first_terms_only(html: str) -> str:
    """Keep the first <abbr> outside links for each tooltip (its hover mark, one per entry:
    macros/hover_marks.py); unwrap the others. A term inside a link to its own glossary
    entry (the same mark) counts as its first use."""
    if "<abbr" not in html:  # most pages: nothing to do
        return html
    seen: set[str] = set()
    out: list[str] = []
    link_title: str | None = None  # None outside links
    unwrapping = False
    for token in tokens(html):
        name = tag_name(token)
        if name == "a":
            link_title = None if is_closing(token) else attribute(token, "title") or ""
        elif name == "abbr":
            if is_closing(token):
                if unwrapping:
                    unwrapping = False
                    continue
            else:
                title = attribute(token, "title") or ""
                if link_title is not None or title in seen:
                    if link_title == title:
                        seen.add(title)
                    unwrapping = True
                    continue
                seen.add(title)
        out.append(token)
    return "".join(out)


def is_guide_link(href: str) -> bool:
    """A relative link to another page of the guide (not a source, not a same-page anchor)."""
    return bool(href) and not href.startswith(("#", "mailto:")) and "://" not in href


@functools.lru_cache(maxsize=32)
def unlink_repeats(html: str) -> str:
    """Per h2 section: the first link to each guide target stays, repeats become text."""
    seen: set[str] = set()
    out: list[str] = []
    unwrapping = False
    for token in tokens(html):
        name = tag_name(token)
        if name == "h2" and not is_closing(token):
            seen = set()
        elif name == "a":
            if is_closing(token):
                if unwrapping:
                    unwrapping = False
                    continue
            else:
                href = attribute(token, "href") or ""
                if is_guide_link(href):
                    if href in seen:
                        unwrapping = True
                        continue
                    seen.add(href)
        out.append(token)
    return "".join(out)
