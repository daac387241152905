"""``make bench``: speed and quality tables against peers (filled by each stage's bench)."""

from __future__ import annotations


def main() -> None:
    print("newsfuse bench: no benchmarks registered yet")


if __name__ == "__main__":
    main()
