"""Bad input stops `mkdocs build` with one clear message naming file, entry, field and fix."""
import re
from pathlib import Path

import pytest
import yaml

from conftest import build


def edit_yaml(project: Path, name: str, change) -> None:
    path = project / "data" / f"{name}.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(entries)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")


def failed_build(project: Path) -> str:
    result = build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output[-2000:]}"
    assert "Traceback" not in output, f"the message should not be a bare traceback:\n{output[-3000:]}"
    return output


def test_malformed_yaml_names_file_and_line(project_copy):
    path = project_copy / "data" / "glossary.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "  term: [unclosed")
    path.write_text("\n".join(lines), encoding="utf-8")
    output = failed_build(project_copy)
    assert re.search(r"data/glossary\.yml, line \d+, column \d+: malformed YAML", output)


def test_missing_required_field(project_copy):
    edit_yaml(project_copy, "people", lambda people: people[0].pop("short"))
    output = failed_build(project_copy)
    assert "data/people.yml, entry 1" in output and "field 'short': missing" in output


def test_unknown_field_suggests_the_right_one(project_copy):
    def typo(terms):
        terms[0]["explanaton"] = terms[0].pop("explanation")
    edit_yaml(project_copy, "glossary", typo)
    output = failed_build(project_copy)
    assert "data/glossary.yml, entry 1" in output
    assert "field 'explanaton': unknown field; did you mean 'explanation'?" in output


def test_duplicate_id(project_copy):
    edit_yaml(project_copy, "places", lambda places: places.append(dict(places[0])))
    output = failed_build(project_copy)
    assert "data/places.yml" in output and "duplicate id" in output


def test_unknown_id_in_a_macro_call_on_a_page(project_copy):
    page = project_copy / "docs" / "chapters" / "02-fox-goes-abroad.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n\nSee {{ who("foxx") }}.\n', encoding="utf-8")
    output = failed_build(project_copy)
    assert "unknown person or body 'foxx' in docs/chapters/02-fox-goes-abroad.md; did you mean 'fox'?" in output


def test_unknown_glossary_term_in_a_macro_call(project_copy):
    page = project_copy / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n\n{{ term("soverignty") }}\n', encoding="utf-8")
    output = failed_build(project_copy)
    assert "unknown glossary term 'soverignty' in docs/about.md; did you mean 'sovereignty'?" in output


@pytest.mark.parametrize("name, change, expected", [
    ("questions", lambda q: q[0].update(chapter="fox-goes-abroadd"),
     "data/questions.yml, entry 1 (" ),
    ("chapters", lambda c: c[0]["themes"].update({"migrashun": "x"}),
     "unknown theme 'migrashun'"),
    ("timeline", lambda t: t[0].update(people=["castaneta"]),
     "unknown person or body 'castaneta'; did you mean 'castaneda'?"),
])
def test_reference_from_data_to_unknown_id(project_copy, name, change, expected):
    edit_yaml(project_copy, name, change)
    output = failed_build(project_copy)
    assert expected in output and f"data/{name}.yml" in output


def test_chapter_page_without_data_entry(project_copy):
    (project_copy / "docs" / "chapters" / "08-epilogue.md").write_text("# Epilogue\n", encoding="utf-8")
    output = failed_build(project_copy)
    assert "docs/chapters/08-epilogue.md: no entry in data/chapters.yml" in output
