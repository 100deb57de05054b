"""Generated figures and other costly results (layouts, quiz zips), remembered in memory
between `mkdocs serve` rebuilds and on disk, in .cache/guide/ of the project, between builds.
(render_cache.py keeps pages' HTML in the same folder, through read_disk and write_disk.)

Not in macros.MODULES, so it is not reloaded and the memory survives rebuilds. The key is a
hash of the inputs, of the source of every file in macros/ and of the versions of Python and
of the drawing libraries: editing a chapter's prose leaves every figure's inputs alone, so
nothing is redrawn; editing data, any macros code or a library redraws. Only functions of the
macros package are kept on disk (their code is in the key). A disk entry that cannot be read
or fails its checksum is computed again; writes are atomic; the folder is kept under
MAX_DISK_BYTES by removing the least recently used entries. GUIDE_CACHE=off turns the disk off.
values_ahead starts costly values in a worker process (another CPU) before they are asked for.
"""
from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import inspect
import json
import multiprocessing
import os
import pickle
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from importlib import metadata
from pathlib import Path
from typing import Any

from . import links

_figures: dict[str, Any] = {}
MAX_FIGURES = 512  # a long `serve` session drops the oldest drawings beyond this
MAX_DISK_BYTES = 64 * 1024 * 1024
PACKAGE_DIR = Path(__file__).resolve().parent
DISK_DIR: Path | None = PACKAGE_DIR.parent / ".cache" / "guide"  # None: memory only
LIBRARIES = ("networkx", "numpy", "scipy", "pygal", "text2qti", "markdown")
_code_digest: tuple[tuple, str] = ((), "")
_disk_bytes: dict[Path, int] = {}  # folder -> its size, as counted and then written to by this process
_ahead: dict[str, Future] = {}  # key -> the value being computed in the worker process
_workers: dict[str, ProcessPoolExecutor] = {}  # code digest -> the worker pool running that code


# -- keys -------------------------------------------------------------------------------
class KnownByDigest(Mapping):
    """Large read-only data (the basemap) that a key names by its digest, not its contents:
    encoding 80 KB for every figure's key cost more than looking the figure up."""

    def __init__(self, data: Mapping, digest: str):
        self.data, self.digest = data, digest

    def __getitem__(self, name: str) -> Any:
        return self.data[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def plain_data(value: Any) -> Any:
    """What json.dumps cannot hold, as a tagged value; TypeError for anything without a stable form."""
    if isinstance(value, KnownByDigest):
        return {"<digest>": value.digest}
    if isinstance(value, (set, frozenset)):
        return {"<set>": sorted(value, key=repr)}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return {f"<{type(value).__name__}>": value.isoformat()}
    raise TypeError(f"no stable key for {type(value).__name__}")


def code_files(folder: Path) -> list[os.DirEntry]:
    """Every file under folder (macros/ and its templates), __pycache__ left out, in a fixed order."""
    found = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_dir() and entry.name != "__pycache__":
            found += code_files(Path(entry.path))
        elif entry.is_file():
            found.append(entry)
    return found


def code_digest() -> str:
    """A hash of every file in macros/, read again only when one of them changed on disk."""
    global _code_digest
    files = code_files(PACKAGE_DIR)
    stamp = tuple((e.path, e.stat().st_mtime_ns, e.stat().st_size) for e in files)  # DirEntry caches its stat
    if stamp != _code_digest[0]:
        digest = hashlib.sha256()
        for entry in files:
            digest.update(os.path.relpath(entry.path, PACKAGE_DIR).encode() + b"\0" + Path(entry.path).read_bytes() + b"\0")
        _code_digest = (stamp, digest.hexdigest())
    return _code_digest[1]


@functools.cache
def versions_of(libraries: tuple[str, ...]) -> str:
    """Python's version and each library's, as one string, read once per process."""
    found = [f"python={sys.version}"]
    for name in libraries:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return ";".join(found)


def library_versions() -> str:
    return versions_of(LIBRARIES)


def in_package(function: Callable) -> bool:
    return (getattr(function, "__module__", "") or "").startswith(f"{__package__}.")


def input_key(render: Callable[..., str], *inputs, stable: bool = True) -> str:
    """The hash of inputs and code. stable: raise TypeError for an input without a stable form
    (not stable: use its str(), which may hold a memory address, so only for this process)."""
    # a function from elsewhere (a test): its own module's source
    code = package_code() if in_package(render) else inspect.getsource(inspect.getmodule(render) or render)
    return hashed_key([render.__module__, render.__qualname__], code, inputs, stable)


def package_code() -> str:
    return code_digest() + library_versions()


def hashed_key(names: list[str], code: str, inputs: tuple, stable: bool = True) -> str:
    # links.DIRECTORY_URLS shapes every link a figure draws (the offline edition turns it off)
    payload = json.dumps([*names, code, links.DIRECTORY_URLS, inputs], sort_keys=True,
                         default=plain_data if stable else str)
    return hashlib.sha256(payload.encode()).hexdigest()


# -- the disk ----------------------------------------------------------------------------
def disk_dir() -> Path | None:
    return None if os.environ.get("GUIDE_CACHE", "").lower() == "off" else DISK_DIR


def read_disk(key: str) -> tuple[bool, Any]:
    """(True, value) from the disk, or (False, None) when absent, unreadable or corrupt."""
    folder = disk_dir()
    if folder is None:
        return False, None
    path = folder / f"{key}.pickle"
    try:
        data = path.read_bytes()
        checksum, body = data[:32], data[32:]
        if hashlib.sha256(body).digest() != checksum:
            return False, None
        value = pickle.loads(body)
    except Exception:  # missing, unreadable or not a pickle: compute instead
        return False, None
    with contextlib.suppress(OSError):  # a read-only cache still serves
        os.utime(path)  # recently used: pruned last
    return True, value


def write_disk(key: str, value: Any) -> None:
    """Atomically (a temporary file renamed); a folder that cannot be written is skipped."""
    folder = disk_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            handle.write(hashlib.sha256(body).digest() + body)
        os.replace(handle.name, folder / f"{key}.pickle")
        note_written(folder, len(body) + 32)
    except (OSError, pickle.PicklingError):  # a read-only folder, a full disk: the build goes on
        return


def note_written(folder: Path, size: int) -> None:
    """Prune when the folder may have outgrown MAX_DISK_BYTES: its size is counted once per
    process and then kept up to date by this process's writes (a rewrite counts twice, so the
    estimate errs high), instead of a scan of the folder after every write."""
    if folder not in _disk_bytes:
        _disk_bytes[folder] = prune(folder)
    _disk_bytes[folder] += size
    if _disk_bytes[folder] > MAX_DISK_BYTES:
        _disk_bytes[folder] = prune(folder)


def prune(folder: Path, limit: int | None = None) -> int:
    """Remove the least recently used entries until the folder holds at most 3/4 of the limit
    (nothing, if it is within the limit); the bytes left."""
    limit = MAX_DISK_BYTES if limit is None else limit
    entries = [(e.stat().st_mtime_ns, e.stat().st_size, e.path) for e in os.scandir(folder) if e.is_file()]
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return total
    for _, size, path in sorted(entries):
        if total <= limit * 3 // 4:
            break
        with contextlib.suppress(OSError):  # already gone (another build pruned it)
            os.remove(path)
        total -= size
    return total


# -- the cache ----------------------------------------------------------------------------
def remember(key: str, value: Any) -> Any:
    if len(_figures) >= MAX_FIGURES:
        del _figures[next(iter(_figures))]
    _figures[key] = value
    return value


VALUE = "value:"  # the key prefix of a step shared by figures (a layout), not a drawing


def cache_key(prefix: str, compute: Callable[..., Any], inputs: tuple) -> str:
    """The key of compute(*inputs), the same for the build and values_ahead; TypeError for an
    input without a stable form."""
    return prefix + input_key(compute, *inputs)


def cached(prefix: str, compute: Callable[..., Any], inputs: tuple) -> Any:
    persist = in_package(compute)
    try:
        key = cache_key(prefix, compute, inputs)
    except TypeError:  # an input without a stable form: remembered in memory only
        key, persist = prefix + "memory:" + input_key(compute, *inputs, stable=False), False
    return looked_up(key, persist, lambda: compute(*inputs))


def looked_up(key: str, persist: bool, compute: Callable[[], Any]) -> Any:
    """The value under key in memory, else on the disk (persist), else compute()'s, kept."""
    if key in _figures:
        return _figures[key]
    if key in _ahead:
        return remember(key, taken_from_worker(key, compute))
    found, value = read_disk(key) if persist else (False, None)
    if not found:
        value = compute()
        if persist:
            write_disk(key, value)
    return remember(key, value)


def cached_named(name: str, inputs: tuple, compute: Callable[[], Any]) -> Any:
    """compute(), kept like cached_value, for a result computed from more than its arguments
    (a method reading the loaded guide): inputs are plain data that determine it (hashes of
    the data files it reads), and name tells it from other results with the same inputs."""
    return looked_up("named:" + hashed_key([name], package_code(), inputs), True, compute)


def cached_figure(render: Callable[..., str], *inputs) -> str:
    """render(*inputs), or the SVG it returned last time for equal inputs."""
    return cached("", render, inputs)


def cached_value(compute: Callable[..., Any], *inputs) -> Any:
    """Like cached_figure, for a costly step shared by several figures (a graph layout)."""
    return cached(VALUE, compute, inputs)


# -- computed ahead, in a worker process -------------------------------------------------
def values_ahead(compute: Callable[..., Any], input_sets: list[tuple]) -> int:
    """Start compute(*inputs) for each input set whose cached_value is not kept yet, in a worker
    process, so this one makes other pages meanwhile; cached_value then takes the result. Only
    with a second CPU, and only for a function of the macros package (its plain inputs and result
    travel by pickle). Returns how many were started."""
    if (os.cpu_count() or 1) < 2 or not in_package(compute):
        return 0
    started = 0
    for inputs in input_sets:
        try:
            key = cache_key(VALUE, compute, inputs)
        except TypeError:  # an input without a stable form: left to cached_value, in memory here
            continue
        if key in _figures or key in _ahead:
            continue
        found, value = read_disk(key)
        if found:
            remember(key, value)
            continue
        _ahead[key] = worker_pool().submit(compute, *inputs)
        started += 1
    return started


def worker_pool() -> ProcessPoolExecutor:
    """One worker, started fresh ("spawn": safe beside `mkdocs serve`'s threads) and kept while
    macros/ is unchanged: it imported the code once, so an edit while serving gets a new one."""
    code = code_digest()
    if code not in _workers:
        for old in _workers.values():
            old.shutdown(wait=False, cancel_futures=True)
        _workers.clear()
        _ahead.clear()  # keyed by the old code: never asked for again
        _workers[code] = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=set_up_worker)
    return _workers[code]


def set_up_worker() -> None:
    """In the worker: Ctrl-C, which reaches every process of the terminal, is left to the build (the
    worker printed a KeyboardInterrupt traceback), and the worker exits when the process that
    started it ends, however it ends (a `mkdocs serve` stopped by a signal left it behind)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def exit_when_parent_ends() -> None:
        parent.join()
        os._exit(0)

    threading.Thread(target=exit_when_parent_ends, daemon=True).start()


def taken_from_worker(key: str, compute: Callable[[], Any]) -> Any:
    """The worker's value for key, written to the disk; computed here if the worker died. An
    error in compute is raised here, as if computed here."""
    try:
        value = _ahead.pop(key).result()
    except BrokenProcessPool:
        _workers.clear()  # the next values_ahead starts a new worker
        value = compute()
    write_disk(key, value)
    return value


def cache_size() -> int:
    """How many drawings are remembered (shared steps such as layouts not counted)."""
    return sum(not key.startswith(VALUE) for key in _figures)


def clear() -> None:
    """Forget what is in memory (the disk stays: remove .cache/guide/ to clear it)."""
    _figures.clear()
    _ahead.clear()
