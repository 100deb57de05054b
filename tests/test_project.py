"""Project promises that live outside the site: deploys are tested, lint is part of `make test`."""
import yaml

from conftest import ROOT


def test_the_deploy_workflow_tests_before_it_builds_and_publishes():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert "make test" in steps and "make build" in steps
    assert steps.index("make test") < steps.index("make build")
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_make_test_runs_the_linters_and_ci_runs_make_test():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ntest: lint" in makefile and "ruff check" in makefile and "mypy" in makefile
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_both_workflows_start_from_the_last_runs_build_cache():
    """A build after a build renders only what changed: CI keeps .cache/guide/ between runs."""
    for name, job in (("deploy.yml", "build"), ("test.yml", "test")):
        workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
        steps = workflow["jobs"][job]["steps"]
        cached = [i for i, step in enumerate(steps) if str(step.get("uses", "")).startswith("actions/cache@")
                  and step["with"]["path"] == ".cache/guide" and step["with"].get("restore-keys")]
        tested = [i for i, step in enumerate(steps) if step.get("run") == "make test"]
        assert cached and tested and cached[0] < tested[0], f"{name}: restore .cache/guide before make test"
