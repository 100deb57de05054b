"""Citations for the article and for the guide, from mkdocs.yml's `extra` settings."""
from __future__ import annotations

from .text import safe


def article_citations(a: dict) -> dict[str, str]:
    first, last = a["author_first"], a["author_last"]
    return {
        "MLA": f'{last}, {first} "{a["title"]}." *{a["journal"]}*, vol. {a["volume"]}, no. {a["issue"]}, '
               f'{a["season"]} {a["year"]}. {a["url"]}.',
        "APA": f'{last}, {a["author_initials"]} ({a["year"]}). {a["title"]}. *{a["journal"]}, {a["volume"]}*'
               f'({a["issue"]}). {a["url"]}',
        "Chicago": f'{first} {last}, "{a["title"]}," *{a["journal"]}* {a["volume"]}, no. {a["issue"]} '
                   f'({a["season"]} {a["year"]}), {a["url"]}.',
    }


def guide_citations(g: dict, year: str, accessed: str) -> dict[str, str]:
    """Without a published address (a local build), the citations leave the URL out."""
    url = g.get("url")
    return {
        "MLA": f'{g["authors"]}. *{g["title"]}*. {year}' + (f", {url}" if url else "") + f". Accessed {accessed}.",
        "APA": f'{g["authors"]}. ({year}). *{g["title"]}*.' + (f" {url}" if url else ""),
        "Chicago": f'{g["authors"]}. *{g["title"]}*. {year}.' + (f" {url}." if url else ""),
    }


def render_citations(citations: dict[str, str]) -> str:
    return "\n\n".join(f"**{style}:** {safe(text)}" for style, text in citations.items())
