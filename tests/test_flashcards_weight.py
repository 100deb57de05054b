"""Script weight per page, measured on the built files (no timing): our own scripts on any
page stay within 15 KB compressed, and a feature's code loads only where the page uses it.

A page's scripts are its <script src> tags plus what docs/assets/js/practice.js loads for
the feature markers the page holds (its FEATURES table is read here, so the two agree).
"""
from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 15 * 1024  # bytes, gzip level 6 (what web servers typically send)
OURS = "assets/js/"
SCRIPT_SRC = re.compile(r'<script[^>]*\bsrc="([^"]+)"')
FEATURE = re.compile(r'\["([^"]+)", \[([^\]]*)\], "(\w+)"\]')


def features() -> list[tuple[list[str], list[str]]]:
    """(attribute names that trigger it, files under assets/) for each lazily loaded feature."""
    source = (ROOT / "docs" / "assets" / "js" / "practice.js").read_text(encoding="utf-8")
    found = [(re.findall(r"\[([\w-]+)\]", selector), re.findall(r'"([^"]+)"', files))
             for selector, files, _ in FEATURE.findall(source)]
    assert len(found) >= 3, "practice.js FEATURES table not found"
    return found


def compressed(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def page_scripts(site: Path, page: Path, lazy) -> set[str]:
    """Site-relative paths of every script the page runs (static tags and lazily loaded)."""
    html = page.read_text(encoding="utf-8")
    folder = posixpath.dirname(page.relative_to(site).as_posix())
    scripts = {posixpath.normpath(posixpath.join(folder, src.split("?")[0])) for src in SCRIPT_SRC.findall(html)
               if "://" not in src}
    for attributes, files in lazy:
        if any(re.search(rf"<[^>]*\s{a}[\s=>]", html) for a in attributes):
            scripts |= {"assets/" + f for f in files}
    return scripts


def test_flashcard_progress_and_notes_scripts_stay_within_budget_on_every_page(built_site):
    lazy = features()
    for _, files in lazy:
        for f in files:
            assert (built_site / "assets" / f).is_file(), f"practice.js loads assets/{f}, which the site lacks"
    over, loaded_where = [], {}
    for page in sorted(built_site.rglob("*.html")):
        scripts = page_scripts(built_site, page, lazy)
        for script in scripts:
            loaded_where.setdefault(script, set()).add(page.relative_to(built_site).as_posix())
        ours = sorted(s for s in scripts if s.startswith(OURS))
        total = sum(compressed(built_site / s) for s in ours)
        if total > BUDGET:
            over.append(f"{page.relative_to(built_site)}: {total} bytes ({', '.join(ours)})")
    assert not over, f"our scripts exceed {BUDGET} bytes compressed:\n" + "\n".join(over)
    # A feature's code is loaded only by the pages that use it.
    assert loaded_where["assets/vendor/ts-fsrs/ts-fsrs.umd.js"] == {"study/flashcards/index.html"}
    assert loaded_where["assets/js/flashcards.js"] == {"study/flashcards/index.html"}
    assert loaded_where["assets/js/progress.js"] == {"study/progress/index.html"}
    assert {p for p in loaded_where["assets/js/chapter.js"]} == {
        p.relative_to(built_site).as_posix() for p in (built_site / "chapters").glob("*/index.html")}
    assert "assets/js/store.js" not in page_scripts(built_site, built_site / "reference" / "people" / "index.html", lazy)
