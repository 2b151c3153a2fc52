"""Settings for the Partners Portal, read from the environment (see the README's table).

The embedded default (no variable set, DEBUG on) runs on SQLite with email to the console and
tasks in-process, so that `make run` needs nothing installed. Production sets DEBUG=0, SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env is convenient on a server; the process environment wins over it.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG=0 the portal needs a long random SECRET_KEY in the "
            "environment, for example: SECRET_KEY=$(python3 -c 'import secrets; "
            "print(secrets.token_urlsafe(50))')"
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"  # noqa: S105

# Earlier keys, still accepted for signatures (sessions, questionnaire links) while rotating SECRET_KEY.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])

# Where `make run` serves (HOST, PORT); links follow it unless SITE_URL says otherwise. A server
# listening on every interface (0.0.0.0, ::) is linked to on this machine's loopback address.
RUN_HOST = env.str("HOST", default="") or "127.0.0.1"
try:
    RUN_PORT = env.int("PORT", default=8000)
except ValueError:
    raise ImproperlyConfigured(f"PORT must be a port number, for example 8000 (got {env.str('PORT')!r}).") from None
_LINK_HOST = {"0.0.0.0": "127.0.0.1", "::": "localhost"}.get(RUN_HOST, RUN_HOST)  # noqa: S104 - a mapping
if ":" in _LINK_HOST and not _LINK_HOST.startswith("["):
    _LINK_HOST = f"[{_LINK_HOST}]"  # an IPv6 address in a URL

_DEVELOPMENT_HOSTS = ["127.0.0.1", "localhost", "testserver", _LINK_HOST.strip("[]")]
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=list(dict.fromkeys(_DEVELOPMENT_HOSTS)) if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The address links in emails, calendar feeds and printed messages point to (invitations, password
# reset, minutes, questionnaire links), without a trailing slash.
SITE_URL = env.str("SITE_URL", default="").rstrip("/") or f"http://{_LINK_HOST}:{RUN_PORT}"
# How many reverse proxies in front of gunicorn append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "import_export",
    "simple_history",
    "django_htmx",
    "django_filters",
    "django_tasks",
    "core.third_party_apps.TasksDatabaseConfig",  # django_tasks_db, with a translated name
    "core",
    "partners",
    "surveys",
    "meetings",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "partners_portal.urls"

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
                "core.context_processors.portal",
            ],
        },
    },
]

WSGI_APPLICATION = "partners_portal.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60 if not DEBUG else 0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for each other instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["core.auth.UsernameOrEmailBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3

# Arabic first, English second. Every page lives under /ar/ or /en/.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Aden"
USE_TZ = True
FORMAT_MODULE_PATH = ["partners_portal.formats"]
# Numbers are grouped where they are shown as amounts (the `yer` filter, floatformat "g"), never by
# default: a grouped default turns ids in URLs and HTML ids into "1,234".
USE_THOUSAND_SEPARATOR = False
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
# Uploaded files are served by views that check who asks, never from a public URL.
MEDIA_URL = "/protected-media-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 30 if not DEBUG else 0
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=DEBUG)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Partners Portal <portal@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Tasks: in-process by default (make run, tests); the database backend with `manage.py db_worker`
# in production (TASKS_BACKEND=database).
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env.str("TASKS_BACKEND", default="immediate")],
    }
}

CACHES = {
    "default": (
        env.cache("CACHE_URL")
        if env.str("CACHE_URL", default="")
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "portal_cache"}
    )
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Spreadsheet intake (core.spreadsheets.intake): every imported CSV or XLSX file is refused past
# these limits, with a message saying which one.
SPREADSHEET_MAX_FILE_BYTES = env.int("SPREADSHEET_MAX_FILE_BYTES", default=10 * 1024 * 1024)
# What an XLSX (a ZIP) may expand to, by its declared sizes and by what is actually read.
SPREADSHEET_MAX_EXPANDED_BYTES = env.int("SPREADSHEET_MAX_EXPANDED_BYTES", default=100 * 1024 * 1024)
SPREADSHEET_MAX_CELL_CHARS = 10_000
SPREADSHEET_MAX_COLUMNS = 100

IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

SIMPLE_HISTORY_REVERT_DISABLED = True

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
