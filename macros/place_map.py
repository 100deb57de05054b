"""The map of places (Places page) and each chapter's locator map: SVG from data/places.yml.

The Americas are the main panel; places outside it (Geneva, Moscow, Baghdad) go in an inset
of Europe and the Middle East, at its own scale. Every place is a marker whose shape says its
kind (circle city, square country, triangle state, hollow diamond region), with its name as a
label, the two inside one link to its entry on the Places page. Labels are placed by a simple
deterministic rule (place_labels): the first of a fixed list of spots around the marker that
overlaps no other label, marker or panel edge; failing that, a spot further out with a leader line.
"""
from __future__ import annotations

from collections.abc import Mapping

from .basemap import border_path, contains, land_path, make_view, project, region_holding
from .errors import GuideError
from .model import PLACE_KIND_LABELS
from .svg import esc, figure_block, number, svg_element, svg_link

MAIN = "americas"
INSET = "europe-middle-east"
# [west, south, east, north]: the two panels of the full map (within the stored regions)
PANEL_BOUNDS = {MAIN: [-126.0, -56.0, -34.0, 53.0], INSET: [-8.0, 27.0, 56.0, 60.0]}
PANEL_TITLES = {MAIN: "The Americas", INSET: "Europe and the Middle East (inset, own scale)"}
FONT = 13.0          # label size, in SVG units
CHAR_WIDTH = 0.56    # average glyph width, as a share of the font size (a safe guess for sans-serif)
MARK = 4.5           # half the size of a marker
FULL_WIDTH = 640.0
FULL_ID = "places-map"
INSET_WIDTH = 236.0
LOCATOR_WIDTH = 400.0
LOCATOR_PAD = 4.0    # degrees around a chapter's places
LOCATOR_MIN_SPAN = (22.0, 14.0)  # degrees of longitude and latitude a locator shows at least
LOCATOR_MIN_WIDENESS = 0.85  # degrees of longitude per degree of latitude, at least
LEGEND = {"city": "City", "country": "Country (at its capital)", "state": "State (near its middle)",
          "region": "Region (near its middle)"}


# -- markers -----------------------------------------------------------------------------
def marker(kind: str, x: float, y: float) -> str:
    """A marker whose shape, not only its colour, tells the kind of place."""
    m, cx, cy = MARK, number(x), number(y)
    if kind == "city":
        return f'<circle class="guide-map__mark" cx="{cx}" cy="{cy}" r="{number(m)}"/>'
    if kind == "country":
        return (f'<rect class="guide-map__mark" x="{number(x - m)}" y="{number(y - m)}" '
                f'width="{number(2 * m)}" height="{number(2 * m)}"/>')
    if kind == "state":
        points = [(x, y - m - 1), (x + m + 0.5, y + m), (x - m - 0.5, y + m)]
    else:  # region: hollow diamond
        points = [(x, y - m - 1.5), (x + m + 1.5, y), (x, y + m + 1.5), (x - m - 1.5, y)]
    shape = " ".join(f"{number(px)},{number(py)}" for px, py in points)
    hollow = " guide-map__mark--hollow" if kind == "region" else ""
    return f'<polygon class="guide-map__mark{hollow}" points="{shape}"/>'


# -- label placement -----------------------------------------------------------------------
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def text_width(text: str, font: float = FONT) -> float:
    return len(text) * font * CHAR_WIDTH + 2


def overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def candidates(x: float, y: float, width: float, font: float = FONT):
    """(anchor, text x, baseline y, box, leader) spots around a marker, nearest first."""
    h, gap = font * 1.2, MARK + 3
    near = [("start", 0, 0), ("end", 0, 0), ("start", 0, -0.75), ("start", 0, 0.75), ("end", 0, -0.75),
            ("end", 0, 0.75), ("middle", 0, -1.1), ("middle", 0, 1.1)]
    far = [(side, 22, step) for step in (1, -1, 1.5, -1.5, 2.5, -2.5, 3.5, -3.5) for side in ("start", "end")]
    for anchor, push, step in near + far:
        dy = step * h
        if anchor == "middle":
            x0 = x - width / 2
            cy = y + dy + (gap - 2) * (1 if step > 0 else -1)
        elif anchor == "start":
            x0 = x + gap + push
            cy = y + dy
        else:
            x0 = x - gap - push - width
            cy = y + dy
        box = (x0, cy - h / 2, x0 + width, cy + h / 2)
        tx = {"start": x0, "end": x0 + width, "middle": x}[anchor]
        yield anchor, tx, cy + font * 0.35, box, bool(push)


def distance_to_box(x: float, y: float, box: Box) -> float:
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return (dx * dx + dy * dy) ** 0.5


def distance_to_segment(x: float, y: float, start: tuple[float, float], end: tuple[float, float]) -> float:
    (x1, y1), (x2, y2) = start, end
    length = (x2 - x1) ** 2 + (y2 - y1) ** 2
    t = 0.0 if not length else max(0.0, min(1.0, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / length))
    return ((x - x1 - t * (x2 - x1)) ** 2 + (y - y1 - t * (y2 - y1)) ** 2) ** 0.5


def leader_end(mark: dict, anchor: str, box: Box) -> tuple[float, float]:
    return (box[0] if anchor == "start" else box[2]), min(max(mark["y"], box[1] + 2), box[3] - 2)


def mark_box(mark: dict) -> Box:
    return (mark["x"] - MARK - 1, mark["y"] - MARK - 2, mark["x"] + MARK + 1, mark["y"] + MARK + 2)


def place_labels(marks: list[dict], area: Box, keep_out: list[Box], font: float = FONT) -> list[dict]:
    """One label per mark {'x', 'y', 'text'}. The rule, deterministic: crowded marks choose first;
    each takes the first candidate spot (nearest first, then further out with a leader line) that
    stays inside area, overlaps no marker, label or keep_out box, and is not nearer another marker
    than its own (a leader must not pass close by another marker); failing all, the least bad."""
    def crowd(i: int) -> int:
        return sum(abs(marks[i]["x"] - m["x"]) < 80 and abs(marks[i]["y"] - m["y"]) < 40 for m in marks)
    order = sorted(range(len(marks)), key=lambda i: (-crowd(i), marks[i]["y"], marks[i]["x"], marks[i]["text"]))
    taken: list[Box] = [mark_box(m) for m in marks] + list(keep_out)
    placed: dict[int, dict] = {}
    for i in order:
        mark = marks[i]
        others = [m for j, m in enumerate(marks) if j != i]
        best, best_cost = None, None
        for anchor, tx, ty, box, leader in candidates(mark["x"], mark["y"], text_width(mark["text"], font), font):
            outside = not (area[0] <= box[0] and box[2] <= area[2] and area[1] <= box[1] and box[3] <= area[3])
            covered = sum(overlap(box, other) for other in taken if other != mark_box(mark))
            if leader:
                end = leader_end(mark, anchor, box)
                unclear = any(distance_to_segment(m["x"], m["y"], (mark["x"], mark["y"]), end) < MARK + 3
                              for m in others)
            else:
                own = distance_to_box(mark["x"], mark["y"], box)
                unclear = any(distance_to_box(m["x"], m["y"], box) < own + 2 for m in others)
            cost = (outside, covered > 0, unclear, covered)
            if best_cost is None or cost < best_cost:
                best, best_cost = (anchor, tx, ty, box, leader), cost
            if cost == (False, False, False, 0):
                break
        assert best is not None
        anchor, tx, ty, box, leader = best
        taken.append(box)
        placed[i] = {"anchor": anchor, "x": tx, "y": ty, "box": box, "leader": leader}
    return [placed[i] for i in range(len(marks))]


def leader_line(mark: dict, label: dict) -> str:
    end_x, end_y = leader_end(mark, label["anchor"], label["box"])
    return (f'<line class="guide-map__leader" x1="{number(mark["x"])}" y1="{number(mark["y"])}" '
            f'x2="{number(end_x)}" y2="{number(end_y)}"/>')


# -- panels ----------------------------------------------------------------------------------
def panel_of(place: dict) -> str:
    """The panel that holds a place; a place neither holds stops the build with the fix."""
    for name, bounds in PANEL_BOUNDS.items():
        if contains({"bounds": bounds}, place["longitude"], place["latitude"]):
            return name
    raise GuideError(
        f"data/places.yml, entry ({place['id']}), fields 'latitude', 'longitude': {place['latitude']}, "
        f"{place['longitude']} lies outside the map's panels (the Americas; Europe and the Middle East). "
        "Check the signs (west and south are negative), or widen PANEL_BOUNDS in macros/place_map.py "
        "and REGIONS in scripts/make_basemap.py.")


def locator_bounds(places: list[dict], panel: str) -> list[float]:
    """The chapter's places with a margin, at least LOCATOR_MIN_SPAN, within the full panel."""
    lons = [p["longitude"] for p in places]
    lats = [p["latitude"] for p in places]
    limits = PANEL_BOUNDS[panel]
    box = [min(lons) - LOCATOR_PAD, min(lats) - LOCATOR_PAD, max(lons) + LOCATOR_PAD, max(lats) + LOCATOR_PAD]
    # never much taller than wide: a chapter naming Quebec and the Andes gets a wider, not a taller, map
    lon_span = max(LOCATOR_MIN_SPAN[0], (box[3] - box[1]) * LOCATOR_MIN_WIDENESS)
    for low, high, span in ((0, 2, lon_span), (1, 3, LOCATOR_MIN_SPAN[1])):
        grow = max(0.0, span - (box[high] - box[low])) / 2
        box[low], box[high] = box[low] - grow, box[high] + grow
        if box[low] < limits[low]:
            box[low], box[high] = limits[low], min(limits[high], limits[low] + max(span, box[high] - box[low]))
        if box[high] > limits[high]:
            box[low], box[high] = max(limits[low], limits[high] - max(span, box[high] - box[low])), limits[high]
    return box


def draw_panel(figure_id: str, name: str, view: dict, basemap: Mapping, title: str = "") -> str:
    """One panel: water, land, borders, frame; its clip path id is unique on the page (print edition too)."""
    region = region_holding(basemap, view["bounds"])
    if region is None:
        raise GuideError(f"data/basemap/basemap.json holds no region covering {view['bounds']} ({name}); "
                         "widen REGIONS in scripts/make_basemap.py and run it again.")
    x, y, w, h = (number(view[k]) for k in ("x", "y", "width", "height"))
    clip = f"{figure_id}-clip-{name}"
    heading = (f'<text class="guide-map__panel-title" x="{number(view["x"] + 6)}" y="{number(view["y"] + 16)}">'
               f'{esc(title)}</text>') if title else ""
    return (f'<g class="guide-map__panel"><clipPath id="{clip}"><rect x="{x}" y="{y}" width="{w}" height="{h}"/>'
            f'</clipPath><rect class="guide-map__water" x="{x}" y="{y}" width="{w}" height="{h}"/>'
            f'<g clip-path="url(#{clip})"><path class="guide-map__land" d="{land_path(region, view)}"/>'
            f'<path class="guide-map__border" d="{border_path(region, view)}"/></g>'
            f'<rect class="guide-map__frame" x="{x}" y="{y}" width="{w}" height="{h}"/>{heading}</g>')


def legend(kinds: list[str], x: float, y: float, vertical: bool, labels: dict[str, str]) -> tuple[str, Box]:
    """The shapes and what they mean; returns the SVG and the box it covers."""
    rows, cx, cy, right = [], x, y, x
    for kind in kinds:
        label = labels[kind]
        rows.append(marker(kind, cx + MARK + 4, cy) +
                    f'<text class="guide-map__legend" x="{number(cx + 2 * MARK + 10)}" y="{number(cy + 4)}">'
                    f'{esc(label)}</text>')
        end = cx + 2 * MARK + 12 + text_width(label, 12)
        right = max(right, end)
        if vertical:
            cy += 18
        else:
            cx = end + 10
    bottom = (cy - 18 if vertical else cy) + 9
    box = (x - 4, y - 12, right + 4, bottom + 4)
    background = (f'<rect class="guide-map__legend-box" x="{number(box[0])}" y="{number(box[1])}" '
                  f'width="{number(box[2] - box[0])}" height="{number(box[3] - box[1])}"/>')
    return f'<g class="guide-map__key">{background}{"".join(rows)}</g>', box


def draw_places(places: list[dict], views: dict[str, dict], keep_out: list[Box], linked: bool = True) -> str:
    """Markers, leaders and labels: each place one link to its entry (or, unlinked, one group)."""
    out = []
    for panel, view in views.items():
        mine = [p for p in places if panel_of(p) == panel]
        marks = []
        for place in mine:
            x, y = project(place["longitude"], place["latitude"], view)
            marks.append({"x": x, "y": y, "text": place["name"]})
        area = (view["x"] + 2, view["y"] + (22 if panel == INSET else 2),
                view["x"] + view["width"] - 2, view["y"] + view["height"] - 2)
        outside = [] if panel == INSET else keep_out
        labels = place_labels(marks, area, outside)
        for place, mark, label in zip(mine, marks, labels, strict=True):
            body = (marker(place["kind"], mark["x"], mark["y"]) + (leader_line(mark, label) if label["leader"] else "")
                    + f'<text class="guide-map__label" x="{number(label["x"])}" y="{number(label["y"])}"'
                    + ("" if label["anchor"] == "start" else f' text-anchor="{label["anchor"]}"')
                    + f'>{esc(place["name"])}</text>')
            name = f'{place["name"]} ({PLACE_KIND_LABELS[place["kind"]].lower()}): its entry on the Places page'
            out.append(svg_link(place["href"], body, name) if linked else f"<g>{body}</g>")
    return "".join(out)


def kinds_of(places: list[dict]) -> list[str]:
    present = {p["kind"] for p in places}
    return [k for k in LEGEND if k in present]


# -- the two figures -------------------------------------------------------------------------
def render_place_map(places: list[dict], basemap: Mapping, text_version_id: str) -> str:
    """The Places page's map. places: {id, name, kind, latitude, longitude, href} (href built for the page)."""
    main = make_view(PANEL_BOUNDS[MAIN], FULL_WIDTH, parallel=0.0)
    inset_height = make_view(PANEL_BOUNDS[INSET], INSET_WIDTH)["height"]
    inset = make_view(PANEL_BOUNDS[INSET], INSET_WIDTH, x=10.0, y=main["height"] - 10 - inset_height)
    key, key_box = legend(kinds_of(places), FULL_WIDTH - 200, main["height"] - 84, True, LEGEND)
    inset_box = (inset["x"] - 4, inset["y"] - 4, inset["x"] + inset["width"] + 4, inset["y"] + inset["height"] + 4)
    body = (draw_panel(FULL_ID, MAIN, main, basemap) + draw_panel(FULL_ID, INSET, inset, basemap, PANEL_TITLES[INSET])
            + key
            + draw_places(places, {MAIN: main, INSET: inset}, [key_box, inset_box]))
    names = ", ".join(p["name"] for p in places)
    svg = svg_element(body, width=FULL_WIDTH, height=main["height"], figure_id=FULL_ID,
                      title="Map of every place the essay names",
                      description=f"The Americas, with Europe and the Middle East in an inset. Marked: {names}. "
                                  "Each marker and name links to the place's entry below.",
                      interactive=True)
    caption = ("Every place the essay names. The inset shows Europe and the Middle East at its own scale. "
               "Countries are marked at their capitals, states and regions near their middle; "
               "the shape of a marker tells the kind of place.")
    return figure_block(svg, caption=caption, kind="map", text_version_id=text_version_id)


def render_locator(places: list[dict], basemap: Mapping, chapter_id: str, chapter_number: int) -> str:
    """A chapter's small map of the places it names; '' for a chapter that names none.
    An image, not links: its text version (render_locator_list) links each place, so a keyboard
    user meets each place once, and the chapter page does not double its links."""
    if not places:
        return ""
    groups = {panel: [p for p in places if panel_of(p) == panel] for panel in PANEL_BOUNDS}
    views: dict[str, dict] = {}
    y = 0.0
    for panel, mine in groups.items():
        if mine:
            width = LOCATOR_WIDTH if panel == MAIN or not groups[MAIN] else LOCATOR_WIDTH * 0.55
            bounds = locator_bounds(mine, panel) if panel == MAIN else PANEL_BOUNDS[panel]
            views[panel] = make_view(bounds, width, y=y, parallel=0.0 if panel == MAIN else None)
            y += views[panel]["height"] + 8
    titles = {MAIN: "", INSET: "Europe and the Middle East" if groups[MAIN] else ""}
    key, key_box = legend(kinds_of(places), 4, y + 10, False,
                          {k: PLACE_KIND_LABELS[k] for k in LEGEND})
    figure_id = f"locator-{chapter_id}"
    body = ("".join(draw_panel(figure_id, p, v, basemap, titles[p]) for p, v in views.items()) + key
            + draw_places(places, views, [], linked=False))
    names = ", ".join(p["name"] for p in places)
    svg = svg_element(body, width=LOCATOR_WIDTH, height=key_box[3] + 2, figure_id=figure_id,
                      title=f"Map of the places chapter {chapter_number} names",
                      description=f"Marked: {names}. The list after the map links each to its entry.")
    caption = f"The places chapter {chapter_number} names."
    return figure_block(svg, caption=caption, kind="map-locator", text_version_id=f"{figure_id}-places")


def render_locator_list(places: list[dict], chapter_id: str) -> str:
    """The locator's text version: the places, each linked to its entry."""
    if not places:
        return ""
    items = "".join(f'<li><a href="{esc(p["href"])}">{esc(p["name"])}</a> '
                    f'({esc(PLACE_KIND_LABELS[p["kind"]].lower())})</li>' for p in places)
    return (f'<p class="guide-map-places-intro">The places on this map, each linked to its entry on the '
            f'Places page:</p>\n<ul class="guide-map-places" id="locator-{esc(chapter_id)}-places">{items}</ul>\n\n')
