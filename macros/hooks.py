"""MkDocs hooks (see `hooks:` in mkdocs.yml).

- `mkdocs serve` keeps serving when a page or a data file has a mistake: the message is
  printed and shown in the page, and the next save that fixes it recovers.
- The downloads are added as generated files, so `serve` serves them and links are checked.
"""
from __future__ import annotations

import logging
import os

from mkdocs.structure.files import File
from mkdocs.utils import CountHandler

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
