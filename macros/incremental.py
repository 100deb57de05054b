"""Which pages `mkdocs serve --dirty` rebuilds after an edit (used by hooks.py).

Each page records, while its macros render, the tokens it read ("data:glossary",
"chapter:fox-goes-abroad", "mentions", "minutes"); each token has a fingerprint (a hash of
what it stands for). A page is rebuilt when its own source changed or when a token it read
changed. Anything not attributed that way (the code, mkdocs.yml, the theme, the set of
pages) rebuilds every page: a stale page is a bug, a needless rebuild only slow.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

SNIPPET = re.compile(r"""--8<--\s+["']([^"']+)["']""")


def digest(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


@dataclass
class BuildRecord:
    """One build: what it was built from, and what each page read."""

    site_key: str  # code, configuration, theme and the list of pages
    sources: dict[str, str]  # page -> hash of its source (and of the snippets it includes)
    fingerprints: dict[str, str]  # token -> hash of what it stands for
    depends: dict[str, set[str]] = field(default_factory=dict)  # page -> tokens it read
    shown: dict[str, tuple] = field(default_factory=dict)  # page -> (title, front matter) as the nav shows it
    urls: dict[str, str] = field(default_factory=dict)  # page -> its URL, in build order
    rebuilt: set[str] = field(default_factory=set)  # the pages this build rebuilt


def changed_tokens(old: dict[str, str], new: dict[str, str]) -> set[str]:
    return {token for token in old.keys() | new.keys() if old.get(token) != new.get(token)}


def pages_to_rebuild(previous: BuildRecord | None, current: BuildRecord) -> tuple[set[str], str]:
    """(the pages to rebuild, why), given the last good build and this one's inputs."""
    everything = set(current.sources)
    if previous is None:
        return everything, "first build, or the last one showed a mistake"
    if previous.site_key != current.site_key:
        return everything, "the code, mkdocs.yml, the theme or the list of pages changed"
    tokens = changed_tokens(previous.fingerprints, current.fingerprints)
    edited = {page for page, source in current.sources.items() if previous.sources.get(page) != source}
    unknown = everything - set(previous.depends)
    affected = {page for page in everything if previous.depends.get(page, set()) & tokens}
    pages = edited | unknown | affected
    why = "edited" if not tokens else "edited, or reading " + ", ".join(sorted(tokens))
    return pages, why


def page_source_key(docs_dir: Path, src_uri: str, root: Path) -> str:
    """The page's text and the text of the files it includes with --8<-- (paths from the project root)."""
    text = (docs_dir / src_uri).read_text(encoding="utf-8")
    parts = [text] + [read_or_missing(root / path) for path in SNIPPET.findall(text)]
    return digest("\0".join(parts))


def read_or_missing(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else "<missing>"


def tree_key(paths: list[Path]) -> str:
    """A hash of the names and contents of every file under the paths (files or folders)."""
    found = []
    for base in paths:
        files = sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if base.is_dir() else [base] if base.is_file() else []
        found += [f"{p}\0{digest(p.read_bytes())}" for p in files]
    return digest("\n".join(found))


def page_of(location: str) -> str:
    return location.partition("#")[0]


def merge_search_docs(previous: list[dict], rebuilt: list[dict], rebuilt_pages: set[str],
                      page_order: list[str]) -> list[dict]:
    """The full index's docs: each page's docs from this build if it was rebuilt, else from the
    last one, pages in the order a full build gives (page_order: page URLs in build order)."""
    by_page: dict[str, list[dict]] = {}
    for doc in previous:
        if page_of(doc["location"]) not in rebuilt_pages:
            by_page.setdefault(page_of(doc["location"]), []).append(doc)
    for doc in rebuilt:
        by_page.setdefault(page_of(doc["location"]), []).append(doc)
    return [doc for page in page_order for doc in by_page.get(page, [])]


PAGE_ONLY_META = ("description",)  # front matter only the page itself shows (its <meta name="description">)


def shown_elsewhere(title, meta: dict) -> tuple:
    """What other pages show of a page: its title and the front matter their navigation reads
    (Material's icon, status, subtitle...), so not its description."""
    return title, {key: value for key, value in meta.items() if key not in PAGE_ONLY_META}
