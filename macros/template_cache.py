"""Compiled Jinja templates, kept in .cache/guide/ (figure_cache's folder) between builds:
the theme's templates (Material's, through Jinja's own bytecode cache) and each page's Markdown
as the macros plugin compiles it. Compiling is a pure function of the source, the
environment's settings and the versions of Python and Jinja, and all of these are in the key,
so a changed page or template is compiled again. Used by hooks.py. GUIDE_CACHE=off turns the
disk off, as for figures.
"""
from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable
from types import CodeType

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from . import figure_cache

THEME_PREFIX = "theme-template:"
PAGE_PREFIX = "page-template:"
LIBRARIES = ("jinja2",)
SETTINGS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
            "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
            "is_async", "autoescape", "finalize")


def stable_repr(value) -> str:
    """A function by its name (its repr holds a memory address, new in every process)."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
    return repr(value)


def environment_key(env: Environment) -> str:
    """What shapes the code Jinja compiles: the environment's syntax and options, its
    extensions, and the versions of Python and Jinja."""
    settings = [f"{name}={stable_repr(getattr(env, name, None))}" for name in SETTINGS]
    settings += [*sorted(env.extensions), figure_cache.versions_of(LIBRARIES)]
    return hashlib.sha256("\0".join(settings).encode()).hexdigest()


class DiskBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache on figure_cache's disk (Jinja checks each source's checksum)."""

    def __init__(self, env: Environment) -> None:
        self.namespace = environment_key(env)

    def disk_key(self, bucket_key: str) -> str:
        return THEME_PREFIX + hashlib.sha256(f"{self.namespace}\0{bucket_key}".encode()).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        found, data = figure_cache.read_disk(self.disk_key(bucket.key))
        if found and isinstance(data, bytes):
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        figure_cache.write_disk(self.disk_key(bucket.key), bucket.bytecode_to_string())


def keep_theme_templates(env: Environment) -> None:
    """The theme's templates are compiled once and then read from the disk (unless the
    environment already has a bytecode cache: `serve` keeps them in memory)."""
    if env.bytecode_cache is None and figure_cache.disk_dir() is not None:
        env.bytecode_cache = DiskBytecodeCache(env)


def page_code_key(namespace: str, source: str) -> str:
    return PAGE_PREFIX + hashlib.sha256(f"{namespace}\0{source}".encode()).hexdigest()


def compile_with_cache(source: str, namespace: str, plain_compile: Callable[[str], CodeType]) -> CodeType:
    """plain_compile(source), or the code it gave last time for the same source and settings."""
    key = page_code_key(namespace, source)
    found, data = figure_cache.read_disk(key)
    if found and isinstance(data, bytes):
        try:
            return marshal.loads(data)
        except (EOFError, ValueError, TypeError):  # unreadable: compile again
            pass
    code = plain_compile(source)
    figure_cache.write_disk(key, marshal.dumps(code))
    return code


def keep_page_templates(env: Environment) -> None:
    """Pages compiled by env.from_string (the macros plugin) are kept on the disk; every other
    compile (named templates, raw source) goes to Jinja as before. Wraps env.compile once."""
    if getattr(env.compile, "keeps_pages", False):
        return
    plain_compile = env.compile
    namespace = environment_key(env)

    def compile(source, name=None, filename=None, raw=False, defer_init=False):
        if (not isinstance(source, str) or name is not None or filename is not None or raw or defer_init
                or figure_cache.disk_dir() is None):
            return plain_compile(source, name, filename, raw, defer_init)
        return compile_with_cache(source, namespace, plain_compile)
    compile.keeps_pages = True  # type: ignore[attr-defined]
    env.compile = compile  # type: ignore[method-assign]
