"""Load every data file, check it against its schema, then check the references between files."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import GuideError
from .model import SCHEMAS, WHOLE_ESSAY, check_collection, describe_entry, did_you_mean, parse_yaml

MAX_REPORTED = 25
REF_NAMES = {"chapters": "chapter", "themes": "theme", "glossary": "glossary term",
             "profiles": "person or body"}


@dataclass
class Guide:
    """All data entries, by collection name, with lookups by id."""

    collections: dict[str, list[dict]]
    by_id: dict[str, dict[str, dict]] = field(default_factory=dict)

    def __post_init__(self):
        for name, entries in self.collections.items():
            self.by_id[name] = {e["id"]: e for e in entries if "id" in e}
        # who() and `people:` fields name people and bodies alike
        self.by_id["profiles"] = {**self.by_id.get("people", {}), **self.by_id.get("bodies", {})}

    def __getitem__(self, name: str) -> list[dict]:
        return self.collections[name]

    def profile(self, entry_id: str) -> tuple[str, dict] | None:
        """('people' | 'bodies', entry) for an id, or None."""
        for name in ("people", "bodies"):
            if entry_id in self.by_id[name]:
                return name, self.by_id[name][entry_id]
        return None


def raise_if_any(problems: list[str]) -> None:
    if not problems:
        return
    shown = problems[:MAX_REPORTED]
    more = f"\n  ... and {len(problems) - MAX_REPORTED} more" if len(problems) > MAX_REPORTED else ""
    raise GuideError("The guide's data has problems:\n  " + "\n  ".join(shown) + more)


def load_guide(data_dir: Path) -> Guide:
    """Read data/<name>.yml for every schema, validate, and cross-check."""
    collections: dict[str, list[dict]] = {}
    problems: list[str] = []
    for name in SCHEMAS:
        path = data_dir / f"{name}.yml"
        filename = f"data/{name}.yml"
        if not path.exists():
            problems.append(f"{filename}: file is missing; create it (see CONTRIBUTING.md for a template).")
            continue
        entries = parse_yaml(path.read_text(encoding="utf-8"), filename)
        found = check_collection(name, entries, filename)
        problems.extend(found)
        collections[name] = entries if isinstance(entries, list) else []
    raise_if_any(problems)
    guide = Guide(collections)
    raise_if_any(check_references(guide))
    return guide


def check_references(guide: Guide) -> list[str]:
    """Ids named in one file must exist in the file they point to."""
    problems = []
    for name, schema in SCHEMAS.items():
        for index, entry in enumerate(guide[name]):
            where = f"data/{name}.yml, {describe_entry(index, entry)}"
            for field_name, spec in schema.items():
                value = entry.get(field_name)
                if value is None or spec.ref is None:
                    continue
                targets = guide.by_id[spec.ref]
                if spec.kind == "ref":
                    names = [value]
                elif spec.kind == "treatments":
                    names = list(value)
                else:
                    names = value
                for target in names:
                    if target in targets or (name == "questions" and target == WHOLE_ESSAY):
                        continue
                    problems.append(
                        f"{where}, field '{field_name}': unknown {REF_NAMES[spec.ref]} "
                        f"'{target}';{did_you_mean(target, targets) or ' known: ' + ', '.join(targets) + '.'}"
                    )
    problems.extend(check_context_sources(guide))
    problems.extend(check_profile_ids(guide))
    problems.extend(check_aliases(guide, ("people", "bodies")))
    problems.extend(check_aliases(guide, ("glossary",)))
    problems.extend(check_chapter_numbers(guide))
    return problems


def check_context_sources(guide: Guide) -> list[str]:
    """Article facts name their chapter; outside facts carry a source."""
    problems = []
    for name in ("timeline", "figures"):
        for index, entry in enumerate(guide[name]):
            where = f"data/{name}.yml, {describe_entry(index, entry)}"
            if entry["in_article"] and not entry.get("chapter"):
                problems.append(f"{where}, field 'chapter': missing; a fact from the article names the chapter it comes from.")
            if not entry["in_article"] and not entry.get("sources"):
                problems.append(f"{where}, field 'sources': missing; a context fact from outside the article needs a source.")
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
            label = entry.get("name") or entry.get("term")
            for alias in [label, *entry.get("aliases", [])]:
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
