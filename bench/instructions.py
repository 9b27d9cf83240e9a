"""Count the instructions of one rebuild after an edit: a measure that, unlike time, does not
change with the machine's load (valgrind's cachegrind counts them; about 50 times slower).

    python bench/instructions.py PROJECT            # edit one practice's text, then build
    python bench/instructions.py PROJECT --title    # edit its title instead

PROJECT is a catalogue built once before (for example by `bench/generate.py` and
`build.py --root PROJECT build --no-search`) with the code being measured: the count covers
the whole process (Python's start, imports, the build without Pagefind), and is the same to
a few parts in a thousand from run to run. Compare two commits on two copies of a project.
"""

from __future__ import annotations

import argparse
import compileall
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def edit(project: Path, title: bool) -> None:
    """Change practice 00001 (bench/generate.py's names): its text, or its title."""
    file = project / "content/fi/00001.md"
    text = file.read_text(encoding="utf-8")
    if title:
        text = re.sub(
            r"^title: (.*?)( x\d+)?$", rf"title: \1 x{time.time_ns() % 1000}", text, count=1, flags=re.M
        )
    else:
        text += f"\nMuokattu {time.time_ns()}.\n"
    file.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("project", type=Path)
    parser.add_argument("--title", action="store_true", help="edit the title, not the text")
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:  # the measured process
        sys.path.insert(0, str(ROOT))
        from catalogue.build.pipeline import build

        build(args.project, args.project / "_site", search=False)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    # Measured as an installed or used checkout starts: from compiled bytecode.
    compileall.compile_dir(ROOT / "catalogue", quiet=1)
    edit(args.project, args.title)
    result = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--build",
            str(args.project),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if found is None:
        sys.exit(result.stderr)
    print(f"{int(found[1].replace(',', '')) / 1e6:,.0f} million instructions")


if __name__ == "__main__":
    main()
