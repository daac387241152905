"""The one exception tree of newsfuse.

Library code raises these and never prints or exits; only ``cli.py`` turns them into a
one-line stderr message and an exit code. Each error carries the input it concerns, so
the message can name it::

    NewsfuseError
    ├── ConfigError        a stage or setting got a bad parameter
    ├── InputError         one input could not be read or held no usable article
    │   ├── InputNote      the input was used, but part of it was dropped (a bad date)
    │   └── FetchError     a URL could not be fetched
    ├── PipelineError      stages do not chain (missing requirement, wrong return type)
    └── StoreError         the SQLite store could not be read or written
"""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base of every error newsfuse raises on purpose."""


class ConfigError(NewsfuseError, ValueError):
    """A parameter or setting is out of its allowed range."""


class InputError(NewsfuseError):
    """One input (file, line, URL) is unusable. ``source`` names it for the message."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class InputNote(InputError):
    """The input was used, but a part of it was unusable and dropped (it is not skipped)."""


class FetchError(InputError):
    """A URL could not be fetched (network error, HTTP status, size or redirect limit)."""


class PipelineError(NewsfuseError):
    """Stages do not chain: a requirement is missing or a stage returned the wrong type."""


class StoreError(NewsfuseError):
    """The SQLite store failed."""
