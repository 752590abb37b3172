"""The indented JSON writer gives exactly ``json.dumps(…, ensure_ascii=False, indent=2,
allow_nan=False)``, errors included."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartcity_assess.render.json_text import dumps


def reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8))
KEYS = st.one_of(st.text(max_size=6), st.integers(), st.booleans(), st.none(),
                 st.floats(allow_nan=False, allow_infinity=False))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.tuples(inner, inner),
    st.dictionaries(KEYS, inner, max_size=4)), max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_the_same_text_as_json_dumps(value: Any) -> None:
    assert dumps(value) == reference(value)


def test_what_json_writes_in_particular() -> None:
    value = {"a": [], "b": {}, "c": [{}], "d": -0.0, "e": 1e300, "f": "é\u2028\x01</script>",
             1: True, 2.5: None, None: [1, (2, 3)], False: 10**30}
    assert dumps(value) == reference(value)
    assert dumps({"x": [1.5, "y"]}) == '{\n  "x": [\n    1.5,\n    "y"\n  ]\n}'


@pytest.mark.parametrize("value", [
    float("nan"), {"a": float("inf")}, [float("-inf")], {(1, 2): 3}, {"a": object()},
    [{1, 2}], {float("nan"): 1},
])
def test_what_json_refuses_it_refuses_with_the_same_error(value: Any) -> None:
    with pytest.raises((ValueError, TypeError)) as expected:
        reference(value)
    with pytest.raises(expected.type, match=str(expected.value).replace("(", r"\(")
                       .replace(")", r"\)")):
        dumps(value)


def test_numbers_of_other_types_are_written_as_json_writes_them() -> None:
    class Number(float):
        pass

    value = {"n": Number(2.5), "i": [True, 3]}
    assert dumps(value) == reference(value)
