"""Each page's Markdown after the macros ran, kept in .cache/guide/ (figure_cache's folder)
between builds, so a build after a build runs the macros only on pages whose inputs changed.

Used by hooks.py. On `mkdocs build` the output is kept on disk. `mkdocs serve --dirty` records
what each page reads while its macros run (macros/incremental.py), and a page taken from the disk
would read nothing: there the output is kept in memory with what the macros read, and reused
while all of it is unchanged (a glossary edit changes a chapter's tooltips, not its macros).
The key holds everything the macros read: the page's Markdown, address, title and front
matter; every data file and chapter page (the guide's fingerprints); the settings in
mkdocs.yml and the macros plugin's variables; today's date (the citation of the guide gives
the day it was accessed); the code in macros/ and the versions of Python and the libraries.
A render that failed or logged a warning is not kept, so a bad input still stops the build.
GUIDE_CACHE=off turns the disk off, as for figures.
"""
from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from . import figure_cache, links, serve_state
from .render_cache import Tally, WarningSeen, watching

PREFIX = "macros:"
LIBRARIES = ("jinja2", "mkdocs-macros-plugin", "mkdocs")
NOT_READ = ("site_dir",)  # where the build writes (each test build has its own): not in the Markdown
VARIABLES = ("extra", "environment", "plugin", "git", "article", "guide", "abbreviations", "abbreviation_owners")
_site: tuple[Any, str] = (None, "")


MACRO_RUNS = Tally()  # pages whose macros ran, pages whose Markdown came from the disk


def plain_part(mapping: Mapping) -> dict:
    """The values JSON can hold (settings, lists, texts); objects such as plugins are left out."""
    kept = {}
    for name, value in mapping.items():
        if name in NOT_READ:
            continue
        try:
            json.dumps(value, sort_keys=True, default=figure_cache.plain_data)
        except (TypeError, ValueError):
            continue
        kept[name] = value
    return kept


def site_key(fingerprints: dict[str, str], config: Mapping, config_text: str, variables: Mapping, today: str) -> str:
    """What every page's macros may read beyond the page itself."""
    payload = json.dumps([sorted(fingerprints.items()), plain_part(config), config_text,
                          plain_part({name: variables.get(name) for name in VARIABLES}), today,
                          figure_cache.code_digest(), figure_cache.versions_of(figure_cache.LIBRARIES + LIBRARIES)],
                         sort_keys=True, default=figure_cache.plain_data)
    return hashlib.sha256(payload.encode()).hexdigest()


def page_key(site: str, markdown: str, force: bool, src_uri: str, url: str, title: str, meta: Mapping,
             directory_urls: bool) -> str:
    payload = json.dumps([site, markdown, force, src_uri, url, title, meta, directory_urls], sort_keys=True,
                         default=str)
    return PREFIX + hashlib.sha256(payload.encode()).hexdigest()


def site_key_of(plugin) -> str | None:
    """The plugin's site key, computed once per build (the guide's macros object is new each build)."""
    global _site
    macros = plugin.variables.get("guide_macros")
    if macros is None:  # the data has a problem: nothing is kept
        return None
    if _site[0] is not macros:
        config = plugin.conf
        config_text = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
        _site = (macros, site_key(macros.fingerprints(), config, config_text, plugin.variables,
                                  datetime.date.today().isoformat()))
    return _site[1]


def render_with_cache(plugin, markdown: str, force_rendering: bool, plain_render: Callable[..., str]) -> str:
    """plain_render(markdown, force_rendering), or what it returned last time for the same inputs."""
    site = site_key_of(plugin) if figure_cache.disk_dir() is not None else None
    if site is None:
        MACRO_RUNS.done += 1
        return plain_render(markdown=markdown, force_rendering=force_rendering)
    page = plugin.page
    key = page_key(site, markdown, force_rendering, page.file.src_uri, page.url, str(page.title), page.meta,
                   links.DIRECTORY_URLS)
    found, kept = figure_cache.read_disk(key)
    if found and isinstance(kept, str):
        MACRO_RUNS.reused += 1
        return kept
    MACRO_RUNS.done += 1
    rendered, clean = watched(lambda: plain_render(markdown=markdown, force_rendering=force_rendering))
    if clean:
        figure_cache.write_disk(key, rendered)
    return rendered


def watched(render: Callable[[], str]) -> tuple[str, bool]:
    """(render(), whether it ran clean): no warning logged and no mistake shown meanwhile.
    Only a clean render is kept, so a bad input is reported again."""
    watcher, failed_before = WarningSeen(), serve_state.failed
    with watching(watcher):
        rendered = render()
    return rendered, not watcher.seen and serve_state.failed == failed_before


def render_while_serving(plugin, markdown: str, force_rendering: bool, plain_render: Callable[..., str]) -> str:
    """Under `mkdocs serve --dirty`: what plain_render returned at the last rebuild for the same
    page and inputs, while every token the macros read then has the same fingerprint now."""
    page, pending = plugin.page, serve_state.pending
    if page is None or pending is None:
        return plain_render(markdown=markdown, force_rendering=force_rendering)
    slot = ("page macros", page.file.src_uri, markdown == page.title)  # a page's text, or its title
    key = (*slot, markdown, force_rendering, page.url, str(page.title),
           json.dumps(page.meta, sort_keys=True, default=str), links.DIRECTORY_URLS)
    ran = []

    def run() -> str:
        ran.append(True)
        return plain_render(markdown=markdown, force_rendering=force_rendering)
    rendered, clean = watched(lambda: serve_state.memo_by_reads(key, run, pending.fingerprints, slot=slot))
    if not clean:
        serve_state.forget_render(slot)
    if markdown != page.title:  # pages, not titles, are counted
        MACRO_RUNS.done += bool(ran)
        MACRO_RUNS.reused += not ran
    return rendered


def keep_macro_output(plugin, while_serving: bool = False) -> None:
    """Wraps the macros plugin's render (its Jinja pass over a page) once: on the disk, or while
    serving (--dirty) in memory."""
    plain_render = plugin.render
    if getattr(plain_render, "keeps_output", False):
        return
    keep = render_while_serving if while_serving else render_with_cache

    def render(markdown: str, force_rendering: bool = False) -> str:
        return keep(plugin, markdown, force_rendering, plain_render)
    render.keeps_output = True  # type: ignore[attr-defined]
    plugin.render = render
