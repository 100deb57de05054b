"""Citations for the article and for the guide, from mkdocs.yml's `extra` settings."""
from __future__ import annotations


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
    return {
        "MLA": f'{g["authors"]}. *{g["title"]}*. {year}, {g["url"]}. Accessed {accessed}.',
        "APA": f'{g["authors"]}. ({year}). *{g["title"]}*. {g["url"]}',
        "Chicago": f'{g["authors"]}. *{g["title"]}*. {year}. {g["url"]}.',
    }


def render_citations(citations: dict[str, str]) -> str:
    return "\n\n".join(f"**{style}:** {text}" for style, text in citations.items())
