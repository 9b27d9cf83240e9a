"""Count the instructions of one rebuild after an edit: a measure that, unlike time, does not
change with the machine's load (valgrind's cachegrind counts them; about 50 times slower).

    python bench/instructions.py PROJECT                     # edit one practice's text, then build
    python bench/instructions.py PROJECT --edit edit-title   # or its title (edit-order: across A–Ö)

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
EDITS = ("edit-practice", "edit-title", "edit-order")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("project", type=Path)
    parser.add_argument(
        "--edit", choices=EDITS, default="edit-practice", help="the edit, as bench/run.py makes it"
    )
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.build:  # the measured process: nothing imported but what a build imports
        from catalogue.build.pipeline import build

        build(args.project, args.project / "_site", search=False)
        from catalogue.cli import leave

        leave(0)  # as build.py ends
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    from bench.run import prepare

    # Measured as an installed or used checkout starts: from compiled bytecode.
    compileall.compile_dir(ROOT / "catalogue", quiet=1)
    prepare(args.edit, args.project, int(time.time()) % 1000)
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
