"""Seed one-line bugs into the views and check the fast tests catch each one.

    python scripts/seed_bugs.py            # unit tier (seconds per bug)
    python scripts/seed_bugs.py --tier "not browser"

Each mutation replaces one line's text in one module, runs pytest, and restores the
file. A mutation the tests do not catch is a hole in the net: add a test for it.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (module, text as written, the bug): a dropped field, an inverted condition, a swapped label...
MUTATIONS = [
    ("macros/profiles.py", 'parts.append(f"**After 2001.** {safe_block(entry[\'after_2001\'])}")', "pass"),
    ("macros/tables.py", 'ticks = [CHECK if c["id"] in found else "" for c in chapters]',
     'ticks = [CHECK if c["id"] not in found else "" for c in chapters]'),
    ("macros/model.py", '"did-not": "Did not happen",', '"did-not": "Came true",'),
    ("macros/facts.py", '"Article" if e["in_article"] else "Context", origin(e, chapters_by_id, from_page)])',
     '"Context" if e["in_article"] else "Article", origin(e, chapters_by_id, from_page)])'),
    ("macros/glossary.py", 'body.append("Sources: " + source_links(entry["sources"]))', "pass"),
    ("macros/study.py", '"correct": o["correct"]} for i, o in enumerate(item["options"])]',
     '"correct": not o["correct"]} for i, o in enumerate(item["options"])]'),
    ("macros/chapter_page.py", 'names = sorted((display_label(e) for e in entries), key=str.lower)',
     'names = [display_label(e) for e in entries]'),
    ("macros/print_views.py", "HANDOUT_QUESTIONS = 4", "HANDOUT_QUESTIONS = 5"),
    ("macros/downloads.py", '"questions.csv": questions_csv(collections["questions"], chapters_by_id),',
     '"questions.csv": glossary_csv(collections["glossary"]),'),
    ("macros/argument.py", 'lines += ["", f"    > *{OBJECTION_LABEL}* {safe(chapter[\'objection\'])}"]', "pass"),
    ("macros/citations.py", '"APA": f\'{g["authors"]}. ({year}). *{g["title"]}*.\' + (f" {url}" if url else ""),',
     '"APA": f\'{g["authors"]}. ({year}). *{g["title"]}*.\','),
    ("macros/corrections.py", 'key=lambda e: str(e["date"]), reverse=True)', 'key=lambda e: str(e["date"]), reverse=False)'),
    ("macros/chapter_page.py", 'parts.append(render_quiz_link(quiz_size, from_page))', "pass"),
    ("macros/tables.py", 'cell(place["in_the_article"]), links])', 'links, cell(place["in_the_article"])])'),
    ("macros/links.py", 'return f"chapters/{chapter[\'number\']:02d}-{chapter[\'id\']}.md"',
     'return f"chapters/{chapter[\'number\']:d}-{chapter[\'id\']}.md"'),
]


def caught(module: str, before: str, after: str, tier: str) -> bool:
    path = ROOT / module
    original = path.read_text(encoding="utf-8")
    assert original.count(before) == 1, f"{module}: the line to mutate is not there once: {before}"
    path.write_text(original.replace(before, after, 1), encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-m", tier, "-p", "no:cacheprovider"],
                                cwd=ROOT, capture_output=True, text=True)
        return result.returncode != 0
    finally:
        path.write_text(original, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tier", default="unit", help='pytest -m expression (default: unit)')
    tier = parser.parse_args().tier
    missed = 0
    for module, before, after in MUTATIONS:
        ok = caught(module, before, after, tier)
        missed += not ok
        print(f"{'caught' if ok else 'MISSED'}  {module}: {after[:70]}")
    print(f"{len(MUTATIONS) - missed} of {len(MUTATIONS)} seeded bugs caught by `pytest -m \"{tier}\"`")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
