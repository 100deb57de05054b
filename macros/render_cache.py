"""Each page's Markdown-to-HTML render, kept on disk between builds (figure_cache's folder,
.cache/guide/), so a build after a build renders only the pages whose Markdown changed. A long
page made of parts (render_parts.py) is kept part by part.

Used by hooks.py. The key holds everything a render reads: the page's Markdown after the macros
ran, its address, the Markdown and link-checking settings of mkdocs.yml, the list of files
(links are checked against it) and the versions of Python, MkDocs, Markdown and its extensions.
A page that includes files (--8<--) is never kept. Only a render that logged no warning is
kept, so a page taken from the disk would have logged none: strict builds still fail on every
broken link. Anchors are checked after every page is rendered, from the anchors and the links
each render kept, so renaming a heading still fails the links to it from pages not rendered.
GUIDE_CACHE=off turns the disk off, as for figures, and renders every page whole.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

from . import figure_cache, render_parts

PREFIX = "page:"
LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")
INCLUDES = "--8<--"  # pymdownx.snippets: the render reads another file


class Tally:
    """On how many pages this build did a step itself, and on how many it took the result from the disk."""

    def __init__(self) -> None:
        self.done = self.reused = 0

    def reset(self) -> None:
        self.done = self.reused = 0


RENDERS = Tally()  # Markdown-to-HTML renders


_files_key: tuple[Any, str] = (None, "")


def settings_key(config) -> str:
    """What in mkdocs.yml shapes a render or its warnings, and the libraries that do it."""
    settings = [config["markdown_extensions"], config["mdx_configs"], config["validation"],
                config["use_directory_urls"], config["docs_dir"], figure_cache.versions_of(LIBRARIES)]
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()


def files_key(files) -> str:
    """A hash of every file's path, address and inclusion, computed once per build (per Files)."""
    global _files_key
    if _files_key[0] is not files:
        listing = "\n".join(f"{f.src_uri}\0{f.dest_uri}\0{f.url}\0{f.inclusion}" for f in files)
        _files_key = (files, hashlib.sha256(listing.encode()).hexdigest())
    return _files_key[1]


def render_key(markdown: str, src_uri: str, url: str, settings: str, listing: str, detailed: bool) -> str:
    """detailed: MkDocs keeps each page's links to anchors only when the log is not at DEBUG."""
    payload = json.dumps([markdown, src_uri, url, settings, listing, detailed])
    return PREFIX + hashlib.sha256(payload.encode()).hexdigest()


def snapshot(page) -> dict:
    """What Page.render sets, in a form the disk can hold (files by their path)."""
    links = getattr(page, "links_to_anchors", None)
    return {"content": page.content, "toc": page.toc, "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": None if links is None else {f.src_uri: dict(by_anchor) for f, by_anchor in links.items()}}


def restore(page, kept: dict, files) -> None:
    page.content, page.toc, page._title_from_render = kept["content"], kept["toc"], kept["title"]
    page.present_anchor_ids = set(kept["anchors"])
    if kept["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(src): by_anchor for src, by_anchor in kept["links"].items()}


class WarningSeen(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = True


@contextlib.contextmanager
def watching(watcher: WarningSeen) -> Iterator[None]:
    """watcher sees what MkDocs and everything else log meanwhile."""
    loggers = [logging.getLogger("mkdocs"), logging.getLogger()]
    for logger in loggers:
        logger.addHandler(watcher)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeHandler(watcher)


def render_with_cache(page, render: Callable, config, files) -> None:
    """render(page, config, files), or what it set last time for the same inputs. A page made of
    parts (render_parts.py) renders part by part; with the disk off (GUIDE_CACHE=off) it renders whole."""
    texts = render_parts.split(page.markdown)
    page.markdown = render_parts.whole(page.markdown)
    if figure_cache.disk_dir() is None:
        render(page, config, files)
        RENDERS.done += 1
        return
    if len(texts) == 1:
        rendered = render_or_reuse(page, render, config, files)
    else:
        parts = [render_parts.part_of(page, text) for text in texts]
        rendered = any([render_or_reuse(part, render, config, files) for part in parts])  # every part
        render_parts.join(page, parts)
    if rendered:
        RENDERS.done += 1
    else:
        RENDERS.reused += 1


def render_or_reuse(page, render: Callable, config, files) -> bool:
    """Whether page was rendered (True) or set from the disk (False)."""
    if INCLUDES in page.markdown:
        render(page, config, files)
        return True
    detailed = logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG
    key = render_key(page.markdown, page.file.src_uri, page.file.url, settings_key(config), files_key(files), detailed)
    found, kept = figure_cache.read_disk(key)
    if found:
        restore(page, kept, files)
        return False
    watcher = WarningSeen()
    with watching(watcher):
        render(page, config, files)
    if not watcher.seen:
        figure_cache.write_disk(key, snapshot(page))
    return True
