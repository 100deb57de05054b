"""Printable classroom materials (macros/printables.py) and the quiz CSV."""
import csv
import io
import re

from macros import downloads, printables
from sample_data import (
    BY_ID,
    CHAPTERS,
    CONTEXT_FIGURE,
    FIGURE,
    FOX,
    PREDICTION,
    QUESTIONS,
    QUIZ_ITEM,
    RELAY_EVENTS,
    ROLE,
    ROLE_WITHOUT_PROFILE,
    SECOND_QUIZ_ITEM,
    TERM,
    cells,
)

START, END = CHAPTERS
RELAY_PAGE = "study/printables/relay-cards.md"


def table_rows(markdown: str) -> list[list[str]]:
    """The body rows of the Markdown tables in markdown."""
    return [cells(line) for line in markdown.splitlines() if line.startswith("| ") and not line.startswith("| Question")
            and not line.startswith("|---")]


# -- printed quizzes ---------------------------------------------------------------------
def test_printed_quiz_numbers_questions_and_letters_options_in_order():
    out = printables.render_printed_quiz(START, [QUIZ_ITEM, SECOND_QUIZ_ITEM])
    assert "## Chapter 1: Start { #quiz-start }" in out
    assert "1. Who?\n\n    - **A.** Bush\n    - **B.** Fox\n    - **C.** Helms" in out
    assert "2. Which | one?\n\n    - **A.** Nixon *realism*\n    - **B.** Wilson" in out


def test_printed_quiz_gives_no_answers_and_scores_out_of_its_item_count():
    out = printables.render_printed_quiz(START, [QUIZ_ITEM, SECOND_QUIZ_ITEM])
    for feedback in ("No, he was the host.", "Yes, the president.", "No, a senator.", "No | not him."):
        assert feedback not in out
    assert "correct" not in out.lower()
    assert "**Score:** \\_\\_\\_ / 2" in out


def test_printed_quiz_is_one_printable_block():
    out = printables.render_printed_quiz(START, [QUIZ_ITEM])
    assert out.startswith('<div class="printed-quiz" markdown>') and out.endswith("</div>")


def test_printed_quiz_escapes_html_in_questions_and_options():
    item = {**QUIZ_ITEM, "question": "<b>Who</b>?", "options": [
        {"text": "<script>x</script>", "correct": True, "feedback": "f"}, {"text": "{{ y }}", "correct": False,
                                                                         "feedback": "g"}]}
    out = printables.render_printed_quiz(START, [item])
    assert "<b>" not in out and "&lt;b&gt;Who&lt;/b&gt;?" in out and "&lt;script&gt;" in out
    assert "{{" not in out and "&#123;&#123; y &#125;&#125;" in out


def test_an_empty_printed_quiz_says_so():
    assert printables.NO_QUIZ_ITEMS in printables.render_printed_quiz(START, [])


# -- the answer key -------------------------------------------------------------------------
def test_answer_key_gives_each_item_its_letter_option_and_explanation():
    out = printables.render_answer_key(START, [QUIZ_ITEM, SECOND_QUIZ_ITEM])
    assert "## Chapter 1: Start: answers { #key-start }" in out
    assert "| Question | Answer | Why |" in out
    assert table_rows(out) == [["1", "**B.** Fox", "Yes, the president."],
                               ["2", "**A.** Nixon *realism*", "Yes: see [chapter 2](x.md)."]]


def test_answer_key_leaves_out_the_wrong_options():
    out = printables.render_answer_key(START, [QUIZ_ITEM])
    assert "Bush" not in out and "Helms" not in out and "No, a senator." not in out


def test_answer_key_escapes_pipes_so_the_table_holds():
    item = {**QUIZ_ITEM, "options": [{"text": "a | b", "correct": True, "feedback": "c | d"},
                                     {"text": "e", "correct": False, "feedback": "f"}]}
    [row] = table_rows(printables.render_answer_key(START, [item]))
    assert row == ["1", "**A.** a \\| b", "c \\| d"]


def test_quizzes_and_keys_go_chapter_by_chapter_and_skip_chapters_without_items():
    items = [SECOND_QUIZ_ITEM, QUIZ_ITEM, QUIZ_ITEM]
    out = printables.render_by_chapter(printables.render_printed_quiz, CHAPTERS, items)
    assert out.index("#quiz-start") < out.index("#quiz-end")
    assert out.count('<div class="printed-quiz"') == 2 and "/ 2" in out and "/ 1" in out
    only_end = printables.render_by_chapter(printables.render_answer_key, CHAPTERS, [SECOND_QUIZ_ITEM])
    assert "#key-end" in only_end and "#key-start" not in only_end
    assert printables.render_by_chapter(printables.render_answer_key, CHAPTERS, []) == printables.NO_QUIZ_ITEMS


# -- the role-play --------------------------------------------------------------------------
def test_role_brief_links_the_name_to_its_profile_and_lists_key_terms():
    out = printables.render_role_briefs([ROLE], {"fox": ("people", FOX)}, {"maquiladora": TERM}, "study/teachers.md")
    assert out.startswith('**[Vicente Fox](../reference/people/fox.md){ title="⟦people/fox⟧" }, '
                          "President of Mexico.**  \nYou won in 2000.")
    assert "*Key terms:* [maquiladora](../reference/glossary.md#maquiladora)" in out


def test_role_brief_without_a_profile_shows_the_name_as_text():
    out = printables.render_role_briefs([ROLE_WITHOUT_PROFILE], {}, {}, "study/teachers.md")
    assert out == "**A journalist, Reporter.**  \nAsk questions."


def test_role_briefs_keep_the_data_order_and_say_when_there_are_none():
    out = printables.render_role_briefs([ROLE_WITHOUT_PROFILE, ROLE], {"fox": ("people", FOX)}, {"maquiladora": TERM},
                                        "study/teachers.md")
    assert out.index("A journalist") < out.index("Vicente Fox")
    assert printables.render_role_briefs([], {}, {}, "study/teachers.md") == printables.NO_ROLES


def test_role_card_shows_post_brief_time_rule_terms_and_space_to_prepare():
    out = printables.render_role_card(ROLE, FOX, [TERM])
    assert "## Vicente Fox, President of Mexico { #role-fox }" in out
    assert "**Your post in 2001:** President of Mexico." in out
    assert "**Your brief.** You won in 2000." in out
    assert "February 16, 2001" in out
    assert "- **maquiladora**: A factory assembling goods for export." in out
    for label in ("Three goals", "Two facts from the essay", "One red line", "One question you expect"):
        assert f"**{label}" in out
    assert out.count('<p class="write-in">') == 3 + 2 + 1 + 1
    assert out.index("Your brief") < out.index("Words to use") < out.index("Three goals")


def test_role_card_without_profile_or_terms_leaves_those_parts_out():
    out = printables.render_role_card(ROLE_WITHOUT_PROFILE, None, [])
    assert "Your post in 2001" not in out and "Words to use" not in out
    assert "## A journalist, Reporter { #role-journalist }" in out


def test_role_cards_one_per_role_each_in_its_own_printable_block():
    out = printables.render_role_cards([ROLE, ROLE_WITHOUT_PROFILE], {"fox": FOX}, {"maquiladora": TERM})
    assert out.count('<div class="printable-card role-card" markdown>') == 2
    assert out.index("#role-fox") < out.index("#role-journalist")
    assert "**Your post in 2001:** President of Mexico." in out
    assert printables.render_role_cards([], {}, {}) == printables.NO_ROLES


def test_role_card_escapes_its_text():
    role = {**ROLE_WITHOUT_PROFILE, "brief": "<img src=x> {{ 7*7 }}"}
    out = printables.render_role_card(role, None, [])
    assert "<img" not in out and "&lt;img src=x&gt;" in out and "{{" not in out


def test_name_tents_print_each_name_on_both_halves():
    out = printables.render_name_tents([ROLE, ROLE_WITHOUT_PROFILE])
    assert out.count('<div class="name-tent" markdown>') == 2
    assert out.count("<strong>Vicente Fox</strong><br>President of Mexico") == 2
    assert out.count('class="name-tent-back"') == 2 and out.count('class="name-tent-front"') == 2


# -- relay event cards ------------------------------------------------------------------
def test_relay_deck_has_one_card_per_event_without_dates():
    out = printables.render_relay_deck("six", "Six events", RELAY_EVENTS, BY_ID, RELAY_PAGE)
    deck = out[:out.index("relay-key")]
    assert deck.count('<div class="relay-card" markdown>') == 4
    assert [int(n) for n in re.findall(r"\*\*Card (\d+)\*\*", deck)] == [1, 2, 3, 4]
    for event in RELAY_EVENTS:
        assert event["event"] in deck
    assert not re.search(r"1929|1982|1994|2000", deck)
    assert deck.count("Why it matters to Leiken:") == 4
    assert "## Six events { #six }" in out


def test_relay_cards_are_shuffled_the_same_way_on_every_build():
    order = [e["event"] for e in printables.shuffled(RELAY_EVENTS)]
    assert order == [e["event"] for e in printables.shuffled(list(reversed(RELAY_EVENTS)))]
    assert sorted(order) == sorted(e["event"] for e in RELAY_EVENTS)
    assert order != [e["event"] for e in sorted(RELAY_EVENTS, key=lambda e: e["date"])]


def test_relay_key_puts_the_cards_in_date_order_with_chapter_and_source():
    out = printables.render_relay_deck("six", "Six events", RELAY_EVENTS, BY_ID, RELAY_PAGE)
    deck, key = out.split('<div class="relay-key" markdown>')
    card_of = {event: int(n) for n, event in re.findall(r"\*\*Card (\d+)\*\*\n\n(.+?)\n", deck)}
    rows = [cells(line) for line in key.splitlines() if re.match(r"\| \d", line)]
    assert [r[0] for r in rows] == ["1", "2", "3", "4"]
    assert [r[1] for r in rows] == [f"Card {card_of[e]}" for e in
                                    ("Party founded.", "Debt crisis.", "Treaty in force.", "Election won.")]
    assert [r[2] for r in rows] == ["1929", "1982", "1 January 1994", "2 July 2000"]
    assert rows[0][3:] == ["[Chapter 1](../../chapters/01-start.md)", "outside the essay"]
    assert rows[3][3:] == ["[Chapter 2](../../chapters/02-end.md)", "the essay"]


def test_relay_by_chapter_deals_only_the_events_the_essay_mentions():
    out = printables.render_relay_by_chapter(CHAPTERS, RELAY_EVENTS, RELAY_PAGE)
    assert out.count('<div class="relay-card" markdown>') == 3
    assert "Party founded." not in out
    assert "## Chapter 1: Start { #relay-start }" in out and "## Chapter 2: End { #relay-end }" in out
    assert out.index("#relay-start") < out.index("#relay-end")
    start_deck = out[:out.index("#relay-end")]
    assert "Debt crisis." in start_deck and "Treaty in force." in start_deck and "Election won." not in start_deck


def test_relay_by_chapter_skips_chapters_without_events_and_says_when_there_are_none():
    out = printables.render_relay_by_chapter(CHAPTERS, RELAY_EVENTS[3:], RELAY_PAGE)
    assert "#relay-start" not in out and "#relay-end" in out
    assert printables.render_relay_by_chapter(CHAPTERS, RELAY_EVENTS[:1], RELAY_PAGE) == printables.NO_EVENTS


def test_relay_deck_escapes_event_text():
    event = {**RELAY_EVENTS[1], "event": "<script>x</script>"}
    out = printables.render_relay_deck("d", "T", [event], BY_ID, RELAY_PAGE)
    assert "<script>" not in out and "&lt;script&gt;" in out


# -- evidence, debate, score sheets, audit -------------------------------------------------
def test_evidence_sheet_shows_the_claim_the_section_figures_and_a_row_per_type():
    out = printables.render_evidence_sheet(END, [FIGURE])
    assert "## Chapter 2: End { #evidence-end }" in out
    assert "**Leiken's claim in this section:** Ideals and interests meet." in out
    assert "- 8th: Export rank (1999)" in out
    rows = [cells(line) for line in out.splitlines() if line.startswith("| A")]
    assert [r[0] for r in rows] == list(printables.EVIDENCE_TYPES)
    assert all(r[1:] == ["", "", "", ""] for r in rows)


def test_evidence_sheets_take_only_figures_from_the_article_in_their_own_chapter():
    out = printables.render_evidence_sheets(CHAPTERS, [FIGURE, {**CONTEXT_FIGURE, "chapter": "end"}])
    assert out.count('<div class="worksheet evidence-sheet" markdown>') == 2
    start, end = out.split("#evidence-end")
    assert "8th" not in start and "8th" in end and "10th" not in out
    assert "Numbers this section cites" not in start


def test_debate_claims_give_each_chapter_its_claim_and_objection():
    out = printables.render_debate_claims(CHAPTERS, "study/printables/debate-sheets.md")
    rows = [cells(line) for line in out.splitlines()[2:]]
    assert rows == [["[1. Start](../../chapters/01-start.md)", "Democracy changed Mexico.", "It was always so."],
                    ["[2. End](../../chapters/02-end.md)", "Ideals and interests meet.", "None stated."]]


def test_prompts_are_numbered_in_order():
    assert printables.render_prompts(QUESTIONS[:2]) == "1. Who came?\n2. Why?"
    assert printables.render_prompts([]) == "_None yet._"


def test_score_sheet_one_per_copy_with_criteria_total_and_notes():
    out = printables.render_score_sheet("Debate", ["Evidence", "Delivery"], ["Proposition", "Opposition"], 5,
                                        ["Judge 1", "Judge 2"])
    assert out.count('<div class="worksheet score-sheet" markdown>') == 2
    assert "## Debate: Judge 1" in out and "## Debate: Judge 2" in out
    assert out.count("| Criterion | Proposition | Opposition |") == 2
    assert out.count("| Evidence |   |   |") == 2 and out.count("| Delivery |   |   |") == 2
    assert out.count("| **Total** (out of 10) |   |   |") == 2
    assert out.count("from 1 to 5") == 2
    assert out.count('<p class="write-in">Decision:</p>') == 2


def test_score_sheet_takes_its_own_notes_and_escapes_labels():
    out = printables.render_score_sheet("Essay", ["A | B"], ["Score"], 4, ["Student"], ("<b>Comment</b>:",))
    assert "| A \\| B |   |" in out and "(out of 4)" in out
    assert "Decision" not in out and '<p class="write-in">&lt;b&gt;Comment&lt;/b&gt;:</p>' in out


def test_blank_table_has_the_header_and_empty_rows():
    out = printables.render_blank_table(["Point", "Evidence"], 3)
    lines = out.splitlines()
    assert "| Point | Evidence |" in lines
    assert lines.count("|   |   |") == 3


def test_audit_worksheet_lists_each_forecast_with_chapter_verdict_and_steps():
    out = printables.render_audit_worksheet([PREDICTION, PREDICTION], BY_ID, "study/printables/audit-worksheet.md")
    assert out.count('<div class="audit-item" markdown>') == 2
    assert ("**1. Mexico passes Canada.** ([chapter 2](../../chapters/02-end.md)) The guide's verdict: "
            "*Did not happen*.") in out
    assert "**2. Mexico passes Canada.**" in out
    assert out.count('<p class="write-in">') == 2 * len(printables.AUDIT_STEPS)


# -- the quiz CSV -------------------------------------------------------------------------
def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.removeprefix(downloads.BYTE_ORDER_MARK))))


def test_quiz_csv_has_a_row_per_item_with_options_answer_and_feedback():
    rows = read_csv(downloads.quizzes_csv([QUIZ_ITEM, SECOND_QUIZ_ITEM], BY_ID))
    assert len(rows) == 2
    first = rows[0]
    assert (first["chapter"], first["number"], first["question"]) == ("1. Start", "1", "Who?")
    assert [first[f"option_{x}"] for x in "abcde"] == ["Bush", "Fox", "Helms", "", ""]
    assert first["correct"] == "B"
    assert [first[f"feedback_{x}"] for x in "abc"] == ["No, he was the host.", "Yes, the president.", "No, a senator."]


def test_quiz_csv_is_plain_text_and_numbers_items_within_each_chapter():
    rows = read_csv(downloads.quizzes_csv([QUIZ_ITEM, SECOND_QUIZ_ITEM, QUIZ_ITEM], BY_ID))
    assert [(r["chapter"], r["number"]) for r in rows] == [("1. Start", "1"), ("2. End", "1"), ("1. Start", "2")]
    second = rows[1]
    assert second["option_a"] == "Nixon realism" and second["feedback_a"] == "Yes: see chapter 2."
    assert second["question"] == "Which | one?" and second["correct"] == "A"


def test_quiz_csv_is_a_listed_download():
    assert "quizzes.csv" in downloads.DOWNLOADS
    collections = {"chapters": CHAPTERS, "glossary": [TERM], "questions": QUESTIONS,
                   "quizzes": [QUIZ_ITEM]}
    files = downloads.download_files(collections, {})
    assert read_csv(files["downloads/quizzes.csv"])[0]["correct"] == "B"
