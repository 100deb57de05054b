"""Write data/basemap/basemap.json, the stored basemap of the map of places, from Natural Earth.

Source: the npm package world-atlas (pinned in tools/package.json), Natural Earth's
1:50m Admin 0 countries as TopoJSON. Natural Earth is in the public domain.

    npm install --prefix tools --ignore-scripts --no-audit --no-fund
    .venv/bin/python scripts/make_basemap.py   # rewrites data/basemap/basemap.json

What it keeps, for each region the map draws (REGIONS): the land (world-atlas's merged
`land` object) and the borders between countries (arcs shared by two countries), clipped
to the region's box, simplified (Douglas-Peucker, TOLERANCE degrees), small islands left
out, coordinates rounded to 0.01 degree. It clips with macros/basemap.py; the build reads
the result and never this script's input.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros.basemap import clip_line, clip_ring  # noqa: E402  (the build clips with the same code)

PACKAGE = ROOT / "tools" / "node_modules" / "world-atlas"
SOURCE = PACKAGE / "countries-50m.json"
OUTPUT = ROOT / "data" / "basemap" / "basemap.json"
# name -> [west, south, east, north] in degrees; must hold every panel macros/place_map.py draws
REGIONS = {
    "americas": [-135.0, -60.0, -25.0, 60.0],
    "europe-middle-east": [-12.0, 24.0, 62.0, 64.0],
}
TOLERANCE = 0.06   # degrees: finer than a pixel at the map's scales
MIN_AREA = 0.15    # square degrees: smaller islands are left out
DIGITS = 2

Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """TopoJSON arcs (quantized, delta-encoded) as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring given as arc indexes (~i: arc i reversed) as one closed list of points."""
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def border_arcs(countries: dict) -> list[int]:
    """Arcs that two different countries share: the borders (topojson.mesh with a !== b)."""
    owners: dict[int, set[int]] = {}
    for number, geometry in enumerate(countries["geometries"]):
        for polygon in polygons(geometry):
            for ring in polygon:
                for index in ring:
                    owners.setdefault(index if index >= 0 else ~index, set()).add(number)
    return sorted(arc for arc, who in owners.items() if len(who) > 1)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative; keeps both ends."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        far, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            if length:
                distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length
            else:
                distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if distance > far:
                far, index = distance, i
        if far > tolerance and index > 0:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def area(ring: list[Point]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def flat(points: list[Point]) -> list[float]:
    """[lon, lat, lon, lat, ...] rounded, without repeated points."""
    out: list[float] = []
    for x, y in points:
        pair = [round(x, DIGITS), round(y, DIGITS)]
        if out[-2:] != pair:
            out += pair
    return out


def make_region(box: list[float], land_rings: list[list[Point]], borders: list[list[Point]]) -> dict:
    land = []
    for ring in land_rings:
        clipped = clip_ring(ring, box)
        if len(clipped) >= 3 and area(clipped) >= MIN_AREA:
            land.append(flat(clipped))
    lines = [flat(run) for line in borders for run in clip_line(line, box)]
    return {"bounds": box, "land": land, "borders": [line for line in lines if len(line) >= 4]}


def make_basemap(topology: dict, version: str) -> dict:
    arcs = decode_arcs(topology)
    simple = [simplify(arc, TOLERANCE) for arc in arcs]  # arcs are shared, so neighbours still meet
    land_rings = [ring_points(ring, simple) for geometry in topology["objects"]["land"]["geometries"]
                  for polygon in polygons(geometry) for ring in polygon]
    borders = [simple[index] for index in border_arcs(topology["objects"]["countries"])]
    return {
        "source": f"Natural Earth 1:50m Admin 0 countries (version 4.1.0), via the npm package world-atlas "
                  f"{version} (countries-50m.json)",
        "licence": "Natural Earth: public domain. world-atlas: ISC licence (the packaging, not the data).",
        "made_by": "python3 scripts/make_basemap.py",
        "regions": {name: make_region(box, land_rings, borders) for name, box in REGIONS.items()},
    }


def main() -> int:
    if not SOURCE.exists():
        print(f"{SOURCE} is missing: run `npm install --prefix tools --ignore-scripts --no-audit --no-fund` first.",
              file=sys.stderr)
        return 1
    version = json.loads((PACKAGE / "package.json").read_text())["version"]
    basemap = make_basemap(json.loads(SOURCE.read_text()), version)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(basemap, separators=(",", ":")) + "\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
