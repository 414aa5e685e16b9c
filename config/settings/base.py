"""Settings shared by every profile; each value that differs between machines comes from the
environment."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


SQLITE_DEFAULT_URL = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"


def database_from_env() -> dict:
    """DATABASE_URL names the database; an embedded SQLite file is the default."""
    url = os.environ.get("DATABASE_URL") or SQLITE_DEFAULT_URL
    if not url.startswith(("sqlite:", "postgres:", "postgresql:", "pgsql:")):
        raise ImproperlyConfigured(
            f"DATABASE_URL must be a sqlite:// or postgres:// URL, not {url.split(':')[0]!r}"
        )
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        # WAL lets readers work during an import; NORMAL sync is safe with WAL and keeps
        # one-transaction-per-file imports fast.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
            " PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
        }
    else:
        # A web request's queries are short: starting parallel workers cost more than
        # they saved (20 ms a query on two cores, measured at 100,000 articles).
        options = config.setdefault("OPTIONS", {})
        given = options.get("options", "")
        options["options"] = f"{given} -c max_parallel_workers_per_gather=0".strip()
    return config


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "axes",
    "archive",
    "curation",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # ETag, Last-Modified, 304 and gzip for the API's answers (no page with a CSRF token)
    "api.middleware.APIResponses",
    "archive.middleware.RefuseUnstorableInput",
    # after the views' writes commit: the search index follows them in the same request
    "archive.middleware.SearchIndexInStep",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    # last, as django-axes asks: it turns a locked-out login into the lockout page
    "axes.middleware.AxesMiddleware",
]

# Password guessing against editors' accounts (/admin/login/, and anything else that signs
# in with a password) is slowed by django-axes: after AXES_FAILURE_LIMIT failed logins for
# one account, or from one address, further logins are refused for AXES_COOLOFF_TIME
# hours. An administrator unlocks at once in the admin ("Access attempts": delete the
# account's rows) or with `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: per account, per address
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "curation/locked_out.html"
AXES_VERBOSE = False
# Behind a proxy the client's address is the one it forwards (set AXES_IPWARE_PROXY_COUNT).
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_IPWARE_PROXY_COUNT", 0)) or None
# API tokens are 40 random hex digits, beyond guessing; failed token logins from one
# address are still refused after this many per hour (api.authentication).
API_FAILED_TOKENS_PER_HOUR = int(os.environ.get("API_FAILED_TOKENS_PER_HOUR", 20))

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str) -> dict:
    """A cache named by a URL: locmem:// (each process its own) or redis://HOST:PORT/DB."""
    if url.startswith("locmem:"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith(("redis:", "rediss:", "unix:")):
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "archive"),
        }
    raise ImproperlyConfigured(f"A cache URL must be locmem:// or redis://, not {url!r}")


CACHES = {
    # Each process its own: what archive.cached keeps carries the database's write position
    # in its key, so processes need not share it to stay true.
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
    # The rate limit's counts (api.throttling): they must be shared by every worker that
    # serves the API, so production keeps them in Redis (config.settings.prod).
    "throttle": cache_from_url(os.environ.get("THROTTLE_CACHE_URL", "locmem://")),
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The seed articles shipped with the project: the demo archive a newcomer sees first.
DEMO_DATA_DIR = BASE_DIR / "archive" / "demo_data"

# The search index (archive.search): files on this machine, derived from the database and
# rebuilt from it when missing. Every process of one machine shares it; give each database
# its own folder.
SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR", BASE_DIR / "search-index"))

# Files larger than this are refused by the import: a news page is a few kilobytes.
IMPORT_MAX_FILE_BYTES = int(os.environ.get("IMPORT_MAX_FILE_BYTES", 2 * 1024 * 1024))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.GuardedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.EditorsWrite"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "api.ordering.ListOrdering",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientThrottle"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.ArchiveSchema",
    # Formats have their own endpoints (csv/, jsonld/, export/); ?format= is not a parameter.
    "URL_FORMAT_OVERRIDE": None,
    "EXCEPTION_HANDLER": "api.errors.handle_exception",
    # Bodies are JSON, typed as the schema says; form encodings would make every value a string.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
# Requests per client: anonymous clients by address, signed-in ones by account
# (api.throttling). The address is the connection's, or behind this many proxies of our
# own the one the nearest saw (X-Forwarded-For is ignored without them); the counts are
# kept in the cache of this name.
API_ANON_RATE = os.environ.get("API_ANON_RATE", "120/minute")
API_USER_RATE = os.environ.get("API_USER_RATE", "1200/minute")
API_TRUSTED_PROXIES = int(os.environ.get("API_TRUSTED_PROXIES", "0"))
API_THROTTLE_CACHE = "throttle"

# Other sites' pages may read the public API (GET only, no credentials: no cookies, no
# token header); nothing else of the site is shared.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "Content-Disposition"]
SPECTACULAR_SETTINGS = {
    "TITLE": "Cooperation Archive API",
    "DESCRIPTION": "Published articles of the Cooperation Archive and the organizations, "
    "people, agreements and events they state. Anonymous clients read what is published; "
    "editors sign in (token or session) to correct records.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"CountryEnum": "archive.countries.COUNTRY_CHOICES"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.describe_filters",
        "api.schema.document_errors",
        "api.schema.close_request_bodies",
        "api.schema.link_slugs",
    ],
}

# Admin changelists of tables this large show PostgreSQL's row estimate when unfiltered.
ADMIN_EXACT_COUNT_BELOW = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The figures computed ahead (archive.summary): built in the background when the archive
# has changed (PostgreSQL), at most once in this many seconds; pages show the last ones
# meanwhile.
ARCHIVE_SUMMARY_IN_BACKGROUND = env_bool("ARCHIVE_SUMMARY_IN_BACKGROUND", True)
ARCHIVE_SUMMARY_MIN_INTERVAL = int(os.environ.get("ARCHIVE_SUMMARY_MIN_INTERVAL", 60))
