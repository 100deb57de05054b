"""The search index after Material's search plugin has written it (called by hooks.py).

Pure functions: the index as a dict ({"config": ..., "docs": [{location, title, text}]}) in,
the index out. Material's search (lunr) splits titles and texts into words at
config["separator"] and matches each typed word as the start of an indexed word.

- One result per entry: glossary terms, places and timeline events get a doc each, at the
  entry's anchor, instead of one per letter block or one for a whole table. Entries the
  chapters name more often rank a little higher (a doc "boost").
- Accents do not matter: each doc gets, in extra fields searched like its title and text, the
  unaccented form of its accented words ("Castañeda" -> castaneda) and the accented form of its
  plain words that the site spells with accents somewhere ("Mexico" -> méxico), so a word
  typed either way finds the same docs.
- Words people type that a page does not use, and the other names of entries ("NAFTA",
  "Castaneda"), are given to it as keywords, searched like a title. A page's keywords are set
  in its front matter (`search: keywords: [answer key]`).
- Pages kept out of the full-text index (`search: exclude: true`) are found by a small card:
  their title and their front-matter description.
- "Sources: ..." lists (titles of cited articles) are left out.
"""
from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable

from .links import PAGES, entry_target
from .model import PLACE_KIND_LABELS, display_label
from .text import display_date, plain

TITLE_VARIANTS, TEXT_VARIANTS, KEYWORDS = "title_variants", "text_variants", "keywords"
# Extra fields: searched like a title (or a text), never shown in the results.
EXTRA_FIELDS = {TITLE_VARIANTS: "title", TEXT_VARIANTS: "text", KEYWORDS: "title"}
# Sections whose heading does not say what readers call them (the chapter quizzes).
SECTION_KEYWORDS = {"check-your-understanding": "quiz"}
ENTRY_PAGES = ("glossary", "places", "timeline")
BOOSTED = ALIASED = ("people", "bodies", "glossary", "places")

TAG = re.compile(r"<[^>]*>")
LEADING_LETTERS = re.compile(r"[^\W\d_]+")  # a run of letters, accented or not
FIRST_PARAGRAPH = re.compile(r"^\s*(<p>.*?</p>)", re.S)
SOURCE_LIST = re.compile(r"\s*<(p|li)>(?:<(?:em|strong)>)?Sources?:.*?</\1>", re.S)  # profiles, forecasts, corrections


# -- accents ------------------------------------------------------------------------
@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """'Castañeda' -> 'Castaneda': accents and other combining marks dropped."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=8192)  # under `mkdocs serve`, the pages not edited give the same texts
def words(markup: str, separator: str) -> frozenset[str]:
    """The words a typed word can reach: each lower-case token's leading letters
    ('castañeda's' -> 'castañeda'), tags left out, as Material's tokenizer does."""
    match = LEADING_LETTERS.match
    return frozenset(m.group() for token in re.split(separator, TAG.sub(" ", markup).lower()) if (m := match(token)))


def spellings_of(word_sets: list[frozenset[str]]) -> dict[str, set[str]]:
    """Plain form -> the accented spellings among the words: 'mexico' -> {'méxico'}."""
    found: dict[str, set[str]] = {}
    for word_set in word_sets:
        for word in accented_in(word_set):
            found.setdefault(fold(word), set()).add(word)
    return found


@functools.lru_cache(maxsize=8192)  # the word sets words() keeps: a page not edited is not read again
def accented_in(word_set: frozenset[str]) -> frozenset[str]:
    return frozenset(word for word in word_set if fold(word) != word)


def word_variants(word: str, spellings: dict[str, set[str]], known: dict | None = None) -> set[str]:
    """One word's other spellings: the plain form of an accented word, and the accented words
    whose plain form starts a plain one ('american' -> américa), since a typed word finds every
    word it starts; known: a cache shared across docs."""
    if known is not None and word in known:
        return known[word]
    found = {fold(word)} - {word}
    for end in range(1, len(word) + 1):
        found |= spellings.get(word[:end], set())
    if known is not None:
        known[word] = found
    return found


def add_spelling_variants(index: dict) -> dict:
    """title_variants / text_variants on each doc that has any."""
    separator = index["config"]["separator"]
    fields = ((TITLE_VARIANTS, "title"), (TEXT_VARIANTS, "text"))
    doc_words = [{source: words(doc.get(source, ""), separator) for _, source in fields} for doc in index["docs"]]
    spellings = spellings_of([own[source] for own in doc_words for _, source in fields])
    known: dict[str, set[str]] = {}
    if _LAST_VARIANTS["spellings"] != spellings:  # under `mkdocs serve`: kept while the spellings stay
        _LAST_VARIANTS.update(spellings=spellings, found={})
    done: dict[frozenset[str], str] = _LAST_VARIANTS["found"]
    docs = []
    for doc, own_words in zip(index["docs"], doc_words, strict=True):
        doc = dict(doc)
        for field, source in fields:
            own = own_words[source]
            if own not in done:
                other: set[str] = set()
                for word in own:
                    other |= word_variants(word, spellings, known)
                done[own] = " ".join(sorted(other - own))
            if done[own]:
                doc[field] = done[own]
        docs.append(doc)
    return {**index, "docs": docs}


_LAST_VARIANTS: dict = {"spellings": None, "found": {}}  # a doc's words -> their variants, for these spellings


def add_extra_fields(index: dict) -> dict:
    """Declare the extra fields, weighted like the field each stands in for."""
    fields = dict(index["config"]["fields"])
    for field, like in EXTRA_FIELDS.items():
        fields.setdefault(field, dict(fields[like]))
    return {**index, "config": {**index["config"], "fields": fields}}


# -- one result per entry -------------------------------------------------------------
def paragraph(text) -> str:
    """Data text as one paragraph of index markup (Markdown rendered to plain text, escaped)."""
    return f"<p>{html.escape(plain(text), quote=False)}</p>"


def entry_doc(page: str, anchor: str, title, *texts) -> dict:
    return {"location": f"{page}#{anchor}", "title": html.escape(plain(title), quote=False),
            "text": " ".join(paragraph(t) for t in texts if t)}


def glossary_docs(glossary: list[dict], page: str) -> list[dict]:
    return [entry_doc(page, e["id"], e["term"], e["short"], e["explanation"]) for e in glossary]


def place_docs(places: list[dict], page: str) -> list[dict]:
    return [entry_doc(page, p["id"], p["name"], f"{PLACE_KIND_LABELS[p['kind']]}. {p['in_the_article']}")
            for p in places]


def timeline_docs(events: list[dict], anchors: list[str], page: str) -> list[dict]:
    """In date order, like the table; anchors: one per event, in the order of events."""
    order = sorted(range(len(events)), key=lambda i: str(events[i]["date"]))
    return [entry_doc(page, anchors[i], display_date(events[i]["date"]), events[i]["event"]) for i in order]


def entry_docs(guide, anchors: list[str], url: Callable[[str], str]) -> dict[str, list[dict]]:
    """Page URL -> entry docs, for the pages that list entries under one heading or in a table
    (people and bodies each have a page, so a doc of their own). anchors: the timeline's."""
    page = {name: url(PAGES[name]) for name in ENTRY_PAGES}
    return {page["glossary"]: glossary_docs(guide["glossary"], page["glossary"]),
            page["places"]: place_docs(guide["places"], page["places"]),
            page["timeline"]: timeline_docs(guide["timeline"], anchors, page["timeline"])}


FIRST_SECTION = re.compile(r"<h[2-6][\s>]")


def indexed_html(src_uri: str, html: str) -> str:
    """What Material's search plugin is given of a page: all of it, except on the pages whose
    sections rebuild() replaces by entry docs, where only the part before the first section
    heading (rebuild keeps the page's first paragraph): parsing the rest was thrown away."""
    if src_uri not in {PAGES[name] for name in ENTRY_PAGES}:
        return html
    found = FIRST_SECTION.search(html)
    return html[:found.start()] if found else html


def entry_location(collection: str, entry_id: str, url: Callable[[str], str]) -> str:
    """An entry's search location: its page's URL, with #id where it shares a page."""
    page, _, anchor = entry_target(collection, entry_id).partition("#")
    return f"{url(page)}#{anchor}" if anchor else url(page)


def entry_boosts(appearances: dict[str, dict[str, set]], chapter_count: int,
                 url: Callable[[str], str]) -> dict[str, float]:
    """Entry location -> 1 + half the share of chapters that name it (1 to 1.5): of two people
    both called Castañeda, the one the essay is about comes first."""
    return {entry_location(name, entry_id, url): round(1 + len(chapters) / chapter_count / 2, 2)
            for name in BOOSTED for entry_id, chapters in appearances[name].items() if chapters}


def alias_keywords(guide, url: Callable[[str], str], separator: str) -> dict[str, str]:
    """Entry location -> the words of its other names ('NAFTA', 'Castaneda') that its name lacks,
    each once, searched like its title."""
    found = {}
    for name in ALIASED:
        for entry in guide[name]:
            title = words(display_label(entry), separator)
            extra = sorted(set().union(*(words(plain(a), separator) for a in entry.get("aliases") or [])) - title)
            if extra:
                found[entry_location(name, entry["id"], url)] = " ".join(extra)
    return found


def first_paragraph(text: str) -> str:
    found = FIRST_PARAGRAPH.match(text)
    return found.group(1) if found else ""


def replace_sections(index: dict, page: str, entries: list[dict]) -> dict:
    """The page's own doc keeps its first paragraph (the introduction); its section docs give
    way to entries, placed right after it (Material wants a page's doc before its sections)."""
    docs = []
    for doc in index["docs"]:
        location = doc["location"]
        if location == page:
            docs += [{**doc, "text": first_paragraph(doc["text"])}, *entries]
        elif not location.startswith(page + "#"):
            docs.append(doc)
    return {**index, "docs": docs}


def add_boosts(index: dict, boosts: dict[str, float]) -> dict:
    return {**index, "docs": [{**doc, "boost": boosts[doc["location"]]} if doc["location"] in boosts else doc
                              for doc in index["docs"]]}


# -- keywords, sources, cards --------------------------------------------------------------
def add_keywords(index: dict, keywords: dict[str, str]) -> dict:
    """keywords: location -> words; SECTION_KEYWORDS go to every section with that anchor."""
    docs = []
    for doc in index["docs"]:
        found = keywords.get(doc["location"]) or SECTION_KEYWORDS.get(doc["location"].partition("#")[2])
        docs.append({**doc, KEYWORDS: found} if found else doc)
    return {**index, "docs": docs}


def drop_source_lists(index: dict) -> dict:
    """'Sources: ...' paragraphs out: the titles of cited articles are the bulk of a profile or a
    forecast, and every name in a headline would be a false hit."""
    return {**index, "docs": [{**doc, "text": SOURCE_LIST.sub("", doc["text"])} for doc in index["docs"]]}


def page_card(page: str, title: str, description: str | None) -> dict:
    """A page found by its title and description only (a print edition repeats every page)."""
    text = f"<p>{html.escape(' '.join(description.split()), quote=False)}</p>" if description else ""
    return {"location": page, "title": html.escape(title, quote=False), "text": text}


def add_cards(index: dict, cards: list[dict]) -> dict:
    indexed = {doc["location"].partition("#")[0] for doc in index["docs"]}
    return {**index, "docs": index["docs"] + [c for c in cards if c["location"] not in indexed]}


# -- front matter -----------------------------------------------------------------------
def search_settings(meta: dict) -> dict:
    return meta.get("search") or {}


def excluded_page_cards(pages: dict[str, tuple[str, dict]]) -> list[dict]:
    """pages: URL -> (title, front matter). A card for each page with `search: exclude: true`."""
    return [page_card(url, title, meta.get("description"))
            for url, (title, meta) in pages.items() if search_settings(meta).get("exclude")]


def page_keywords(pages: dict[str, tuple[str, dict]]) -> dict[str, str]:
    """URL -> the words of `search: keywords: [...]` in the page's front matter."""
    found = {}
    for url, (_, meta) in pages.items():
        keywords = search_settings(meta).get("keywords")
        if keywords:
            found[url] = keywords if isinstance(keywords, str) else " ".join(map(str, keywords))
    return found


def rebuild(index: dict, entries: dict[str, list[dict]], boosts: dict[str, float], cards: list[dict],
            keywords: dict[str, str]) -> dict:
    """entries: page URL -> its entry docs; boosts: location -> doc boost; cards: docs for the
    pages kept out of the index; keywords: location -> words people type for it."""
    for page, docs in entries.items():
        index = replace_sections(index, page, docs)
    index = drop_source_lists(add_cards(add_boosts(index, boosts), cards))
    return add_extra_fields(add_keywords(add_spelling_variants(index), keywords))
