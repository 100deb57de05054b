"""Schemas for data/*.yml and the loader that checks them before any page renders.

Every problem is reported as a GuideError naming the file, the entry, the field
and, where it can, the fix.
"""
from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass

import yaml

from .errors import GuideError

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TOOLTIP_MAX_WORDS = 30


@dataclass(frozen=True)
class Field:
    """One field of a data entry.

    kind: text | id | int | bool | date | list | refs | ref | sources | options | treatments
    ref: the collection a ref/refs/treatments value must name (checked after loading)
    """

    kind: str = "text"
    required: bool = True
    choices: tuple = ()
    ref: str | None = None
    max_words: int | None = None


PROFILE = {
    "id": Field("id"),
    "name": Field(),
    "aliases": Field("list", required=False),
    "short": Field(max_words=TOOLTIP_MAX_WORDS),
    "role_2001": Field(),
    "in_the_article": Field(),
    "stance": Field(required=False),
    "after_2001": Field(required=False),
    "sources": Field("sources", required=False),
}
PERSON_KINDS = ("person",)
BODY_KINDS = (
    "party", "government-body", "legislature-or-court", "armed-group",
    "international-body", "agreement-or-programme", "movement",
)
VERDICTS = ("came-true", "partly", "did-not", "too-early")
QUESTION_LEVELS = ("recall", "analysis", "evaluation", "today", "essay")

SCHEMAS: dict[str, dict[str, Field]] = {
    "chapters": {
        "id": Field("id"),
        "number": Field("int"),
        "title": Field(),
        "summary": Field(max_words=40),
        "paragraphs": Field("int"),
        "argument": Field(),
        "objection": Field(required=False),
        "themes": Field("treatments", ref="themes"),
    },
    "themes": {
        "id": Field("id"),
        "name": Field(),
        "description": Field(),
    },
    "people": {**PROFILE, "kind": Field(choices=PERSON_KINDS)},
    "bodies": {**PROFILE, "kind": Field(choices=BODY_KINDS)},
    "places": {
        "id": Field("id"),
        "name": Field(),
        "aliases": Field("list", required=False),
        "kind": Field(choices=("country", "region", "state", "city")),
        "in_the_article": Field(),
    },
    "glossary": {
        "id": Field("id"),
        "term": Field(),
        "aliases": Field("list", required=False),
        "short": Field(max_words=TOOLTIP_MAX_WORDS),
        "explanation": Field(),
        "see_also": Field("refs", required=False, ref="glossary"),
        "sources": Field("sources", required=False),
    },
    "timeline": {
        "date": Field("date"),
        "event": Field(),
        "in_article": Field("bool"),
        "chapter": Field("ref", required=False, ref="chapters"),
        "people": Field("refs", required=False, ref="profiles"),
        "sources": Field("sources", required=False),
    },
    "figures": {
        "id": Field("id"),
        "value": Field(),
        "measures": Field(),
        "year": Field(),
        "chapter": Field("ref", required=False, ref="chapters"),
        "why": Field(),
        "in_article": Field("bool"),
        "sources": Field("sources", required=False),
    },
    "predictions": {
        "id": Field("id"),
        "chapter": Field("ref", ref="chapters"),
        "claim": Field(),
        "by": Field(),
        "verdict": Field(choices=VERDICTS),
        "outcome": Field(),
        "sources": Field("sources"),
    },
    "questions": {
        "chapter": Field("ref", ref="chapters"),
        "level": Field(choices=QUESTION_LEVELS),
        "prompt": Field(),
        "strong_answer": Field(),
    },
    "quizzes": {
        "chapter": Field("ref", ref="chapters"),
        "question": Field(),
        "options": Field("options"),
    },
}

# Questions may belong to the whole essay rather than one chapter.
WHOLE_ESSAY = "whole"


def describe_entry(index: int, entry) -> str:
    """'entry 3 (id: castaneda)' — how messages point at an entry."""
    label = None
    if isinstance(entry, dict):
        label = entry.get("id") or entry.get("date") or entry.get("prompt") or entry.get("question")
    if label is None:
        return f"entry {index + 1}"
    label = " ".join(str(label).split())
    if len(label) > 40:
        label = label[:37] + "..."
    return f"entry {index + 1} ({label})"


def did_you_mean(word: str, candidates) -> str:
    """' did you mean 'fox'?' or '' when nothing is close."""
    close = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f" did you mean '{close[0]}'?" if close else ""


def parse_yaml(text: str, filename: str):
    """Parse YAML text; malformed input becomes a GuideError with file and line."""
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C parser when available
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{filename}, line {mark.line + 1}, column {mark.column + 1}" if mark else filename
        problem = getattr(error, "problem", None) or str(error)
        raise GuideError(
            f"{where}: malformed YAML ({problem}). Check the indentation and quoting "
            "on that line; text containing ': ' or starting with a quote needs quotes "
            "or a '>-' block."
        ) from None


def check_value(name: str, field: Field, value, where: str) -> list[str]:
    """Problems with one field value, each a full sentence naming where."""
    problems = []
    at = f"{where}, field '{name}'"
    kind = field.kind
    if kind == "bool":
        if not isinstance(value, bool):
            problems.append(f"{at}: expected true or false, got {value!r}.")
        return problems
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{at}: expected a whole number, got {value!r}.")
        return problems
    if kind == "date":
        text = value.isoformat() if isinstance(value, datetime.date) else str(value)
        if not DATE_PATTERN.match(text):
            problems.append(f"{at}: expected a date as \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", got {value!r}.")
        return problems
    if kind in ("list", "refs"):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(f"{at}: expected a list of text items, e.g. [one, two].")
        return problems
    if kind == "treatments":
        if not isinstance(value, dict) or not value:
            problems.append(f"{at}: expected a mapping of theme id to a sentence on how the chapter treats it.")
        else:
            for key, sentence in value.items():
                if not isinstance(sentence, str) or not sentence.strip():
                    problems.append(f"{at}: theme '{key}' needs a sentence saying how the chapter treats it.")
        return problems
    if kind == "sources":
        return check_sources(value, at)
    if kind == "options":
        return check_options(value, at)
    # text, id, ref
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{at}: expected text, got {value!r}.")
        return problems
    if kind == "id" and not ID_PATTERN.match(value):
        problems.append(f"{at}: '{value}' is not a valid id; use lowercase letters, digits and hyphens, e.g. 'aguilar-zinser'.")
    if field.choices and value not in field.choices:
        problems.append(f"{at}: '{value}' is not one of {', '.join(field.choices)}.{did_you_mean(value, field.choices)}")
    if field.max_words and len(value.split()) > field.max_words:
        problems.append(f"{at}: {len(value.split())} words; keep it to at most {field.max_words}.")
    return problems


def check_sources(value, at: str) -> list[str]:
    if not isinstance(value, list):
        return [f"{at}: expected a list of sources, each with 'title' and 'url'."]
    problems = []
    for number, source in enumerate(value, start=1):
        if not isinstance(source, dict) or set(source) != {"title", "url"}:
            problems.append(f"{at}, source {number}: give exactly 'title' and 'url'.")
        elif not str(source["url"]).startswith(("https://", "http://")):
            problems.append(f"{at}, source {number}: url must be a web address starting with https://, got {source['url']!r}.")
    return problems


def check_options(value, at: str) -> list[str]:
    if not isinstance(value, list) or not 2 <= len(value) <= 5:
        return [f"{at}: expected a list of 2 to 5 options."]
    problems = []
    for number, option in enumerate(value, start=1):
        if not isinstance(option, dict) or set(option) != {"text", "correct", "feedback"}:
            problems.append(f"{at}, option {number}: give exactly 'text', 'correct' and 'feedback'.")
        elif not isinstance(option["correct"], bool):
            problems.append(f"{at}, option {number}: 'correct' must be true or false.")
    if not problems:
        correct = sum(option["correct"] for option in value)
        if correct != 1:
            problems.append(f"{at}: exactly one option must be correct; {correct} are.")
    return problems


def check_entry(entry, schema: dict[str, Field], where: str) -> list[str]:
    """Problems with one entry: shape, unknown and missing fields, values."""
    if not isinstance(entry, dict):
        return [f"{where}: expected a mapping of field: value, got {type(entry).__name__}."]
    problems = []
    for name in entry:
        if name not in schema:
            hint = did_you_mean(name, schema) or f" known fields: {', '.join(schema)}."
            problems.append(f"{where}, field '{name}': unknown field;{hint}")
    for name, field in schema.items():
        if name not in entry or entry[name] is None:
            if field.required:
                problems.append(f"{where}, field '{name}': missing; this field is required.")
            continue
        problems.extend(check_value(name, field, entry[name], where))
    return problems


def check_collection(name: str, entries, filename: str) -> list[str]:
    """Problems with a whole file: it must be a list of valid entries with unique ids."""
    if not isinstance(entries, list):
        return [f"{filename}: expected a list of entries (each starting with '- '), got {type(entries).__name__}."]
    schema = SCHEMAS[name]
    problems = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        where = f"{filename}, {describe_entry(index, entry)}"
        problems.extend(check_entry(entry, schema, where))
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        if entry_id is not None:
            if entry_id in seen:
                problems.append(f"{where}, field 'id': duplicate id '{entry_id}' (also entry {seen[entry_id] + 1}); ids must be unique.")
            seen.setdefault(entry_id, index)
    return problems
