"""The corrections log: every factual fix to the guide, newest first."""
from __future__ import annotations

from pathlib import Path

from .errors import GuideError
from .links import md_link, relative, source_links
from .text import display_date, safe
from .validation import describe_entry, did_you_mean

NO_CORRECTIONS = "_No corrections yet._"


def check_pages(corrections: list[dict], docs_dir: Path) -> None:
    """Each correction names a page that exists."""
    pages = sorted(str(p.relative_to(docs_dir)) for p in docs_dir.rglob("*.md"))
    problems = []
    for index, entry in enumerate(corrections):
        if entry["page"] not in pages:
            hint = did_you_mean(entry["page"], pages) or " give a path under docs/, e.g. 'reference/people.md'."
            problems.append(f"data/corrections.yml, {describe_entry(index, entry)}, field 'page': "
                            f"unknown page '{entry['page']}';{hint}")
    if problems:
        raise GuideError("The guide's data has problems:\n  " + "\n  ".join(problems))


def render_corrections(corrections: list[dict], page_titles: dict[str, str], from_page: str) -> str:
    if not corrections:
        return NO_CORRECTIONS
    parts = []
    for entry in sorted(corrections, key=lambda e: str(e["date"]), reverse=True):  # stable: same-day fixes keep file order
        page = md_link(page_titles.get(entry["page"], entry["page"]), relative(from_page, entry["page"]))
        parts.append("\n".join([
            f"- **{display_date(entry['date'])}, {page}.**",
            f"    - *Was:* {safe(entry['was'])}",
            f"    - *Now:* {safe(entry['now'])}",
            f"    - *{'Source' if len(entry['sources']) == 1 else 'Sources'}:* {source_links(entry['sources'])}",
        ]))
    return "\n".join(parts)
