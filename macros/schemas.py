"""Export a JSON Schema per data file, for editors: `python -m macros.schemas` (or `make schemas`).

Each data/<name>.yml starts with a `# yaml-language-server: $schema=...` line pointing at
data/schemas/<name>.schema.json, so editors with the YAML language server (VS Code's YAML
extension, for one) autocomplete fields and flag mistakes as you type. A test checks the
committed files match the models.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import TypeAdapter

from .model import COLLECTIONS

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "schemas"


def schema_for(name: str) -> dict:
    schema = TypeAdapter(list[COLLECTIONS[name]]).json_schema()  # type: ignore[valid-type]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"data/{name}.yml", **schema}


def schema_texts() -> dict[str, str]:
    return {f"{name}.schema.json": json.dumps(schema_for(name), indent=2, ensure_ascii=False) + "\n"
            for name in COLLECTIONS}


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for filename, text in schema_texts().items():
        (SCHEMA_DIR / filename).write_text(text, encoding="utf-8")
    print(f"wrote {len(COLLECTIONS)} schemas to {SCHEMA_DIR.relative_to(Path.cwd()) if SCHEMA_DIR.is_relative_to(Path.cwd()) else SCHEMA_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
