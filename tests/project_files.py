"""The project's own files, read the way tests need them: mkdocs.yml (its !ENV tags as plain
values) and scripts/*.py as modules."""
from __future__ import annotations

import importlib.util

import yaml

from conftest import ROOT


class AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's !ENV tags as plain values."""


AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def config(name: str) -> dict:
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=AnyTagLoader)


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
