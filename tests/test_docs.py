"""The documentation and the code tell the same story."""

from __future__ import annotations

import re

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
