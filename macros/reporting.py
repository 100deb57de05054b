"""How a mistake reaches the contributor: printed by the build, and shown in the page under `mkdocs serve`."""
from __future__ import annotations

import logging
import os
import sys

from jinja2 import TemplateSyntaxError, UndefinedError

from .errors import GuideError
from .validation import did_you_mean

LOG = logging.getLogger("mkdocs.plugins.guide")
SERVING = "GUIDE_LIVE_PREVIEW"  # set by hooks.py when the command is `mkdocs serve`


def serving() -> bool:
    return os.environ.get(SERVING) == "1"


def report(message: str) -> None:
    """Logged as an error, so it prints even with `mkdocs build -q`. A live preview
    prints it instead, so that strict mode does not stop the preview from reloading."""
    if serving():
        print(f"ERROR    -  {message}", file=sys.stderr, flush=True)
    else:
        LOG.error(message)


def describe_page_error(error: Exception, markdown: str, page: str, macro_names) -> str:
    if isinstance(error, GuideError):
        return str(error)
    where = f"docs/{page}"
    if isinstance(error, TemplateSyntaxError):
        line = markdown.splitlines()[error.lineno - 1].strip() if error.lineno else ""
        return (f"{where}, line {error.lineno}: macro syntax error ({error.message}) in: {line}\n"
                "Check the braces and quotes, e.g. {{ who(\"fox\") }}.")
    if isinstance(error, UndefinedError):
        name = str(error.message or "").split("'")[1] if "'" in str(error.message) else ""
        hint = did_you_mean(name, macro_names) or " the macros are listed in CONTRIBUTING.md."
        return f"{where}: {error.message};{hint}"
    return f"{where}: {type(error).__name__}: {error}"


def error_box(message: str) -> str:
    """A Markdown admonition with the message as text."""
    body = "\n".join("    " + line for line in ["```text", *message.splitlines(), "```"])
    return f'!!! failure "The guide could not build this page as written"\n\n{body}\n'
