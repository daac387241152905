"""``make bench``: run each stage's bench that is importable (summarize, cluster, analyze)."""

from __future__ import annotations

import importlib


def main() -> None:
    for name in ("bench.summarize", "bench.cluster", "bench.analyze"):
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name != name:
                raise
            continue
        mod.run()


if __name__ == "__main__":
    main()
