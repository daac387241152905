"""One contract suite over every registered stage (like sklearn's estimator_checks)."""

from __future__ import annotations

import copy

import pytest

import newsfuse
from newsfuse.base import registered
from newsfuse.errors import ConfigError

STAGES = sorted(registered().items())


@pytest.mark.parametrize(("name", "cls"), STAGES, ids=[n for n, _ in STAGES])
def test_stage_rejects_out_of_range_parameters(name: str, cls: type) -> None:
    stage = cls()
    for pname in stage._constraints:
        with pytest.raises(ConfigError, match=pname):
            cls(**{pname: -(10**9)})


@pytest.mark.parametrize(("name", "cls"), STAGES, ids=[n for n, _ in STAGES])
def test_stage_get_set_params_round_trip(name: str, cls: type) -> None:
    stage = cls()
    params = stage.get_params()
    assert cls(**params).get_params() == params
    with pytest.raises(ConfigError, match="unknown parameter"):
        stage.set_params(no_such_parameter=1)


def test_stage_does_not_mutate_input() -> None:
    from newsfuse.api import load

    arts = load(["examples/seeds"]).articles
    before = copy.deepcopy(arts)
    newsfuse.brief_articles(arts)
    assert arts == before
