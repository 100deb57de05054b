"""Every generated figure, in a real browser: visible, not clipped, readable in both colour
schemes at phone and desktop width, and present without JavaScript.

The page tour (page_tour.py) takes the measurements. With GUIDE_FIGURE_SHOTS=1 it also saves a
screenshot of each figure in each state for review, under test-artifacts/figures/.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from page_tour import SCHEMES, completed
from test_browser import DESKTOP, PHONE, opened_page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "test-artifacts" / "figures"
# Pages that must carry at least one figure (issue 10); others are found in the build.
REQUIRED = ("reference/places/", "reference/timeline/", "argument/", "reference/relationships/",
            "reference/figures/")
FIGURE = re.compile(r'<figure class="guide-figure')

MEASURE = """() => {
  const contrast = (a, b) => {
    const lum = c => {
      const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => {
        v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const paper = getComputedStyle(document.body).backgroundColor;
  const width = document.documentElement.clientWidth;
  // A figure with a wide and a narrow variant hides one of them (display: none) by design.
  const shown = el => el.getClientRects().length > 0;
  return [...document.querySelectorAll('figure.guide-figure')].map((figure, index) => {
    const svg = [...figure.querySelectorAll('svg.guide-svg')].find(shown) || null;
    if (!shown(figure)) return null;
    const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0, left: 0, right: 0};
    const scroller = [...figure.querySelectorAll('.guide-figure__scroll')].find(shown) || figure;
    const frame = scroller.getBoundingClientRect();
    const texts = svg ? [...svg.querySelectorAll('text')] : [];
    const outside = texts.filter(t => {
      const r = t.getBoundingClientRect();
      return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 ||
                             r.top < box.top - 1 || r.bottom > box.bottom + 1);
    }).map(t => t.textContent.trim()).slice(0, 5);
    const faint = texts.filter(t => {
      const fill = getComputedStyle(t).fill;
      return fill.startsWith('rgb') && contrast(fill, paper) < 3;
    }).map(t => t.textContent.trim()).slice(0, 5);
    // The page is parsed a piece at a time: a figure must fill its column before its caption
    // arrives, or it widens later, a layout shift (Material's figure is only as wide as its content).
    const parent = getComputedStyle(figure.parentElement);
    const column = figure.parentElement.clientWidth - parseFloat(parent.paddingLeft) - parseFloat(parent.paddingRight);
    const captions = [...figure.querySelectorAll(':scope > figcaption')];
    captions.forEach(c => { c.style.display = 'none'; });
    const widthAlone = figure.getBoundingClientRect().width;
    captions.forEach(c => { c.style.display = ''; });
    return {index, kind: figure.className, width: box.width, height: box.height,
            right: frame.right, pageWidth: width, outside, faint, column, widthAlone,
            named: !!(svg && (svg.getAttribute('aria-labelledby') || svg.getAttribute('aria-label')))};
  }).filter(Boolean);
}"""


def figure_pages(site: Path) -> list[str]:
    pages = {str(p.relative_to(site).parent.as_posix()) + "/"
             for p in site.rglob("index.html") if FIGURE.search(p.read_text(encoding="utf-8"))}
    return sorted(p.removeprefix("./") for p in pages)


@pytest.fixture(scope="module")
def pages_with_figures(built_site) -> list[str]:
    return figure_pages(built_site)


def test_the_figure_pages_the_guide_promises_have_figures(pages_with_figures):
    missing = [page for page in REQUIRED if page not in pages_with_figures]
    assert not missing, f"pages without a figure: {missing}"


def problems_in(figures: list[dict], state: str) -> list[str]:
    found = []
    for f in figures:
        where = f"{state}, figure {f['index'] + 1} ({f['kind']})"
        if f["width"] < 40 or f["height"] < 20:
            found.append(f"{where}: not visible ({f['width']:.0f}×{f['height']:.0f} px)")
        if f["right"] > f["pageWidth"] + 1:
            found.append(f"{where}: runs {f['right'] - f['pageWidth']:.0f} px past the window")
        if f["widthAlone"] < f["column"] - 1:
            found.append(f"{where}: {f['widthAlone']:.0f} px wide until its caption loads, then "
                         f"{f['column']:.0f} px (the page shifts as it loads)")
        if f["outside"]:
            found.append(f"{where}: text cut off by the figure's edge: {f['outside']}")
        if f["faint"]:
            found.append(f"{where}: text below 3:1 contrast: {f['faint']}")
        if not f["named"]:
            found.append(f"{where}: no accessible name")
    return found


def save_screenshot(page, figure, path: Path) -> None:
    """What the reader sees of the figure once scrolled to it (clipped to the window): a
    full-page capture of the long print edition would take too long."""
    figure.evaluate("el => el.scrollIntoView({block: 'start'})")
    box = figure.bounding_box()
    view = page.viewport_size
    top, bottom = max(box["y"], 0), min(box["y"] + box["height"], view["height"])
    left, right = max(box["x"], 0), min(box["x"] + box["width"], view["width"])
    if right > left and bottom > top:
        page.screenshot(path=str(path), clip={"x": left, "y": top, "width": right - left, "height": bottom - top},
                        animations="disabled", caret="hide")


def save_screenshots(page, path: str, width: int, scheme: str) -> None:
    """Screenshots of the page's figures for review, with GUIDE_FIGURE_SHOTS=1 (they cost test time)."""
    if not os.environ.get("GUIDE_FIGURE_SHOTS"):
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    for index, figure in enumerate(page.locator("figure.guide-figure:visible").all()):
        name = f"{path.strip('/').replace('/', '_') or 'home'}-{index + 1}-{width}-{scheme}.png"
        save_screenshot(page, figure, SHOTS / name)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "375px"])
def test_every_figure_is_visible_unclipped_and_readable(page_tour, pages_with_figures, viewport):
    """Measured by the page tour (page_tour.py), in both colour schemes."""
    found = completed(page_tour)
    width = viewport["width"]
    problems = []
    for path in pages_with_figures:
        for scheme in SCHEMES:
            state = f"{path} at {width} px, {scheme}"
            measured = found[path]["figures"].get(f"{width} {scheme}")
            if measured is None:
                problems.append(f"{state}: no figure shown")
                continue
            problems += problems_in(measured["figures"], state)
            if measured["sideways"]:
                problems.append(f"{state}: the page scrolls sideways")
    assert not problems, "\n".join(problems)


def test_figures_are_drawn_without_javascript(browser, site_url, pages_with_figures):
    missing = []
    with opened_page(browser, java_script_enabled=False) as page:
        for path in pages_with_figures:
            page.goto(site_url + path)
            sizes = page.evaluate("[...document.querySelectorAll('figure.guide-figure svg.guide-svg')]"
                                  ".filter(s => s.getClientRects().length).map(s => s.getBoundingClientRect().height)")
            if not sizes or min(sizes) < 20:
                missing.append(f"{path}: {sizes}")
    assert not missing, "figures missing without JavaScript:\n" + "\n".join(missing)
