"""The printable pages and the quiz CSV in one strict build of the real guide, counted against the data."""
from __future__ import annotations

import csv
import html
import io
import re

import pytest
import yaml

from conftest import ROOT
from macros.model import OPTION_LETTERS
from macros.text import plain
from test_browser import new_page, skip_search_index

PRINTABLES = "study/printables"


def load(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def page(built_site, path: str) -> str:
    return (built_site / path / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def chapters_in_order() -> list[dict]:
    return sorted(load("chapters"), key=lambda c: c["number"])


@pytest.mark.parametrize("name", ["quizzes", "answer-key", "role-cards", "debate-sheets", "score-sheets",
                                  "evidence-table", "relay-cards", "audit-worksheet"])
def test_each_printable_page_is_built_and_linked_from_the_teachers_pages(built_site, name):
    assert (built_site / PRINTABLES / name / "index.html").exists()
    assert f'href="../printables/{name}/' in page(built_site, "study/for-teachers")
    assert f'href="../printables/{name}/' in page(built_site, "study/teachers")


def test_printed_quizzes_have_every_item_with_its_options_and_no_answers(built_site):
    markup = page(built_site, f"{PRINTABLES}/quizzes")
    quizzes = load("quizzes")
    chapters = [c for c in chapters_in_order() if any(q["chapter"] == c["id"] for q in quizzes)]
    assert markup.count('<div class="printed-quiz">') == len(chapters)
    for chapter in chapters:
        items = [q for q in quizzes if q["chapter"] == chapter["id"]]
        section = markup.split(f'id="quiz-{chapter["id"]}"')[1].split('<div class="printed-quiz">')[0]
        assert section.count("<ul>") == len(items), chapter["id"]
        letters = re.findall(r"<li><strong>([A-E])\.</strong>", section)
        assert letters == [OPTION_LETTERS[i] for q in items for i in range(len(q["options"]))]
        assert f"/ {len(items)}" in section
    shown = text_of(markup)
    leaked = [o["feedback"] for q in quizzes for o in q["options"] if plain(o["feedback"])[:40] in shown]
    assert not leaked, leaked[:3]


def test_answer_key_gives_the_correct_letter_and_explanation_for_every_item(built_site):
    markup = page(built_site, f"{PRINTABLES}/answer-key")
    quizzes = load("quizzes")
    for chapter in chapters_in_order():
        items = [q for q in quizzes if q["chapter"] == chapter["id"]]
        section = markup.split(f'id="key-{chapter["id"]}"')[1].split("</table>")[0]
        rows = re.findall(r"<tr>\s*<td>(\d+)</td>\s*<td><strong>([A-E])\.</strong>", section)
        expected = [(str(n), OPTION_LETTERS[next(i for i, o in enumerate(q["options"]) if o["correct"])])
                    for n, q in enumerate(items, start=1)]
        assert rows == expected, chapter["id"]
    shown = text_of(markup)
    for item in quizzes:
        right = next(o for o in item["options"] if o["correct"])
        assert plain(right["feedback"])[:60] in shown


def test_role_cards_name_tents_and_briefs_come_from_the_roles_data(built_site):
    roles = load("roles")
    cards = page(built_site, f"{PRINTABLES}/role-cards")
    assert cards.count('<div class="printable-card role-card">') == len(roles)
    assert cards.count('<div class="name-tent">') == len(roles)
    teachers = text_of(page(built_site, "study/teachers"))
    shown = text_of(cards)
    for role in roles:
        assert f'id="role-{role["id"]}"' in cards
        brief = plain(role["brief"])
        assert brief in shown and brief in teachers, role["id"]


def test_relay_cards_deal_the_six_named_events_and_every_event_the_essay_mentions(built_site):
    markup = page(built_site, f"{PRINTABLES}/relay-cards")
    in_article = [e for e in load("timeline") if e["in_article"]]
    six = markup.split('id="relay-six"')[1].split('<div class="relay-key">')[0]
    assert six.count('<div class="relay-card">') == 6
    for words in ("Estrada", "Tlatelolco", "debt crisis", "NAFTA takes effect", "National Revolutionary Party",
                  "wins Mexico's presidential election"):
        assert words in html.unescape(six), words
    assert markup.count('<div class="relay-card">') == 6 + len(in_article)
    assert markup.count('<div class="relay-key">') == 1 + len({e["chapter"] for e in in_article})
    decks = markup.split('id="relay-six"')[1].split('<div class="relay-key">')[1:]
    assert sum(len(re.findall(r"<td>Card \d+</td>", key)) for key in decks) == 6 + len(in_article)


def test_evidence_table_has_the_whole_essay_sheet_and_one_per_section(built_site):
    markup = page(built_site, f"{PRINTABLES}/evidence-table")
    chapters = chapters_in_order()
    assert markup.count('<div class="worksheet evidence-sheet">') == len(chapters) + 1
    figures = [f for f in load("figures") if f["in_article"]]
    for chapter in chapters:
        assert f'id="evidence-{chapter["id"]}"' in markup
    shown = text_of(markup)
    missing = [f["id"] for f in figures if f"{plain(f['value'])}: {plain(f['measures'])}" not in shown]
    assert not missing


def test_debate_sheets_and_score_sheets(built_site):
    debate = page(built_site, f"{PRINTABLES}/debate-sheets")
    bank = debate.split('id="evidence-bank"')[1].split("</table>")[0]
    assert bank.count("<tr>") == len(load("chapters")) + 1
    prompts = [q for q in load("questions") if q["chapter"] == "realism-and-idealism"]
    assert all(" ".join(q["prompt"].split())[:50] in text_of(debate) for q in prompts)
    scores = page(built_site, f"{PRINTABLES}/score-sheets")
    assert scores.count('<div class="worksheet score-sheet">') == 4
    assert text_of(scores).count("Total (out of 20)") == 4


def test_audit_worksheet_lists_every_forecast(built_site):
    markup = page(built_site, f"{PRINTABLES}/audit-worksheet")
    predictions = load("predictions")
    assert markup.count('<div class="audit-item">') == len(predictions)


def test_quiz_csv_matches_the_quiz_data(built_site):
    text = (built_site / "downloads" / "quizzes.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    quizzes = load("quizzes")
    assert len(rows) == len(quizzes)
    for row, item in zip(rows, quizzes, strict=True):
        correct = next(i for i, o in enumerate(item["options"]) if o["correct"])
        assert row["correct"] == OPTION_LETTERS[correct]
        assert sum(bool(row[f"option_{x.lower()}"]) for x in OPTION_LETTERS) == len(item["options"])
        for letter, option in zip(OPTION_LETTERS, item["options"], strict=False):
            assert row[f"feedback_{letter.lower()}"] == plain(option["feedback"])
    assert 'href="../../downloads/quizzes.csv"' in page(built_site, "study/downloads")


# -- in a browser: print layout, accessibility, reflow ------------------------------------
PRINT_BLOCKS = {"quizzes": ".printed-quiz", "answer-key": ".answer-key", "role-cards": ".printable-card, .worksheet",
                "debate-sheets": ".worksheet", "score-sheets": ".score-sheet", "evidence-table": ".evidence-sheet",
                "relay-cards": ".relay-set, .relay-key"}


@pytest.mark.browser
def test_each_quiz_card_and_sheet_starts_a_new_printed_page(browser, site_url):
    page = new_page(browser)
    skip_search_index(page.context)
    try:
        page.emulate_media(media="print")
        wrong = []
        for name, selector in PRINT_BLOCKS.items():
            page.goto(f"{site_url}{PRINTABLES}/{name}/")
            breaks = page.eval_on_selector_all(selector, "els => els.map(e => getComputedStyle(e).breakBefore)")
            assert breaks, f"{name}: nothing matches {selector}"
            wrong += [f"{name}: {b}" for b in breaks if b != "page"]
            assert not page.locator(".md-header").first.is_visible() and not page.locator(".md-sidebar").first.is_visible()
        assert not wrong, wrong
    finally:
        page.context.close()
