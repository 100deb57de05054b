"""The relationship map in one strict build of the real guide: its page, and each chapter's part."""
from __future__ import annotations

import yaml

from conftest import ROOT


def load(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def test_relationship_page_and_every_chapter_part_are_built(built_site):
    ties = load("relations")
    page = (built_site / "reference" / "relationships" / "index.html").read_text(encoding="utf-8")
    assert page.count('<figure class="guide-figure guide-figure--relations"') == 1
    assert page.count('class="rel-edge rel-edge--') == len(ties)
    assert 'id="relationship-table"' in page and page.count("<tr>") == len(ties) + 1
    for chapter in load("chapters"):
        html = (built_site / "chapters" / f"{chapter['number']:02d}-{chapter['id']}" / "index.html").read_text(
            encoding="utf-8")
        mine = [t for t in ties if chapter["id"] in t["chapters"]]
        shown = f'id="relationship-map-{chapter["id"]}"' in html
        assert shown == bool(mine), chapter["id"]
        if mine:
            assert html.count('class="rel-edge rel-edge--') == len(mine)
            assert f'id="ties-{chapter["id"]}"' in html and "Who stands with whom" in html
