"""The JSON Schemas editors use are exactly what the models say, and every data file points at its own."""
from conftest import ROOT
from macros import schemas
from macros.model import COLLECTIONS


def test_committed_json_schemas_match_the_models():
    stale = [name for name, text in schemas.schema_texts().items()
             if not (ROOT / "data" / "schemas" / name).exists()
             or (ROOT / "data" / "schemas" / name).read_text(encoding="utf-8") != text]
    assert not stale, f"regenerate with `make schemas`: {stale}"


def test_every_data_file_names_its_schema_on_the_first_line():
    for name in COLLECTIONS:
        first = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schemas/{name}.schema.json", name


def test_schema_forbids_unknown_fields_and_lists_the_kinds():
    from macros.model import BODY_KIND_LABELS
    bodies = schemas.schema_for("bodies")
    body = bodies["$defs"]["Body"]
    assert body["additionalProperties"] is False
    assert body["properties"]["kind"]["enum"] == list(BODY_KIND_LABELS)
    assert bodies["type"] == "array" and "short" in body["required"]
