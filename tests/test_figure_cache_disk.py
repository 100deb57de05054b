"""The figure cache's disk part (.cache/guide/): kept between builds, keyed by inputs and code."""
import os
import pickle

import pytest

from macros import figure_cache, relations
from sample_data import CASTANEDA, FOX


def counting_render(calls: list):
    def render(points):
        calls.append(points)
        return f"<svg>{sum(points)}</svg>"

    render.__module__ = "macros.test_render"  # as if in the macros package: kept on disk
    return render


@pytest.fixture()
def code(tmp_path, monkeypatch):
    """A stand-in macros/ folder whose files make the code part of the key."""
    folder = tmp_path / "macros"
    (folder / "templates").mkdir(parents=True)
    (folder / "charts.py").write_text("WIDTH = 1\n")
    (folder / "templates" / "quiz.html").write_text("<p>")
    monkeypatch.setattr(figure_cache, "PACKAGE_DIR", folder)
    figure_cache.clear()
    return folder


def entries() -> list:
    return sorted(figure_cache.DISK_DIR.glob("*.pickle"))


def test_same_inputs_hit_the_disk_after_memory_is_gone(code):
    calls: list = []
    render = counting_render(calls)
    assert figure_cache.cached_figure(render, [1, 2]) == "<svg>3</svg>"
    figure_cache.clear()  # a new build: memory empty, disk kept
    assert figure_cache.cached_figure(render, [1, 2]) == "<svg>3</svg>"
    assert calls == [[1, 2]] and len(entries()) == 1


def test_a_changed_input_misses(code):
    calls: list = []
    render = counting_render(calls)
    figure_cache.cached_figure(render, [1, 2])
    figure_cache.clear()
    assert figure_cache.cached_figure(render, [1, 3]) == "<svg>4</svg>"
    assert calls == [[1, 2], [1, 3]]


@pytest.mark.parametrize("changed", ["charts.py", "templates/quiz.html"])
def test_a_change_to_any_macros_file_misses(code, changed):
    calls: list = []
    render = counting_render(calls)
    figure_cache.cached_figure(render, [1, 2])
    path = code / changed
    path.write_text(path.read_text() + "# edited\n")
    assert figure_cache.cached_figure(render, [1, 2]) == "<svg>3</svg>"
    assert calls == [[1, 2], [1, 2]]


@pytest.mark.parametrize("damage", [b"", b"not a pickle at all, longer than a checksum", None])
def test_a_corrupt_entry_is_computed_again_and_rewritten(code, damage):
    calls: list = []
    render = counting_render(calls)
    figure_cache.cached_figure(render, [1, 2])
    [entry] = entries()
    data = entry.read_bytes()
    entry.write_bytes(data[:-5] if damage is None else damage)  # None: cut short
    figure_cache.clear()
    assert figure_cache.cached_figure(render, [1, 2]) == "<svg>3</svg>"
    assert len(calls) == 2 and entry.read_bytes() == data


def test_a_valid_pickle_with_a_wrong_checksum_is_not_trusted(code):
    calls: list = []
    render = counting_render(calls)
    figure_cache.cached_figure(render, [1, 2])
    [entry] = entries()
    entry.write_bytes(bytes(32) + pickle.dumps("<svg>wrong</svg>"))
    figure_cache.clear()
    assert figure_cache.cached_figure(render, [1, 2]) == "<svg>3</svg>"


def test_functions_outside_the_package_and_unstable_inputs_stay_in_memory(code):
    def render(points):
        return str(points)

    def draw_object(thing):
        return type(thing).__name__

    draw_object.__module__ = "macros.test_render"
    figure_cache.cached_figure(render, [1])
    figure_cache.cached_figure(draw_object, object())  # its str() holds an address
    assert entries() == [] and figure_cache.cache_size() == 2


def test_sets_and_dates_give_stable_keys(code):
    import datetime

    render = counting_render([])
    key = figure_cache.input_key(render, {"b", "a"}, datetime.date(2001, 9, 5))
    assert key == figure_cache.input_key(render, {"a", "b"}, datetime.date(2001, 9, 5))
    assert key != figure_cache.input_key(render, {"a", "b"}, "2001-09-05")


def test_large_data_known_by_digest_is_keyed_by_its_digest_and_reads_as_before(code):
    render = counting_render([])
    first = figure_cache.KnownByDigest({"regions": {"a": [1, 2]}}, "digest-1")
    same_digest = figure_cache.KnownByDigest({"regions": {"a": [9]}}, "digest-1")
    new_file = figure_cache.KnownByDigest({"regions": {"a": [1, 2]}}, "digest-2")
    key = figure_cache.input_key(render, first)
    assert key == figure_cache.input_key(render, same_digest) != figure_cache.input_key(render, new_file)
    assert first["regions"] == {"a": [1, 2]} and dict(first) == {"regions": {"a": [1, 2]}} and len(first) == 1


def test_guide_cache_off_writes_nothing(code, monkeypatch):
    monkeypatch.setenv("GUIDE_CACHE", "off")
    figure_cache.cached_figure(counting_render([]), [1])
    assert not figure_cache.DISK_DIR.exists()


def test_prune_removes_the_least_recently_used_first(tmp_path):
    tmp_path = tmp_path / "entries"
    tmp_path.mkdir()
    for age, name in enumerate(["old", "middle", "new"]):
        path = tmp_path / f"{name}.pickle"
        path.write_bytes(b"x" * 100)
        os.utime(path, ns=(age * 10**9, age * 10**9))
    figure_cache.prune(tmp_path, limit=280)
    assert sorted(p.stem for p in tmp_path.iterdir()) == ["middle", "new"]


def test_writes_keep_the_folder_within_its_limit_counting_it_once(code, monkeypatch):
    monkeypatch.setattr(figure_cache, "MAX_DISK_BYTES", 3000)
    monkeypatch.setattr(figure_cache, "_disk_bytes", {})
    scans = []
    plain_scandir = os.scandir
    monkeypatch.setattr(figure_cache.os, "scandir", lambda folder: scans.append(folder) or plain_scandir(folder))
    for n in range(3):
        figure_cache.write_disk(f"entry{n}", b"x" * 500)
    assert len(scans) == 1, "the folder was scanned again though it was well within its limit"
    for n in range(3, 12):
        figure_cache.write_disk(f"entry{n}", b"x" * 500)
    total = sum(p.stat().st_size for p in figure_cache.DISK_DIR.iterdir())
    assert 0 < total <= 3000
    assert (figure_cache.DISK_DIR / "entry11.pickle").exists(), "the newest entry was pruned"


def test_writes_leave_no_temporary_files(code):
    for n in range(3):
        figure_cache.cached_figure(counting_render([]), [n])
    assert sorted(p.suffix for p in figure_cache.DISK_DIR.iterdir()) == [".pickle"] * 3


def test_a_folder_that_cannot_be_written_only_costs_the_disk(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setattr(figure_cache, "DISK_DIR", blocker / "guide")  # mkdir fails: its parent is a file
    figure_cache.clear()
    assert figure_cache.cached_figure(counting_render([]), [1, 2]) == "<svg>3</svg>"


def test_a_real_figure_and_its_layout_are_kept_on_disk():
    figure_cache.clear()
    ties = [{"from": "fox", "to": "castaneda", "kind": "leads", "chapters": ["start"], "note": ""}]
    nodes, edges = relations.graph_inputs(ties, {"fox": ("people", FOX), "castaneda": ("people", CASTANEDA)})
    relations.render_svg(nodes, edges, "reference/relationships.md", "m", "Map")
    figure_cache.cached_figure(relations.render_svg, nodes, edges, "reference/relationships.md", "m", "Map")
    assert len(entries()) == 2  # the drawing and the layout inside it: the inputs have stable keys


def test_the_offline_editions_file_links_are_not_served_the_sites_folder_links(code, monkeypatch):
    """Figures hold links, and links differ when directory URLs are off (the offline edition)."""
    from macros import links

    calls: list = []
    render = counting_render(calls)
    monkeypatch.setattr(links, "DIRECTORY_URLS", True)
    figure_cache.cached_figure(render, [1, 2])
    figure_cache.clear()
    monkeypatch.setattr(links, "DIRECTORY_URLS", False)
    figure_cache.cached_figure(render, [1, 2])
    assert len(calls) == 2
