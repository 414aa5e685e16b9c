"""Local development: DEBUG on unless the environment says otherwise, a fixed insecure key."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *

SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
