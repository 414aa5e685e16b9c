from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class AnonThrottle(AnonRateThrottle):
    """The rate is read from settings at each request, so it can be changed per site."""

    def get_rate(self):
        return settings.API_ANON_RATE


class UserThrottle(UserRateThrottle):
    def get_rate(self):
        return settings.API_USER_RATE
