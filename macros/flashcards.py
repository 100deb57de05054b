"""Flashcard decks built from the guide's data, and the plain list that shows them.

build_cards() turns data into cards; build_decks() groups their ids into decks (glossary,
people and bodies, key figures, one per chapter); render_flashcards() writes the page: a
mount for the reviewer and every card as a plain list, which is what readers without
JavaScript see and what docs/assets/js/flashcards.js reads to schedule reviews (FSRS, through
the vendored ts-fsrs). Card ids are stable (kind:entry-id), so a reader's history survives
edits to a card's wording. A card may sit in several decks (a key term is in the glossary
deck and in its chapter's deck) and has one schedule.
"""
from __future__ import annotations

import re

from .svg import esc
from .text import plain, safe

GLOSSARY_DECK = "glossary"
PEOPLE_DECK = "people"
FIGURES_DECK = "figures"
DECK_TITLES = {GLOSSARY_DECK: "Glossary terms", PEOPLE_DECK: "People and bodies", FIGURES_DECK: "Key figures"}
KIND_LABELS = {"term": "Term", "person": "Person", "body": "Party, body or agreement", "figure": "Key figure",
               "argument": "Chapter argument", "points": "Chapter key points"}
NEW_PER_DAY = 20  # new cards a reader is offered a day (the reviewer's default)


LINK_ATTRIBUTES = re.compile(r"(?<=\))\{:?[^{}\n]*\}")  # [text](href){ title="..." } from the link macros


def point_text(markdown: str) -> str:
    """An In brief bullet (macros rendered: links with attribute lists) as plain text."""
    return plain(LINK_ATTRIBUTES.sub("", markdown))


def chapter_deck(chapter: dict) -> str:
    return f"chapter-{chapter['id']}"


def chapter_name(chapter: dict) -> str:
    return f"Chapter {chapter['number']}: {plain(chapter['title'])}"


def card(card_id: str, kind: str, front: str, back: list[str], decks: list[str]) -> dict:
    return {"id": card_id, "kind": kind, "front": front, "back": back, "decks": decks}


def glossary_cards(glossary: list[dict], chapters: list[dict]) -> list[dict]:
    """Term -> short definition; also in the deck of each chapter that lists it in key_terms."""
    return [card(f"term:{e['id']}", "term", plain(e["term"]), [plain(e["short"])],
                 [GLOSSARY_DECK, *(chapter_deck(c) for c in chapters if e["id"] in (c.get("key_terms") or []))])
            for e in glossary]


def profile_cards(people: list[dict], bodies: list[dict]) -> list[dict]:
    """Name -> who or what it is (the hover text of its links)."""
    return [card(f"who:{e['id']}", "person" if e["kind"] == "person" else "body", plain(e["name"]),
                 [plain(e["short"])], [PEOPLE_DECK])
            for e in [*people, *bodies]]


def figure_cards(figures: list[dict], chapters_by_id: dict[str, dict]) -> list[dict]:
    """What a number measures -> the number and why it matters. The essay's figures only."""
    cards = []
    for f in figures:
        if not f["in_article"]:
            continue
        decks = [FIGURES_DECK] + ([chapter_deck(chapters_by_id[f["chapter"]])] if f.get("chapter") in chapters_by_id else [])
        cards.append(card(f"figure:{f['id']}", "figure", f"{plain(f['measures'])} ({plain(f['year'])})",
                          [plain(f["value"]), plain(f["why"])], decks))
    return cards


def chapter_cards(chapter: dict, key_points: list[str]) -> list[dict]:
    """The chapter's step in the argument (data) and its key points (the page's In brief bullets)."""
    name = chapter_name(chapter)
    cards = [card(f"chapter:{chapter['id']}:argument", "argument",
                  f"{name}. What step does this section add to Leiken's argument?",
                  [plain(chapter["argument"])], [chapter_deck(chapter)])]
    if key_points:
        cards.append(card(f"chapter:{chapter['id']}:points", "points", f"{name}. What are its key points?",
                          [point_text(p) for p in key_points], [chapter_deck(chapter)]))
    return cards


def build_cards(collections: dict[str, list[dict]], key_points: dict[str, list[str]]) -> list[dict]:
    """Every card, in deck order. key_points: chapter id -> its In brief bullets (macros rendered)."""
    chapters = sorted(collections["chapters"], key=lambda c: c["number"])
    by_id = {c["id"]: c for c in chapters}
    cards = glossary_cards(collections["glossary"], chapters)
    cards += profile_cards(collections["people"], collections["bodies"])
    cards += figure_cards(collections["figures"], by_id)
    for chapter in chapters:
        cards += chapter_cards(chapter, key_points.get(chapter["id"], []))
    return cards


def build_decks(cards: list[dict], chapters: list[dict]) -> list[dict]:
    """[{id, title, cards: [card ids]}]: the three reference decks, then one per chapter."""
    titles = {**DECK_TITLES, **{chapter_deck(c): chapter_name(c) for c in sorted(chapters, key=lambda c: c["number"])}}
    return [{"id": deck, "title": title, "cards": [c["id"] for c in cards if deck in c["decks"]]}
            for deck, title in titles.items()]


def dom_id(card_id: str) -> str:
    return "card-" + card_id.replace(":", "-")


def render_card(c: dict) -> str:
    back = c["back"]
    if c["kind"] == "points":
        answer = "<ul>" + "".join(f"<li>{esc(p)}</li>" for p in back) + "</ul>"
    else:
        answer = "".join(f"<p>{esc(p)}</p>" for p in back)
    return (f'<div class="flashcard" id="{esc(dom_id(c["id"]))}" data-card="{esc(c["id"])}" '
            f'data-decks="{esc(" ".join(c["decks"]))}"><dt><span class="flashcard__kind">'
            f'{esc(KIND_LABELS[c["kind"]])}</span> <span class="flashcard__front">{esc(c["front"])}</span></dt>'
            f'<dd class="flashcard__back">{answer}</dd></div>')


def render_review(card_count: int) -> str:
    """Where flashcards.js builds the reviewer; without JavaScript, a pointer to the list."""
    return (f'<div class="flashcards-review" data-flashcards data-card-count="{card_count}" '
            f'data-new-per-day="{NEW_PER_DAY}" data-search-exclude>'
            '<p class="flashcards-review__nojs">The review needs JavaScript. Every card is listed below: '
            'cover the answer, say it, then check.</p></div>')


def render_flashcards(cards: list[dict], decks: list[dict]) -> str:
    """The reviewer's mount, then each deck as a heading and a list of its cards. A card is
    listed once, in the first of its decks; the others name it through data-decks."""
    by_id = {c["id"]: c for c in cards}
    listed: set[str] = set()
    parts = [render_review(len(cards)), "## All the cards { #all-cards }"]
    for deck in decks:
        own = [by_id[i] for i in deck["cards"] if i not in listed]
        listed.update(c["id"] for c in own)
        shared = len(deck["cards"]) - len(own)
        count = f"{len(deck['cards'])} card{'s' if len(deck['cards']) != 1 else ''}"
        parts.append(f"### {safe(deck['title'])} ({count}) {{ #deck-{deck['id']} }}")
        if shared:
            parts.append(f"This deck also holds {shared} card{'s' if shared != 1 else ''} listed under an earlier deck "
                         "(the chapter's key terms and figures).")
        if own:
            parts.append(f'<dl class="flashcards-list" data-deck="{esc(deck["id"])}" data-deck-title="{esc(deck["title"])}">'
                         + "".join(render_card(c) for c in own) + "</dl>")
        else:
            parts.append(f'<div data-deck="{esc(deck["id"])}" data-deck-title="{esc(deck["title"])}"></div>')
    return "\n\n".join(parts)
