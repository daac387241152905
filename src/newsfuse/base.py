"""The stage contract: scikit-learn's parameter handling meets spaCy's components.

A stage takes keyword-only parameters in ``__init__``, stores each under its own name and
validates them at once against ``_constraints`` (we check early, unlike scikit-learn, so a
bad value fails before any data is read). Work is ``__call__(item) -> item``;
``pipe(items)`` streams. Stages register by name so config and the CLI pick them by string.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from newsfuse.errors import ConfigError

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True, slots=True)
class Interval:
    """A numeric range constraint; ``None`` leaves a side open."""

    low: float | None = None
    high: float | None = None
    integer: bool = False

    def accepts(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if self.integer and not isinstance(value, int):
            return False
        if self.low is not None and value < self.low:
            return False
        return not (self.high is not None and value > self.high)

    def __str__(self) -> str:
        kind = "an int" if self.integer else "a number"
        return f"{kind} in [{self.low if self.low is not None else '-inf'}, " + (
            f"{self.high if self.high is not None else 'inf'}]"
        )


@dataclass(frozen=True, slots=True)
class OneOf:
    """The value must be one of a fixed set."""

    options: tuple[Any, ...]

    def accepts(self, value: Any) -> bool:
        return value in self.options

    def __str__(self) -> str:
        return "one of " + ", ".join(repr(o) for o in self.options)


@dataclass(frozen=True, slots=True)
class InstanceOf:
    """The value must be an instance of one of the given types."""

    types: tuple[type, ...]

    def accepts(self, value: Any) -> bool:
        return isinstance(value, self.types)

    def __str__(self) -> str:
        return "an instance of " + " or ".join(t.__name__ for t in self.types)


Constraint = Interval | OneOf | InstanceOf

_REGISTRY: dict[str, type[Stage[Any, Any]]] = {}


def register(name: str) -> Callable[[type[S]], type[S]]:
    """Class decorator: make a stage available by name (``"clean.boilerplate"``)."""

    def deco(cls: type[S]) -> type[S]:
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return deco


# Packages whose stages are built in; importing them registers their stages.
BUILTIN_STAGE_MODULES = (
    "newsfuse.clean",
    "newsfuse.dedup",
    "newsfuse.cluster",
    "newsfuse.summarize",
    "newsfuse.analyze",
)


def registered() -> dict[str, type[Stage[Any, Any]]]:
    """All stages by name: the built-ins (imported here) and any registered since."""
    import importlib

    for module in BUILTIN_STAGE_MODULES:
        importlib.import_module(module)
    return dict(_REGISTRY)


class Stage(Generic[T, U]):
    """Base class of every pipeline stage.

    Subclasses declare ``_constraints`` (parameter name -> list of accepted constraints)
    and ``requires``/``assigns`` (what they read and write, as ``"article.sentences"``).
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    _constraints: ClassVar[dict[str, list[Constraint]]] = {}

    def __init__(self) -> None:
        self._validate()

    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return [p.name for p in sig.parameters.values() if p.kind is p.KEYWORD_ONLY]

    def get_params(self) -> dict[str, Any]:
        """The constructor parameters and their current values."""
        return {n: getattr(self, n) for n in self._param_names()}

    def set_params(self, **params: Any) -> Stage[T, U]:
        """Set parameters by name and validate them again; returns ``self``."""
        valid = set(self._param_names())
        for key, value in params.items():
            if key not in valid:
                raise ConfigError(
                    f"{type(self).__name__}: unknown parameter {key!r}; "
                    f"valid: {', '.join(sorted(valid))}"
                )
            setattr(self, key, value)
        self._validate()
        return self

    def _validate(self) -> None:
        for pname, constraints in self._constraints.items():
            value = getattr(self, pname)
            if not any(c.accepts(value) for c in constraints):
                allowed = " or ".join(str(c) for c in constraints)
                raise ConfigError(
                    f"{type(self).__name__}: parameter {pname!r} must be {allowed}; got {value!r}"
                )

    def __call__(self, item: T) -> U:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, items: Iterable[T], batch_size: int = 64) -> Iterator[U]:
        """Process a stream in order. Stages with batch speedups override this."""
        for item in items:
            yield self(item)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({args})"


S = TypeVar("S", bound=Stage[Any, Any])
