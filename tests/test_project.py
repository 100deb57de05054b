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
