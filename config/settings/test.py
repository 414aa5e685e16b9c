"""The test suite: the database still comes from DATABASE_URL (SQLite by default)."""

from .base import *

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The live server's thread must not keep a connection open past a test: PostgreSQL would
# refuse to drop the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0
# Figures are built before the page that needs them, so that a test sees them at once.
ARCHIVE_SUMMARY_IN_BACKGROUND = False
