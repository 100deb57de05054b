"""Relative .md links to profiles, terms, chapters, themes and places."""
from __future__ import annotations

import posixpath

from .errors import GuideError
from .model import did_you_mean
from .text import plain

PAGES = {
    "people": "reference/people.md",
    "bodies": "reference/bodies.md",
    "glossary": "reference/glossary.md",
    "themes": "reference/themes.md",
    "places": "reference/places.md",
    "predictions": "reference/predictions.md",
}
KIND_NAMES = {
    "people": "person or body",
    "bodies": "person or body",
    "glossary": "glossary term",
    "themes": "theme",
    "places": "place",
    "chapters": "chapter",
}


def chapter_path(chapter: dict) -> str:
    return f"chapters/{chapter['number']:02d}-{chapter['id']}.md"


def relative(from_page: str, target: str) -> str:
    """Path to target (docs-relative, may carry #anchor) as seen from from_page."""
    path, _, anchor = target.partition("#")
    href = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return f"{href}#{anchor}" if anchor else href


def md_link(text: str, href: str, title: str | None = None) -> str:
    label = str(text).replace("[", "\\[").replace("]", "\\]")
    if not title:
        return f"[{label}]({href})"
    hover = plain(title).replace("{", "(").replace("}", ")")
    return f'[{label}]({href}){{ title="{hover}" }}'


def unknown(kind: str, wanted: str, known, page: str) -> GuideError:
    hint = did_you_mean(wanted, known) or " see the ids in data/ (CONTRIBUTING.md explains where each kind lives)."
    return GuideError(f"unknown {KIND_NAMES[kind]} '{wanted}' in docs/{page};{hint}")


def entry_target(collection: str, entry_id: str) -> str:
    return f"{PAGES[collection]}#{entry_id}"


def link_to_entry(collection: str, entry: dict, from_page: str, text: str | None = None, hover: bool = True) -> str:
    """hover=False for repeated cross-links: every hover text costs the theme's script time."""
    label = text or entry.get("name") or entry.get("term")
    title = entry.get("short") or entry.get("description") or entry.get("in_the_article")
    return md_link(label, relative(from_page, entry_target(collection, entry["id"])), title if hover else None)


def link_to_chapter(chapter: dict, from_page: str, text: str | None = None, hover: bool = True) -> str:
    label = text or f"Chapter {chapter['number']}: {chapter['title']}"
    return md_link(label, relative(from_page, chapter_path(chapter)), chapter["summary"] if hover else None)
