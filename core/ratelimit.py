"""Limits on guessing: too many failed look-ups from one address answer 429 for a while.

Counts live in the shared cache (the database cache by default), so every process of every
machine counts together.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

FAILURES_PER_MINUTE = 20


def client_ip(request) -> str:
    """The caller's address; behind N trusted proxies, the Nth address from the end of X-Forwarded-For."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(scope: str, request) -> str:
    minute = timezone.now().strftime("%Y%m%d%H%M")
    return f"ratelimit:{scope}:{client_ip(request)}:{minute}"


def too_many_response(request) -> HttpResponse:
    response = HttpResponse(
        render_to_string("429.html", request=request), status=429, content_type="text/html; charset=utf-8"
    )
    response["Retry-After"] = "60"
    return response


def rate_limited(scope: str, limit: int = FAILURES_PER_MINUTE):
    """Answer 429 once an address has had `limit` 404s from this view within the current minute."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            key = _key(scope, request)
            if (cache.get(key) or 0) >= limit:
                return too_many_response(request)
            try:
                response = view(request, *args, **kwargs)
            except Http404:
                _count_failure(key)
                raise
            if response.status_code == 404:
                _count_failure(key)
            return response

        return wrapped

    return decorator


def _count_failure(key: str) -> None:
    if not cache.add(key, 1, timeout=120):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=120)
