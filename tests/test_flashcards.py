"""Flashcard decks built from data (macros/flashcards.py) and the progress mounts (macros/progress.py).

The deck check compares the builder's output on small fixture data with cards written out by
hand; test_a_one_line_bug_in_deck_building_fails rewrites one line of the builder at a time
and shows the check catches each change.
"""
from __future__ import annotations

import importlib.util
import re
import sys
import types
from pathlib import Path

import pytest

from macros import chapter_page, flashcards, progress
from macros.loader import load_guide
from sample_data import CASTANEDA, CHAPTERS, CONTEXT_FIGURE, FIGURE, FOX, OTHER_TERM, PAN, TERM

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS_WITH_TERMS = [{**CHAPTERS[0], "key_terms": ["maquiladora"]}, CHAPTERS[1]]
COLLECTIONS = {"chapters": list(reversed(CHAPTERS_WITH_TERMS)), "glossary": [TERM, OTHER_TERM],
               "people": [FOX, CASTANEDA], "bodies": [PAN], "figures": [FIGURE, CONTEXT_FIGURE]}
KEY_POINTS = {"start": ['Helms came to [Mexico City](../x.md#y){ title="A city" }.', "Bush *listened*."]}

EXPECTED_CARDS = [
    {"id": "term:maquiladora", "kind": "term", "front": "maquiladora",
     "back": ["A factory assembling goods for export."], "decks": ["glossary", "chapter-start"]},
    {"id": "term:free-trade", "kind": "term", "front": "free trade", "back": ["Trade without tariffs."],
     "decks": ["glossary"]},
    {"id": "who:fox", "kind": "person", "front": "Vicente Fox", "back": ["Mexico's president."], "decks": ["people"]},
    {"id": "who:castaneda", "kind": "person", "front": "Jorge Castañeda", "back": ["Foreign minister."],
     "decks": ["people"]},
    {"id": "who:pan", "kind": "body", "front": "National Action Party", "back": ["Fox's party."], "decks": ["people"]},
    {"id": "figure:rank", "kind": "figure", "front": "Export rank (1999)", "back": ["8th", "Growth."],
     "decks": ["figures", "chapter-end"]},
    {"id": "chapter:start:argument", "kind": "argument",
     "front": "Chapter 1: Start. What step does this section add to Leiken's argument?",
     "back": ["Democracy changed Mexico."], "decks": ["chapter-start"]},
    {"id": "chapter:start:points", "kind": "points", "front": "Chapter 1: Start. What are its key points?",
     "back": ["Helms came to Mexico City.", "Bush listened."], "decks": ["chapter-start"]},
    {"id": "chapter:end:argument", "kind": "argument",
     "front": "Chapter 2: End. What step does this section add to Leiken's argument?",
     "back": ["Ideals and interests meet."], "decks": ["chapter-end"]},
]
EXPECTED_DECKS = [
    {"id": "glossary", "title": "Glossary terms", "cards": ["term:maquiladora", "term:free-trade"]},
    {"id": "people", "title": "People and bodies", "cards": ["who:fox", "who:castaneda", "who:pan"]},
    {"id": "figures", "title": "Key figures", "cards": ["figure:rank"]},
    {"id": "chapter-start", "title": "Chapter 1: Start",
     "cards": ["term:maquiladora", "chapter:start:argument", "chapter:start:points"]},
    {"id": "chapter-end", "title": "Chapter 2: End", "cards": ["figure:rank", "chapter:end:argument"]},
]


def deck_problems(module) -> list[str]:
    """What a deck builder gets wrong on the fixture data (empty when all is right)."""
    cards = module.build_cards(COLLECTIONS, KEY_POINTS)
    problems = [f"card {i}: {got!r} != {want!r}" for i, (got, want) in enumerate(zip(cards, EXPECTED_CARDS, strict=False))
                if got != want]
    if len(cards) != len(EXPECTED_CARDS):
        problems.append(f"{len(cards)} cards, expected {len(EXPECTED_CARDS)}")
    if cards == EXPECTED_CARDS and module.build_decks(cards, COLLECTIONS["chapters"]) != EXPECTED_DECKS:
        problems.append("decks differ")
    return problems


def test_decks_are_built_from_terms_people_bodies_figures_and_chapters():
    assert deck_problems(flashcards) == []


# One line each, as a slip of the keyboard would make it.
MUTATIONS = [
    ('if not f["in_article"]:', 'if f["in_article"]:'),
    ('plain(e["term"]), [plain(e["short"])]', 'plain(e["term"]), [plain(e["term"])]'),
    ('plain(e["name"]),\n                 [plain(e["short"])]', 'plain(e["name"]),\n                 []'),
    ('if e["id"] in (c.get("key_terms") or [])', 'if e["id"] not in (c.get("key_terms") or [])'),
    ('"person" if e["kind"] == "person" else "body"', '"person"'),
    ('[plain(f["value"]), plain(f["why"])]', '[plain(f["why"]), plain(f["value"])]'),
    ('return f"chapter-{chapter[\'id\']}"', 'return f"chapter-{chapter[\'number\']}"'),
    ("if key_points:", "if not key_points:"),
    ("[point_text(p) for p in key_points]", "[plain(p) for p in key_points]"),
    ('sorted(collections["chapters"], key=lambda c: c["number"])', 'collections["chapters"]'),
    ("for e in [*people, *bodies]]", "for e in people]"),
    ('"cards": [c["id"] for c in cards if deck in c["decks"]]', '"cards": [c["id"] for c in cards]'),
]


def mutant(old: str, new: str) -> types.ModuleType:
    source = (ROOT / "macros" / "flashcards.py").read_text(encoding="utf-8")
    assert source.count(old) == 1, f"mutation target not found once: {old}"
    spec = importlib.util.spec_from_loader("macros._flashcards_mutant", loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "macros"
    sys.modules[module.__name__] = module
    try:
        exec(compile(source.replace(old, new), "flashcards_mutant.py", "exec"), module.__dict__)
    finally:
        del sys.modules[module.__name__]
    return module


@pytest.mark.parametrize(("old", "new"), MUTATIONS, ids=[m[0][:40] for m in MUTATIONS])
def test_a_one_line_bug_in_deck_building_fails(old, new):
    assert deck_problems(mutant(old, new)), f"the deck check did not notice: {old} -> {new}"


def test_key_points_lose_link_attributes_and_markup():
    assert flashcards.point_text('a [b](c.md){ title="T (x)" } and *d* {kept}') == "a b and d {kept}"


def test_every_card_is_listed_once_with_its_decks_and_escaped():
    evil = {**TERM, "term": "<script>alert(1)</script>", "short": 'Say "hi" & <b>go</b>'}
    cards = flashcards.build_cards({**COLLECTIONS, "glossary": [evil, OTHER_TERM]}, KEY_POINTS)
    out = flashcards.render_flashcards(cards, flashcards.build_decks(cards, COLLECTIONS["chapters"]))
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "Say &#34;hi&#34; &amp; &lt;b&gt;go&lt;/b&gt;" in out or "Say &quot;hi&quot; &amp; &lt;b&gt;go&lt;/b&gt;" in out
    listed = re.findall(r'data-card="([^"]+)" data-decks="([^"]+)"', out)
    assert [card_id for card_id, _ in listed] == [c["id"] for c in EXPECTED_CARDS]
    assert dict(listed)["term:maquiladora"] == "glossary chapter-start"
    assert '<ul><li>Helms came to Mexico City.</li><li>Bush listened.</li></ul>' in out


def test_the_card_list_has_a_heading_per_deck_and_the_reviewer_mount():
    cards = flashcards.build_cards(COLLECTIONS, KEY_POINTS)
    out = flashcards.render_flashcards(cards, flashcards.build_decks(cards, COLLECTIONS["chapters"]))
    assert 'data-flashcards data-card-count="9"' in out
    assert "### Chapter 1: Start (3 cards) { #deck-chapter-start }" in out
    assert "This deck also holds 1 card listed under an earlier deck" in out  # maquiladora, in glossary
    for block in out.split("\n\n"):
        if block.startswith("<"):
            assert "\n" not in block, "an HTML block must stay on one line (no blank line ends it early)"


def test_card_ids_are_unique_on_the_real_data():
    guide = load_guide(ROOT / "data")
    cards = flashcards.build_cards(guide.collections, {})
    ids = [c["id"] for c in cards]
    assert len(ids) == len(set(ids))
    assert len(cards) == (len(guide["glossary"]) + len(guide["people"]) + len(guide["bodies"])
                          + sum(f["in_article"] for f in guide["figures"]) + len(guide["chapters"]))


def test_chapter_footer_ends_with_mark_as_read_and_notes():
    box = progress.render_chapter_practice(CHAPTERS[0], "chapters/01-start.md")
    footer = chapter_page.render_footer("mentions", "", "quiz", "questions", "handout", practice_md=box)
    assert footer.endswith(box) and box.startswith("## Your notes { #your-notes }")
    assert 'data-chapter-practice="start"' in box and 'aria-pressed="false">Mark as read</button>' in box
    assert '<label for="notes-start">' in box and '<textarea id="notes-start"' in box
    assert 'href="../../study/progress/#your-data"' in box
    assert "needs JavaScript" in box


def test_print_edition_footer_has_no_notes_box():
    assert "Your notes" not in chapter_page.render_footer("mentions", "", None, "questions")


def test_progress_page_lists_chapters_quizzes_and_cards():
    out = progress.render_progress(CHAPTERS, {"start": 3}, 3, 9, "study/progress.md", 15)
    assert 'data-progress data-card-count="9" data-new-per-day="15"' in out
    assert re.findall(r'<tr data-chapter="(\w+)"', out) == ["start", "end"]
    assert re.findall(r'<tr data-quiz-id="(\w+)"', out) == ["start", "essay"]  # chapter 2 has no quiz
    assert '<a href="../../chapters/01-start/">Chapter 1: Start</a>' in out
    assert '<a href="../../chapters/01-start/#check-your-understanding">' in out
    assert '<a href="../quiz/">Whole-essay quiz</a>' in out
    for action in ("export-notes", "export-all", "forget", "forget-yes", "forget-no"):
        assert f'data-action="{action}"' in out
    assert 'role="status" aria-live="polite"' in out
