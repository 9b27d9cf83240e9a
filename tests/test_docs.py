"""The documentation and the code tell the same story."""

from __future__ import annotations

import re

import yaml

from catalogue.content.fields import FIELDS

from .helpers import ROOT


def test_contributing_documents_every_field_and_no_other() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `(\w+)` \| (yes|no) \|", text, flags=re.M)
    assert documented == [(f.name, "yes" if f.required else "no") for f in FIELDS]


def test_readme_quick_start_is_two_make_commands_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make serve", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "test"):
        assert re.search(rf"^{target}:", makefile, flags=re.M)
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_the_pull_request_workflow_runs_what_make_test_runs() -> None:
    """GitHub's check of each pull request runs `make test`'s commands (with the packages
    installed without a virtual environment), derandomized as `.ci/run` is, so that an
    editor's pull request never fails on an example an unrelated change happened to draw."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest: $(STAMP)\n", 1)[1].split("\n\n", 1)[0]
    make_test = [line.strip().removeprefix("$(VENV)/bin/") for line in recipe.splitlines()]
    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    (step,) = [step for step in workflow["jobs"]["check"]["steps"] if step.get("name") == "Test"]
    commands = [line for line in step["run"].splitlines() if not line.startswith("export ")]
    assert commands == make_test == ["ruff check .", "mypy", "python -m pytest"]
    assert step["env"]["HYPOTHESIS_PROFILE"] == "ci"
    assert "HYPOTHESIS_PROFILE=ci" in (ROOT / ".ci/run").read_text(encoding="utf-8")
