"""Token logins, with failed ones counted per address: past API_FAILED_TOKENS_PER_HOUR in
an hour, an address is refused (429) until the hour is over, even with a good token."""

from django.conf import settings
from django.core.cache import cache
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed, Throttled

WINDOW = 60 * 60  # seconds


def _key(request) -> str:
    return f"api-failed-tokens:{request.META.get('REMOTE_ADDR', '')}"


class GuardedTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        if "authorization" not in {name.lower() for name in request.headers}:
            return None
        key = _key(request)
        if cache.get(key, 0) >= settings.API_FAILED_TOKENS_PER_HOUR:
            raise Throttled(wait=WINDOW, detail="Too many failed token logins from this address.")
        try:
            return super().authenticate(request)
        except AuthenticationFailed:
            if not cache.add(key, 1, WINDOW):
                cache.incr(key)
            raise
