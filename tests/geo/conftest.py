"""Shared fixtures of the geo tests: the real Kabupaten Tegal boundaries, read once."""

from __future__ import annotations

import pytest

from smartcity_assess.geo.model import Boundaries
from smartcity_assess.geo.read import read_boundaries
from support.geodata import DESA, KECAMATAN


@pytest.fixture(scope="session")
def kecamatan() -> Boundaries:
    return read_boundaries(KECAMATAN)


@pytest.fixture(scope="session")
def desa() -> Boundaries:
    return read_boundaries(DESA)


@pytest.fixture(scope="session")
def desa_by_name() -> Boundaries:
    return read_boundaries(DESA, key="name")
