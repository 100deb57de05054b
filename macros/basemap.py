"""The stored basemap of the map of places, and the one projection that draws it and the places.

data/basemap/basemap.json is made once from Natural Earth by scripts/make_basemap.py (see
data/basemap/README.md); the build only reads it. The projection is equirectangular with a
standard parallel: x grows with longitude times cos(parallel), y with latitude, at one scale,
so a panel is a simple, honest rectangle of the globe.
"""
from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path

from .errors import GuideError
from .svg import number

BASEMAP_FILE = "basemap/basemap.json"  # under data/
REGENERATE = "run `.venv/bin/python scripts/make_basemap.py` (data/basemap/README.md says how)"

Point = tuple[float, float]


# -- the stored file -------------------------------------------------------------------
def load_basemap(path: Path) -> dict:
    """The stored basemap, checked enough that a broken file stops the build with the fix."""
    where = f"data/{BASEMAP_FILE}"
    try:
        basemap = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuideError(f"{where} is missing; {REGENERATE}.") from None
    except json.JSONDecodeError as error:
        raise GuideError(f"{where}, line {error.lineno}: not valid JSON ({error.msg}); {REGENERATE}.") from None
    check_basemap(basemap, where)
    return basemap


def check_basemap(basemap, where: str) -> None:
    regions = basemap.get("regions") if isinstance(basemap, dict) else None
    if not isinstance(regions, dict) or not regions:
        raise GuideError(f"{where}: no 'regions'; {REGENERATE}.")
    for name, region in regions.items():
        bounds = region.get("bounds") if isinstance(region, dict) else None
        if not (isinstance(bounds, list) and len(bounds) == 4 and bounds[0] < bounds[2] and bounds[1] < bounds[3]):
            raise GuideError(f"{where}, region '{name}', field 'bounds': expected [west, south, east, north]; "
                             f"{REGENERATE}.")
        for field in ("land", "borders"):
            lines = region.get(field)
            if not isinstance(lines, list) or any(not isinstance(line, list) or len(line) % 2 for line in lines):
                raise GuideError(f"{where}, region '{name}', field '{field}': expected lists of "
                                 f"[lon, lat, lon, lat, ...]; {REGENERATE}.")


def pairs(flat: list[float]) -> list[Point]:
    """[lon, lat, lon, lat, ...] -> [(lon, lat), ...]"""
    return list(zip(flat[0::2], flat[1::2], strict=True))


def region_holding(basemap: Mapping, bounds: list[float]) -> dict | None:
    """The stored region whose box holds the whole of bounds [west, south, east, north]."""
    west, south, east, north = bounds
    for region in basemap["regions"].values():
        w, s, e, n = region["bounds"]
        if w <= west and s <= south and east <= e and north <= n:
            return region
    return None


# -- the projection --------------------------------------------------------------------
def make_view(bounds: list[float], width: float, x: float = 0.0, y: float = 0.0,
              parallel: float | None = None) -> dict:
    """A panel: bounds [west, south, east, north] in degrees drawn width units wide with its
    top-left corner at (x, y). parallel (default: the middle latitude) sets the east-west stretch."""
    west, south, east, north = bounds
    if parallel is None:
        parallel = (south + north) / 2
    stretch = math.cos(math.radians(parallel))
    scale = width / ((east - west) * stretch)
    return {"bounds": list(bounds), "stretch": stretch, "scale": scale, "x": x, "y": y,
            "width": width, "height": (north - south) * scale}


def project(lon: float, lat: float, view: dict) -> Point:
    """Longitude and latitude to x, y in the panel (y grows downwards, as in SVG)."""
    west, _, _, north = view["bounds"]
    return (view["x"] + (lon - west) * view["stretch"] * view["scale"],
            view["y"] + (north - lat) * view["scale"])


def contains(view: dict, lon: float, lat: float) -> bool:
    west, south, east, north = view["bounds"]
    return west <= lon <= east and south <= lat <= north


# -- clipping (also used by scripts/make_basemap.py) -----------------------------------
def clip_ring(ring: list[Point], box: list[float]) -> list[Point]:
    """Sutherland-Hodgman: the part of a closed ring inside box [west, south, east, north]."""
    west, south, east, north = box
    for axis, limit, keep_above in ((0, west, True), (0, east, False), (1, south, True), (1, north, False)):
        if not ring:
            break
        out: list[Point] = []
        for current, previous in zip(ring, ring[-1:] + ring[:-1], strict=True):
            now_in, was_in = (inside(p[axis], limit, keep_above) for p in (current, previous))
            if now_in:
                if not was_in:
                    out.append(crossing(previous, current, axis, limit))
                out.append(current)
            elif was_in:
                out.append(crossing(previous, current, axis, limit))
        ring = out
    return ring


def inside(value: float, limit: float, keep_above: bool) -> bool:
    return value >= limit if keep_above else value <= limit


def crossing(a: Point, b: Point, axis: int, limit: float) -> Point:
    t = (limit - a[axis]) / (b[axis] - a[axis])
    other = a[1 - axis] + t * (b[1 - axis] - a[1 - axis])
    return (limit, other) if axis == 0 else (other, limit)


def clip_line(line: list[Point], box: list[float]) -> list[list[Point]]:
    """The runs of a line whose points lie inside box (ends may stop just short of its edge)."""
    west, south, east, north = box
    runs: list[list[Point]] = [[]]
    for x, y in line:
        if west <= x <= east and south <= y <= north:
            runs[-1].append((x, y))
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) > 1]


# -- SVG paths -------------------------------------------------------------------------
def path_data(points: list[Point], view: dict, closed: bool, min_step: float = 0.8) -> str:
    """Projected, rounded, with points closer than min_step units to the last one left out."""
    kept: list[Point] = []
    for lon, lat in points:
        x, y = project(lon, lat, view)
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= min_step:
            kept.append((x, y))
    if len(kept) < (3 if closed else 2):
        return ""
    coords = " ".join(f"{number(x)} {number(y)}" for x, y in kept)
    return f"M{coords}{'Z' if closed else ''}"


def land_path(region: dict, view: dict) -> str:
    rings = (clip_ring(pairs(ring), view["bounds"]) for ring in region["land"])
    return "".join(path_data(ring, view, closed=True) for ring in rings if len(ring) >= 3)


def border_path(region: dict, view: dict) -> str:
    runs = (run for line in region["borders"] for run in clip_line(pairs(line), view["bounds"]))
    return "".join(path_data(run, view, closed=False) for run in runs)
