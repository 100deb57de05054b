"""mkdocs-macros entry point: load and check the data, then register the macros.

Where things live: schemas in model.py, loading in loader.py, links in links.py,
computed appearances in chapters_source.py, one renderer module per kind of view,
and bindings.py, which connects them to the page being rendered.
"""
import importlib
from pathlib import Path

from mkdocs_macros.errors import format_error

from .errors import GuideError

TOOLTIP_PAGES = ("chapters/", "before-you-read.md")
# Reloaded on every build so `mkdocs serve` picks up edits to macros/ (dependencies first).
MODULES = ("text", "model", "links", "chapters_source", "tables", "study", "profiles", "glossary",
           "chapter_page", "argument", "citations", "downloads", "print_views", "loader", "bindings")


@format_error.register
def _format_guide_error(error: GuideError, markdown: str, page) -> str:
    """A bad macro call prints our message, not a traceback."""
    return f"{error}"


def fresh_modules() -> dict:
    return {name: importlib.reload(importlib.import_module(f"{__name__}.{name}")) for name in MODULES}


def define_env(env):
    modules = fresh_modules()
    guide = modules["loader"].load_guide(Path(env.project_dir) / "data")
    sources = modules["chapters_source"].read_chapters(Path(env.conf["docs_dir"]), guide["chapters"], guide.collections)
    env.variables["guide_macros"] = macros = modules["bindings"].GuideMacros(env, guide, sources)
    env.variables["abbreviations"] = modules["glossary"].abbreviations(guide["glossary"])
    macros.register()


def on_post_page_macros(env):
    """Glossary tooltips: append generated abbreviations to chapter prose."""
    if env.page.file.src_uri.startswith(TOOLTIP_PAGES) or env.page.meta.get("tooltips"):
        used = modules_glossary().abbreviations_used(env.variables["abbreviations"], env.markdown)
        # one definition per block: the Markdown block parser is quadratic in block size
        env.markdown += "\n\n" + "\n\n".join(used) + "\n"


def modules_glossary():
    return importlib.import_module(f"{__name__}.glossary")


def on_post_build(env):
    env.variables["guide_macros"].write_downloads(Path(env.conf["site_dir"]))
