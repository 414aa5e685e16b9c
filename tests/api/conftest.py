import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Each API test starts with no requests counted against the rate limit."""
    caches["throttle"].clear()
