"""Write screenshots of the home, search, law, case, country (and Arabic search, coverage) pages at desktop
(1280 px) and phone (390 px) widths into docs/screenshots/.

    .venv/bin/python bench/screenshots.py            # needs /usr/bin/chromium and playwright

It runs the browser test tests/browser/test_screenshots.py with SHERLOC_SCREENSHOTS set, against a
live test server with a fresh database (the demo generator's data when `seed_demo` exists).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    env = dict(os.environ, SHERLOC_SCREENSHOTS=str(ROOT / "docs" / "screenshots"))
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/browser/test_screenshots.py"]
    return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == "__main__":
    raise SystemExit(main())
