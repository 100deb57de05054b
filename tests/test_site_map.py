"""The built site: the Places page and every chapter page that names a place carry their map."""
from __future__ import annotations

import gzip
import re

import yaml

from conftest import ROOT

PAGE_LIMIT = 300_000  # bytes, compressed


def test_places_page_has_the_map_its_text_version_and_stays_small(built_site):
    html = (built_site / "reference" / "places" / "index.html").read_text(encoding="utf-8")
    places = yaml.safe_load((ROOT / "data" / "places.yml").read_text(encoding="utf-8"))
    figure = re.search(r'<figure class="guide-figure guide-figure--map".*?</figure>', html, re.S).group(0)
    for place in places:
        assert f'href="#{place["id"]}"' in figure, place["id"]
    assert 'href="#place-list">Text version' in figure and 'id="place-list"' in html
    assert len(gzip.compress(html.encode())) <= PAGE_LIMIT


def test_each_chapter_naming_a_place_has_a_locator_and_the_others_none(built_site):
    pages = sorted((built_site / "chapters").glob("*/index.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        names_places = re.search(r"<strong><a [^>]*>Places</a>:</strong>", html) is not None
        has_map = 'guide-figure--map-locator' in html
        assert has_map == names_places, page.parent.name
        if has_map:
            chapter = page.parent.name.split("-", 1)[1]
            assert f'id="locator-{chapter}-places"' in html
            assert len(gzip.compress(html.encode())) <= PAGE_LIMIT
