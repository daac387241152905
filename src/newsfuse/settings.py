"""Every default and limit in one place: name, value, help.

Precedence (lowest first): the built-in value here < ``NEWSFUSE_<NAME>`` environment
variable < an explicit argument (constructor parameter or CLI flag).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from newsfuse.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("summary_words", 250, "Word budget of a briefing summary."),
        Setting("max_input_bytes", 20_000_000, "Largest single input file or response read."),
        Setting("fetch_timeout", 10.0, "Seconds before a URL fetch gives up."),
        Setting("fetch_max_redirects", 5, "Redirects a URL fetch follows at most."),
        Setting("min_article_words", 20, "Articles with fewer words after cleaning are unusable."),
    )
}


def get(name: str) -> Any:
    """The value of a setting, honouring a ``NEWSFUSE_<NAME>`` environment override."""
    try:
        setting = SETTINGS[name]
    except KeyError:
        raise ConfigError(f"unknown setting {name!r}") from None
    env = os.environ.get(f"NEWSFUSE_{name.upper()}")
    if env is None:
        return setting.default
    try:
        return type(setting.default)(env)
    except ValueError:
        raise ConfigError(
            f"NEWSFUSE_{name.upper()}={env!r} is not a valid {type(setting.default).__name__}"
        ) from None
