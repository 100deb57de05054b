#!/usr/bin/env python3
"""The guide's PDFs: the print edition and the chapter handouts (`make pdf`).

    make pdf                                        # builds site/, then writes site/downloads/pdf/
    .venv/bin/python scripts/make_pdf.py --site site --paper A4

It serves a built site on 127.0.0.1, opens each print view in headless Chromium
(Playwright, the same browser the tests use; it never downloads one) and prints it:

- study-guide.pdf       the print edition (study/print/): page numbers, bookmarks from its
                        headings, and its contents table linking to each chapter in the PDF;
- handouts.pdf          every chapter handout, one page each;
- handout-NN-ID.pdf     one chapter's handout alone (the page opened at #handout-ID).

Links in a PDF must work away from the local server: a link to a place in the same PDF
stays a link inside it; any other link inside the guide points at the published site
(GUIDE_SITE_URL, or --site-url) or, without one, is left as plain text.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import html
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = Path("downloads") / "pdf"  # inside the site
CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/chromium-browser"]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
TIMEOUT = 60_000  # ms: the print edition is long, and the machine may be busy

GUIDE_PDF = "study-guide.pdf"
HANDOUTS_PDF = "handouts.pdf"

FOOTER = ('<div style="width:100%;font-size:8pt;color:#444;text-align:center;'
          'font-family:sans-serif;">{title} · page <span class="pageNumber"></span> '
          'of <span class="totalPages"></span></div>')

# Runs in the page after Material's scripts: every link gets an address that works in a PDF.
LINKS_FOR_PDF_JS = """
([siteUrl, printPath]) => {
  // SVG figures link with xlink:href (macros/svg.py); HTML links with href.
  const XLINK = "http://www.w3.org/1999/xlink";
  const isSvg = link => link instanceof SVGElement;
  const read = link => isSvg(link) ? link.getAttributeNS(XLINK, "href") : link.getAttribute("href");
  const write = (link, value) => isSvg(link) ? link.setAttributeNS(XLINK, "xlink:href", value)
                                             : link.setAttribute("href", value);
  const drop = link => isSvg(link) ? link.removeAttributeNS(XLINK, "href") : link.removeAttribute("href");
  const chapterStarts = [...document.querySelectorAll(".print-chapter")]
    .map(chapter => chapter.querySelector("h1[id], h2[id]"));
  for (const link of document.querySelectorAll("article a")) {
    const value = read(link);
    if (!value) continue;
    const url = new URL(value, location.href);
    if (url.origin !== location.origin) continue;  // another site: its own address
    const path = url.pathname;
    const chapter = path.match(/\\/chapters\\/(\\d+)-[^/]+\\/?(?:index\\.html)?$/);
    const start = chapter && chapterStarts[Number(chapter[1]) - 1];
    if (path === location.pathname && url.hash && document.getElementById(decodeURIComponent(url.hash.slice(1)))) {
      write(link, url.hash);                        // a place in this PDF
    } else if (start && location.pathname === printPath) {
      write(link, "#" + start.id);                  // a chapter: its part of the print edition
    } else if (siteUrl) {
      write(link, new URL(path.slice(1) + url.hash, siteUrl).toString());
    } else {
      drop(link);                                   // no published address: plain text
    }
  }
}
"""


def find_chromium() -> str:
    candidates = [os.environ.get("CHROMIUM_PATH", ""), *CHROMIUM_CANDIDATES]
    found = next((c for c in candidates if c and os.access(c, os.X_OK)), None)
    if found is None:
        sys.exit("Chromium not found: apt-get install chromium, or set CHROMIUM_PATH")
    return found


def build_site(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """The site on a local server for as long as the block runs: its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chapters() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "chapters.yml").read_text(encoding="utf-8"))


def handout_name(chapter: dict) -> str:
    return f"handout-{chapter['number']:02d}-{chapter['id']}.pdf"


def jobs(base: str) -> list[tuple[str, str, str]]:
    """(file name, address, footer title) of every PDF."""
    guide = "With a Friend Like Fox: A Study Guide"
    found = [(GUIDE_PDF, base + "study/print/", guide),
             (HANDOUTS_PDF, base + "study/handouts/", "Chapter handouts")]
    for chapter in chapters():
        found.append((handout_name(chapter), f"{base}study/handouts/#handout-{chapter['id']}",
                      f"Chapter {chapter['number']} handout"))
    return found


def render(page, url: str, target: Path, title: str, site_url: str | None, paper: str) -> None:
    page.goto("about:blank")  # a fresh load, so a #fragment is the page's :target
    page.goto(url, wait_until="load")
    page.wait_for_function("document.documentElement.classList.contains('js') && window.guidePrintLinksLoaded")
    page.evaluate(LINKS_FOR_PDF_JS, [site_url or "", "/study/print/"])
    page.pdf(path=str(target), format=paper, print_background=False, outline=True, tagged=True,
             display_header_footer=True, header_template="<div></div>",
             footer_template=FOOTER.format(title=html.escape(title)))


def make_pdfs(site: Path, site_url: str | None = None, paper: str = "Letter",
              only: set[str] | None = None, out: Path | None = None, browser=None) -> list[Path]:
    """Print every PDF (or those named in `only`) into OUT (default SITE/downloads/pdf/); their paths.
    browser: a Playwright Chromium already running (the tests'); by default one is started."""
    out = out or site / OUT
    out.mkdir(parents=True, exist_ok=True)
    if browser is not None:
        with served(site) as base:
            return print_jobs(browser, base, site_url, paper, only, out)
    from playwright.sync_api import sync_playwright

    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_FLAGS)
        try:
            return print_jobs(browser, base, site_url, paper, only, out)
        finally:
            browser.close()


def print_jobs(browser, base: str, site_url: str | None, paper: str, only: set[str] | None, out: Path) -> list[Path]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    written = []
    try:
        for name, url, title in jobs(base):
            if only is None or name in only:
                render(page, url, out / name, title, site_url, paper)
                written.append(out / name)
    finally:
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site already built (default: build into site/ first)")
    parser.add_argument("--site-url", default=os.environ.get("GUIDE_SITE_URL") or None,
                        help="the published site's address, for links to other pages (default: GUIDE_SITE_URL)")
    parser.add_argument("--paper", default="Letter", choices=["Letter", "A4"])
    args = parser.parse_args(argv)
    site = args.site
    if site is None:
        site = ROOT / "site"
        build_site(site)
    if not (site / "study" / "print" / "index.html").exists():
        sys.exit(f"{site} holds no built guide (no study/print/index.html)")
    site_url = args.site_url if not args.site_url or args.site_url.endswith("/") else args.site_url + "/"
    for path in make_pdfs(site.resolve(), site_url, args.paper):
        print(f"{path.relative_to(site.resolve())}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
