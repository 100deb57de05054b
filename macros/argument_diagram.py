"""The argument as a diagram on "The argument at a glance": one node per chapter (its title
linking to the chapter, its claim), the evidence for it, and the objection Leiken anticipates,
as a top-to-bottom flow that fits a 375 px phone. The numbered list below it is the text version.

Each box is told apart by its frame and its label, not colour: a solid frame and "Claim" for
the chapter's step, a "Evidence" heading with square bullets, a dashed frame and "Objection"
for the objection. Text is wrapped here, by an estimate of character widths.
"""
from __future__ import annotations

from .links import built_href, chapter_path
from .svg import esc, figure_block, number, svg_element, svg_link, wrap_words

WIDTH = 360
PAD = 10
FONT = 13
SMALL = 12
LINE = 17
CHAR = 0.56            # average character width as a share of the font size (generous)
ARROW = 26             # space between steps
INDENT = 14


def nodes_for(chapters, page: str) -> list[dict]:
    """JSON-able nodes, in chapter order: number, title, href, claim, evidence, objection."""
    return [{"number": c["number"], "title": c["title"], "href": built_href(page, chapter_path(c)),
             "claim": " ".join(c["argument"].split()), "evidence": [" ".join(e.split()) for e in c.get("evidence") or []],
             "objection": " ".join((c.get("objection") or "").split())} for c in chapters]


def wrap(text: str, width: float, size: float) -> list[str]:
    """Word wrap to a width in user units (by an estimate of character width)."""
    return wrap_words(text, max(int(width / (size * CHAR)), 8))


def text_lines(lines: list[str], x: float, y: float, cls: str) -> str:
    spans = "".join(f'<tspan x="{number(x)}" dy="{0 if i == 0 else LINE}">{esc(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f'<text class="{cls}" x="{number(x)}" y="{number(y)}">{spans}</text>'


def claim_box(node: dict, y: float) -> tuple[str, float]:
    inner = WIDTH - 2 * PAD - 2
    title = wrap(f"{node['number']}. {node['title']}", inner, FONT)
    claim = wrap(node["claim"], inner, SMALL)
    top = y + PAD + FONT
    title_svg = text_lines(title, PAD + 1 + PAD, top, "arg-title")
    link = svg_link(node["href"], title_svg, f"Chapter {node['number']}: {node['title']}")
    claim_top = top + len(title) * LINE + 4
    body = text_lines(claim, PAD + 1 + PAD, claim_top, "arg-claim")
    height = claim_top - y + (len(claim) - 1) * LINE + PAD
    frame = (f'<rect class="arg-node" x="1" y="{number(y)}" width="{WIDTH - 2}" height="{number(height)}" rx="6"/>')
    return f'<g class="arg-step">{frame}{link}{body}</g>', height


def evidence_box(items: list[str], y: float) -> tuple[str, float]:
    if not items:
        return "", 0
    x = PAD + INDENT
    parts = [f'<text class="arg-label" x="{number(x)}" y="{number(y + SMALL)}">Evidence</text>']
    top = y + SMALL + LINE
    for item in items:
        lines = wrap(item, WIDTH - x - 14 - PAD, SMALL)
        parts.append(f'<rect class="arg-bullet" x="{number(x)}" y="{number(top - 8)}" width="6" height="6"/>')
        parts.append(text_lines(lines, x + 12, top, "arg-evidence"))
        top += len(lines) * LINE + 3
    height = top - y - LINE + 6
    rule = (f'<line class="arg-rule" x1="{number(PAD + 4)}" y1="{number(y)}" x2="{number(PAD + 4)}" '
            f'y2="{number(y + height)}"/>')
    return f'<g class="arg-evidence-list">{rule}{"".join(parts)}</g>', height


def objection_box(text: str, y: float) -> tuple[str, float]:
    if not text:
        return "", 0
    x = PAD + INDENT
    lines = wrap(text, WIDTH - x - 2 * PAD, SMALL)
    label = f'<text class="arg-label" x="{number(x + PAD)}" y="{number(y + PAD + SMALL)}">Anticipated objection, and his answer</text>'
    body = text_lines(lines, x + PAD, y + PAD + SMALL + LINE, "arg-objection")
    height = PAD + SMALL + LINE * len(lines) + PAD - 2
    frame = (f'<rect class="arg-objection-box" x="{number(x)}" y="{number(y)}" width="{number(WIDTH - x - 1)}" '
             f'height="{number(height)}" rx="6"/>')
    return f'<g class="arg-objection-group">{frame}{label}{body}</g>', height


def arrow(y: float) -> str:
    x = WIDTH / 2
    return (f'<path class="arg-arrow" d="M{number(x)} {number(y + 3)}V{number(y + ARROW - 5)}"/>'
            f'<path class="arg-arrowhead" d="M{number(x - 5)} {number(y + ARROW - 10)}l5 7l5 -7z"/>')


def render_argument_diagram(nodes: list[dict], text_version_id: str = "chain-of-claims") -> str:
    if not nodes:
        return ""
    parts, y = [], 1.0
    for n, node in enumerate(nodes):
        if n:
            parts.append(arrow(y))
            y += ARROW
        svg, height = claim_box(node, y)
        parts.append(svg)
        y += height + 8
        svg, height = evidence_box(node["evidence"], y)
        if svg:
            parts.append(svg)
            y += height + 8
        svg, height = objection_box(node["objection"], y)
        if svg:
            parts.append(svg)
            y += height
    title = f"The chain of claims: {len(nodes)} steps, each with its evidence and any objection Leiken anticipates"
    description = ("Top to bottom, one box per chapter with its claim; under it the evidence, with square "
                   "bullets, and in a dashed box the objection Leiken raises and his answer. Arrows lead to the next step.")
    svg = svg_element("".join(parts), width=WIDTH, height=y + 1, title=title, figure_id="argument-diagram",
                      description=description, interactive=True)
    caption = ("The argument as a flow: each step's claim (chapter titles link to the chapters), the evidence "
               "for it in our words, and the objections Leiken answers.")
    return figure_block(svg, caption=caption, kind="argument", text_version_id=text_version_id)
