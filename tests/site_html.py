"""Small helpers for reading the built site's HTML."""
from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit


class PageParser(html.parser.HTMLParser):
    """Collects ids, links and loaded resources of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[tuple[str, str]] = []
        self.text_outside_code: list[str] = []
        self.in_code = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        href = a.get("href") or a.get("xlink:href")  # xlink:href: links inside SVG figures
        if tag == "a" and href:
            self.links.append(href)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.resources.append((tag, a["src"]))
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "prev", "next", "alternate"):
            self.resources.append((f"link rel={a.get('rel')}", a["href"]))
        if tag in ("code", "pre", "script", "style"):
            self.in_code += 1

    def handle_endtag(self, tag):
        if tag in ("code", "pre", "script", "style") and self.in_code:
            self.in_code -= 1

    def handle_data(self, data):
        if not self.in_code:
            self.text_outside_code.append(data)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to; None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None
    base = page.relative_to(site).parent.as_posix()
    target = unquote(parts.path)
    if target.startswith("/"):  # root-relative, as on the 404 page
        base, target = "", target.lstrip("/") or "."
    path = page if not target else site / posixpath.normpath(posixpath.join(base, target))
    if path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)
