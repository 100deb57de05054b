"""Relative .md links to chapters and to entries on the reference pages."""
from __future__ import annotations

import functools
import posixpath
import re

from .errors import GuideError
from .hover_marks import attribute_text, mark
from .model import ENTRY_NOUNS, TOOLTIP_MAX_WORDS, display_label
from .text import hover, link_label, plain
from .validation import did_you_mean

# The page each collection's entries live on; every entry has an anchor named by its id. People
# and bodies each have a page of their own (PROFILE_FOLDERS); their PAGES entry is the index.
PAGES = {
    "people": "reference/people.md",
    "bodies": "reference/bodies.md",
    "glossary": "reference/glossary.md",
    "themes": "reference/themes.md",
    "places": "reference/places.md",
    "predictions": "reference/predictions.md",
    "timeline": "reference/timeline.md",
    "figures": "reference/figures.md",
    "corrections": "corrections.md",
}


def chapter_path(chapter: dict) -> str:
    """The one place a chapter's page path is made: chapters/NN-id.md."""
    return f"chapters/{chapter['number']:02d}-{chapter['id']}.md"


@functools.lru_cache(maxsize=65536)  # a build asks for the same few hundred links again and again
def relative(from_page: str, target: str) -> str:
    """Path to target (docs-relative, may carry #anchor) as seen from from_page."""
    path, _, anchor = target.partition("#")
    if not path:
        return f"#{anchor}"
    href = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return f"{href}#{anchor}" if anchor else href


# MkDocs' use_directory_urls, set from the configuration at the start of each build
# (macros/__init__.py): the offline edition (mkdocs.offline.yml) builds file URLs.
DIRECTORY_URLS = True


def page_url(page: str, directory_urls: bool | None = None) -> str:
    """The built address of a docs page: reference/places.md -> reference/places/ (directory
    URLs) or reference/places.html (file URLs, as in the offline edition)."""
    stem = page[: -len(".md")]
    if not (DIRECTORY_URLS if directory_urls is None else directory_urls):
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def built_href(from_page: str, target: str, directory_urls: bool | None = None) -> str:
    """An href for raw HTML (SVG figures), where MkDocs does not rewrite .md links:
    target is docs-relative with an optional #anchor; the result is relative to the built page.
    The build's link test (tests/test_site.py) checks every one of them resolves."""
    path, _, anchor = target.partition("#")
    if not path or path == from_page:
        return f"#{anchor}"
    here, there = page_url(from_page, directory_urls), page_url(path, directory_urls)
    if there.endswith(".html"):
        href = posixpath.relpath(there, posixpath.dirname(here) or ".")
    else:
        href = posixpath.relpath(there or ".", here or ".") + "/"
    return f"{href}#{anchor}" if anchor else href


def md_link(text, href: str, title=None) -> str:
    """[text](href){ title="..." } with the text escaped; no title when title is empty."""
    if not title:
        return f"[{link_label(text)}]({href})"
    return f'[{link_label(text)}]({href}){{ title="{hover(title)}" }}'


def source_links(sources) -> str:
    """'[Title](url), [Title](url)' for a list of {title, url}."""
    return ", ".join(md_link(s["title"], s["url"]) for s in sources or [])


def unknown(collection: str, wanted: str, known, page: str) -> GuideError:
    hint = did_you_mean(wanted, known) or " see the ids in data/ (CONTRIBUTING.md explains where each kind lives)."
    return GuideError(f"unknown {ENTRY_NOUNS[collection]} '{wanted}' in docs/{page};{hint}")


PROFILE_FOLDERS = {"people": "reference/people", "bodies": "reference/bodies"}


def entry_target(collection: str, entry_id: str) -> str:
    """Where an entry lives: its own page for people and bodies, else its anchor on PAGES's page."""
    if collection in PROFILE_FOLDERS:
        return f"{PROFILE_FOLDERS[collection]}/{entry_id}.md"
    return f"{PAGES[collection]}#{entry_id}"


# A sentence ends at . ! or ? before a capital or a quote, but not inside "U.S." or "D.C.".
SENTENCE_END = re.compile(r"(?<![A-Z]\.[A-Z]\.)(?<=[.!?])\s+(?=[A-Z\"“‘'(])")
CLAUSE_END = re.compile(r"[:;]\s")


def one_sentence(text: str, max_words: int = TOOLTIP_MAX_WORDS) -> str:
    """The first sentence of a longer text, for hover text; a long one is cut at its first
    colon or semicolon, then at max_words."""
    sentence = SENTENCE_END.split(plain(text), 1)[0]
    if len(sentence.split()) > max_words:
        sentence = CLAUSE_END.split(sentence, 1)[0].rstrip(".") + "."
    words = sentence.split()
    return sentence if len(words) <= max_words else " ".join(words[:max_words]) + "…"


def entry_hover(entry: dict) -> str | None:
    """One short sentence: an entry's `short` line, else the first sentence of its description."""
    if entry.get("short"):
        return entry["short"]
    longer = entry.get("description") or entry.get("in_the_article")
    return one_sentence(longer) if longer else None


def hover_texts(by_id: dict[str, dict[str, dict]]) -> dict[str, str]:
    """Each entry's hover mark -> its hover text as it goes into the page (macros/hover_marks.py)."""
    return {mark(collection, entry_id): attribute_text(hover(text))
            for collection, entries in by_id.items() for entry_id, entry in entries.items()
            if (text := entry_hover(entry))}


def link_to_entry(collection: str, entry: dict, from_page: str, text=None, hover_text: bool = True) -> str:
    """hover_text=False for repeated cross-links: every hover text costs script time. The hover
    text is a mark, filled in after Markdown (macros/hover_marks.py)."""
    label = text or display_label(entry)
    title = mark(collection, entry["id"]) if hover_text and entry_hover(entry) else None
    return md_link(label, relative(from_page, entry_target(collection, entry["id"])), title)


def link_to_chapter(chapter: dict, from_page: str, text=None, hover_text: bool = True) -> str:
    label = text or f"Chapter {chapter['number']}: {chapter['title']}"
    return md_link(label, relative(from_page, chapter_path(chapter)), chapter["summary"] if hover_text else None)
