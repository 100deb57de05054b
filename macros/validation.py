"""Check data/*.yml against the models in model.py, in messages a contributor can act on.

Every problem names the file, the entry, the field and, where it can, the fix.
"""
from __future__ import annotations

import difflib
import typing
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import GuideError
from .model import COLLECTIONS, OPTION_LETTERS

EXPECTED = {
    "string_type": "expected text", "bool_type": "expected true or false", "int_type": "expected a whole number",
    "list_type": "expected a list of items, e.g. [one, two]", "dict_type": "expected a mapping of key: value",
    "model_type": "expected a mapping of field: value",
}
PATTERN_HINTS = {
    "id": "is not a valid id; use lowercase letters, digits and hyphens, e.g. 'aguilar-zinser'",
    "date": "is not a date; write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"",
    "url": "is not a web address; it must start with https://",
    "page": "is not a page; give its path under docs/, e.g. 'reference/people.md'",
    "start": "is not a date; write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"",  # eras
    "end": "is not a date; write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"",
}


def describe_entry(index: int, entry: Any) -> str:
    """'entry 3 (castaneda)': how messages point at an entry."""
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
    """" did you mean 'fox'?" or '' when nothing is close."""
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


def field_path(loc: tuple) -> str:
    """('options', 1, 'correct') -> "field 'options', item 2, 'correct'"."""
    if not loc:
        return ""
    parts = [f"field '{loc[0]}'"]
    parts += [f"item {part + 1}" if isinstance(part, int) else f"'{part}'" for part in loc[1:]]
    return ", ".join(parts)


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    """The nested model a location points into, e.g. ('options', 1) -> Option."""
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation
        inner = [a for a in typing.get_args(annotation) or (annotation,) for a in (typing.get_args(a) or (a,))]
        nested = [a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)]
        if not nested:
            break
        model = nested[0]
    return model


def explain(error: Any, model: type[BaseModel]) -> str:
    """One Pydantic error as the sentence after 'field ...: '."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx", {})
    if kind == "extra_forbidden":
        fields = model_at(model, error["loc"][:-1]).model_fields
        hint = did_you_mean(error["loc"][-1], fields) or f" known fields: {', '.join(fields)}."
        return f"unknown field;{hint}"
    if kind == "missing" or value is None:
        return "missing; this field is required."
    if kind == "literal_error":
        choices = [c.strip(" '") for c in ctx.get("expected", "").replace(" or ", ", ").split(",")]
        return f"'{value}' is not one of {', '.join(choices)}.{did_you_mean(value, choices)}"
    if kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(str(error["loc"][-1]), "has the wrong form")
        return f"'{value}' {hint}."
    if kind in ("too_short", "too_long") and error["loc"][-1] == "options":
        return f"expected a list of 2 to {len(OPTION_LETTERS)} options."
    if kind == "too_short":
        return "must not be empty."
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])) + "."
    if kind in EXPECTED:
        return f"{EXPECTED[kind]}, got {value!r}."
    return f"{error['msg']}."


def check_entry(entry: Any, model: type[BaseModel], where: str) -> list[str]:
    """Problems with one entry, each a full sentence naming where."""
    if not isinstance(entry, dict):
        return [f"{where}: expected a mapping of field: value, got {type(entry).__name__}."]
    try:
        model.model_validate(entry)
    except ValidationError as errors:
        problems = []
        for error in errors.errors():
            message = explain(error, model)
            path = field_path(error["loc"])
            if not path and message.startswith("field '"):  # a check across fields names its field
                path, _, message = message.partition(": ")
            problems.append(f"{where}, {path}: {message}" if path else f"{where}: {message}")
        return problems
    return []


def check_collection(name: str, entries: Any, filename: str) -> list[str]:
    """Problems with a whole file: a list of valid entries with unique ids."""
    if not isinstance(entries, list):
        return [f"{filename}: expected a list of entries (each starting with '- '), got {type(entries).__name__}."]
    problems: list[str] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        where = f"{filename}, {describe_entry(index, entry)}"
        problems.extend(check_entry(entry, COLLECTIONS[name], where))
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        if entry_id is not None:
            if entry_id in seen:
                problems.append(f"{where}, field 'id': duplicate id '{entry_id}' (also entry {seen[entry_id] + 1}); ids must be unique.")
            seen.setdefault(entry_id, index)
    return problems
