"""Editing a chapter's prose redraws no figure; editing the data a figure shows redraws it.

Builds in one process (as `mkdocs serve` rebuilds), counting the drawings held by
macros/figure_cache.py, which survives rebuilds.
"""
import json
import os
import subprocess
import sys

BUILDS_AFTER_EDITS = """
import json, sys
from pathlib import Path
sys.path.insert(0, ".")
from mkdocs.commands.build import build
from mkdocs.config import load_config
from macros import figure_cache

def drawings():
    build(load_config("mkdocs.yml", site_dir="site"))
    return figure_cache.cache_size()

counts = [drawings()]
for path, addition in json.loads(sys.argv[1]):
    path = Path(path)
    path.write_text(path.read_text(encoding="utf-8") + addition, encoding="utf-8")
    counts.append(drawings())
print(json.dumps(counts))
"""
ERA = ('\n- id: test-era\n  name: A test era\n  start: "1990"\n  end: "1991"\n  sources:\n'
       '    - title: Test\n      url: https://example.org/\n')


def drawings_after_edits(project, edits: list[tuple[str, str]]) -> list[int]:
    result = subprocess.run([sys.executable, "-c", BUILDS_AFTER_EDITS, json.dumps(edits)], cwd=project,
                            capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_prose_edit_redraws_no_figure_and_a_data_edit_redraws_its_figure(project_copy):
    first, after_prose, after_data = drawings_after_edits(project_copy, [
        ("docs/chapters/02-fox-goes-abroad.md", "\n\nA new closing sentence.\n"),
        ("data/eras.yml", ERA),
    ])
    assert first > 10, "the build should draw its figures through the cache"
    assert after_prose == first, "a prose edit redrew figures"
    assert after_data > after_prose, "an edit to the timeline's eras should redraw the timeline"
