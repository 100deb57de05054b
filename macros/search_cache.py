"""Each page's search entries, as Material's search plugin reads them from the page's HTML,
kept in .cache/guide/ (figure_cache's folder) between builds. They are reused while everything
the plugin reads is unchanged: the page's HTML (but its title attributes), headings, address,
title and front matter, the search settings and the versions of Python and Material. Used by
hooks.py. GUIDE_CACHE=off turns the disk off, as for figures.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable

from . import figure_cache

PREFIX = "search:"
LIBRARIES = ("mkdocs-material",)
# A title="..." inside a tag. Material's plugin never reads a title attribute, so a page whose
# hover texts alone changed (a glossary entry's `short:`) keeps its entries.
TITLE_ATTRIBUTE = re.compile(r'(<[a-zA-Z][^<>]*?)\s+title="[^"<>]*"')


def without_titles(html: str) -> str:
    return TITLE_ATTRIBUTE.sub(r"\1", html)


def toc_outline(toc) -> list:
    """The headings the plugin looks sections up in: id, address and title, nested."""
    return [[item.id, item.url, item.title, toc_outline(item.children)] for item in toc]


def search_settings(search_index) -> str:
    """The index's settings, whether Chinese words are split (jieba installed), and versions."""
    plugin_module = sys.modules.get(type(search_index).__module__)
    segments_chinese = getattr(plugin_module, "jieba", None) is not None
    return json.dumps([search_index.config, segments_chinese, figure_cache.versions_of(LIBRARIES)],
                      sort_keys=True, default=str)


def entries_key(page, settings: str) -> str:
    payload = json.dumps([without_titles(page.content), toc_outline(page.toc), page.url, str(page.title), page.meta, settings],
                         sort_keys=True, default=str)
    return PREFIX + hashlib.sha256(payload.encode()).hexdigest()


def index_with_cache(page, search_index, plain_add: Callable, settings: str) -> None:
    """plain_add(page), or the entries it added last time for the same inputs."""
    if figure_cache.disk_dir() is None:
        return plain_add(page)
    key = entries_key(page, settings)
    found, entries = figure_cache.read_disk(key)
    if found and isinstance(entries, list):
        search_index.entries.extend(entries)
        return None
    before = len(search_index.entries)
    plain_add(page)
    figure_cache.write_disk(key, search_index.entries[before:])
    return None


def keep_search_entries(search_index, indexed_html: Callable[[str, str], str]) -> None:
    """Wraps search_index.add_entry_from_context (Material makes a new index every build);
    indexed_html(page path, HTML) gives the part of a page the plugin is to read."""
    plain_add = search_index.add_entry_from_context
    if getattr(plain_add, "keeps_entries", False):
        return
    settings = search_settings(search_index)

    def add_entry_from_context(page) -> None:
        html = page.content
        page.content = indexed_html(page.file.src_uri, html)
        try:
            index_with_cache(page, search_index, plain_add, settings)
        finally:
            page.content = html
    add_entry_from_context.keeps_entries = True  # type: ignore[attr-defined]
    search_index.add_entry_from_context = add_entry_from_context
