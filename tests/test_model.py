"""Unit tests of the schemas and the YAML loader: plain data in, messages out."""
import pytest

from macros.errors import GuideError
from macros.loader import Guide, check_references
from macros.model import COLLECTIONS, KIND_LABELS, LEVEL_LABELS, VERDICT_LABELS, Body, Person, Prediction, Question
from macros.validation import check_collection, check_entry, parse_yaml

SCHEMAS = COLLECTIONS

GOOD_TERM = {"id": "sovereignty", "term": "sovereignty", "short": "A state's authority over itself.",
             "explanation": "Longer text."}


def test_a_valid_entry_has_no_problems():
    assert check_entry(GOOD_TERM, SCHEMAS["glossary"], "data/glossary.yml, entry 1") == []


def test_unknown_field_suggests_the_near_miss():
    entry = {**GOOD_TERM, "shrot": "typo"}
    [problem] = check_entry(entry, SCHEMAS["glossary"], "data/glossary.yml, entry 1 (sovereignty)")
    assert "data/glossary.yml, entry 1 (sovereignty), field 'shrot'" in problem
    assert "did you mean 'short'?" in problem


def test_missing_required_field_is_named():
    entry = {k: v for k, v in GOOD_TERM.items() if k != "explanation"}
    [problem] = check_entry(entry, SCHEMAS["glossary"], "data/glossary.yml, entry 4")
    assert "field 'explanation': missing" in problem


def test_tooltip_longer_than_thirty_words_is_refused():
    entry = {**GOOD_TERM, "short": " ".join(["word"] * 31)}
    [problem] = check_entry(entry, SCHEMAS["glossary"], "here")
    assert "31 words" in problem and "at most 30" in problem


def test_duplicate_ids_are_reported_with_both_entries():
    problems = check_collection("glossary", [GOOD_TERM, dict(GOOD_TERM)], "data/glossary.yml")
    assert any("duplicate id 'sovereignty'" in p and "also entry 1" in p for p in problems)


def test_bad_choice_suggests_a_valid_one():
    entry = {"chapter": "c", "level": "recal", "prompt": "p", "strong_answer": "s"}
    [problem] = check_entry(entry, SCHEMAS["questions"], "data/questions.yml, entry 2")
    assert "'recal' is not one of" in problem and "did you mean 'recall'?" in problem


def test_quiz_item_needs_exactly_one_correct_option():
    options = [{"text": "a", "correct": True, "feedback": "f"}, {"text": "b", "correct": True, "feedback": "f"}]
    entry = {"chapter": "c", "question": "q", "options": options}
    [problem] = check_entry(entry, SCHEMAS["quizzes"], "data/quizzes.yml, entry 1")
    assert "exactly one option must be correct; 2 are" in problem


def test_source_urls_must_be_web_addresses():
    entry = {**GOOD_TERM, "sources": [{"title": "t", "url": "ftp://example.org"}]}
    [problem] = check_entry(entry, SCHEMAS["glossary"], "here")
    assert "field 'sources', item 1, 'url': 'ftp://example.org' is not a web address; it must start with https://" in problem


def test_malformed_yaml_names_file_and_line():
    with pytest.raises(GuideError) as caught:
        parse_yaml("- id: a\n  term: [unclosed\n", "data/glossary.yml")
    assert "data/glossary.yml, line" in str(caught.value)
    assert "malformed YAML" in str(caught.value)


def test_dates_accept_year_month_or_day_only():
    schema = SCHEMAS["timeline"]
    good = {"date": "2001-02", "event": "e", "in_article": True, "chapter": "c"}
    assert check_entry(good, schema, "here") == []
    [problem] = check_entry({**good, "date": "Feb 2001"}, schema, "here")
    assert "YYYY-MM-DD" in problem


def minimal_guide(**changes) -> Guide:
    collections = {name: [] for name in SCHEMAS}
    collections["themes"] = [{"id": "migration", "name": "Migration", "description": "d", "colour": "blue",
                              "symbol": "circle"}]
    collections["chapters"] = [{"id": "one", "number": 1, "title": "T", "summary": "S", "paragraphs": 2,
                                "themes": {"migration": "how"}}]
    collections["people"] = [{"id": "fox", "name": "Vicente Fox", "kind": "person", "short": "s",
                              "role_2001": "r", "in_the_article": "a", "aliases": ["Fox"]}]
    collections.update(changes)
    return Guide(collections)


def test_reference_to_unknown_chapter_suggests_a_fix():
    guide = minimal_guide(questions=[{"chapter": "onee", "level": "recall", "prompt": "p", "strong_answer": "s"}])
    [problem] = check_references(guide)
    assert "data/questions.yml" in problem and "unknown chapter 'onee'" in problem and "did you mean 'one'?" in problem


def test_reference_to_unknown_theme_is_caught():
    chapters = [{"id": "one", "number": 1, "title": "T", "summary": "S", "paragraphs": 2, "themes": {"migratoin": "x"}}]
    [problem] = check_references(minimal_guide(chapters=chapters))
    assert "unknown theme 'migratoin'" in problem and "did you mean 'migration'?" in problem


def test_context_fact_without_source_is_refused():
    [problem] = check_entry({"date": "2003", "event": "e", "in_article": False}, SCHEMAS["timeline"], "here")
    assert problem.startswith("here, field 'sources': missing;") and "needs a source" in problem


def test_article_fact_without_chapter_is_refused():
    [problem] = check_entry({"date": "2001", "event": "e", "in_article": True}, SCHEMAS["timeline"], "here")
    assert problem.startswith("here, field 'chapter': missing;")


def test_yaml_dates_and_years_are_read_as_text():
    import datetime
    good = {"date": datetime.date(2001, 2, 16), "event": "e", "in_article": True, "chapter": "c"}
    assert check_entry(good, SCHEMAS["timeline"], "here") == []
    assert check_entry({**good, "date": 2001}, SCHEMAS["timeline"], "here") == []


def test_true_or_false_must_be_a_real_boolean():
    [problem] = check_entry({"date": "2001", "event": "e", "in_article": "yes", "chapter": "c"},
                            SCHEMAS["timeline"], "here")
    assert "field 'in_article': expected true or false, got 'yes'." in problem


def test_an_empty_text_is_refused():
    [problem] = check_entry({**GOOD_TERM, "explanation": "   "}, SCHEMAS["glossary"], "here")
    assert "field 'explanation': expected text" in problem


def test_a_wrong_option_field_is_named_with_its_position():
    options = [{"text": "a", "correct": True, "feedback": "f"}, {"text": "b", "corect": False, "feedback": "f"}]
    problems = check_entry({"chapter": "c", "question": "q", "options": options}, SCHEMAS["quizzes"], "here")
    assert any("field 'options', item 2, 'corect': unknown field; did you mean 'correct'?" in p for p in problems)


def test_too_few_options_are_refused():
    options = [{"text": "a", "correct": True, "feedback": "f"}]
    [problem] = check_entry({"chapter": "c", "question": "q", "options": options}, SCHEMAS["quizzes"], "here")
    assert "expected a list of 2 to 5 options" in problem


def test_every_kind_and_verdict_has_a_label():
    """The enumerations are the label dictionaries' keys, so nothing can lack a label."""
    assert set(Person.model_fields["kind"].annotation.__args__) | set(Body.model_fields["kind"].annotation.__args__) == set(KIND_LABELS)
    assert set(Prediction.model_fields["verdict"].annotation.__args__) == set(VERDICT_LABELS)
    assert set(Question.model_fields["level"].annotation.__args__) == set(LEVEL_LABELS)


def test_alias_claimed_by_two_entries_is_refused():
    bodies = [{"id": "fox-party", "name": "Fox Party", "kind": "party", "short": "s", "role_2001": "r",
               "in_the_article": "a", "aliases": ["Fox"]}]
    problems = check_references(minimal_guide(bodies=bodies))
    assert any("'Fox' already belongs to 'fox'" in p for p in problems)


def test_whole_essay_questions_are_allowed():
    guide = minimal_guide(questions=[{"chapter": "whole", "level": "essay", "prompt": "p", "strong_answer": "s"}])
    assert check_references(guide) == []


def test_reference_to_unknown_person_suggests_a_fix():
    events = [{"date": "2000-07-02", "event": "e", "in_article": True, "chapter": "one", "people": ["foxx"]}]
    [problem] = check_references(minimal_guide(timeline=events))
    assert "data/timeline.yml" in problem and "field 'people'" in problem
    assert "unknown person or body 'foxx'" in problem and "did you mean 'fox'?" in problem
