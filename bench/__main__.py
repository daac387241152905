"""``make bench``: speed and quality tables against peers, one module per stage.

Each bench module (``bench/summarize.py``, ``bench/cluster.py``, ...) exposes ``run()``
that prints its own table; this dispatcher runs every one that exists.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

MODULES = ("summarize", "cluster", "analyze")


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    ran = 0
    for name in MODULES:
        try:
            mod = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"bench.{name}":
                continue
            raise
        entry = getattr(mod, "run", None) or getattr(mod, "main", None)
        if entry is not None:
            entry()
            ran += 1
    if not ran:
        print("newsfuse bench: no benchmarks registered yet")


if __name__ == "__main__":
    main()
