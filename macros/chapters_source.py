"""Read the chapter pages and compute what they contain: mentions, reading time, key points."""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GuideError
from .figure_cache import cached_value
from .links import chapter_path
from .model import display_label

WORDS_PER_MINUTE = 200
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
MACRO_CALL = re.compile(r"\b(who|term|place)\(\s*[\"']([^\"']+)[\"']")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HTML_TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][\w'’-]*")
MENTION_KINDS = {"who": ("people", "bodies"), "term": ("glossary",), "place": ("places",)}


@dataclass
class ChapterSource:
    """One chapter page as written, with what was computed from it."""

    chapter_id: str
    markdown: str
    mentions: dict[str, set[str]] = field(default_factory=dict)

    @property
    def prose(self) -> str:
        return prose_of(self.markdown)

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.prose)


def prose_of(markdown: str) -> str:
    """The words a reader reads: no front matter, macros, link targets or tags."""
    text = FRONT_MATTER.sub("", markdown)
    text = MACRO.sub(" ", text)
    text = LINK_TARGET.sub("]", text)
    return HTML_TAG.sub(" ", text)


def reading_minutes(prose: str) -> int:
    return max(1, math.ceil(len(WORD.findall(prose)) / WORDS_PER_MINUTE))


def name_variants(names) -> list[str]:
    """Each name as written plus with a capital first letter (sentence starts)."""
    variants = []
    for name in names:
        for variant in (name, name[:1].upper() + name[1:]):
            if variant and variant not in variants:
                variants.append(variant)
    return variants


def names_of(entry: dict) -> list[str]:
    label = display_label(entry)
    return name_variants([label, *(entry.get("aliases") or [])])


def name_pattern(names) -> re.Pattern:
    return compiled_names(tuple(names))


@functools.cache
def compiled_names(names: tuple[str, ...]) -> re.Pattern:
    alternatives = sorted({re.escape(n) for n in names}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


@functools.cache
def label_pattern(label: str, aliases: tuple[str, ...]) -> re.Pattern:
    """Compiled once per entry's names: the timeline alone asks thousands of times."""
    return name_pattern(name_variants([label, *aliases]))


def entry_pattern(entry: dict) -> re.Pattern:
    return label_pattern(display_label(entry), tuple(entry.get("aliases") or ()))


def find_mentions(markdown: str, entries: list[dict]) -> set[str]:
    """Ids of entries named in the text by name or alias."""
    prose = prose_of(markdown)
    return {entry["id"] for entry in entries
            if names_in(prose, display_label(entry), tuple(entry.get("aliases") or ()))}


def find_macro_ids(markdown: str) -> dict[str, set[str]]:
    """{'who': {...}, 'term': {...}, 'place': {...}} named in macro calls."""
    found: dict[str, set[str]] = {name: set() for name in MENTION_KINDS}
    for macro, entry_id in MACRO_CALL.findall(markdown):
        found[macro].add(entry_id)
    return found


def compute_mentions(markdown: str, collections: dict[str, list[dict]]) -> dict[str, set[str]]:
    """Per collection (people, bodies, glossary, places): ids the chapter mentions."""
    by_macro = find_macro_ids(markdown)
    mentions = {}
    for macro, names in MENTION_KINDS.items():
        for name in names:
            named = tuple((e["id"], display_label(e), tuple(e.get("aliases") or ())) for e in collections[name])
            by_name = names_found(markdown, named)
            mentions[name] = set(by_name) | (by_macro[macro] & {i for i, _, _ in named})
    return mentions


@functools.lru_cache(maxsize=256)
def names_found(markdown: str, named: tuple[tuple[str, str, tuple[str, ...]], ...]) -> frozenset[str]:
    """mentions_by_name, kept in memory (under `mkdocs serve`, an edit to one chapter or to a
    glossary entry's text leaves the other chapters' names alone) and on the disk between builds."""
    return cached_value(mentions_by_name, markdown, named)


def mentions_by_name(markdown: str, named: tuple[tuple[str, str, tuple[str, ...]], ...]) -> frozenset[str]:
    """Ids of the (id, label, aliases) the text names."""
    prose = prose_of(markdown)
    return frozenset(entry_id for entry_id, label, aliases in named if names_in(prose, label, aliases))


def names_in(prose: str, label: str, aliases: tuple[str, ...]) -> bool:
    """Whether the text names the entry; most entries fail the quick test (no name in it at all)."""
    return any(name in prose for name in name_variants([label, *aliases])) and bool(
        label_pattern(label, aliases).search(prose))


def read_chapters(docs_dir: Path, chapters: list[dict], collections: dict[str, list[dict]]) -> dict[str, ChapterSource]:
    """Every chapter in data/chapters.yml must have its page, and every page its entry."""
    expected = {chapter_path(c): c for c in chapters}
    present = {f"chapters/{p.name}" for p in (docs_dir / "chapters").glob("*.md")}
    problems = [
        f"data/chapters.yml, chapter {c['number']} ({c['id']}): page docs/{path} is missing; create it or fix the number/id."
        for path, c in expected.items() if path not in present
    ] + [
        f"docs/{path}: no entry in data/chapters.yml; name the file NN-id.md after a chapter's number and id."
        for path in sorted(present - set(expected))
    ]
    if problems:
        raise GuideError("Chapter pages and data/chapters.yml disagree:\n  " + "\n  ".join(problems))
    sources = {}
    for path, chapter in expected.items():
        markdown = (docs_dir / path).read_text(encoding="utf-8")
        sources[chapter["id"]] = ChapterSource(chapter["id"], markdown, compute_mentions(markdown, collections))
    return sources


def section_items(markdown: str, heading: str) -> list[str]:
    """The bullet items under '## heading' (e.g. the 'In brief' key points)."""
    match = re.search(rf"^## {re.escape(heading)}\s*\n(.*?)(?=^## |\Z)", markdown, re.S | re.M)
    if not match:
        return []
    return [line[2:].strip() for line in match.group(1).splitlines() if line.startswith("- ")]
