"""mkdocs-macros entry point: load and check the data, then register the macros.

Where things live: schemas in model.py, loading in loader.py, links in links.py,
computed appearances in chapters_source.py, one renderer module per kind of view.
"""
from pathlib import Path

from mkdocs_macros.errors import format_error

from .bindings import GuideMacros
from .chapters_source import read_chapters
from .errors import GuideError
from .glossary import abbreviation_lines
from .loader import load_guide

TOOLTIP_PAGES = ("chapters/", "before-you-read.md")


@format_error.register
def _format_guide_error(error: GuideError, markdown: str, page) -> str:
    """A bad macro call prints our message, not a traceback."""
    return f"{error}"


def define_env(env):
    guide = load_guide(Path(env.project_dir) / "data")
    sources = read_chapters(Path(env.conf["docs_dir"]), guide["chapters"], guide.collections)
    env.variables["guide_macros"] = macros = GuideMacros(env, guide, sources)
    macros.register()


def on_post_page_macros(env):
    """Glossary tooltips: append generated abbreviations to chapter prose."""
    if env.page.file.src_uri.startswith(TOOLTIP_PAGES) or env.page.meta.get("tooltips"):
        lines = abbreviation_lines(env.variables["guide_macros"].guide["glossary"])
        env.markdown += "\n\n" + "\n\n".join(lines) + "\n"  # one block each: the parser is quadratic in block size


def on_post_build(env):
    env.variables["guide_macros"].write_downloads(Path(env.conf["site_dir"]))
