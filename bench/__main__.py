"""``make bench``: a tiny dispatcher over each stage's ``bench.<module>.run()``."""

from __future__ import annotations

import importlib


def main() -> None:
    for name in ("bench.cluster", "bench.summarize"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        module.run()


if __name__ == "__main__":
    main()
