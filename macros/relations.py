"""The relationship map: who leads, joins, supports, opposes, allies with or negotiates with whom.

data/relations.yml holds typed ties between people and bodies, each with the chapters where
the essay shows it. This module draws them as an SVG network (layout by networkx, computed
once per set of inputs through figure_cache) and writes their text versions: a table for the
reference page, a list for each chapter page. People are circles, bodies are squares; each
kind of tie has its own line style and end (arrowhead, bar or none) and a text label in the
legend, so colour is never the only cue.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .figure_cache import cached_figure, cached_value
from .links import built_href, chapter_path, entry_target, link_to_entry, md_link, relative
from .model import KIND_LABELS, RELATION_KIND_LABELS, SYMMETRIC_RELATION_KINDS, display_label
from .svg import esc, figure_block, number, svg_element, svg_link, wrap_words
from .text import cell, safe

if TYPE_CHECKING:
    import networkx as nx

MAP_PAGE = "reference/relationships.md"
TABLE_ID = "relationship-table"
SEED = 7  # fixed: the same relations always give the same picture
FONT = 16  # label size in viewBox units
LINE_GAP = 18
NODE_R = 8  # a person's circle radius; a body's square is as wide as the circle
MARGIN = 12
LABEL_CHARS = 16  # wrap labels longer than this onto a second (or third) line
FULL_WIDTH = 640  # the narrowest a map is drawn, in viewBox units: a smaller one is centred
CHAPTER_WIDTH = 600
CHAR_WIDTH = 0.56  # average glyph width as a share of the font size, for overlap checks
SPACING = 95.0  # a connected part of n nodes gets a square about SPACING * sqrt(n) wide

# How each kind is drawn: (dash pattern, end marker, what the legend says the picture means).
STYLES = {
    "leads": ("", "arrow", "thick line, filled arrow: A leads B"),
    "member-of": ("2 4", "open-arrow", "dotted line, open arrow: A is a member of B"),
    "supports": ("8 5", "arrow", "dashed line, filled arrow: A supports B"),
    "opposes": ("", "bar", "line ending in a bar: A opposes B"),
    "allied-with": ("", "", "double line, no arrow: allied both ways"),
    "negotiates-with": ("10 4 2 4", "", "dash-dot line, no arrow: negotiating both ways"),
}
MARKERS = {
    "arrow": '<marker id="{id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
             'markerUnits="userSpaceOnUse" orient="auto"><path class="rel-end rel-end--{kind}" '
             'd="M0 0L10 5L0 10z" fill="currentColor"/></marker>',
    "open-arrow": '<marker id="{id}" viewBox="-1 -1 12 12" refX="10" refY="5" markerWidth="11" markerHeight="11" '
                  'markerUnits="userSpaceOnUse" orient="auto"><path class="rel-end rel-end--open rel-end--{kind}" '
                  'd="M0 0L10 5L0 10z" fill="none" stroke="currentColor" stroke-width="1.5"/></marker>',
    "bar": '<marker id="{id}" viewBox="0 0 4 14" refX="2" refY="7" markerWidth="4" markerHeight="14" '
           'markerUnits="userSpaceOnUse" orient="auto"><path class="rel-end rel-end--{kind}" d="M0 0h4v14h-4z" '
           'fill="currentColor"/></marker>',
}


# -- data in -------------------------------------------------------------------------
def short_label(entry: dict) -> str:
    """What the map writes beside a node: the first alias when it is shorter than the name
    (Fox, PRI, NAFTA), else the name."""
    aliases = entry.get("aliases") or []
    name = display_label(entry)
    return aliases[0] if aliases and len(aliases[0]) < len(name) else name


def wrap(label: str, width: int = LABEL_CHARS) -> list[str]:
    """A node's label on lines of about `width` characters."""
    return wrap_words(label, width) or [label]


def relation_key(relation: dict) -> tuple[str, str, str]:
    """(from, kind, to); a symmetric tie reads the same both ways, so its ends are sorted."""
    ends = [relation["from"], relation["to"]]
    if relation["kind"] in SYMMETRIC_RELATION_KINDS:
        ends.sort()
    return ends[0], relation["kind"], ends[1]


def for_chapter(relations: list[dict], chapter_id: str) -> list[dict]:
    """The ties the essay shows in one chapter, in data order."""
    return [r for r in relations if chapter_id in r["chapters"]]


def for_entry(relations: list[dict], entry_id: str) -> list[dict]:
    """The ties of one person or body, in data order."""
    return [r for r in relations if entry_id in (r["from"], r["to"])]


def graph_inputs(relations: list[dict], profiles: dict[str, tuple[str, dict]]) -> tuple[list[dict], list[dict]]:
    """JSON-able nodes and edges for the renderer (and the figure cache key): only what the
    picture shows, no notes or prose. profiles: id -> ('people' | 'bodies', entry)."""
    ids = sorted({r[end] for r in relations for end in ("from", "to")})
    nodes = []
    for node_id in ids:
        collection, entry = profiles[node_id]
        nodes.append({"id": node_id, "collection": collection, "label": short_label(entry),
                      "name": display_label(entry), "kind": entry["kind"]})
    edges = [{"from": r["from"], "to": r["to"], "kind": r["kind"]} for r in relations]
    return nodes, edges


def map_graphs(relations: list[dict], profiles: dict[str, tuple[str, dict]],
               chapter_ids: list[str]) -> list[tuple[list[dict], list[dict]]]:
    """The nodes and edges of every map a build draws, in the order its pages need them: each
    chapter's part (also in the print edition), then the whole map."""
    parts = [for_chapter(relations, chapter_id) for chapter_id in chapter_ids] + [relations]
    return [graph_inputs(part, profiles) for part in parts if part]


# -- layout --------------------------------------------------------------------------
def component_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """One connected part, spread by networkx's ForceAtlas2 layout (hubs pushed apart from
    the names around them), from a fixed start, so the same part always lands the same way."""
    import networkx as nx  # here, not at the top: a build whose layouts are all cached never loads it

    nodes = sorted(graph.nodes)
    if len(nodes) <= 2:
        return {node: (float(i), 0.0) for i, node in enumerate(nodes)}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in graph.edges))
    start = nx.circular_layout(ordered)
    positions = nx.forceatlas2_layout(ordered, pos=start, max_iter=800, scaling_ratio=10.0, gravity=0.5,
                                      distributed_action=True, seed=SEED)
    return {n: (float(x), float(y)) for n, (x, y) in positions.items()}


def label_box(node: dict) -> tuple[float, float, float]:
    """How far a node with its label underneath reaches: (half width, above centre, below centre)."""
    lines = wrap(node["label"])
    half_width = max(NODE_R * 2, max(len(line) for line in lines) * FONT * CHAR_WIDTH / 2 + 4)
    return half_width, NODE_R + 3, NODE_R + 6 + LINE_GAP * len(lines)


def layout(nodes: list[dict], edges: list[dict]) -> dict[str, tuple[float, float]]:
    """Node centres in viewBox units: each connected part laid out by networkx and scaled by
    its number of nodes, the parts packed in rows no wider than the largest (largest first),
    then labels pushed apart until none overlap."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(sorted(n["id"] for n in nodes))
    graph.add_edges_from(sorted(tuple(sorted((e["from"], e["to"]))) for e in edges))
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    gap = 70.0
    positions: dict[str, tuple[float, float]] = {}
    x_cursor = y_cursor = row_height = row_width = 0.0
    for part in parts:
        local = component_layout(graph.subgraph(part))
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        if len(part) <= 6 and max(ys) - min(ys) > max(xs) - min(xs):  # a small part lies on its side
            local = {k: (y, x) for k, (x, y) in local.items()}
            xs, ys = ys, xs
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1
        size = SPACING * math.sqrt(len(part)) if len(part) > 2 else SPACING * 1.2
        scale = size / span
        box_w, box_h = (max(xs) - min(xs)) * scale, (max(ys) - min(ys)) * scale
        row_width = max(row_width, box_w)  # later, smaller parts go beside it only if they fit
        if x_cursor and x_cursor + box_w > row_width:
            x_cursor, y_cursor, row_height = 0.0, y_cursor + row_height + gap, 0.0
        for node_id, (x, y) in local.items():
            positions[node_id] = (x_cursor + (x - min(xs)) * scale, y_cursor + (y - min(ys)) * scale)
        x_cursor += box_w + gap * 2
        row_height = max(row_height, box_h)
    return separate(positions, {n["id"]: label_box(n) for n in nodes})


def separate(positions: dict[str, tuple[float, float]], boxes: dict[str, tuple[float, float, float]],
             rounds: int = 100) -> dict[str, tuple[float, float]]:
    """Push apart nodes whose label boxes overlap, along the axis where they overlap least."""
    placed = {k: list(v) for k, v in sorted(positions.items())}
    ids = list(placed)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                (ax, ay), (bx, by) = placed[a], placed[b]
                overlap_x = boxes[a][0] + boxes[b][0] + 6 - abs(ax - bx)
                top, bottom = (a, b) if (ay, a) <= (by, b) else (b, a)
                overlap_y = boxes[top][2] + boxes[bottom][1] + 4 - (placed[bottom][1] - placed[top][1])
                if overlap_x <= 0 or overlap_y <= 0:
                    continue
                moved = True
                if overlap_x < overlap_y:
                    left, right = (a, b) if (ax, a) <= (bx, b) else (b, a)
                    placed[left][0] -= overlap_x / 2 + 0.5
                    placed[right][0] += overlap_x / 2 + 0.5
                else:
                    placed[top][1] -= overlap_y / 2 + 0.5
                    placed[bottom][1] += overlap_y / 2 + 0.5
        if not moved:
            break
    return {k: (round(v[0], 1), round(v[1], 1)) for k, v in placed.items()}


# -- drawing -------------------------------------------------------------------------
def marker_id(figure_id: str, kind: str) -> str:
    return f"{figure_id}-end-{kind}"


def edge_path(start: tuple[float, float], end: tuple[float, float], bend: float) -> str:
    """A straight line (or, for a second tie between the same two, a gentle curve),
    trimmed so it starts and stops at the nodes' edges."""
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1
    ux, uy = dx / length, dy / length
    gap = NODE_R + 3
    sx, sy, ex, ey = x1 + ux * gap, y1 + uy * gap, x2 - ux * gap, y2 - uy * gap
    if not bend:
        return f"M{number(sx)} {number(sy)}L{number(ex)} {number(ey)}"
    cx, cy = (sx + ex) / 2 - uy * bend, (sy + ey) / 2 + ux * bend
    return f"M{number(sx)} {number(sy)}Q{number(cx)} {number(cy)} {number(ex)} {number(ey)}"


def edge_svg(edge: dict, path: str, sentence: str, figure_id: str) -> str:
    kind = edge["kind"]
    dash, end, _ = STYLES[kind]
    title = f"<title>{esc(sentence)}</title>"
    if kind == "allied-with":  # a double line: a wide stroke with a paper-coloured core
        return (f'<g class="rel-edge rel-edge--{kind}">{title}<path d="{path}" fill="none" stroke="currentColor" '
                f'stroke-width="5"/><path class="rel-edge__core" d="{path}" fill="none" stroke-width="1.8"/></g>')
    attributes = f' stroke-dasharray="{dash}"' if dash else ""
    if end:
        attributes += f' marker-end="url(#{marker_id(figure_id, kind)})"'
    width = "2.6" if kind == "leads" else "1.6"
    return (f'<path class="rel-edge rel-edge--{kind}" d="{path}" fill="none" stroke="currentColor" '
            f'stroke-width="{width}"{attributes}>{title}</path>')


def node_svg(node: dict, x: float, y: float, href: str) -> str:
    if node["collection"] == "people":
        shape = f'<circle class="rel-node rel-node--person" cx="{number(x)}" cy="{number(y)}" r="{NODE_R}"/>'
    else:
        shape = (f'<rect class="rel-node rel-node--body" x="{number(x - NODE_R)}" y="{number(y - NODE_R)}" '
                 f'width="{NODE_R * 2}" height="{NODE_R * 2}" rx="2"/>')
    lines = wrap(node["label"])
    spans = "".join(f'<tspan x="{number(x)}" dy="{0 if i == 0 else LINE_GAP}">{esc(line)}</tspan>'
                    for i, line in enumerate(lines))
    text = f'<text class="rel-label" x="{number(x)}" y="{number(y + NODE_R + FONT + 2)}">{spans}</text>'
    what = "person" if node["collection"] == "people" else KIND_LABELS[node["kind"]].lower()
    label = f"{node['name']} ({what}): profile"
    return svg_link(href, f"{shape}{text}", label, "rel-link")


def sentence(edge: dict, names: dict[str, str]) -> str:
    return f"{names[edge['from']]} {RELATION_KIND_LABELS[edge['kind']]} {names[edge['to']]}"


def render_svg(nodes: list[dict], edges: list[dict], from_page: str, figure_id: str, title: str,
               width: float = FULL_WIDTH) -> str:
    """The map as one <svg>: every node a link to its profile, every tie a styled line with a
    <title> in words. Pure and deterministic: equal inputs give an identical string."""
    centres = cached_value(layout, nodes, edges)  # the same part of the map on a chapter and in print
    boxes = {n["id"]: label_box(n) for n in nodes}
    left = min((centres[k][0] - boxes[k][0] for k in centres), default=0) - MARGIN
    top = min((centres[k][1] - boxes[k][1] for k in centres), default=0) - MARGIN
    right = max((centres[k][0] + boxes[k][0] for k in centres), default=0) + MARGIN
    bottom = max((centres[k][1] + boxes[k][2] for k in centres), default=0) + MARGIN
    if right - left < width:  # a small map keeps the scale of a large one: centre it
        left, right = left - (width - (right - left)) / 2, left + (width + (right - left)) / 2
    at = {k: (x - left, y - top) for k, (x, y) in centres.items()}
    names = {n["id"]: n["label"] for n in nodes}
    kinds = [k for k in RELATION_KIND_LABELS if any(e["kind"] == k for e in edges)]
    markers = "".join(MARKERS[STYLES[k][1]].format(id=marker_id(figure_id, k), kind=k)
                      for k in kinds if STYLES[k][1])
    seen: dict[tuple[str, ...], int] = {}
    drawn = []
    for edge in edges:
        pair = tuple(sorted((edge["from"], edge["to"])))
        count = seen[pair] = seen.get(pair, 0) + 1
        bend = 0 if count == 1 else 18 * (count // 2) * (1 if count % 2 == 0 else -1)
        if bend and edge["from"] != pair[0]:
            bend = -bend
        path = edge_path(at[edge["from"]], at[edge["to"]], bend)
        drawn.append(edge_svg(edge, path, sentence(edge, names), figure_id))
    hrefs = {n["id"]: built_href(from_page, entry_target(n["collection"], n["id"])) for n in nodes}
    shapes = "".join(node_svg(n, *at[n["id"]], hrefs[n["id"]]) for n in nodes)
    people = sum(n["collection"] == "people" for n in nodes)
    description = (f"{people} people (circles) and {len(nodes) - people} bodies (squares), joined by "
                   f"{len(edges)} ties; each kind of tie has its own line style, explained in the legend. "
                   "Every name links to its profile.")
    body = (f'<defs>{markers}</defs><g class="rel-edges">{"".join(drawn)}</g>'
            f'<g class="rel-nodes" font-size="{FONT}" text-anchor="middle">{shapes}</g>')
    return svg_element(body, width=right - left, height=bottom - top, title=title, figure_id=figure_id,
                       description=description, interactive=True)


def legend_sample(kind: str) -> str:
    """A short stretch of the kind's line, with its end, for the legend."""
    dash, end, _ = STYLES[kind]
    if kind == "allied-with":
        line = ('<path d="M2 7H46" stroke="currentColor" stroke-width="5"/>'
                '<path class="rel-edge__core" d="M2 7H46" stroke-width="1.8"/>')
    else:
        width = "2.6" if kind == "leads" else "1.6"
        stop = 38 if end in ("arrow", "open-arrow") else 46
        attributes = f' stroke-dasharray="{dash}"' if dash else ""
        line = f'<path d="M2 7H{stop}" stroke="currentColor" stroke-width="{width}"{attributes}/>'
    heads = {
        "arrow": '<path d="M38 2.5L47 7L38 11.5z" fill="currentColor"/>',
        "open-arrow": '<path d="M38 2.5L47 7L38 11.5z" fill="none" stroke="currentColor" stroke-width="1.5"/>',
        "bar": '<path d="M45 0h3v14h-3z" fill="currentColor"/>',
    }
    head = heads.get(end, "")
    return (f'<svg class="rel-sample rel-edge--{kind}" viewBox="0 0 50 14" width="50" height="14" '
            f'aria-hidden="true" focusable="false">{line}{head}</svg>')


def render_legend(kinds: list[str], with_shapes: bool = True) -> str:
    """An HTML list: a drawn sample and, in words, what each line style means; and the node shapes."""
    items = [f'<li>{legend_sample(k)} <strong>{esc(RELATION_KIND_LABELS[k])}</strong>: {esc(STYLES[k][2])}</li>'
             for k in RELATION_KIND_LABELS if k in kinds]
    if with_shapes:
        items.append('<li><svg class="rel-sample" viewBox="0 0 50 14" width="50" height="14" aria-hidden="true" '
                     'focusable="false"><circle class="rel-node rel-node--person" cx="14" cy="7" r="6"/>'
                     '<rect class="rel-node rel-node--body" x="30" y="1" width="12" height="12" rx="2"/></svg> '
                     '<strong>circle</strong>: a person; <strong>square</strong>: a party, body or agreement</li>')
    return f'<ul class="rel-legend">{"".join(items)}</ul>'


def render_figure(relations: list[dict], profiles: dict[str, tuple[str, dict]], from_page: str, *,
                  figure_id: str, title: str, caption: str, text_version_id: str, kind: str,
                  width: float) -> str:
    """The map (through the figure cache: the layout is the costly part) with its legend."""
    nodes, edges = graph_inputs(relations, profiles)
    svg = cached_figure(render_svg, nodes, edges, from_page, figure_id, title, width)
    legend = render_legend(sorted({e["kind"] for e in edges}))
    return figure_block(svg, caption=f"{esc(caption)}{legend}", kind=kind, text_version_id=text_version_id)


# -- text versions -------------------------------------------------------------------
def chapter_links(chapter_ids: list[str], chapters_by_id: dict[str, dict], from_page: str) -> str:
    ordered = sorted((chapters_by_id[c] for c in chapter_ids), key=lambda c: c["number"])
    return ", ".join(md_link(str(c["number"]), relative(from_page, chapter_path(c)),
                             f"Chapter {c['number']}: {c['title']}") for c in ordered)


def profile_link(entry_id: str, profiles: dict[str, tuple[str, dict]], from_page: str, here: str | None = None) -> str:
    """A link to the entry's profile; its name alone on the profile's own page (here)."""
    collection, entry = profiles[entry_id]
    if entry_id == here:
        return safe(display_label(entry))
    return link_to_entry(collection, entry, from_page, hover_text=False)


def render_table(relations: list[dict], profiles: dict[str, tuple[str, dict]], chapters_by_id: dict[str, dict],
                 from_page: str) -> str:
    """Every tie as a row: from, relation, to, the chapters that show it, and our note."""
    rows = ["| From | Relation | To | Chapters | Note |", "|---|---|---|---|---|"]
    for r in relations:
        rows.append(f"| {profile_link(r['from'], profiles, from_page)} | {cell(RELATION_KIND_LABELS[r['kind']])} | "
                    f"{profile_link(r['to'], profiles, from_page)} | "
                    f"{chapter_links(r['chapters'], chapters_by_id, from_page)} | {cell(r['note'])} |")
    return "\n".join(rows)


def render_list(relations: list[dict], profiles: dict[str, tuple[str, dict]], from_page: str,
                here: str | None = None) -> str:
    """Ties in words, one per line (here: the entry whose own page this is, named unlinked)."""
    return "\n".join(f"- {profile_link(r['from'], profiles, from_page, here)} "
                     f"**{safe(RELATION_KIND_LABELS[r['kind']])}** "
                     f"{profile_link(r['to'], profiles, from_page, here)}: {safe(r['note'])}" for r in relations)


def render_entry_ties(entry_id: str, relations: list[dict], profiles: dict[str, tuple[str, dict]],
                      from_page: str) -> str:
    """A profile page's ties in words, with a link to the whole map; '' for an entry without ties."""
    mine = for_entry(relations, entry_id)
    if not mine:
        return ""
    full = md_link("the relationship map", relative(from_page, MAP_PAGE))
    return "\n\n".join([f"**Ties in the essay** (all of them on {full}):",
                         '<div class="rel-list" markdown data-search-exclude>',  # searchable on the map's page
                         render_list(mine, profiles, from_page, entry_id), "</div>"])


def render_full_map(relations: list[dict], profiles: dict[str, tuple[str, dict]], chapters_by_id: dict[str, dict],
                    from_page: str) -> str:
    """The reference page: the whole map, then the table that is its text version."""
    nodes, _ = graph_inputs(relations, profiles)
    title = f"Relationship map: {len(relations)} ties among {len(nodes)} people and bodies in Leiken's essay"
    caption = ("The whole map. Select a name to open its profile; the table below gives every tie in words. "
               "On a narrow screen, scroll the map sideways inside its frame.")
    figure = render_figure(relations, profiles, from_page, figure_id="relationship-map-full", title=title,
                           caption=caption, text_version_id=TABLE_ID, kind="relations", width=FULL_WIDTH)
    heading = f"## Every tie, in words {{ #{TABLE_ID} }}"
    return "\n\n".join([figure.strip(), heading, render_table(relations, profiles, chapters_by_id, from_page)])


def render_chapter_section(chapter: dict, relations: list[dict], profiles: dict[str, tuple[str, dict]],
                           from_page: str) -> str:
    """A chapter page's part of the map and its list; nothing for a chapter without ties."""
    mine = for_chapter(relations, chapter["id"])
    if not mine:
        return ""
    list_id = f"ties-{chapter['id']}"
    figure_id = f"relationship-map-{chapter['id']}"
    title = f"Who stands with whom in chapter {chapter['number']}: {len(mine)} ties"
    caption = ("The part of the relationship map this chapter shows; select a name to open its profile. "
               "On a narrow screen, scroll the map sideways inside its frame.")
    figure = render_figure(mine, profiles, from_page, figure_id=figure_id, title=title, caption=caption,
                           text_version_id=list_id, kind="relations-chapter", width=CHAPTER_WIDTH)
    full = md_link("the whole relationship map", relative(from_page, MAP_PAGE))
    return "\n\n".join([
        "## Who stands with whom",
        f"The ties between people and bodies that this chapter shows; see also {full}.",
        figure.strip(),
        f'<div id="{list_id}" class="rel-list" markdown data-search-exclude>',  # searchable on the map's page
        render_list(mine, profiles, from_page),
        "</div>",
    ])
