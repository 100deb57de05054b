"""Load every data file, check it against its model, then check the references between files."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GuideError
from .figure_cache import cached_value
from .model import COLLECTIONS, ENTRY_NOUNS, SYMMETRIC_RELATION_KINDS, WHOLE_ESSAY, display_label, references
from .serve_state import RecordingDict
from .validation import check_collection, describe_entry, did_you_mean, parse_yaml

MAX_REPORTED = 25
PROFILE_COLLECTIONS = ("people", "bodies")


@dataclass
class Guide:
    """All data entries, by collection name, with lookups by id."""

    collections: dict[str, list[dict]]
    by_id: dict[str, dict[str, dict]] = field(default_factory=dict)
    texts: dict[str, str | None] = field(default_factory=dict)  # data/<name>.yml as read

    def __post_init__(self):
        for name, entries in self.collections.items():
            self.by_id[name] = {e["id"]: e for e in entries if "id" in e}
        # who() and `people:` fields name people and bodies alike
        self.by_id["profiles"] = {k: v for name in PROFILE_COLLECTIONS for k, v in self.by_id.get(name, {}).items()}
        # While a page renders under `mkdocs serve`, what it reads is recorded (macros/incremental.py):
        # a whole collection ("data:glossary"), or by id one entry ("entry:glossary:nafta").
        self.collections = RecordingDict(self.collections, data_tokens)
        self.by_id = {name: RecordingDict(entries, entry_tokens(name), data_tokens(name))
                      for name, entries in self.by_id.items()}

    def entries(self, name: str) -> list[dict]:
        """guide[name] without recording it as read (the caller records what it uses)."""
        return dict.__getitem__(self.collections, name)

    def __getitem__(self, name: str) -> list[dict]:
        return self.collections[name]

    def profile(self, entry_id: str) -> tuple[str, dict] | None:
        """('people' | 'bodies', entry) for an id, or None."""
        for name in PROFILE_COLLECTIONS:
            if entry_id in self.by_id[name]:
                return name, self.by_id[name][entry_id]
        return None


def data_tokens(name: str) -> tuple[str, ...]:
    return tuple(f"data:{n}" for n in PROFILE_COLLECTIONS) if name == "profiles" else (f"data:{name}",)


def entry_tokens(name: str):
    names = PROFILE_COLLECTIONS if name == "profiles" else (name,)
    return lambda entry_id: tuple(f"entry:{n}:{entry_id}" for n in names)


def raise_if_any(problems: list[str]) -> None:
    if not problems:
        return
    shown = problems[:MAX_REPORTED]
    more = f"\n  ... and {len(problems) - MAX_REPORTED} more" if len(problems) > MAX_REPORTED else ""
    raise GuideError("The guide's data has problems:\n  " + "\n  ".join(shown) + more)


_CACHE: dict[str, Guide] = {}
# (collection, text) -> (entries, problems): `mkdocs serve` re-parses only the file that changed.
# Lives as long as this module: macros/__init__.py reloads it only when macros/ changes.
_PARSED: dict[tuple[str, str], tuple[object, list[str]]] = {}


def load_guide(data_dir: Path) -> Guide:
    """Read data/<name>.yml for every collection, validate, and cross-check.

    Cached by the files' contents, so `mkdocs serve` re-parses only when data changes.
    """
    texts = {name: read_text(data_dir / f"{name}.yml") for name in COLLECTIONS}
    key = hashlib.sha256(repr(sorted(texts.items())).encode()).hexdigest()
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = parse_guide(texts)
    return _CACHE[key]


def parsed_file(name: str, text: str) -> tuple[object, list[str]]:
    """The file's entries and the problems its own model finds, parsed once per text."""
    key = (name, text)
    if key not in _PARSED:
        if len(_PARSED) > 4 * len(COLLECTIONS):  # a long session: drop what older edits parsed
            _PARSED.clear()
        _PARSED[key] = cached_value(parse_and_check, name, text)  # on the disk between builds
    return _PARSED[key]


def parse_and_check(name: str, text: str) -> tuple[object, list[str]]:
    filename = f"data/{name}.yml"
    entries = parse_yaml(text, filename)
    return entries, check_collection(name, entries, filename)


def read_text(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


def parse_guide(texts: dict[str, str | None]) -> Guide:
    collections: dict[str, list[dict]] = {}
    problems: list[str] = []
    for name, text in texts.items():
        if text is None:
            problems.append(f"data/{name}.yml: file is missing; create it (see CONTRIBUTING.md for a template).")
            continue
        entries, found = parsed_file(name, text)
        problems.extend(found)
        collections[name] = entries if isinstance(entries, list) else []
    raise_if_any(problems)
    guide = Guide(collections, texts=texts)
    raise_if_any(check_references(guide))
    return guide


def ids_named(value) -> list[str]:
    if isinstance(value, dict):
        return list(value)
    return value if isinstance(value, list) else [value]


def check_references(guide: Guide) -> list[str]:
    """Ids named in one file must exist in the file they point to."""
    problems = []
    for name, model in COLLECTIONS.items():
        for field_name, target in references(model).items():
            known = guide.by_id[target]
            for index, entry in enumerate(guide[name]):
                for wanted in ids_named(entry.get(field_name) or []):
                    if wanted in known or (name == "questions" and wanted == WHOLE_ESSAY):
                        continue
                    hint = did_you_mean(wanted, known) or " known: " + ", ".join(known) + "."
                    problems.append(f"data/{name}.yml, {describe_entry(index, entry)}, field '{field_name}': "
                                    f"unknown {ENTRY_NOUNS[target]} '{wanted}';{hint}")
    problems.extend(check_profile_ids(guide))
    problems.extend(check_aliases(guide, PROFILE_COLLECTIONS))
    problems.extend(check_aliases(guide, ("glossary",)))
    problems.extend(check_chapter_numbers(guide))
    problems.extend(check_relations(guide))
    return problems


def check_profile_ids(guide: Guide) -> list[str]:
    """who() looks in people and bodies, so their ids share one namespace."""
    shared = set(guide.by_id["people"]) & set(guide.by_id["bodies"])
    return [f"data/bodies.yml, entry ({entry_id}), field 'id': '{entry_id}' is also a person's id in data/people.yml; rename one." for entry_id in sorted(shared)]


def check_aliases(guide: Guide, names: tuple[str, ...]) -> list[str]:
    """An alias may point at only one entry, or mentions would be counted twice."""
    owner: dict[str, str] = {}
    problems = []
    for name in names:
        for index, entry in enumerate(guide[name]):
            for alias in [display_label(entry), *(entry.get("aliases") or [])]:
                if alias in owner and owner[alias] != entry["id"]:
                    problems.append(
                        f"data/{name}.yml, {describe_entry(index, entry)}, field 'aliases': "
                        f"'{alias}' already belongs to '{owner[alias]}'; make it more specific."
                    )
                owner.setdefault(alias, entry["id"])
    return problems


def check_chapter_numbers(guide: Guide) -> list[str]:
    numbers = sorted(chapter["number"] for chapter in guide["chapters"])
    expected = list(range(1, len(numbers) + 1))
    if numbers != expected:
        return [f"data/chapters.yml: chapter numbers must run 1 to {len(numbers)} without gaps or repeats; found {numbers}."]
    return []


def check_relations(guide: Guide) -> list[str]:
    """The relationship map draws each tie once: the same from, kind and to (either way round
    for a tie that runs both ways, such as allied-with) may not be listed twice."""
    problems = []
    seen: dict[tuple[str, str, str], int] = {}
    for index, entry in enumerate(guide.collections.get("relations", [])):
        ends = [entry["from"], entry["to"]]
        if entry["kind"] in SYMMETRIC_RELATION_KINDS:
            ends.sort()
        key = (ends[0], entry["kind"], ends[1])
        if key in seen:
            problems.append(f"data/relations.yml, entry {index + 1} ({entry['from']} {entry['kind']} {entry['to']}), "
                            f"field 'to': the same tie as entry {seen[key] + 1}; merge the two (list every chapter "
                            "in one entry's 'chapters').")
        seen.setdefault(key, index)
    return problems
