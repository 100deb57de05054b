"""Question worksheets and their key (macros/worksheets.py), the standards table
(macros/standards.py) and the checks on standards tags (model and loader)."""
from __future__ import annotations

import re

from test_model import minimal_guide

from macros import standards, worksheets
from macros.loader import check_references
from macros.model import COLLECTIONS, STANDARD_FRAMEWORK_LABELS
from macros.validation import check_entry
from sample_data import CHAPTERS, QUESTIONS, cells

START, END = CHAPTERS
TAGGED = [{**QUESTIONS[0], "standards": ["RI.11-12.1", "D2.His.1.9-12"]},
          {**QUESTIONS[1], "standards": ["RI.11-12.1"]},
          {**QUESTIONS[2], "standards": ["W.11-12.1"]},
          {"chapter": "end", "level": "today", "prompt": "Since?", "strong_answer": "Sources.",
           "standards": ["RI.11-12.1"]}]
STANDARDS = [
    {"id": "RI.11-12.1", "framework": "ccss-ri", "short": "Use evidence.",
     "url": "https://www.thecorestandards.org/ELA-Literacy/RI/11-12/"},
    {"id": "W.11-12.1", "framework": "ccss-w", "short": "Write arguments.",
     "url": "https://www.thecorestandards.org/ELA-Literacy/W/11-12/"},
    {"id": "RH.11-12.9", "framework": "ccss-rh", "short": "Combine sources.",
     "url": "https://www.thecorestandards.org/ELA-Literacy/RH/11-12/"},
    {"id": "D2.His.1.9-12", "framework": "c3", "short": "Context | time and place.",
     "url": "https://www.socialstudies.org/sites/default/files/c3/c3-framework-for-social-studies-rev0617.pdf"},
]
ACTIVITY = {"id": "debate", "name": "Structured debate", "anchor": "structured-debate", "standards": ["W.11-12.1"]}
PAGE = "study/teachers.md"


# -- worksheets -----------------------------------------------------------------------------------
def test_student_sheet_numbers_questions_with_lines_to_write_and_no_answer_notes():
    out = worksheets.render_student_sheet(START, QUESTIONS[:2])
    assert "## Chapter 1: Start { #questions-start }" in out
    assert "**1. Recall.** Who came?" in out and "**2. Analysis.** Why?" in out
    assert "Helms." not in out and "Because." not in out and "strong answer" not in out.lower()
    first, second = out.split("**2. Analysis.**")
    assert first.count('class="write-in"') == worksheets.WRITING_LINES["recall"]
    assert second.count('class="write-in"') == worksheets.WRITING_LINES["analysis"]
    assert out.startswith('<div class="question-sheet" markdown>') and out.endswith("</div>")


def test_key_gives_each_strong_answer_and_its_standards():
    out = worksheets.render_key(START, TAGGED[:2])
    assert "## Chapter 1: Start: answer key { #key-start }" in out
    assert "**1. Recall.** Who came?" in out and "Helms." in out
    assert "Because.\n\nAlso this." in out  # paragraphs kept
    assert "*Standards:* RI.11-12.1, D2.His.1.9-12" in out
    assert out.count("*Standards:*") == 2


def test_sheets_and_keys_cover_chapters_in_order_then_the_essay_prompts():
    sheets = worksheets.render_student_sheets([END, START], TAGGED)
    anchors = re.findall(r"\{ #questions-([a-z-]+) \}", sheets)
    assert anchors == ["start", "end", "whole"]
    assert "## Essay and debate prompts on the whole essay { #questions-whole }" in sheets
    keys = worksheets.render_keys(CHAPTERS, TAGGED)
    assert re.findall(r"\{ #key-([a-z-]+) \}", keys) == ["start", "end", "whole"]
    assert worksheets.render_student_sheets(CHAPTERS, []) == worksheets.NO_QUESTIONS


def test_worksheets_escape_html_in_data():
    out = worksheets.render_student_sheet(START, [{**QUESTIONS[0], "prompt": "<script>x</script> {{ y }}"}])
    assert "<script>" not in out and "&lt;script&gt;" in out and "{{" not in out


# -- standards table --------------------------------------------------------------------------------
def table_rows(markdown: str) -> dict[str, list[str]]:
    rows = [cells(line) for line in markdown.splitlines() if line.startswith("| [")]
    return {re.match(r"\[([^\]]+)\]", row[0]).group(1): row for row in rows}


def test_practice_index_numbers_questions_within_each_chapter():
    found = standards.practice(STANDARDS, CHAPTERS, TAGGED, [ACTIVITY])
    assert found["RI.11-12.1"] == {"start": [1, 2], "end": [1]}
    assert found["W.11-12.1"] == {"whole": [1], "activities": [ACTIVITY]}
    assert found["RH.11-12.9"] == {}


def test_standards_table_shows_which_questions_and_activities_practise_each_standard():
    out = standards.render_standards_table(STANDARDS, CHAPTERS, TAGGED, [ACTIVITY], PAGE)
    assert '<div class="chapter-grid" markdown>' in out
    header = cells(next(line for line in out.splitlines() if line.startswith("| Standard")))
    assert header[1].startswith("[1](printables/worksheet-key.md#key-start)")
    assert header[3].startswith("[Essays](printables/worksheet-key.md#key-whole)")
    rows = table_rows(out)
    assert list(rows) == ["RI.11-12.1", "W.11-12.1", "D2.His.1.9-12"]  # data order; unused RH.11-12.9 left out
    assert rows["RI.11-12.1"][1:5] == ["1-2", "1", "", ""]
    assert rows["W.11-12.1"][1:5] == ["", "", "1", '[A1](teachers.md#structured-debate){ title="Structured debate" }']
    assert out.startswith("**Activities:** A1: [Structured debate](teachers.md#structured-debate).")
    assert rows["D2.His.1.9-12"][1] == "1"
    assert "(https://www.thecorestandards.org/ELA-Literacy/RI/11-12/){ title=\"Use evidence.\" }" in out
    assert "Context \\| time and place." in out  # a bar in a hover title cannot split the row


def test_standards_table_links_activities_from_another_page():
    out = standards.render_standards_table(STANDARDS, CHAPTERS, TAGGED, [ACTIVITY], "study/downloads.md")
    assert "[A1](teachers.md#structured-debate)" in out


def test_question_numbers_are_shown_as_runs():
    assert standards.numbers([1, 2, 3, 5, 7, 8]) == "1-3, 5, 7-8"
    assert standards.numbers([4]) == "4" and standards.numbers([]) == ""


def test_standards_list_groups_by_framework_with_official_links():
    out = standards.render_standards_list(STANDARDS, True, TAGGED, [ACTIVITY])
    assert out.index(STANDARD_FRAMEWORK_LABELS["ccss-ri"]) < out.index(STANDARD_FRAMEWORK_LABELS["ccss-w"]) \
        < out.index(STANDARD_FRAMEWORK_LABELS["c3"])
    assert "RH.11-12.9" not in out
    assert "- **W.11-12.1**: Write arguments. ([official text](https://www.thecorestandards.org/ELA-Literacy/W/11-12/))" \
        in out
    assert "RH.11-12.9" in standards.render_standards_list(STANDARDS, False)


def test_no_tags_gives_a_hint():
    assert standards.render_standards_table(STANDARDS, CHAPTERS, QUESTIONS, [], PAGE) == standards.NO_TAGS


# -- the data checks ----------------------------------------------------------------------------------
def test_an_unknown_standard_tag_names_file_entry_field_and_a_near_miss():
    questions = [{"chapter": "one", "level": "recall", "prompt": "p", "strong_answer": "s",
                  "standards": ["RH.11-12.11"]}]
    [problem] = check_references(minimal_guide(questions=questions, standards=STANDARDS[:3]))
    assert problem.startswith("data/questions.yml, entry 1 (p), field 'standards': unknown standard 'RH.11-12.11';")
    suggestion = re.search(r"did you mean '([^']+)'\?", problem).group(1)
    assert suggestion in {s["id"] for s in STANDARDS}


def test_an_activity_with_an_unknown_standard_is_refused():
    activity = {**ACTIVITY, "standards": ["W.11-12.11"]}
    [problem] = check_references(minimal_guide(activities=[activity], standards=STANDARDS))
    assert "data/activities.yml, entry 1 (debate), field 'standards': unknown standard 'W.11-12.11'" in problem


def test_known_tags_pass():
    questions = [{"chapter": "one", "level": "recall", "prompt": "p", "strong_answer": "s",
                  "standards": ["RI.11-12.1", "D2.His.1.9-12"]}]
    assert check_references(minimal_guide(questions=questions, standards=STANDARDS, activities=[ACTIVITY])) == []


def test_a_standard_needs_a_real_code_framework_and_official_address():
    schema = COLLECTIONS["standards"]
    assert check_entry(STANDARDS[0], schema, "here") == []
    [problem] = check_entry({**STANDARDS[0], "id": "RI.11.1"}, schema, "data/standards.yml, entry 1")
    assert "field 'id': 'RI.11.1' is not a standard code" in problem and "'RH.11-12.6'" in problem
    [problem] = check_entry({**STANDARDS[0], "framework": "ccss-rl"}, schema, "here")
    assert "'ccss-rl' is not one of" in problem and "did you mean 'ccss-ri'?" in problem
    [problem] = check_entry({**STANDARDS[0], "url": "corestandards.org"}, schema, "here")
    assert "field 'url'" in problem and "web address" in problem


def test_every_standard_in_the_data_has_a_label_for_its_framework():
    import yaml

    from conftest import ROOT
    data = yaml.safe_load((ROOT / "data" / "standards.yml").read_text(encoding="utf-8"))
    assert {s["framework"] for s in data} <= set(STANDARD_FRAMEWORK_LABELS)
    assert all(check_entry(s, COLLECTIONS["standards"], s["id"]) == [] for s in data)
