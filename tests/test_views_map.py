"""Unit tests of the map of places: projection, basemap, label placement, the two renderers, the data check."""
from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from macros import place_map
from macros.basemap import (
    BASEMAP_FILE,
    border_path,
    clip_line,
    clip_ring,
    land_path,
    load_basemap,
    make_view,
    project,
    region_holding,
)
from macros.errors import GuideError
from macros.model import COLLECTIONS
from macros.validation import check_entry

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"

BASEMAP = {"regions": {
    "americas": {"bounds": [-135, -60, -25, 60],
                 "land": [[-120, 50, -60, 50, -60, 10, -120, 10], [-80, 10, -35, 10, -35, -55, -80, -55]],
                 "borders": [[-100, 30, -100, 20]]},
    "europe-middle-east": {"bounds": [-12, 24, 62, 64], "land": [[-10, 60, 60, 60, 60, 25, -10, 25]],
                           "borders": [[10, 50, 20, 45]]},
}}


def place(pid, name, kind, lat, lon):
    return {"id": pid, "name": name, "kind": kind, "latitude": lat, "longitude": lon,
            "href": f"../places/#{pid}"}


PLACES = [place("mexico-city", "Mexico City", "city", 19.43, -99.13),
          place("washington", "Washington", "city", 38.9, -77.04),
          place("texas", "Texas", "state", 31.0, -99.3),
          place("colombia", "Colombia", "country", 4.71, -74.07),
          place("andes", "Andes", "region", -5.0, -76.0),
          place("geneva", "Geneva", "city", 46.2, 6.14),
          place("iraq", "Iraq", "country", 33.31, 44.37)]
FAR = {"geneva", "iraq"}


def svg_of(html: str) -> ET.Element:
    return ET.fromstring(re.search(r"<svg.*</svg>", html, re.S).group(0))


def links(svg: ET.Element) -> dict[str, ET.Element]:
    return {a.get("{http://www.w3.org/1999/xlink}href"): a for a in svg.iter(f"{SVG}a")}


def marker_xy(link: ET.Element) -> tuple[float, float]:
    mark = next(e for e in link if "guide-map__mark" in (e.get("class") or ""))
    if mark.tag == f"{SVG}circle":
        return float(mark.get("cx")), float(mark.get("cy"))
    if mark.tag == f"{SVG}rect":
        return float(mark.get("x")) + place_map.MARK, float(mark.get("y")) + place_map.MARK
    xs, ys = zip(*(map(float, p.split(",")) for p in mark.get("points").split()), strict=True)
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def label_boxes(svg: ET.Element) -> list[tuple[float, float, float, float]]:
    boxes = []
    for text in svg.iter(f"{SVG}text"):
        if text.get("class") != "guide-map__label":
            continue
        x, y, width = float(text.get("x")), float(text.get("y")), place_map.text_width(text.text)
        x0 = {"start": x, "end": x - width, "middle": x - width / 2}[text.get("text-anchor", "start")]
        boxes.append((x0, y - place_map.FONT, x0 + width, y + 2))
    return boxes


# -- projection -------------------------------------------------------------------------
def test_projection_maps_the_corners_of_the_bounds_to_the_corners_of_the_panel():
    view = make_view([-120, -10, -40, 50], 400, x=10, y=20, parallel=0)
    assert project(-120, 50, view) == pytest.approx((10, 20))
    assert project(-40, -10, view) == pytest.approx((410, 20 + 60 * 5))
    assert view["height"] == pytest.approx(300)


def test_projection_puts_north_up_and_east_right():
    view = make_view([-10, 20, 60, 60], 300)
    x1, y1 = project(0, 30, view)
    x2, y2 = project(10, 40, view)
    assert x2 > x1 and y2 < y1


def test_standard_parallel_narrows_degrees_of_longitude():
    view = make_view([0, 30, 60, 60], 300, parallel=60)
    assert view["scale"] == pytest.approx(300 / (60 * math.cos(math.radians(60))))
    assert make_view([0, 30, 60, 60], 300)["stretch"] == pytest.approx(math.cos(math.radians(45)))


# -- basemap ----------------------------------------------------------------------------------
def test_clip_ring_keeps_only_the_part_inside_the_box():
    ring = clip_ring([(-10, -10), (10, -10), (10, 10), (-10, 10)], [0, 0, 20, 20])
    assert sorted(ring) == sorted([(0, 0), (10, 0), (10, 10), (0, 10)])
    assert clip_ring([(30, 30), (40, 30), (40, 40)], [0, 0, 20, 20]) == []


def test_clip_line_splits_where_the_line_leaves_the_box():
    runs = clip_line([(1, 1), (2, 2), (30, 30), (3, 3), (4, 4)], [0, 0, 20, 20])
    assert runs == [[(1, 1), (2, 2)], [(3, 3), (4, 4)]]


def test_land_and_border_paths_are_projected_into_the_panel():
    view = make_view([-130, -58, -30, 55], 300, parallel=0)
    land = land_path(BASEMAP["regions"]["americas"], view)
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", land)]
    assert land.startswith("M") and land.count("Z") == 2
    assert all(-0.01 <= n <= view["height"] + 0.01 for n in numbers)
    assert border_path(BASEMAP["regions"]["americas"], view).startswith("M")


def test_load_basemap_reads_a_good_file(tmp_path):
    path = tmp_path / "basemap.json"
    path.write_text(json.dumps(BASEMAP))
    assert load_basemap(path)["regions"]["americas"]["bounds"] == [-135, -60, -25, 60]


def test_missing_basemap_stops_the_build_with_the_fix(tmp_path):
    with pytest.raises(GuideError) as caught:
        load_basemap(tmp_path / "basemap.json")
    assert "data/basemap/basemap.json is missing" in str(caught.value)
    assert "scripts/make_basemap.py" in str(caught.value)


@pytest.mark.parametrize("broken, words", [
    ("{not json", "line 1: not valid JSON"),
    (json.dumps({"regions": {}}), "no 'regions'"),
    (json.dumps({"regions": {"x": {"bounds": [1, 2, 3], "land": [], "borders": []}}}), "region 'x', field 'bounds'"),
    (json.dumps({"regions": {"x": {"bounds": [0, 0, 1, 1], "land": [[1, 2, 3]], "borders": []}}}),
     "region 'x', field 'land'"),
])
def test_broken_basemap_is_refused(tmp_path, broken, words):
    path = tmp_path / "basemap.json"
    path.write_text(broken)
    with pytest.raises(GuideError, match=re.escape(words)):
        load_basemap(path)


def test_the_stored_basemap_covers_both_panels():
    basemap = load_basemap(ROOT / "data" / BASEMAP_FILE)
    for bounds in place_map.PANEL_BOUNDS.values():
        region = region_holding(basemap, bounds)
        assert region is not None and region["land"] and region["borders"]
    assert "Natural Earth" in basemap["source"]
    assert (ROOT / "data" / "basemap" / "README.md").read_text().count("make_basemap.py") >= 1


# -- labels ----------------------------------------------------------------------------------
def test_crowded_labels_do_not_overlap_and_stay_in_the_area():
    marks = [{"x": 100 + 6 * i, "y": 100 + 4 * i, "text": f"Place number {i}"} for i in range(6)]
    area = (0, 0, 400, 300)
    labels = place_map.place_labels(marks, area, [])
    boxes = [label["box"] for label in labels]
    for i, a in enumerate(boxes):
        assert area[0] <= a[0] and a[2] <= area[2] and area[1] <= a[1] and a[3] <= area[3]
        for b in boxes[i + 1:]:
            assert place_map.overlap(a, b) == 0
    assert any(label["leader"] for label in labels)  # too crowded for every label to sit beside its mark


def test_a_lone_label_sits_right_of_its_marker():
    [label] = place_map.place_labels([{"x": 50, "y": 50, "text": "Cuba"}], (0, 0, 300, 300), [])
    assert label["anchor"] == "start" and label["x"] > 50 and not label["leader"]


def test_labels_keep_out_of_reserved_boxes():
    keep_out = [(55, 30, 200, 70)]
    [label] = place_map.place_labels([{"x": 50, "y": 50, "text": "Cuba"}], (0, 0, 300, 300), keep_out)
    assert place_map.overlap(label["box"], keep_out[0]) == 0


def test_label_placement_is_deterministic():
    marks = [{"x": 10 * i, "y": 50 + (i % 3) * 5, "text": f"P{i}"} for i in range(10)]
    assert place_map.place_labels(marks, (0, 0, 300, 200), []) == place_map.place_labels(marks, (0, 0, 300, 200), [])


# -- the full map ---------------------------------------------------------------------------------
def test_full_map_labels_and_links_every_place():
    html = place_map.render_place_map(PLACES, BASEMAP, "place-list")
    svg = svg_of(html)
    found = links(svg)
    for p in PLACES:
        link = found[p["href"]]
        assert link.get("aria-label").startswith(p["name"])
        assert [t.text for t in link.iter(f"{SVG}text")] == [p["name"]]
    assert svg.get("role") == "group"
    assert svg.find(f"{SVG}title").text == "Map of every place the essay names"
    assert svg.get("aria-labelledby") == "places-map-title places-map-desc"
    assert '<a href="#place-list">Text version</a>' in html
    assert 'class="guide-figure guide-figure--map"' in html


def test_full_map_puts_far_places_in_the_inset_and_the_rest_outside_it():
    svg = svg_of(place_map.render_place_map(PLACES, BASEMAP, "place-list"))
    panels = [g.find(f"{SVG}rect[@class='guide-map__water']") for g in svg.iter(f"{SVG}g")
              if g.get("class") == "guide-map__panel"]
    assert len(panels) == 2
    x, y, w, h = (float(panels[1].get(k)) for k in ("x", "y", "width", "height"))
    for p in PLACES:
        mx, my = marker_xy(links(svg)[p["href"]])
        inside = x <= mx <= x + w and y <= my <= y + h
        assert inside == (p["id"] in FAR), p["id"]


def test_full_map_labels_do_not_overlap_on_the_real_places():
    from macros.loader import load_guide
    places = [place(p["id"], p["name"], p["kind"], p["latitude"], p["longitude"])
              for p in load_guide(ROOT / "data")["places"]]
    svg = svg_of(place_map.render_place_map(places, load_basemap(ROOT / "data" / BASEMAP_FILE), "place-list"))
    boxes = label_boxes(svg)
    assert len(boxes) == len(places)
    overlaps = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if place_map.overlap(a, b) > 0]
    assert not overlaps


def test_marker_shape_tells_the_kind():
    shapes = {kind: place_map.marker(kind, 10, 10) for kind in ("city", "country", "state", "region")}
    assert shapes["city"].startswith("<circle") and shapes["country"].startswith("<rect")
    assert shapes["state"].startswith("<polygon") and "hollow" in shapes["region"]
    assert len(set(shapes.values())) == 4


def test_legend_names_only_the_kinds_shown():
    html = place_map.render_place_map([p for p in PLACES if p["kind"] == "city"], BASEMAP, "place-list")
    assert "City</text>" in html and "Country (at its capital)" not in html


def test_place_names_are_escaped_in_the_svg():
    odd = [place("x", 'A <b> & "C"', "city", 10, -80)]
    html = place_map.render_place_map(odd, BASEMAP, "place-list")
    assert "<b>" not in html and "&lt;b&gt; &amp;" in html
    svg_of(html)  # still well-formed


def test_a_place_outside_every_panel_stops_the_build_with_the_fix():
    with pytest.raises(GuideError) as caught:
        place_map.render_place_map([place("sydney", "Sydney", "city", -33.87, 151.21)], BASEMAP, "place-list")
    message = str(caught.value)
    assert "data/places.yml, entry (sydney), fields 'latitude', 'longitude'" in message
    assert "Check the signs" in message


# -- the chapter locator ---------------------------------------------------------------------------
def test_locator_shows_only_the_chapters_places():
    mine = [p for p in PLACES if p["id"] in {"mexico-city", "texas"}]
    html = place_map.render_locator(mine, BASEMAP, "start", 1)
    svg = svg_of(html)
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "guide-map__label"]
    assert sorted(labels) == ["Mexico City", "Texas"]
    assert not links(svg)  # an image: its text version holds the links
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Map of the places chapter 1 names"
    assert '<a href="#locator-start-places">Text version</a>' in html
    assert "Europe and the Middle East" not in html  # no inset without a far place
    assert 'guide-figure--map-locator' in html


def test_locator_adds_the_inset_only_for_far_places():
    html = place_map.render_locator([PLACES[0], PLACES[5]], BASEMAP, "start", 1)
    assert "Europe and the Middle East" in html
    only_far = svg_of(place_map.render_locator([PLACES[5]], BASEMAP, "end", 2))
    panels = [g for g in only_far.iter(f"{SVG}g") if g.get("class") == "guide-map__panel"]
    assert len(panels) == 1


def test_chapter_without_places_gets_no_map_and_no_list():
    assert place_map.render_locator([], BASEMAP, "start", 1) == ""
    assert place_map.render_locator_list([], "start") == ""


def test_locator_text_version_lists_and_links_the_places():
    html = place_map.render_locator_list(PLACES[:2], "start")
    assert '<ul class="guide-map-places" id="locator-start-places">' in html
    assert '<a href="../places/#mexico-city">Mexico City</a> (city)' in html
    assert html.count("<li>") == 2


def test_locator_bounds_hold_the_places_and_a_minimum_span():
    west, south, east, north = place_map.locator_bounds([PLACES[0]], place_map.MAIN)
    assert west < -99.13 < east and south < 19.43 < north
    assert east - west >= place_map.LOCATOR_MIN_SPAN[0] and north - south >= place_map.LOCATOR_MIN_SPAN[1]
    limits = place_map.PANEL_BOUNDS[place_map.MAIN]
    wide = place_map.locator_bounds(PLACES[:5], place_map.MAIN)
    assert limits[0] <= wide[0] and wide[2] <= limits[2] and limits[1] <= wide[1] and wide[3] <= limits[3]


# -- the data check ----------------------------------------------------------------------------------
GOOD_PLACE = {"id": "geneva", "name": "Geneva", "kind": "city", "in_the_article": "Swiss city.",
              "latitude": 46.2, "longitude": 6.14}


def test_a_place_with_coordinates_is_valid_and_whole_degrees_are_fine():
    assert check_entry(GOOD_PLACE, COLLECTIONS["places"], "here") == []
    assert check_entry({**GOOD_PLACE, "latitude": 46}, COLLECTIONS["places"], "here") == []


@pytest.mark.parametrize("field", ["latitude", "longitude"])
def test_missing_coordinates_are_refused_with_file_entry_field_and_fix(field):
    entry = {k: v for k, v in GOOD_PLACE.items() if k != field}
    [problem] = check_entry(entry, COLLECTIONS["places"], "data/places.yml, entry 15 (geneva)")
    assert problem.startswith(f"data/places.yml, entry 15 (geneva), field '{field}': missing;")
    assert "decimal degrees" in problem and "latitude: 19.43" in problem


@pytest.mark.parametrize("field, value, words", [
    ("latitude", 91.0, "91.0 is out of range; latitude runs from -90 to 90"),
    ("latitude", -90.5, "-90.5 is out of range"),
    ("longitude", 181, "181 is out of range; longitude runs from -180 to 180"),
    ("longitude", "6.14E", "expected a number of degrees"),
    ("latitude", True, "expected a number of degrees"),
])
def test_coordinates_out_of_range_or_not_numbers_are_refused(field, value, words):
    [problem] = check_entry({**GOOD_PLACE, field: value}, COLLECTIONS["places"], "data/places.yml, entry 15 (geneva)")
    assert problem.startswith(f"data/places.yml, entry 15 (geneva), field '{field}':") and words in problem


def test_every_place_in_the_data_lies_in_a_panel():
    from macros.loader import load_guide
    for p in load_guide(ROOT / "data")["places"]:
        assert place_map.panel_of(p) in place_map.PANEL_BOUNDS


def test_ids_inside_figures_are_unique_across_figures_on_one_page():
    pages = [place_map.render_locator(PLACES, BASEMAP, "start", 1), place_map.render_locator(PLACES, BASEMAP, "end", 2),
             place_map.render_place_map(PLACES, BASEMAP, "place-list")]
    ids = re.findall(r'\bid="([^"]+)"', "".join(pages))
    assert len(ids) == len(set(ids))
