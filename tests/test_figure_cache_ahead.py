"""Costly values computed ahead in a worker process (figure_cache.values_ahead): the build takes
the worker's value, equal to one computed here, and still behaves as before when the worker
fails or there is only one CPU."""
import contextlib
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros import figure_cache, relations
from sample_data import CASTANEDA, FOX, PAN


def doubled(number: int) -> int:
    """Run in the worker: which process ran it shows in the result's sign."""
    return number * 2 if multiprocessing.parent_process() is None else -number * 2


def refused(number: int) -> int:
    raise ValueError(f"no value for {number}")


def dies_in_the_worker(number: int) -> int:
    if multiprocessing.parent_process() is not None:
        os._exit(1)
    return number * 2


@pytest.fixture()
def two_cpus(monkeypatch):
    """A machine with a second CPU; this module's functions count as the macros package's."""
    monkeypatch.setattr(figure_cache.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(figure_cache, "in_package", lambda function: True)
    monkeypatch.setenv("GUIDE_CACHE", "off")
    figure_cache.clear()
    yield
    figure_cache.clear()


def test_a_value_started_ahead_is_taken_from_the_worker(two_cpus):
    assert figure_cache.values_ahead(doubled, [(3,), (4,)]) == 2
    assert figure_cache.cached_value(doubled, 3) == -6, "computed here, not in the worker"
    assert figure_cache.cached_value(doubled, 4) == -8


def test_a_value_already_kept_is_not_started_again(two_cpus):
    assert figure_cache.cached_value(doubled, 5) == 10
    assert figure_cache.values_ahead(doubled, [(5,), (6,)]) == 1
    assert figure_cache.values_ahead(doubled, [(6,)]) == 0, "already on its way"
    assert figure_cache.cached_value(doubled, 6) == -12


def test_with_one_cpu_nothing_is_started(two_cpus, monkeypatch):
    monkeypatch.setattr(figure_cache.os, "cpu_count", lambda: 1)
    assert figure_cache.values_ahead(doubled, [(7,)]) == 0
    assert figure_cache.cached_value(doubled, 7) == 14


def test_an_error_in_the_worker_is_raised_where_the_value_is_asked_for(two_cpus):
    assert figure_cache.values_ahead(refused, [(8,)]) == 1
    with pytest.raises(ValueError, match="no value for 8"):
        figure_cache.cached_value(refused, 8)


def test_a_worker_that_dies_leaves_the_value_to_this_process(two_cpus):
    assert figure_cache.values_ahead(dies_in_the_worker, [(9,)]) == 1
    assert figure_cache.cached_value(dies_in_the_worker, 9) == 18
    assert figure_cache.values_ahead(doubled, [(10,)]) == 1, "a new worker is started"
    assert figure_cache.cached_value(doubled, 10) == -20


def test_the_maps_layouts_from_the_worker_equal_those_made_here(two_cpus):
    """The real use: relations.layout for every map a build draws, the whole map last."""
    profiles = {"fox": ("people", FOX), "castaneda": ("people", CASTANEDA), "pan": ("bodies", PAN)}
    ties = [{"from": "fox", "to": "castaneda", "kind": "supports", "chapters": ["ch2"], "note": "n"},
            {"from": "fox", "to": "pan", "kind": "supports", "chapters": ["ch3"], "note": "n"},
            {"from": "castaneda", "to": "pan", "kind": "supports", "chapters": ["ch3"], "note": "n"}]
    graphs = relations.map_graphs(ties, profiles, ["ch1", "ch2", "ch3"])
    assert [sorted(n["id"] for n in nodes) for nodes, _ in graphs] == [
        ["castaneda", "fox"], ["castaneda", "fox", "pan"], ["castaneda", "fox", "pan"]], "ch2, ch3, then all"
    assert figure_cache.values_ahead(relations.layout, graphs) == 3
    for nodes, edges in graphs:
        assert figure_cache.cached_value(relations.layout, nodes, edges) == relations.layout(nodes, edges)


A_BUILD_WITH_A_WORKER = """
import os, sys, time
sys.path[:0] = [{root!r}, {tests!r}]
from macros import figure_cache
import test_figure_cache_ahead as here
figure_cache.in_package = lambda function: True
figure_cache.os.cpu_count = lambda: 2
if __name__ == "__main__":
    figure_cache.values_ahead(here.worker_pid, [(0,)])
    try:  # from the moment the test can know the worker: its Ctrl-C may come before the next line
        print(figure_cache.cached_value(here.worker_pid, 0), flush=True)
        time.sleep(60)
    except KeyboardInterrupt:  # as `mkdocs serve` does on Ctrl-C
        print("Shutting down", flush=True)
"""


def worker_pid(_: int) -> int:
    return os.getpid()


@pytest.fixture()
def build_with_a_worker(tmp_path):
    """A build in its own process group (as in a terminal) that has started its worker: (build, worker pid)."""
    tests = Path(__file__).resolve().parent
    script = tmp_path / "build.py"
    script.write_text(A_BUILD_WITH_A_WORKER.format(root=str(tests.parent), tests=str(tests)))
    build = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "GUIDE_CACHE": "off"}, start_new_session=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        worker = int(build.stdout.readline())
        assert worker != build.pid
        yield build, worker
    finally:
        build.kill()
        build.wait()
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker, signal.SIGKILL)


def ended_within(pid: int, seconds: float) -> bool:
    for _ in range(int(seconds * 10)):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_the_worker_ends_with_a_build_that_is_killed(build_with_a_worker):
    """`mkdocs serve` stopped by a signal that only it receives leaves no worker behind."""
    build, worker = build_with_a_worker
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert ended_within(worker, 5), "the worker outlived the build by 5 s"


def test_ctrl_c_stops_the_build_and_its_worker_without_a_traceback(build_with_a_worker):
    """Ctrl-C reaches the whole process group: the worker leaves it to the build and ends with it."""
    build, worker = build_with_a_worker
    os.killpg(build.pid, signal.SIGINT)
    out, err = build.communicate(timeout=10)
    assert "Shutting down" in out
    assert "Traceback" not in err, err
    assert ended_within(worker, 5), "the worker outlived the build by 5 s"


def test_an_edit_to_the_macros_code_gets_a_new_worker(two_cpus, monkeypatch):
    """The worker imported macros/ when it started: while serving, an edit there must not be run with the old code."""
    code = ["before"]
    monkeypatch.setattr(figure_cache, "code_digest", lambda: code[0])
    first = figure_cache.worker_pool()
    assert figure_cache.worker_pool() is first
    code[0] = "after the edit"
    second = figure_cache.worker_pool()
    assert second is not first
    assert figure_cache.values_ahead(doubled, [(11,)]) == 1
    assert figure_cache.cached_value(doubled, 11) == -22
    with pytest.raises(RuntimeError):
        first.submit(doubled, 1)  # shut down


def test_inputs_without_a_stable_form_are_left_to_this_process(two_cpus):
    unstable = object()
    assert figure_cache.values_ahead(doubled, [(unstable,), (12,)]) == 1
    assert figure_cache.cached_value(doubled, 12) == -24
