"""What `mkdocs serve` remembers between rebuilds, and the recording of what each page reads.

Not in macros.MODULES, so it is never reloaded: its values survive rebuilds. It imports
nothing from the reloaded modules (their classes change on reload); it holds plain values.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

Tokens = Callable[[Any], tuple[str, ...]]

recording: set[str] | None = None  # what the page being rendered has read, as tokens ("data:glossary")
previous: Any = None  # the last good build (macros.incremental.BuildRecord), None: rebuild everything
pending: Any = None  # the build under way (macros.incremental.BuildRecord)
failed = False  # a mistake was shown in a page: the next build rebuilds everything
code_key: str | None = None  # hash of macros/ when its modules were last loaded
search_docs: list[dict] | None = None  # the last full search index as Material wrote it (before reworking)
bytecode: dict[str, bytes] = {}  # the theme's compiled templates
template_lists: dict[str, list[str]] = {}  # an installed theme's folder -> the templates in it
template_verdicts: dict[tuple, dict[str, bool]] = {}  # (filter, settings) -> template -> kept
_memo: dict[Hashable, Any] = {}
# slot -> (key, value, {token read: its mark then}): one value per slot (a page's macros, a chapter
# in the print edition), so a long session keeps no value an edit replaced
_renders: dict[Hashable, tuple[Hashable, Any, dict[str, str | None]]] = {}


def start_recording() -> None:
    global recording
    recording = set()


def stop_recording() -> set[str]:
    global recording
    found, recording = recording or set(), None
    return found


def record(*tokens: str) -> None:
    if recording is not None:
        recording.update(tokens)


def memo(key: Hashable, compute: Callable[[], Any]) -> Any:
    """compute(), or its value from the last call with this key (one value kept per key's kind)."""
    kind = key[0] if isinstance(key, tuple) else key
    stored = _memo.get(kind)
    if stored is None or stored[0] != key:
        _memo[kind] = (key, compute())
    return _memo[kind][1]


def memo_by_reads(key: Hashable, compute: Callable[[], Any], marks: dict[str, str] | None,
                  slot: Hashable | None = None) -> Any:
    """While a page is recorded: compute(), or its value from last time for this key if every
    token it read then still has the same mark (marks: token -> hash now). What it read counts as
    read here too. One value is kept per slot (default: the key); a new key replaces the old."""
    global recording
    if recording is None or marks is None:
        return compute()
    slot = key if slot is None else slot
    stored = _renders.get(slot)
    if stored is not None and stored[0] == key and all(marks.get(token) == mark for token, mark in stored[2].items()):
        record(*stored[2])
        return stored[1]
    outer, recording = recording, set()
    try:
        value = compute()
    finally:
        inner, recording = recording, outer
        outer.update(inner)
    _renders[slot] = (key, value, {token: marks.get(token) for token in inner})
    return value


def forget_render(slot: Hashable) -> None:
    """Drop one kept value (a render that showed a mistake)."""
    _renders.pop(slot, None)


def forget_renders() -> None:
    """A change no token describes (code, mkdocs.yml, theme, pages): no part of a page is reused."""
    _renders.clear()


def forget() -> None:
    """After macros/ changed: nothing computed by the old code is kept."""
    global previous, search_docs
    previous, search_docs = None, None
    _memo.clear()
    _renders.clear()


class RecordingDict(dict):
    """A dict that, while a page renders, records a token for each key read (tokens(key)), and
    on going through all its keys the tokens `whole` (default: every key's tokens)."""

    def __init__(self, items, tokens: Tokens, whole: tuple[str, ...] | None = None):
        super().__init__(items)
        self._tokens = tokens
        self._whole = whole

    def __getitem__(self, key):
        record(*self._tokens(key))
        return super().__getitem__(key)

    def get(self, key, default=None):
        record(*self._tokens(key))
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        record(*self._tokens(key))
        return super().__contains__(key)

    def _record_all(self) -> None:
        if self._whole is not None:
            record(*self._whole)
            return
        for key in dict.__iter__(self):
            record(*self._tokens(key))

    def __iter__(self):
        self._record_all()
        return super().__iter__()

    def keys(self):
        self._record_all()
        return super().keys()

    def values(self):
        self._record_all()
        return super().values()

    def items(self):
        self._record_all()
        return super().items()
