"""The ``alexa`` fixture of the production tests; the setups are in production_support.py."""

import pytest
from production_support import Alexa


@pytest.fixture
def alexa(tmp_path) -> Alexa:
    return Alexa(tmp_path)
