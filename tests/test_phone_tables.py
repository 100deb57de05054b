"""Every table on a 375 px phone: nothing is cut off without a cue.

What "cut off" means here. A table's *shown cells* are its td and th elements,
less the header row that card tables hide visually (the cards carry the column
names instead). A table FITS when every shown cell lies horizontally inside the
viewport (0 <= left, right <= clientWidth) and no cell's content is wider than
the cell. A table that does not fit passes only if it SCROLLS WITH A CUE:
  1. its nearest horizontally scrollable ancestor (overflow-x auto or scroll)
     lies inside the viewport, so scrolling can bring hidden cells in;
  2. a "Scroll sideways" cue (.scroll-cue) stands right before that container,
     shown and inside the viewport, with text contrast of at least 4.5:1 against
     the page in the current colour scheme;
  3. the container's right edge fades (a CSS mask) while there is more to see;
  4. the scroll range covers the whole table: at the start no shown cell
     begins left of the container, scrolled to the end none ends right of it
     (so every part of every cell can be scrolled into view), and at the end
     the fade is gone.
The tables the guide generates (chapter grids and card tables) must fit outright.
Both colour schemes are checked, since the cue has colour.
"""
from __future__ import annotations

import pytest

from page_tour import completed
from test_browser import PHONE, html_pages, opened_page, page_file

pytestmark = pytest.mark.browser

MEASURE_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const shown = table => [...table.querySelectorAll("th, td")].filter(cell => {
    const head = cell.closest("thead");
    const box = cell.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !(head && head.getBoundingClientRect().width <= 1);
  });
  const scroller = el => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(up).overflowX)) return up;
    }
    return null;
  };
  const channels = color => color.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const contrast = (fg, bg) => {
    const [r, g, b, a = 1] = channels(fg), back = channels(bg);
    const mixed = [r, g, b].map((v, i) => v * a + back[i] * (1 - a));
    const [hi, lo] = [luminance(mixed), luminance(back)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const outside = (cells, left, right) => cells
    .filter(c => { const b = c.getBoundingClientRect(); return b.left < left - 0.5 || b.right > right + 0.5; })
    .map(c => c.textContent.trim().slice(0, 30)).slice(0, 6);
  const leftOf = (cells, left) => outside(cells, left, Infinity);
  const rightOf = (cells, right) => outside(cells, -Infinity, right);
  return [...document.querySelectorAll("article table")].map((table, index) => {
    const cells = shown(table);
    const result = {
      index, head: table.rows[0].textContent.replace(/\\s+/g, " ").trim().slice(0, 40),
      generated: !!table.closest(".chapter-grid, .table-cards"),
      cutOff: outside(cells, 0, width),
      overflowing: cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim().slice(0, 30)),
    };
    if (!result.cutOff.length && !result.overflowing.length) return {...result, fits: true};
    const box = scroller(table);
    if (!box) return {...result, fits: false, problem: "cut off with no scroll container"};
    const area = box.getBoundingClientRect();
    const cue = box.previousElementSibling;
    const cueShown = !!cue && cue.classList.contains("scroll-cue") && cue.checkVisibility()
      && cue.getBoundingClientRect().left >= 0 && cue.getBoundingClientRect().right <= width
      && /scroll/i.test(cue.textContent);
    const page = getComputedStyle(document.body).backgroundColor;
    const cueContrast = cueShown ? contrast(getComputedStyle(cue).color, page) : 0;
    const fadedBefore = getComputedStyle(box).maskImage !== "none";
    box.scrollLeft = 0;
    const hiddenAtStart = leftOf(cells, area.left);
    box.scrollLeft = box.scrollWidth;
    box.dispatchEvent(new Event("scroll"));
    const hiddenAtEnd = rightOf(cells, area.right);
    const fadedAtEnd = getComputedStyle(box).maskImage !== "none";
    box.scrollLeft = 0;
    box.dispatchEvent(new Event("scroll"));
    return {...result, fits: false, inViewport: area.left >= -0.5 && area.right <= width + 0.5,
            cueShown, cueContrast, fadedBefore, hiddenAtStart, hiddenAtEnd, fadedAtEnd};
  });
}
"""


def problems_of(table: dict) -> list[str]:
    if table["fits"]:
        return []
    if table["generated"]:
        return [f"a generated table must fit: cut off {table['cutOff']}, overflowing {table['overflowing']}"]
    if "problem" in table:
        return [table["problem"]]
    found = []
    if not table["inViewport"]:
        found.append("its scroll container is wider than the screen")
    if not table["cueShown"]:
        found.append("no visible scroll cue")
    elif table["cueContrast"] < 4.5:
        found.append(f"scroll cue contrast {table['cueContrast']:.2f}:1")
    if not table["fadedBefore"] or table["fadedAtEnd"]:
        found.append("right edge does not fade until the end")
    if table["hiddenAtStart"] or table["hiddenAtEnd"]:
        found.append(f"out of the scroll range: {table['hiddenAtStart'] + table['hiddenAtEnd']}")
    return found


def pages_with_tables(site) -> list[str]:
    files = {path: page_file(site, path) for path in html_pages(site)}
    return [path for path, file in files.items() if "<table" in file.read_text(encoding="utf-8")]


def phone_page(browser):
    return opened_page(browser, viewport=PHONE, is_mobile=True, has_touch=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_table_is_cut_off_at_375_px(page_tour, built_site, scheme):
    """Measured by the page tour (page_tour.py) on a 375 px phone, in the given colour scheme."""
    paths = pages_with_tables(built_site)
    assert "reference/who-appears-where/" in paths and "" in paths
    found = completed(page_tour)
    measured = {path: visit["tables"].get("slate" if scheme == "dark" else "default") for path, visit in found.items()}
    assert sorted(path for path, tables in measured.items() if tables is not None) == sorted(paths), \
        "the tour measured tables on other pages than those that have them"
    bad = {}
    for path in paths:
        for table in measured[path]:
            problems = problems_of(table)
            if problems:
                bad[f"{path or '/'} table {table['index'] + 1} ({table['head']})"] = problems
    assert not bad, f"tables cut off at 375 px ({scheme}): {bad}"


def test_chapter_grids_show_all_seven_chapters_at_375_px(browser, site_url):
    with phone_page(browser) as page:
        for path in ["reference/who-appears-where/", "reference/themes/"]:
            page.goto(site_url + path, wait_until="load")
            headers = page.evaluate("""() => [...document.querySelectorAll('.chapter-grid table')].map(t =>
                [...t.rows[0].cells].filter(c => c.getBoundingClientRect().right <= innerWidth)
                  .map(c => c.textContent.trim()))""")
            assert headers, path
            for visible in headers:
                assert visible[1:] == ["1", "2", "3", "4", "5", "6", "7", "Total"], (path, visible)


def test_a_wide_table_gets_a_cue_that_goes_once_scrolled_to_the_end(browser, site_url):
    """The cue itself, on a table made too wide for the screen on purpose."""
    with phone_page(browser) as page:
        page.goto(site_url + "study/teachers/", wait_until="load")
        wrap = page.locator("article .md-typeset__scrollwrap").first
        wrap.scroll_into_view_if_needed()  # a table far down is laid out (and measured) once near the screen
        page.evaluate("""() => { const t = document.querySelector('article table');
            t.rows[0].cells[0].textContent = 'W'.repeat(120); }""")
        page.wait_for_function("el => el.classList.contains('is-scrollable')", arg=wrap.element_handle())
        cue = page.locator("article .scroll-cue").first
        assert cue.is_visible() and "Scroll sideways" in cue.inner_text()
        assert wrap.evaluate("el => getComputedStyle(el).maskImage") != "none"
        wrap.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
        page.wait_for_function("el => el.classList.contains('is-at-end')", arg=wrap.element_handle())
        assert wrap.evaluate("el => getComputedStyle(el).maskImage") == "none"
        assert cue.is_visible()  # the cue stays: the table still scrolls back
        assert wrap.get_attribute("tabindex") == "0" and wrap.get_attribute("aria-label")  # arrow keys scroll it
        end = wrap.evaluate("el => el.scrollLeft")
        wrap.focus()
        wrap.press("ArrowLeft")
        page.wait_for_function(f"el => el.scrollLeft < {end} && !el.classList.contains('is-at-end')",
                               arg=wrap.element_handle())


def test_tables_far_down_a_page_get_their_cue_when_scrolled_to(browser, site_url):
    """A table far below the screen is not laid out at load (content-visibility in guide.css), so
    tables.js measures it when it is: scrolled to, each wide table gets its cue, and only those."""
    with phone_page(browser) as page:
        page.goto(site_url + "study/teachers/", wait_until="load")
        far = page.locator("article .md-typeset__scrollwrap")
        far_down = [i for i in range(far.count()) if far.nth(i).evaluate("el => el.getBoundingClientRect().top > 3 * innerHeight")]
        assert far_down, "no table far down study/teachers/ to check"
        wide = 0
        for index in far_down:
            wrap = far.nth(index)
            wrap.scroll_into_view_if_needed()
            page.wait_for_timeout(100)  # the resize observer reports after the next layout
            state = wrap.evaluate("""el => ({overflows: el.scrollWidth > el.clientWidth + 1,
                marked: el.classList.contains('is-scrollable'),
                cue: !!el.previousElementSibling && el.previousElementSibling.classList.contains('scroll-cue')
                     && el.previousElementSibling.checkVisibility()})""")
            assert state["marked"] == state["overflows"] == state["cue"], (index, state)
            wide += state["overflows"]
        assert wide, "none of the tables far down study/teachers/ is wider than a phone: the check proves nothing"
