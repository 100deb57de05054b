"""A "Jump to" list of a long page's h2 sections, added under its title (see macros/hooks.py).

A page is long when its text runs past LONG_PAGE_WORDS words (about five minutes of
reading, several screens on a phone) and it has at least two h2 sections. A page that
carries its own index (the glossary's A-Z bar, a who's-who table) gets none.
"""
from __future__ import annotations

import re

LONG_PAGE_WORDS = 1000
OWN_INDEX = re.compile(r'class="(?:az-bar|whos-who)"')
H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")
H1_END = "</h1>"


def sections(html: str) -> list[tuple[str, str]]:
    """(anchor, heading text as HTML without tags) of every h2, in order."""
    return [(anchor, TAG.sub("", PERMALINK.sub("", inner)).strip()) for anchor, inner in H2.findall(html)]


def word_count(html: str) -> int:
    return len(TAG.sub(" ", html).split())


def is_long(html: str) -> bool:
    return word_count(html) > LONG_PAGE_WORDS and len(sections(html)) >= 2 and not OWN_INDEX.search(html)


def render_jump_to(found: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="#{anchor}">{text}</a></li>' for anchor, text in found)
    return f'<nav class="jump-to" aria-label="Jump to a section"><span>Jump to:</span> <ul>{items}</ul></nav>'


def add_jump_to(html: str) -> str:
    """The page with a jump-to list under its h1 (or at the top), if the page is long."""
    if not is_long(html):
        return html
    nav = render_jump_to(sections(html))
    at = html.find(H1_END)
    if at < 0:
        return nav + "\n" + html
    at += len(H1_END)
    return html[:at] + "\n" + nav + html[at:]
