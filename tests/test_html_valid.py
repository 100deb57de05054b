"""Every page of the built site is valid HTML, as the Nu Html Checker (vnu.jar) sees it.

The checker comes from npm (tools/package.json: `npm ci --prefix tools`) and runs on
Java 17+. One JVM checks all pages at once: starting Java per page would be far slower.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Known:
    """A checker error that comes from the Material theme's own markup, not ours."""
    message: str  # regex on the checker's message
    extract: str  # regex on the markup the checker quotes; keeps the filter to the theme's elements
    reason: str   # why it is not ours to fix; every entry must say


KNOWN_THEME_ERRORS = [
    Known(
        message=r"^Attribute “autocomplete” is only allowed when the input type is",
        extract=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
                r'id="__(drawer|search)" autocomplete="off">',
        reason="Material's base.html puts autocomplete=\"off\" on the two hidden checkboxes that open the "
               "navigation drawer and the search overlay, so Firefox does not restore their state on reload. "
               "The HTML spec allows autocomplete only on text-like inputs. The markup is the theme's "
               "(mkdocs-material 9.8.1, templates/base.html), not ours.",
    ),
]


def java_and_jar() -> str:
    """The java executable; skips (or fails in CI) when java or the checker is missing."""
    java = shutil.which("java")
    problem = None
    if java is None:
        problem = "java not found: install Java 17+ (apt-get install -y default-jre-headless)"
    elif not VNU_JAR.is_file():
        problem = f"{VNU_JAR.relative_to(ROOT)} not found: run `npm ci --prefix tools`"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"CI must check the HTML: {problem} (see .ci/run).")
        pytest.skip(problem)
    return java


def run_checker(java: str, files: list[Path]) -> list[dict]:
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    try:
        return json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")


def is_known(message: dict) -> bool:
    return any(re.search(k.message, message.get("message", "")) and re.search(k.extract, message.get("extract", ""))
               for k in KNOWN_THEME_ERRORS)


def describe(message: dict, site: Path) -> str:
    page = message.get("url", "").removeprefix("file:")
    with contextlib.suppress(ValueError):
        page = str(Path(page).relative_to(site))
    extract = " ".join(message.get("extract", "").split())
    return f"{page}:{message.get('lastLine', '?')}: {message.get('message')}\n    {extract}"


def test_known_theme_errors_give_their_reason():
    for known in KNOWN_THEME_ERRORS:
        assert len(known.reason) > 40, f"say why this filter is needed: {known}"


def test_every_page_is_valid_html(built_site):
    java = java_and_jar()
    pages = sorted(built_site.rglob("*.html"))
    assert pages, "the build made no HTML pages"
    messages = run_checker(java, pages)
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error") and not is_known(m)]
    report = "\n".join(describe(m, built_site) for m in errors[:200])
    more = f"\n... and {len(errors) - 200} more" if len(errors) > 200 else ""
    assert not errors, f"{len(errors)} HTML errors in {len(pages)} pages:\n{report}{more}"
