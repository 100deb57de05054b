"""Unit tests of the schemas and the YAML loader: plain data in, messages out."""
import pytest

from macros.errors import GuideError
from macros.loader import Guide, check_references
from macros.model import SCHEMAS, check_collection, check_entry, parse_yaml

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
    assert "starting with https://" in problem


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
    collections["themes"] = [{"id": "migration", "name": "Migration", "description": "d"}]
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
    events = [{"date": "2003", "event": "e", "in_article": False}]
    [problem] = check_references(minimal_guide(timeline=events))
    assert "needs a source" in problem


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
