"""Chain stages like ``sklearn.pipeline.Pipeline``: named steps, ``step__param`` addressing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsfuse.base import Stage
from newsfuse.errors import ConfigError, PipelineError


class Pipeline(Stage[Any, Any]):
    """Run stages in order; each step's output feeds the next.

    Before running, the chain is checked: every ``requires`` of a step must be assigned by
    an earlier step or be a field the input already has (``provided``).

    Examples
    --------
    >>> from newsfuse.clean import Cleaner, SentenceSplitter
    >>> pipe = Pipeline([("clean", Cleaner()), ("split", SentenceSplitter())])
    >>> pipe.set_params(clean__min_words=3).named_steps["clean"].min_words
    3
    """

    def __init__(
        self,
        steps: Sequence[tuple[str, Stage[Any, Any]]],
        *,
        provided: Sequence[str] = ("article.text",),
    ) -> None:
        self.steps = list(steps)
        self.provided = tuple(provided)
        names = [n for n, _ in self.steps]
        if len(set(names)) != len(names):
            raise ConfigError(f"Pipeline: step names must be unique; got {names}")
        self._check_chain()

    @property
    def named_steps(self) -> dict[str, Stage[Any, Any]]:
        return dict(self.steps)

    def _check_chain(self) -> None:
        have = set(self.provided)
        for name, step in self.steps:
            if not isinstance(step, Stage):
                raise PipelineError(f"step {name!r} is not a Stage: {step!r}")
            missing = [r for r in step.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"step {name!r} ({type(step).__name__}) requires {missing}, "
                    "which no earlier step assigns"
                )
            have.update(step.assigns)

    def get_params(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, step in self.steps:
            for k, v in step.get_params().items():
                out[f"{name}__{k}"] = v
        return out

    def set_params(self, **params: Any) -> Pipeline:
        for key, value in params.items():
            step_name, sep, pname = key.partition("__")
            if not sep or step_name not in self.named_steps:
                raise ConfigError(f"Pipeline: unknown parameter {key!r}")
            self.named_steps[step_name].set_params(**{pname: value})
        return self

    def __call__(self, item: Any) -> Any:
        for _, step in self.steps:
            item = step(item)
        return item

    def pipe(self, items: Iterable[Any], batch_size: int = 64) -> Iterator[Any]:
        stream: Iterable[Any] = items
        for _, step in self.steps:
            stream = step.pipe(stream, batch_size=batch_size)
        yield from stream

    def __repr__(self) -> str:
        return "Pipeline([" + ", ".join(f"({n!r}, {s!r})" for n, s in self.steps) + "])"


def make_pipeline(*stages: Stage[Any, Any]) -> Pipeline:
    """A pipeline whose step names are the stages' registered names."""
    return Pipeline([(s.name or type(s).__name__.lower(), s) for s in stages])
