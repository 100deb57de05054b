"""MkDocs hooks (see `hooks:` in mkdocs.yml).

- `mkdocs serve` keeps serving when a page or a data file has a mistake: the message is
  printed and shown in the page, and the next save that fixes it recovers.
- The downloads are added as generated files, so `serve` serves them and links are checked.
- After the build, the search index is reworked (macros/search_index.py): one result per
  glossary term, place and timeline event; accents ignored; keywords; pages kept out of it
  found by their title and description.
"""
from __future__ import annotations

import importlib
import json
import logging
import os
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import CountHandler
from mkdocs.utils.meta import get_data

SERVING = "GUIDE_LIVE_PREVIEW"  # read by macros/reporting.py


def on_startup(command, dirty):
    os.environ[SERVING] = "1" if command == "serve" else "0"


def on_config(config):
    macros_plugin = config.plugins.get("macros")
    if os.environ.get(SERVING) == "1" and macros_plugin:
        # A live preview reports mistakes in the page instead of stopping.
        macros_plugin.config["on_error_fail"] = False
        logger = logging.getLogger("mkdocs")
        for handler in [h for h in logger.handlers if isinstance(h, CountHandler)]:
            logger.removeHandler(handler)
    return config


def on_files(files, config):
    macros_plugin = config.plugins.get("macros")
    macros = macros_plugin.variables.get("guide_macros") if macros_plugin else None
    if macros is None:  # no macros plugin (a benchmark's reference build), or the data has a problem
        return files
    for path, text in macros.download_files().items():
        files.append(File.generated(config, path, content=text))
    return files


def on_page_content(html, page, config, files):
    """Tooltips on the first use of each term; on chapter pages, one link per target per
    section; on long reference pages, a "Jump to" list of sections."""
    from macros import first_mentions, jump_to  # the macros plugin has imported the package by now

    html = first_mentions.first_terms_only(html)
    if page.file.src_uri.startswith("chapters/"):
        html = first_mentions.unlink_repeats(html)
    if page.file.src_uri.startswith("reference/"):
        html = jump_to.add_jump_to(html)
    return html


def on_post_build(config):
    """Runs after Material's search plugin has written search/search_index.json."""
    macros_plugin = config.plugins.get("macros")
    macros = macros_plugin.variables.get("guide_macros") if macros_plugin else None
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if macros is None or not index_file.exists():
        return
    search_index = importlib.reload(importlib.import_module("macros.search_index"))
    anchors = importlib.import_module("macros.facts").timeline_anchors(macros.guide["timeline"])

    def url(src: str) -> str:
        return File(src, config.docs_dir, config.site_dir, config.use_directory_urls).url

    titles = macros.page_titles()
    pages = {url(src): (titles.get(src) or meta.get("title") or src, meta)
             for src, meta in front_matter(Path(config.docs_dir)).items()}
    index = json.loads(index_file.read_text(encoding="utf-8"))
    keywords = {**search_index.alias_keywords(macros.guide, url, index["config"]["separator"]),
                **search_index.page_keywords(pages)}
    index = search_index.rebuild(index, search_index.entry_docs(macros.guide, anchors, url),
                                 search_index.entry_boosts(macros.appearances, len(macros.chapters), url),
                                 search_index.excluded_page_cards(pages), keywords)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def front_matter(docs_dir: Path) -> dict[str, dict]:
    """docs path -> the page's front matter, for every page that has one."""
    found = {}
    for path in sorted(docs_dir.rglob("*.md")):
        _, meta = get_data(path.read_text(encoding="utf-8"))
        if meta:
            found[path.relative_to(docs_dir).as_posix()] = meta
    return found
