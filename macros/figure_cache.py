"""Generated figures, remembered between `mkdocs serve` rebuilds.

Not in macros.MODULES, so it is not reloaded and the cache survives rebuilds. The key is a
hash of the figure's inputs and of the renderer's source file: editing a chapter's prose
leaves every figure's inputs alone, so nothing is redrawn; editing data or the renderer does.
"""
from __future__ import annotations

import hashlib
import inspect
import json
from collections.abc import Callable
from typing import Any

_figures: dict[str, Any] = {}
MAX_FIGURES = 512  # a long `serve` session drops the oldest drawings beyond this


def input_key(render: Callable[..., str], *inputs) -> str:
    code = inspect.getsource(inspect.getmodule(render) or render)
    payload = json.dumps([render.__qualname__, code, inputs], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def cached_figure(render: Callable[..., str], *inputs) -> str:
    """render(*inputs), or the SVG it returned last time for equal inputs."""
    key = input_key(render, *inputs)
    if key not in _figures:
        if len(_figures) >= MAX_FIGURES:
            del _figures[next(iter(_figures))]
        _figures[key] = render(*inputs)
    return _figures[key]


def cached_value(compute: Callable[..., Any], *inputs) -> Any:
    """Like cached_figure, for a costly step shared by several figures (a graph layout)."""
    key = "value:" + input_key(compute, *inputs)
    if key not in _figures:
        if len(_figures) >= MAX_FIGURES:
            del _figures[next(iter(_figures))]
        _figures[key] = compute(*inputs)
    return _figures[key]


def cache_size() -> int:
    """How many drawings are remembered (shared steps such as layouts not counted)."""
    return sum(not key.startswith("value:") for key in _figures)


def clear() -> None:
    _figures.clear()
