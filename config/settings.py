"""Settings read from the environment with types (django-environ).

With no environment at all the project runs embedded: SQLite and the tantivy index under `var/`,
Celery eager, email to the console. `DATABASE_URL`, `REDIS_URL`, `ELASTICSEARCH_URL`, `SECRET_KEY`,
`DEBUG` and `ALLOWED_HOSTS` switch to real services. `SHERLOC_ENV=production` refuses to start with the
development secret key or DEBUG on, so a misconfigured deployment fails loudly instead of running open.
"""

import datetime as dt
import os
from pathlib import Path

import environ
from csp.constants import NONCE as CSP_NONCE
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
VAR_DIR = Path(env.str("SHERLOC_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEV_SECRET_KEY = "dev-insecure-sherloc-key-change-me"  # noqa: S105 - refused in production below
SHERLOC_ENV = env.str("SHERLOC_ENV", default="development")
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY)
DEBUG = env.bool("DEBUG", default=SHERLOC_ENV != "production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

if SHERLOC_ENV == "production":
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("SHERLOC_ENV=production needs SECRET_KEY set to a long random value.")
    if DEBUG:
        raise ImproperlyConfigured("SHERLOC_ENV=production refuses DEBUG=true.")
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)

# --- HTTPS (docs/deployment.md). A request counts as HTTPS when it arrived over TLS, or when the header
# named by SECURE_PROXY_SSL_HEADER says so: "X-Forwarded-Proto: https" by default in production (the
# proxy in front must set it and strip it from clients); "" turns it off (TLS ends at Django's server).
_proxy_ssl_header = env.str(
    "SECURE_PROXY_SSL_HEADER", default="X-Forwarded-Proto: https" if SHERLOC_ENV == "production" else ""
)
if _proxy_ssl_header:
    _name, _sep, _value = _proxy_ssl_header.partition(":")
    if not _sep or not _name.strip() or not _value.strip():
        raise ImproperlyConfigured('SECURE_PROXY_SSL_HEADER must look like "X-Forwarded-Proto: https".')
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _name.strip().upper().replace("-", "_"), _value.strip())
# http:// requests redirected to https:// (off by default: the proxy usually does it; /healthz is exempt
# so a load balancer's plain-HTTP probe still reaches it).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
# HSTS on HTTPS responses in production: one year by default; 0 turns it off. Subdomains and preload are
# opt-in, as they bind every host of the domain.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if SHERLOC_ENV == "production" else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# `check --deploy` warnings that are decisions, not oversights (docs/deployment.md, "check --deploy"):
# W005/W021 HSTS for subdomains and preload are opt-in; W008 the redirect to HTTPS is the proxy's job
# unless SECURE_SSL_REDIRECT is set. Set SILENCED_SYSTEM_CHECKS (comma list) to see them again.
SILENCED_SYSTEM_CHECKS = env.list(
    "SILENCED_SYSTEM_CHECKS",
    default=["security.W005", "security.W021", "security.W008"] if SHERLOC_ENV == "production" else [],
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "simple_history",
    "axes",
    "sherloc",
    "taxonomy",
    "legislation",
    "caselaw",
    "authorities",
    "strategies",
    "treaties",
    "bibliography",
    "guidance",
    "search",
    "apikeys",
    "interchange",
    "submissions",
    "accounts",
    "demo",
    "alerts",
    "mla",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML and JSON responses (static files come precompressed from WhiteNoise above). The
    # search page shrinks ~8x; Django adds random padding to each body against BREACH-style guessing.
    "django.middleware.gzip.GZipMiddleware",
    # Never lets a shared cache keep a page with a cookie or for a signed-in user (portal/caching.py).
    "portal.caching.PublicCacheGuardMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # /api/ only: over-long query strings (414) and bodies (413) answered in the API's JSON error shape.
    "sherloc.api.limits.ApiLimitsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into the lockout page (HTTP 429).
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp) on every response: only this site's own scripts, styles, images
# and connections. No inline script or style: the pages' scripts live in static/js, and the one page with
# inline code (the API's Swagger UI) carries a per-response nonce. `data:` images serve Swagger UI's icons.
# CSP_REPORT_ONLY=true sends it as Content-Security-Policy-Report-Only (to try a change first).
_CSP_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF, CSP_NONCE],
        "style-src": [CSP_SELF, CSP_NONCE],
        "img-src": [CSP_SELF, "data:"],
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "object-src": [CSP_NONE],
        "base-uri": [CSP_SELF],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
    }
}
if env.bool("CSP_REPORT_ONLY", default=False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP_POLICY
else:
    CONTENT_SECURITY_POLICY = _CSP_POLICY

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.account_nav",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout let the web process and an indexing task share the file without
    # "database is locked" errors under the embedded run.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
    DATABASES["default"].setdefault("TEST", {})["NAME"] = env.str("SQLITE_TEST_NAME", default=":memory:")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The six official UN languages; codes match taxonomy.Language and the URL prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]  # formats Django's locales lack (Arabic date and time)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if SHERLOC_ENV == "production"
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploaded attachments live under MEDIA_ROOT (outside static files) and are never served by a URL pattern
# of their own: the only way to a file is the permission-checked view in sherloc/downloads.py. MEDIA_URL is
# kept for Django's sake but nothing is mounted there.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
# Bounds on PDF text extraction (sherloc/uploads.py), so a huge or hostile PDF cannot hang the request.
ATTACHMENT_TEXT_MAX_PAGES = env.int("ATTACHMENT_TEXT_MAX_PAGES", default=500)
ATTACHMENT_TEXT_MAX_CHARS = env.int("ATTACHMENT_TEXT_MAX_CHARS", default=1_000_000)
ATTACHMENT_TEXT_MAX_SECONDS = env.float("ATTACHMENT_TEXT_MAX_SECONDS", default=20.0)
# Work bounds, checked before a page is parsed (the seconds are only checked between pages): decompressed
# content-stream bytes per page (a page over it is skipped) and in total (extraction stops).
ATTACHMENT_TEXT_MAX_PAGE_BYTES = env.int("ATTACHMENT_TEXT_MAX_PAGE_BYTES", default=500_000)
ATTACHMENT_TEXT_MAX_CONTENT_BYTES = env.int("ATTACHMENT_TEXT_MAX_CONTENT_BYTES", default=10_000_000)
# Rows per list on the submission forms (provisions, people, charges): a posted row count above it (or
# not a whole number) is a form error. A record that already has more rows keeps its own count as bound.
SUBMISSION_MAX_ROWS = env.int("SUBMISSION_MAX_ROWS", default=200)

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="sherloc@localhost")
# Where the file-based e-mail backend (EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend) writes.
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
# The public address of the site, for links in e-mails sent outside a request (alert digests).
SITE_URL = env.str("SITE_URL", default="http://localhost:8000").rstrip("/")

# --- Celery: eager in-process without a broker, Redis when REDIS_URL is set.
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
CELERY_BEAT_SCHEDULE = {
    "search-reconcile": {
        "task": "search.tasks.reconcile_index",
        "schedule": env.float("SEARCH_RECONCILE_SECONDS", default=900.0),
    },
    # Every hour: each saved search whose daily or weekly digest is due gets it (alerts.tasks).
    "alerts-digests": {
        "task": "alerts.tasks.send_digests",
        "schedule": env.float("ALERTS_DIGEST_CHECK_SECONDS", default=3600.0),
    },
}

# --- Search: tantivy embedded by default, Elasticsearch when ELASTICSEARCH_URL is set. OpenSearch only
# when chosen (SEARCH_ENGINE=opensearch + OPENSEARCH_URL): CI's services pass sets OPENSEARCH_URL for
# the engine tests without moving the rest of the suite off tantivy.
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
OPENSEARCH_URL = env.str("OPENSEARCH_URL", default="")
SEARCH_ENGINE = env.str("SEARCH_ENGINE", default="elasticsearch" if ELASTICSEARCH_URL else "tantivy")
SEARCH_INDEX_DIR = Path(env.str("SEARCH_INDEX_DIR", default=str(VAR_DIR / "index")))
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", default="sherloc")
SEARCH_MAX_PAGE_SIZE = 100
SEARCH_MAX_DEPTH = env.int("SEARCH_MAX_DEPTH", default=10_000)
# Worker processes building documents for `search_index rebuild` (search.indexing); 1: in the command's
# own process. Default: one per core.
SEARCH_INDEX_WORKERS = env.int("SEARCH_INDEX_WORKERS", default=os.cpu_count() or 1)
# Seconds a shared cache (reverse proxy, CDN) may keep an anonymous search page (portal/caching.py);
# 0: not at all. Short, so a published record shows up in search within a minute for everyone.
PUBLIC_PAGE_MAX_AGE = env.int("PUBLIC_PAGE_MAX_AGE", default=60)

# --- Caches: Redis when available (shared throttling counters), local memory otherwise.
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that is away must cost a request milliseconds, not a hang: callers fall back
            # (sherloc/cache.py).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Built sitemap pages: ~1.5 s each at 100,000 records (docs/benchmarks.md). On disk (compressed,
    # shared by every process), dropped whenever a record is saved or deleted (sherloc/sitemaps.py).
    "sitemaps": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "sitemaps"),
        "TIMEOUT": env.int("SITEMAP_CACHE_SECONDS", default=6 * 3600),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

# --- REST API v1 (sherloc/api, each app's api.py). Rates are "<n>/<second|minute|hour|day>".
API_THROTTLE_RATES = {
    "anon": env.str("API_THROTTLE_ANON", default="120/min"),  # per client IP
    "user": env.str("API_THROTTLE_USER", default="600/min"),  # per signed-in session user
    "token": env.str("API_THROTTLE_TOKEN", default="1200/min"),  # per API token
}
# Longest query string (characters, as sent) the API answers; longer is a 414 JSON error
# (sherloc/api/limits.py). The web server must allow longer request lines (gunicorn --limit-request-line 8190).
API_MAX_QUERY_STRING = env.int("API_MAX_QUERY_STRING", default=4096)
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "sherloc.api.schema.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["sherloc.api.renderers.FastJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "apikeys.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["sherloc.api.permissions.ReadOnlyOrScoped"],
    "DEFAULT_THROTTLE_CLASSES": [
        "sherloc.api.throttling.AnonIPThrottle",
        "sherloc.api.throttling.SessionUserThrottle",
        "sherloc.api.throttling.TokenThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": API_THROTTLE_RATES,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "sherloc.api.pagination.RecordPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "sherloc.api.errors.exception_handler",
    # `format` is a real parameter of /api/v1/export/ (jsonl|csv); DRF must not claim it.
    "URL_FORMAT_OVERRIDE": None,
    # 0: throttle on REMOTE_ADDR. Behind N trusted proxies set API_NUM_PROXIES=N so the client IP is
    # read from X-Forwarded-For; never trust that header blindly (clients would forge it to dodge limits).
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SHERLOC portal API",
    "DESCRIPTION": (
        "Read access to legislation, case law, competent national authorities and the vocabularies that "
        "tag them (UN Convention articles, crime types, cross-cutting issues, countries). Anonymous clients "
        "read published records; an API token with the `read_contacts` scope also sees authorities' contact "
        "details; a token with the `submit` scope lets a focal point's system submit records for review "
        "(/submissions/). See docs/api.md for examples."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "COMPONENT_SPLIT_REQUEST": True,
    "SORT_OPERATION_PARAMETERS": False,
    "ENUM_NAME_OVERRIDES": {
        "CourtLevelEnum": "caselaw.models.CourtLevel",
        "LegalStatusEnum": "legislation.models.LegalStatus",
        "ProceduralStageEnum": "caselaw.models.ProceduralStage",
        "VerdictEnum": "caselaw.models.Verdict",
        "PublicationStatusEnum": "sherloc.models.PublicationStatus",
        "RecordKindEnum": "interchange.jsonl_format.SUBMITTABLE_TYPES",  # the submissions API's kinds
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Swagger UI wraps a deep link inside each operation's toggle button: a nested interactive control.
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
}
# CORS: any origin may GET the API (read-only data, no cookies: tokens travel in a header).
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = [
    "accept",
    "accept-language",
    "authorization",
    "content-type",
    "if-modified-since",
    "if-none-match",
    "user-agent",
]
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Last-Modified",
    "Retry-After",
    "Content-Language",
    "Content-Disposition",
    "X-Total-Count",
]
CORS_PREFLIGHT_MAX_AGE = 86400

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # 403/404 answers are logged by django.request as one line, without the exception's traceback.
    "filters": {"expected_refusals": {"()": "sherloc.logs.ExpectedRefusalFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"filters": ["expected_refusals"]},
    },
}

# Sign-in lives under the language prefix (/en/accounts/login/); URL names resolve per language.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# --- Accounts (accounts/): sign-in with username or e-mail, behind django-axes' lockout check.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.ThrottleBackend",  # axes: refuses locked-out username+IP pairs; must come first
    "accounts.backends.UsernameOrEmailBackend",
]
# Days an e-mailed invitation link stays valid ("send again" in the admin issues a new one).
INVITATION_EXPIRY_DAYS = env.int("INVITATION_EXPIRY_DAYS", default=14)
# Seconds a password-reset link stays valid (Django's default: 3 days).
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3 * 24 * 3600)

# Login throttling (django-axes, attempts stored in the database: works on SQLite and PostgreSQL and is
# shared by every web process). After LOGIN_FAILURE_LIMIT failed sign-ins for one account from one IP,
# that pair is locked out for LOGIN_COOLOFF_MINUTES; a successful sign-in resets the count. Staff can
# lift a lockout early in the admin (Axes > Access attempts) or with `manage.py axes_reset_username`.
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_USERNAME_CALLABLE = "accounts.lockout.lockout_username"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"  # honours API_NUM_PROXIES like the API throttles
AXES_VERBOSE = False  # no start-up banner on every manage.py command
