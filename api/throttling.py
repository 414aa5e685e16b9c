"""The rate limit: requests a minute per client, counted where every worker counts.

A client is its account when signed in (`API_USER_RATE`), otherwise its address
(`API_ANON_RATE`). The address is the connection's, or, behind `API_TRUSTED_PROXIES`
proxies, the one the nearest of them saw: each proxy appends the address it received
from to X-Forwarded-For, so only the last that many entries are true and anything
before them is whatever the client sent. With no trusted proxies (the default) the
header is ignored, so a forged one changes nothing.

The counts live in the cache named by `API_THROTTLE_CACHE` (Redis in production, so
that all workers share them) and are kept with atomic increments: a window of the
rate's length, the previous window weighing as much as it still overlaps the last
period, so that no burst at a window's edge doubles the rate."""

import ipaddress
import logging
import math
import time

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import BaseThrottle

logger = logging.getLogger(__name__)
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'120/minute' → (120, 60)."""
    count, period = rate.split("/")
    return int(count), PERIODS[period.strip()[0]]


def client_address(request) -> str:
    """The client's address, through the configured number of trusted proxies."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.API_TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies < 1 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",")]
    # The last `proxies` entries were written by our proxies; the one before the first of
    # them is the address it saw. A shorter header means fewer hops than configured.
    candidate = hops[-proxies] if len(hops) >= proxies else hops[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


class ClientThrottle(BaseThrottle):
    def allow_request(self, request, view) -> bool:
        user = request.user
        if user and user.is_authenticated:
            rate, who = settings.API_USER_RATE, f"user:{user.pk}"
        else:
            rate, who = settings.API_ANON_RATE, f"addr:{client_address(request)}"
        if not rate:
            return True
        self.limit, self.period = parse_rate(rate)
        try:
            return self._count(caches[settings.API_THROTTLE_CACHE], who)
        except Exception:  # the cache is down: serve rather than fail every request
            logger.exception("The rate limit's cache %r failed", settings.API_THROTTLE_CACHE)
            return True

    def _count(self, cache, who: str) -> bool:
        now = time.time()
        window = int(now // self.period)
        self.elapsed = now - window * self.period
        key = f"throttle:{who}:{self.period}:{window}"
        cache.add(key, 0, timeout=2 * self.period + 1)
        self.current = cache.incr(key)
        self.previous = cache.get(f"throttle:{who}:{self.period}:{window - 1}", 0)
        if self._estimate(self.current) <= self.limit:
            return True
        cache.decr(key)  # a refused request does not count against the next ones
        self.current -= 1
        return False

    def _estimate(self, current: int) -> float:
        overlap = 1 - self.elapsed / self.period
        return self.previous * overlap + current

    def wait(self) -> float:
        """Seconds until one more request would be allowed."""
        room = self.limit - 1 - self.current  # requests the current window still takes
        if room >= 0 and self.previous:
            # the previous window's share must fall to `room`
            needed = self.period * (1 - room / self.previous) - self.elapsed
            return max(1, math.ceil(needed))
        # the current window is full: wait for the next, in which this one weighs in turn
        rest = self.period - self.elapsed
        share = self.period * (1 - (self.limit - 1) / self.current) if self.current else 0
        return max(1, math.ceil(rest + max(0, share)))
