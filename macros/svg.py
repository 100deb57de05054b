"""Shared pieces of every SVG figure: escaping, the <svg> element and the page wrapper.

Every figure is a <figure class="guide-figure"> holding an inline SVG with an accessible
name, followed on the page by its text version (a table or list). Colours come from CSS
(currentColor and the --guide-* variables in guide.css), so both colour schemes and print work.
"""
from __future__ import annotations

from markupsafe import escape


def esc(text) -> str:
    """Data text inside SVG or HTML (element text or an attribute value)."""
    return str(escape(" ".join(str(text).split())))


def number(value: float) -> str:
    """A coordinate, short: 12.5 not 12.500000001."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


XLINK = ' xmlns:xlink="http://www.w3.org/1999/xlink"'  # svg_link writes xlink:href


def wrap_words(text: str, chars: int) -> list[str]:
    """Greedy word wrap into lines of at most `chars` characters (a longer word keeps a line
    to itself): SVG text does not wrap by itself."""
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def svg_element(body: str, *, width: float, height: float, title: str, figure_id: str,
                description: str = "", interactive: bool = False) -> str:
    """<svg> scaled to its container, named by its <title> (and <desc>).
    A figure with links inside is a group, so its links stay reachable; otherwise an image."""
    role = "group" if interactive else "img"
    labelled = f"{figure_id}-title" + (f" {figure_id}-desc" if description else "")
    desc = f'<desc id="{figure_id}-desc">{esc(description)}</desc>' if description else ""
    return (f'<svg class="guide-svg" id="{figure_id}" viewBox="0 0 {number(width)} {number(height)}" '
            f'role="{role}" aria-labelledby="{labelled}" xmlns="http://www.w3.org/2000/svg"{XLINK if interactive else ""}>'
            f'<title id="{figure_id}-title">{esc(title)}</title>{desc}{body}</svg>')


def svg_link(href: str, body: str, label: str, css_class: str = "") -> str:
    """A keyboard-reachable link inside an SVG (href is relative, to a built page).
    Written xlink:href, not href: Material's instant navigation reassigns every [href] of a
    page it loads, and an SVG link's href is read-only, so that would throw. role="link":
    checkers that look for href alone (axe) would not see a link."""
    extra = f' class="{esc(css_class)}"' if css_class else ""
    return f'<a xlink:href="{esc(href)}" role="link" aria-label="{esc(label)}"{extra}>{body}</a>'


def figure_block(svg: str, *, caption: str, kind: str, text_version_id: str = "") -> str:
    """The figure as a raw-HTML block for a Markdown page, left out of the search index.
    caption is already-escaped HTML; text_version_id names the table or list beside it."""
    pointer = (f' <a href="#{esc(text_version_id)}">Text version</a>.' if text_version_id else "")
    return (f'\n\n<figure class="guide-figure guide-figure--{esc(kind)}" data-search-exclude>'
            f'<div class="guide-figure__scroll">{svg}</div>'
            f'<figcaption>{caption}{pointer}</figcaption></figure>\n\n')
