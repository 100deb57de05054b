"""One visit per page for the checks that look at every page (issue 13: faster tests, no check
dropped). Each page is loaded twice, once at desktop width and once on a phone, and checked in
both colour schemes in each visit: Material's own toggle switches the scheme in place.

The tour only measures; each test reads what was found and judges it where it always has: axe
and requests to other hosts in test_browser.py, sideways scrolling in test_accessibility.py,
figures in test_figures_browser.py, phone tables in test_phone_tables.py, skipped blocks in
test_skipped_blocks.py.

The pytest-xdist workers share the tour: each claims the next page nobody has claimed (a file
created with O_EXCL in a folder both see), visits it and writes what it found there. The first
test that needs the tour on a worker joins in; the other worker joins if it needs the tour
before the pages run out, and otherwise goes on with other tests.
"""
from __future__ import annotations

import json
import os
import time
import traceback
from pathlib import Path
from urllib.parse import urlsplit

SCHEMES = ("default", "slate")
NARROWEST = 320  # px, after the phone's own width: WCAG reflow
TOGGLE = {"default": "Switch to light mode", "slate": "Switch to dark mode"}  # the label that leads there
WAIT_FOR_OTHER_WORKER = 600  # s, for one page another worker has claimed

# Blocks guide.css lets the browser skip until they come near the screen (content-visibility: auto).
# The tour checks that such a block, once shown, sits exactly where it would without the rule, and
# runs every other check without the rule, so no part of a page escapes them. It all happens in one
# synchronous call: no table cue or idle layout (guide.js) can change the page in between.
SHOWN_CSS = "[data-tour-skippable] { content-visibility: visible !important; contain: layout style paint !important; }"
COMPARE_SKIPPING_JS = """shownCss => {
  let count = 0;
  for (const el of document.querySelectorAll('.md-typeset *'))
    if (getComputedStyle(el).contentVisibility === 'auto' || el.style.contentVisibility === 'visible') {
      el.dataset.tourSkippable = ''; count++; }  // (guide.js lays them out once the page is idle)
  const style = document.head.appendChild(document.createElement('style'));
  const boxes = () => [...document.querySelectorAll('.md-typeset *')].map(el => {
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className
                 ? '.' + el.className.trim().split(/\\s+/)[0] : '');
    if (!el.checkVisibility()) return [name, 'not shown'];  // e.g. in a closed <details>: no box to compare
    const r = el.getBoundingClientRect();
    return [name, ...[r.top + scrollY, r.left + scrollX, r.width, r.height].map(Math.round)]; });
  style.textContent = shownCss;  // as a reader sees each block once it is on the screen
  const shown = boxes();
  style.textContent = '';
  let ruleRemoved = false;  // then the page without guide.css's skipping rule, as it stays for the visit
  for (const sheet of document.styleSheets) {
    let rules = [];
    try { rules = sheet.cssRules; } catch (error) { continue; }
    for (let i = rules.length - 1; i >= 0; i--)
      if (rules[i] instanceof CSSSupportsRule && rules[i].conditionText.includes('content-visibility')) {
        sheet.deleteRule(i); ruleRemoved = true; }
  }
  return {count, ruleRemoved, shown, noRule: boxes()}; }"""


def set_scheme(tab, scheme: str) -> None:
    """The reader's way: Material's palette toggle (it turns transitions off while it switches)."""
    if tab.evaluate("document.body.dataset.mdColorScheme") != scheme:
        tab.locator(f'label[title="{TOGGLE[scheme]}"]').click()
    tab.wait_for_function(f"document.body.dataset.mdColorScheme === '{scheme}'"
                          " && !document.body.hasAttribute('data-md-color-switching')")


def schemes_from(tab) -> list[str]:
    """Both schemes, the one the page opened in first (saves a switch)."""
    current = tab.evaluate("document.body.dataset.mdColorScheme")
    return sorted(SCHEMES, key=lambda s: s != current)


def unskip_all(tab) -> dict:
    """Show every skippable block, compare the boxes with and without the skipping rule, and leave
    the page as if there were no rule: {"skippable": how many, "moved": the first boxes that differ}."""
    found = tab.evaluate(COMPARE_SKIPPING_JS, SHOWN_CSS)
    moved = [f"{shown[0]} at {shown[1:]} shown, {bare[1:]} without the rule"
             for shown, bare in zip(found["shown"], found["noRule"], strict=True) if shown != bare]
    if found["count"] and not found["ruleRemoved"]:
        moved.insert(0, "the skipping rule (an @supports rule on content-visibility) was not found to remove")
    return {"skippable": found["count"], "moved": moved[:5]}


class Visitor:
    """A desktop tab and a phone tab in one browser; visit(path) measures one page."""

    def __init__(self, browser, site_url: str, axe_script: str):
        from test_browser import DESKTOP, PHONE, skip_search_index

        self.site_url, self.axe_script = site_url, axe_script
        self.desktop_size, self.phone_size = DESKTOP, PHONE
        self.requests: list[str] = []
        self.contexts = [browser.new_context(viewport=DESKTOP, color_scheme="light"),
                         browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme="light")]
        for context in self.contexts:
            context.set_default_timeout(60_000)
            skip_search_index(context)  # layout and markup do not depend on it
            context.on("request", self.record)
            context.route(lambda url: urlsplit(url).scheme in ("http", "https")
                          and urlsplit(url).hostname != "127.0.0.1", lambda route: route.abort())
        self.desktop, self.phone = (context.new_page() for context in self.contexts)

    def record(self, request) -> None:
        if urlsplit(request.url).scheme in ("http", "https", "ws", "wss"):
            self.requests.append(request.url)

    def close(self) -> None:
        for context in self.contexts:
            context.close()

    def visit(self, path: str) -> dict:
        from test_accessibility import SIDEWAYS_JS
        from test_figures_browser import MEASURE as FIGURES_JS
        from test_figures_browser import save_screenshots
        from test_phone_tables import MEASURE_JS as TABLES_JS

        from test_browser import SUMMARY_JS

        found: dict = {"axe": {}, "figures": {}, "tables": {}, "sideways": {}, "skipping": {}}
        self.requests = []

        def figures(tab, width: int, scheme: str) -> None:
            if tab.locator("figure.guide-figure").count():
                found["figures"][f"{width} {scheme}"] = {
                    "figures": tab.evaluate(FIGURES_JS),
                    "sideways": tab.evaluate("document.scrollingElement.scrollWidth > innerWidth + 1")}
                save_screenshots(tab, path, width, scheme)  # only when asked for (GUIDE_FIGURE_SHOTS=1)

        desk, phone, url = self.desktop, self.phone, self.site_url + path
        desk.goto(url, wait_until="load")
        found["skipping"][str(self.desktop_size["width"])] = unskip_all(desk)
        desk.evaluate(self.axe_script)  # the scheme switches in place: one injection serves both runs
        for scheme in schemes_from(desk):
            set_scheme(desk, scheme)
            found["axe"][scheme] = desk.evaluate(
                f"() => axe.run(document, {{resultTypes: ['violations']}}).then({SUMMARY_JS})")
            figures(desk, self.desktop_size["width"], scheme)

        phone.set_viewport_size(self.phone_size)
        phone.goto(url, wait_until="load")
        found["skipping"][str(self.phone_size["width"])] = unskip_all(phone)
        has_tables = phone.locator("article table").count() > 0
        by_scheme = has_tables or phone.locator("figure.guide-figure").count() > 0  # else nothing to measure per scheme
        for scheme in schemes_from(phone) if by_scheme else []:
            set_scheme(phone, scheme)
            if has_tables:
                phone.wait_for_function("document.querySelector('article table').closest('.md-typeset__scrollwrap')")
                phone.wait_for_timeout(50)  # tables.js marks wide tables on the next frame
                found["tables"][scheme] = phone.evaluate(TABLES_JS)
            figures(phone, self.phone_size["width"], scheme)
        found["sideways"][str(self.phone_size["width"])] = phone.evaluate(SIDEWAYS_JS)
        phone.set_viewport_size({"width": NARROWEST, "height": 640})
        found["sideways"][str(NARROWEST)] = phone.evaluate(SIDEWAYS_JS)
        found["requests"] = self.requests
        return found


class PageTour:
    """tour() -> {page path: what its visit found}, every page of the built site."""

    def __init__(self, folder: Path, paths: list[str], start_visitor):
        self.folder, self.paths, self.start_visitor = folder, paths, start_visitor
        self.found: dict[str, dict] | None = None

    def result_file(self, path: str) -> Path:
        return self.folder / ((path.strip("/").replace("/", "__") or "home") + ".json")

    def claim(self, path: str) -> bool:
        try:
            os.close(os.open(self.result_file(path).with_suffix(".claimed"), os.O_CREAT | os.O_EXCL))
            return True
        except FileExistsError:
            return False

    def visit_unclaimed(self) -> None:
        visitor = None
        try:
            for path in self.paths:
                if not self.claim(path):
                    continue
                visitor = visitor or self.start_visitor()
                try:
                    found = visitor.visit(path)
                except Exception:  # one page's failure is reported by every check, not a hang
                    found = {"error": traceback.format_exc(limit=3)}
                temporary = self.result_file(path).with_suffix(".part")
                temporary.write_text(json.dumps(found), encoding="utf-8")
                temporary.replace(self.result_file(path))
        finally:
            if visitor:
                visitor.close()

    def read(self, path: str) -> dict:
        deadline = time.monotonic() + WAIT_FOR_OTHER_WORKER
        while not self.result_file(path).exists():  # the other worker is on it
            if time.monotonic() > deadline:
                return {"error": f"no result after {WAIT_FOR_OTHER_WORKER} s from the worker that claimed it"}
            time.sleep(0.2)
        return json.loads(self.result_file(path).read_text(encoding="utf-8"))

    def tour(self) -> dict[str, dict]:
        if self.found is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.visit_unclaimed()
            self.found = {path: self.read(path) for path in self.paths}
        return self.found


def completed(found: dict[str, dict]) -> dict[str, dict]:
    """The tour, once no visit failed: a page whose visit raised fails every check that reads it."""
    failed = {path or "/": visit["error"] for path, visit in found.items() if "error" in visit}
    assert not failed, "pages the tour could not visit:\n" + "\n".join(f"{p}: {e}" for p, e in failed.items())
    return found
