#!/usr/bin/env python3
"""Benchmark the study guide against references built in the same run on the same machine.

    make bench                      # everything (about 15 minutes)
    .venv/bin/python scripts/bench.py --skip-lighthouse --skip-serve
    .venv/bin/python scripts/bench.py --tests   # also time `make test` on a fresh clone

Absolute times differ between machines, so each speed target is a ratio to a reference:
- strict build: against the same docs/ built with the engine (macros plugin, hooks) removed,
  twice: cold (no .cache/, so every figure, layout and quiz zip is made) and warm (.cache/
  kept from the build before, as on a second build on the same machine); ours and the
  reference take turns, --runs times, and the medians count;
- build with 10x the data (synthetic glossary, people, timeline, questions): against ours, cold;
- `mkdocs serve` edit until the page shows it: against a bare Material site (our chapter
  text, macro calls reduced to their text, Material's defaults);
- Lighthouse mobile performance: against the bare Material site's page.
Prints a table (reference, ours, ratio, target, PASS/MISS) and writes the full results,
with the failing Lighthouse audits, to bench/results/latest.json (git-ignored).
It is a measurement, not a test: it exits 0 even when a target is missed, unless
--fail-on-miss is given. It never touches the project: it works in a temporary copy.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import html.parser
import http.server
import io
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
LIGHTHOUSE = ROOT / "tools" / "node_modules" / ".bin" / "lighthouse"
RESULTS = ROOT / "bench" / "results" / "latest.json"
PROJECT_PARTS = ["mkdocs.yml", "data", "docs", "macros", "overrides", "CONTRIBUTING.md"]

CHAPTER_SOURCE = "docs/chapters/01-a-new-partnership.md"
PAGES = {  # name -> path in the built site
    "home": "",
    "chapter": "chapters/01-a-new-partnership/",
    "glossary": "reference/glossary/",
    "people": "reference/people/",
}
LIGHTHOUSE_PAGES = {"home": "", "chapter": PAGES["chapter"], "glossary": PAGES["glossary"],
                    "profile": "reference/people/fox/",  # the essay's central figure; each profile has its own page
                    "timeline": "reference/timeline/", "bare": "bare-reference/chapter/"}
BARE_DIR = "bare-reference"  # the bare Material site is built inside ours, after its weight is measured
BARE_PAGE = "chapter/"  # the bare Material site's page Lighthouse and the serve edit use
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync")

TARGETS = {
    "build_ratio": 1.5,         # strict build / the same docs built without the engine
    "tenfold_ratio": 10.0,      # build with 10x the data / our build (cost grows at most linearly)
    "edit_ratio": 1.5,          # edit saved -> page served, ours / a bare Material site
    "lh_points_behind": 3,      # Lighthouse mobile performance at most this far below the bare page
    "page_kb_gz": 300,          # compressed bytes a page and the assets it links to (at most)
    "lh_other": 100,            # every other Lighthouse score
    "test_minutes": 4.0,        # `make test` on a fresh clone (--tests)
}
SCALED = {"glossary": "term", "people": "name", "timeline": None, "questions": None}  # file -> name field
SCALE = 10
SERVE_START_TIMEOUT = 300       # s for `mkdocs serve` to build and answer
EDIT_TIMEOUT = 120              # s for an edit to show up
POLL = 0.05                     # s between polls of the page


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, target / part)
    return target


# -- builds ------------------------------------------------------------------------------

MACRO_CALL = re.compile(r"\{\{\s*\w+\((.*?)\)\s*\}\}|\{%.*?%\}", re.S)
STRING_ARGS = re.compile(r"[\"']([^\"']*)[\"']")


def macro_text(match: re.Match) -> str:
    """What a macro call shows, roughly: its text argument, else its id, else nothing."""
    args = STRING_ARGS.findall(match.group(1) or "")
    return args[-1] if args else ""


def without_engine(project: Path) -> Path:
    """The reference for the build: our docs/ and theme with the macros plugin and hooks removed."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.M)
    config = re.sub(r"^  - macros:\n(?:      .*\n)+", "", config, flags=re.M)
    config = config.replace("strict: true", "strict: false")  # generated files and anchors are missing
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def bare_material_site(target: Path) -> Path:
    """The reference for serve and Lighthouse: Material's defaults, our chapter text without macros."""
    (target / "docs").mkdir(parents=True)
    (target / "mkdocs.yml").write_text("site_name: Bare Material\ntheme:\n  name: material\n  font: false\n",
                                       encoding="utf-8")
    chapter = (ROOT / CHAPTER_SOURCE).read_text(encoding="utf-8")
    (target / "docs" / "chapter.md").write_text("# A chapter\n\n" + MACRO_CALL.sub(macro_text, chapter),
                                                encoding="utf-8")
    (target / "docs" / "index.md").write_text("# Bare Material\n\nA reference site. [A chapter](chapter.md).\n",
                                              encoding="utf-8")
    return target


def scaled_entries(entries: list[dict], name_field: str | None, times: int) -> list[dict]:
    """The entries and times-1 renamed copies of each (ids, names and aliases kept unique)."""
    copies = []
    for n in range(1, times):
        for entry in entries:
            copy = dict(entry)
            if "id" in copy:
                copy["id"] = f"{copy['id']}-copy{n}"
            if "date" in copy:  # 28 years earlier per copy: the calendar (and February 29) repeats
                year, rest = str(copy["date"])[:4], str(copy["date"])[4:]
                copy["date"] = f"{int(year) - 28 * n}{rest}"
            if name_field:
                copy[name_field] = f"{copy[name_field]} copy{n}"
                copy.pop("aliases", None)
                copy.pop("see_also", None)
            copies.append(copy)
    return entries + copies


def with_tenfold_data(project: Path) -> Path:
    """Our project with SCALE times the glossary, people, timeline and questions (synthetic copies)."""
    import yaml  # in the venv with mkdocs
    for name, field in SCALED.items():
        path = project / "data" / f"{name}.yml"
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(scaled_entries(entries, field, SCALE), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return project


def timed_build(project: Path, site: Path, env: dict, strict: bool = True) -> dict:
    """One `mkdocs build`: wall time, CPU time of the process, and mkdocs' own figure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([str(MKDOCS), "build", *(["--strict"] if strict else []), "--site-dir", str(site)],
                            cwd=project,
                            env=env, capture_output=True, text=True, timeout=900)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build of {project.name} failed:\n{result.stdout}\n{result.stderr}")
    reported = re.search(r"Documentation built in ([\d.]+) seconds", result.stderr)
    return {"wall_s": round(wall, 2),
            "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
            "mkdocs_reported_s": float(reported.group(1)) if reported else None}


def median_build(runs: list[dict]) -> dict:
    """The build with the median wall time, with every run's wall time as "tries"."""
    ordered = sorted(runs, key=lambda r: r["wall_s"])
    return {**ordered[(len(ordered) - 1) // 2], "tries": [r["wall_s"] for r in runs]}


def bench_builds(project: Path, site: Path, site_url: str, work: Path, runs: int = 3) -> dict:
    """First: a fresh copy, empty bytecode and figure caches (not judged). Then, `runs` times in
    turn (so a busy moment on a shared machine hits all three alike), the median counting: cold
    (.cache/ removed: no figure, layout or quiz zip kept; bytecode warm), warm (the same again,
    with the .cache/ the cold build left) and the reference. The reference and the 10x build get
    warm bytecode too; the 10x copy starts without .cache/, so it is compared with our cold build."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_SITE_URL": site_url,
           "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # set on some machines; it would keep every build's bytecode cold
    log("build: first (empty bytecode and figure caches) ...")
    first = timed_build(project, site, env)
    reference = without_engine(copy_project(work / "no-engine"))
    timed_build(reference, work / "no-engine-site", env, strict=False)  # warm its bytecode too
    samples: dict[str, list[dict]] = {"cold": [], "warm": [], "no_engine": []}
    for turn in range(1, runs + 1):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        samples["cold"].append(timed_build(project, site, env))
        samples["warm"].append(timed_build(project, site, env))
        samples["no_engine"].append(timed_build(reference, work / "no-engine-site", env, strict=False))
        log(f"build, turn {turn} of {runs}: cold {samples['cold'][-1]['wall_s']} s, warm {samples['warm'][-1]['wall_s']} s, "
            f"without the engine {samples['no_engine'][-1]['wall_s']} s")
    log(f"build: with {SCALE}x the data (cold) ...")
    tenfold = with_tenfold_data(copy_project(work / "tenfold"))
    scaled = timed_build(tenfold, work / "tenfold-site", env)
    log(f"build: {SCALE}x data {scaled['wall_s']} s")
    return {"first": first, **{kind: median_build(runs) for kind, runs in samples.items()}, "tenfold": scaled}


# -- mkdocs serve: edit to visible --------------------------------------------------------

def fetch(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(url: str, predicate, timeout: float, start: float | None = None) -> float | None:
    """Poll url until predicate(body) holds; seconds since start (default: now), or None on timeout."""
    start = time.perf_counter() if start is None else start
    deadline = start + timeout
    while time.perf_counter() < deadline:
        body = fetch(url)
        if body is not None and predicate(body):
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


def append_to_chapter(text: str, marker: str) -> str:
    return text.rstrip("\n") + f"\n\nBench marker {marker}.\n"


def append_to_first_short(text: str, marker: str) -> str:
    """Add the marker to the first glossary entry's `short:` (a plain or folded scalar)."""
    folded = re.search(r"^(\s+short: [>|]-?\n(?:\s{4,}.*\n)+)", text, re.M)
    if folded:
        block = folded.group(1)
        lines = block.rstrip("\n").split("\n")
        lines[-1] += f" {marker}"
        return text[:folded.start()] + "\n".join(lines) + "\n" + text[folded.end():]
    plain = re.search(r"^(\s+short: )(?![>|'\"])(.+)$", text, re.M)
    if not plain:
        raise SystemExit("bench: found no `short:` in data/glossary.yml to edit")
    return text[:plain.end()] + f" {marker}" + text[plain.end():]


def measure_edit(path: Path, edit, url: str, name: str) -> dict:
    """Write an edit, time until the served page shows it, restore, wait until it is gone."""
    original = path.read_bytes()
    marker = f"benchmark{uuid.uuid4().hex[:12]}"
    edited = edit(original.decode("utf-8"), marker).encode("utf-8")
    try:
        start = time.perf_counter()
        path.write_bytes(edited)
        seconds = wait_for(url, lambda body: marker in body, EDIT_TIMEOUT, start)
    finally:
        path.write_bytes(original)
    restored = wait_for(url, lambda body: marker not in body, EDIT_TIMEOUT)
    log(f"serve: {name} edit visible after {seconds if seconds is None else round(seconds, 2)} s")
    return {"seconds": None if seconds is None else round(seconds, 2),
            "timed_out": seconds is None, "restore_seen_s": None if restored is None else round(restored, 2)}


def repeat_edit(times: int, *args) -> dict:
    """The edit measured `times` times; the median is the number that counts."""
    tries = [measure_edit(*args) for _ in range(times)]
    seconds = sorted(t["seconds"] for t in tries if not t["timed_out"])
    return {"seconds": seconds[(len(seconds) - 1) // 2] if seconds else None, "timed_out": not seconds,
            "tries": tries}


def our_edits(project: Path) -> dict:
    """name -> (file edited, the edit, page that must show it)"""
    return {"chapter": (project / CHAPTER_SOURCE, append_to_chapter, PAGES["chapter"]),
            "data": (project / "data" / "glossary.yml", append_to_first_short, PAGES["glossary"])}


def bare_edits(project: Path) -> dict:
    return {"chapter": (project / "docs" / "chapter.md", append_to_chapter, BARE_PAGE)}


def serve_args(makefile: Path = ROOT / "Makefile") -> list[str]:
    """The options `make serve` gives `mkdocs serve` (its SERVE_ARGS line), so both time the same."""
    found = re.search(r"^SERVE_ARGS\s*:?=(.*)$", makefile.read_text(encoding="utf-8"), re.M)
    return found.group(1).split() if found else []


def bench_serve(project: Path, times: int, edits: dict, args: list[str]) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPYCACHEPREFIX": str(project.parent / "pycache")}
    env.pop("GUIDE_SITE_URL", None)
    log_path = project.parent / f"serve-{project.name}.log"
    log_file = log_path.open("w")
    server = subprocess.Popen([str(MKDOCS), "serve", *args, "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        started = wait_for(base, lambda body: True, SERVE_START_TIMEOUT)
        if started is None or server.poll() is not None:
            tail = log_path.read_text()[-3000:]
            return {"error": f"mkdocs serve did not answer within {SERVE_START_TIMEOUT} s:\n{tail}"}
        log(f"serve: up after {started:.1f} s")
        time.sleep(1.0)  # let the file watcher take its first snapshot
        measured = {name: repeat_edit(times, path, edit, base + page, f"{project.name} {name}")
                    for name, (path, edit, page) in edits.items()}
        return {"startup_s": round(started, 2), **measured}
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=15)
        log_file.close()


# -- the test suite ---------------------------------------------------------------------------

def time_make_test(clone: Path) -> dict:
    """`make test` in a fresh clone of HEAD, reusing the venv and npm tools (their install is not timed)."""
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    for shared in (".venv", "tools/node_modules"):
        if (ROOT / shared).exists():
            (clone / shared).symlink_to(ROOT / shared)
    log("make test on a fresh clone ...")
    start = time.perf_counter()
    # -o: the shared venv and tools count as up to date (a fresh checkout's requirements files are newer)
    reused = ["-o", ".venv/site-ready", "-o", ".venv/dev-ready", "-o", "tools/node_modules/.package-lock.json"]
    result = subprocess.run(["make", *reused, "test"], cwd=clone, capture_output=True, text=True)
    minutes = (time.perf_counter() - start) / 60
    summary = (re.findall(r"=+ (.+? in [\d.]+s.*?) =+", result.stdout) or ["no pytest summary"])[-1]
    log(f"make test: {minutes:.1f} min, {summary}")
    return {"minutes": round(minutes, 2), "returncode": result.returncode, "summary": summary}


# -- page weight --------------------------------------------------------------------------

class AssetParser(html.parser.HTMLParser):
    """The files a page makes the browser fetch through its tags."""

    def __init__(self):
        super().__init__()
        self.assets: list[tuple[str, str]] = []  # (kind, href)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower().split()
            if "stylesheet" in rel:
                self.assets.append(("css", a["href"]))
            elif {"icon", "apple-touch-icon"} & set(rel):
                self.assets.append(("images", a["href"]))
            elif {"preload", "modulepreload"} & set(rel):
                self.assets.append((kind_of(a["href"]), a["href"]))
        elif tag == "script" and a.get("src"):
            self.assets.append(("js", a["src"]))
        elif tag == "img" and a.get("src"):
            self.assets.append(("images", a["src"]))


def kind_of(href: str) -> str:
    suffix = Path(urlsplit(href).path).suffix.lower()
    return {".css": "css", ".js": "js", ".mjs": "js"}.get(suffix, "images")


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def local_file(site: Path, page_path: str, href: str) -> Path | None:
    """The site file behind a link on page_path; None for other sites."""
    url = urljoin("http://site.invalid/" + page_path, href)
    parts = urlsplit(url)
    if parts.netloc != "site.invalid":
        return None
    target = site / parts.path.lstrip("/")
    if parts.path.endswith("/"):
        target = target / "index.html"
    return target


def page_weight(site: Path, page_path: str) -> dict:
    page = site / page_path / "index.html"
    parser = AssetParser()
    parser.feed(page.read_text(encoding="utf-8"))
    sizes = {"html": gz_size(page), "css": 0, "js": 0, "images": 0}
    raw = {"html": page.stat().st_size, "css": 0, "js": 0, "images": 0}
    files, external = [], []
    seen = set()
    for kind, href in parser.assets:
        target = local_file(site, page_path, href)
        if target is None:
            external.append(href)
            continue
        if target in seen:
            continue
        seen.add(target)
        if not target.is_file():
            external.append(f"missing: {href}")
            continue
        sizes[kind] += gz_size(target)
        raw[kind] += target.stat().st_size
        files.append(str(target.relative_to(site)))
    return {"gzip_bytes": sizes, "raw_bytes": raw, "total_gzip_bytes": sum(sizes.values()),
            "files": files, "not_counted": external}


def bench_weight(site: Path) -> dict:
    index = site / "search" / "search_index.json"
    weights = {name: page_weight(site, path) for name, path in PAGES.items()}
    paths = ["" if rel == "." else rel + "/" for rel in
             (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))]
    every = {path or "/": page_weight(site, path)["total_gzip_bytes"] for path in paths}
    heaviest = max(every, key=every.get)
    return {"pages": weights, "heaviest": {"page": heaviest, "gzip_bytes": every[heaviest], "pages_checked": len(every)},
            "search_index": {"raw_bytes": index.stat().st_size, "gzip_bytes": gz_size(index)}}


def mermaid_on_pages(site: Path) -> list[str]:
    """Pages whose markup would make Material fetch Mermaid (a .mermaid block or a script naming it)."""
    hits = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        if re.search(r'class="[^"]*\bmermaid\b|<script[^>]+mermaid', text):
            hits.append(str(page.relative_to(site)))
    return hits


# -- Lighthouse ----------------------------------------------------------------------------

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """http.server that sends text gzip-compressed, as GitHub Pages does."""
    COMPRESS = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the slash
            path = path / "index.html"
        if (path.suffix not in self.COMPRESS or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = compressed(str(path), path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=512)
def compressed(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=9)


def start_static_server(site: Path, gzip_on: bool) -> http.server.ThreadingHTTPServer:
    handler = GzipHandler if gzip_on else type("Quiet", (http.server.SimpleHTTPRequestHandler,),
                                               {"log_message": lambda *a: None})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    return server


def run_lighthouse(url: str, preset: str, out: Path) -> dict:
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return {"error": "lighthouse took over 300 s"}
    if result.returncode != 0 or not out.is_file():
        return {"error": f"lighthouse exit {result.returncode}: {result.stderr[-1500:]}"}
    report = json.loads(out.read_text())
    audits = report["audits"]
    scores = {c: None if report["categories"][c]["score"] is None else round(report["categories"][c]["score"] * 100)
              for c in CATEGORIES}
    failing = {}
    for c in CATEGORIES:
        for ref in report["categories"][c]["auditRefs"]:
            audit = audits.get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 0.9:
                failing.setdefault(c, []).append(
                    {"id": ref["id"], "title": audit.get("title"), "score": audit["score"],
                     "display": audit.get("displayValue")})
    metrics = {key: audits[key].get("numericValue") for key in
               ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index", "total-byte-weight"] if key in audits}
    diagnostics = {
        "dom_elements": audits.get("dom-size", {}).get("numericValue"),
        "main_thread_ms": {i["group"]: round(i["duration"]) for i in
                           (audits.get("mainthread-work-breakdown", {}).get("details") or {}).get("items", [])},
        "script_ms": {i["url"].rsplit("/", 1)[-1] or i["url"]: round(i.get("scripting", 0)) for i in
                      (audits.get("bootup-time", {}).get("details") or {}).get("items", [])},
        "long_tasks": len((audits.get("long-tasks", {}).get("details") or {}).get("items", [])),
    }
    requests = [item.get("url", "") for item in
                (audits.get("network-requests", {}).get("details") or {}).get("items", [])]
    return {"scores": scores, "failing_audits": failing, "metrics": metrics, "diagnostics": diagnostics,
            "requests": len(requests), "mermaid_requests": [u for u in requests if "mermaid" in u.lower()],
            "runtime_error": (report.get("runtimeError") or {}).get("message"),
            # Lighthouse's own measure of the host's CPU: its 4x mobile slowdown assumes over 1000
            "benchmark_index": (report.get("environment") or {}).get("benchmarkIndex")}


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (Lighthouse varies run to run, more so on a busy machine)."""
    good = sorted((r for r in runs if "scores" in r), key=lambda r: r["scores"]["performance"] or 0)
    if not good:
        return runs[-1]
    chosen = dict(good[(len(good) - 1) // 2])
    chosen["performance_runs"] = [r["scores"]["performance"] for r in runs if "scores" in r]
    chosen["mermaid_requests"] = sorted({u for r in runs for u in r.get("mermaid_requests", [])})
    return chosen


def bench_lighthouse(site: Path, server: http.server.ThreadingHTTPServer, work: Path, runs: int) -> dict:
    if not LIGHTHOUSE.exists():
        return {"skipped": "tools/node_modules/.bin/lighthouse not found: run `npm ci --prefix tools`"}
    if not Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium")).exists():
        return {"skipped": "Chromium not found at /usr/bin/chromium (set CHROME_PATH)"}
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results: dict = {}
    for run in range(runs):  # rounds, so a burst of load elsewhere does not hit one page's every run
        for preset in ("mobile", "desktop"):
            for name, path in LIGHTHOUSE_PAGES.items():
                outcome = run_lighthouse(base + path, preset, work / f"lh-{preset}-{name}-{run}.json")
                results.setdefault(preset, {}).setdefault(name, []).append(outcome)
                log(f"lighthouse {run + 1}/{runs}: {preset} {name} {outcome.get('scores') or outcome.get('error')}")
    return {preset: {name: median_run(outcomes) for name, outcomes in pages.items()}
            for preset, pages in results.items()}


# -- the table -----------------------------------------------------------------------------

def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def summarise(results: dict) -> list[dict]:
    """One row per number with its target: {what, value, target, ok}."""
    rows = []

    def row(what, value, target, ok):
        rows.append({"what": what, "value": value, "target": target, "ok": ok})

    builds = results.get("builds")
    if builds:
        ref = builds["no_engine"]
        for kind, label in (("cold", "cold: no .cache/"), ("warm", "warm: .cache/ from the build before")):
            ratio = builds[kind]["wall_s"] / ref["wall_s"]
            tries = "" if "tries" not in builds[kind] else (
                f" (tries {', '.join(f'{t:.2f}' for t in builds[kind]['tries'])} vs "
                f"{', '.join(f'{t:.2f}' for t in ref['tries'])})")
            row(f"strict build, {label}, vs same docs without the engine",
                f"{builds[kind]['wall_s']:.2f} s vs {ref['wall_s']:.2f} s = {ratio:.1f}x{tries}",
                f"<= {TARGETS['build_ratio']:g}x", ratio <= TARGETS["build_ratio"])
        cold = builds["cold"]["wall_s"]
        scaled = builds["tenfold"]["wall_s"] / cold
        row(f"build with {SCALE}x the data vs ours, both cold",
            f"{builds['tenfold']['wall_s']:.2f} s vs {cold:.2f} s = {scaled:.1f}x",
            f"<= {TARGETS['tenfold_ratio']:g}x", scaled <= TARGETS["tenfold_ratio"])
    serve, bare = results.get("serve"), results.get("serve_bare")
    if serve and bare and "error" not in serve and "error" not in bare:
        reference = bare["chapter"]
        for kind, label in (("chapter", "serve: chapter edit -> page"), ("data", "serve: data/glossary.yml edit -> page")):
            s = serve[kind]
            if s["timed_out"] or reference["timed_out"]:
                row(f"{label} vs bare Material", "timed out", f"<= {TARGETS['edit_ratio']:g}x", False)
                continue
            ratio = s["seconds"] / reference["seconds"]
            each = ", ".join(f"{t['seconds']:.2f}" for t in s.get("tries", []) if not t["timed_out"])
            row(f"{label} vs bare Material", f"{s['seconds']:.2f} s vs {reference['seconds']:.2f} s = {ratio:.1f}x "
                f"(tries {each})", f"<= {TARGETS['edit_ratio']:g}x", ratio <= TARGETS["edit_ratio"])
    elif serve or bare:
        row("mkdocs serve", "error (see the JSON results)", "", False)
    tests = results.get("tests")
    if tests:
        row("make test on a fresh clone", f"{tests['minutes']:.1f} min ({tests['summary']})",
            f"<= {TARGETS['test_minutes']:g} min", tests["returncode"] == 0 and tests["minutes"] <= TARGETS["test_minutes"])
    weight = results.get("weight")
    if weight:
        for name, w in weight["pages"].items():
            g = w["gzip_bytes"]
            value = (f"{w['total_gzip_bytes'] / 1024:.0f} KB (html {g['html'] / 1024:.0f}, css {g['css'] / 1024:.0f}, "
                     f"js {g['js'] / 1024:.0f}, img {g['images'] / 1024:.1f})")
            row(f"page weight gz, {name}", value, f"<= {TARGETS['page_kb_gz']} KB",
                w["total_gzip_bytes"] <= TARGETS["page_kb_gz"] * 1024)
        h = weight["heaviest"]
        row(f"page weight gz, heaviest of {h['pages_checked']}", f"{h['gzip_bytes'] / 1024:.0f} KB ({h['page']})",
            f"<= {TARGETS['page_kb_gz']} KB", h["gzip_bytes"] <= TARGETS["page_kb_gz"] * 1024)
        s = weight["search_index"]
        row("search index", f"{s['raw_bytes'] / 1024:.0f} KB raw, {s['gzip_bytes'] / 1024:.0f} KB gz", "(info)", None)
    lighthouse = results.get("lighthouse") or {}
    if "skipped" in lighthouse:
        row("lighthouse", lighthouse["skipped"], "", None)
    for preset, pages in lighthouse.items() if "skipped" not in lighthouse else ():
        for name, outcome in pages.items():
            if "error" in outcome:
                row(f"lighthouse {preset} {name}", "error", "", False)
                continue
            reference = pages.get("bare") or {}
            for category in CATEGORIES:
                score = outcome["scores"][category]
                spread = outcome.get("performance_runs", []) if category == "performance" else []
                shown = "-" if score is None else str(score)
                if len(spread) > 1:
                    shown += f" (runs {min(spread)}-{max(spread)})"
                if category == "performance" and name != "bare":
                    ref_score = (reference.get("scores") or {}).get("performance")
                    if ref_score is None:
                        row(f"lighthouse {preset} {name} performance", shown, "bare page", None)
                        continue
                    shown += f" vs bare Material {ref_score}"
                    row(f"lighthouse {preset} {name} performance", shown,
                        f">= {ref_score - TARGETS['lh_points_behind']}",
                        None if score is None else score >= ref_score - TARGETS["lh_points_behind"])
                elif name != "bare":
                    row(f"lighthouse {preset} {name} {category}", shown, f">= {TARGETS['lh_other']}",
                        None if score is None else score >= TARGETS["lh_other"])
    indexes = [o["benchmark_index"] for pages in lighthouse.values() if isinstance(pages, dict)
               for o in pages.values() if isinstance(o, dict) and o.get("benchmark_index")]
    if indexes:  # a slower host lowers the mobile scores of heavier pages more than the bare page's
        row("Lighthouse's measure of this host's CPU (BenchmarkIndex)", f"{min(indexes):.0f}-{max(indexes):.0f}",
            "(info: its 4x mobile CPU slowdown assumes over 1000)", None)
    for name, outcome in (lighthouse.get("mobile") or {}).items() if "skipped" not in lighthouse else ():
        total = (outcome.get("metrics") or {}).get("total-byte-weight")
        if total is not None:  # what the browser really fetched, search index and sitemap.xml included
            row(f"first visit gz incl. JS fetches, {name}", f"{total / 1024:.0f} KB", f"<= {TARGETS['page_kb_gz']} KB",
                total <= TARGETS["page_kb_gz"] * 1024)
    mermaid = results.get("mermaid")
    if mermaid is not None:
        count = len(mermaid["pages"]) + len(mermaid["requests"])
        row("Mermaid loaded (pages + requests)", str(count), "0", count == 0)
    return rows


def print_table(rows: list[dict]) -> None:
    width = max(len(r["what"]) for r in rows)
    value_width = max(len(r["value"]) for r in rows)
    print(f"{'measure':<{width}}  {'value':<{value_width}}  {'target':<10}  result")
    print("-" * (width + value_width + 24))
    for r in rows:
        print(f"{r['what']:<{width}}  {r['value']:<{value_width}}  {r['target']:<10}  {verdict(r['ok'])}")
    misses = sum(r["ok"] is False for r in rows)
    passes = sum(r["ok"] is True for r in rows)
    print(f"\n{passes} PASS, {misses} MISS")


def print_misses(results: dict) -> None:
    """The failing Lighthouse audits, so a MISS says what to look at."""
    lighthouse = results.get("lighthouse") or {}
    if "skipped" in lighthouse:
        return
    seen = {}
    for preset, pages in lighthouse.items():
        for name, outcome in pages.items():
            for category, audits in (outcome.get("failing_audits") or {}).items():
                for audit in audits:
                    seen.setdefault((category, audit["id"], audit["title"]), []).append(f"{preset}/{name}")
    if seen:
        print("\nLighthouse audits scoring under 0.9 (category: audit - pages):")
        for (category, audit_id, title), where in sorted(seen.items()):
            print(f"  {category}: {audit_id} ({title}) - {', '.join(where)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-serve", action="store_true", help="skip the mkdocs serve edit timing")
    parser.add_argument("--skip-lighthouse", action="store_true", help="skip the Lighthouse runs")
    parser.add_argument("--no-gzip", action="store_true",
                        help="serve Lighthouse's pages uncompressed (default: gzip, as GitHub Pages does)")
    parser.add_argument("--runs", type=int, default=3,
                        help="builds, Lighthouse runs per page and preset, and edits timed under mkdocs serve; "
                             "the median counts (default 3)")
    parser.add_argument("--tests", action="store_true", help="also time `make test` on a fresh clone of HEAD")
    parser.add_argument("--fail-on-miss", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"JSON results (default {RESULTS})")
    args = parser.parse_args()

    results: dict = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "targets": TARGETS,
        "lighthouse_served": "gzip" if not args.no_gzip else "uncompressed",
    }
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        work = Path(tmp)
        project = copy_project(work / "project")
        site = work / "site"
        static = start_static_server(site, gzip_on=not args.no_gzip)  # port first: the build's site_url uses it
        site_url = f"http://127.0.0.1:{static.server_address[1]}/"
        serving = False
        try:
            results["builds"] = bench_builds(project, site, site_url, work, max(1, args.runs))
            results["weight"] = bench_weight(site)
            results["mermaid"] = {"pages": mermaid_on_pages(site), "requests": []}
            bare = bare_material_site(work / "bare")
            timed_build(bare, site / BARE_DIR, {**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            if not args.skip_serve:
                results["serve"] = bench_serve(project, max(1, args.runs), our_edits(project), serve_args())
                results["serve_bare"] = bench_serve(bare, max(1, args.runs), bare_edits(bare), [])
            if not args.skip_lighthouse:
                threading.Thread(target=static.serve_forever, daemon=True).start()
                serving = True
                results["lighthouse"] = bench_lighthouse(site, static, work, max(1, args.runs))
                for pages in (v for k, v in results["lighthouse"].items() if k != "skipped"):
                    for outcome in pages.values():
                        results["mermaid"]["requests"] += outcome.get("mermaid_requests", [])
        finally:
            if serving:
                static.shutdown()
            static.server_close()
        if args.tests:
            results["tests"] = time_make_test(work / "clone")

    results["rows"] = summarise(results)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print()
    print_table(results["rows"])
    print_misses(results)
    print(f"\nFull results: {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    missed = any(r["ok"] is False for r in results["rows"])
    return 1 if (missed and args.fail_on_miss) else 0


if __name__ == "__main__":
    sys.exit(main())
