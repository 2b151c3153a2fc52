"""Limits on guessing: too many failed look-ups from one address answer 429 for a while.

Counts live in the shared cache (the database cache by default), so every process of every
machine counts together.
"""

from datetime import timedelta
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


def _bucket_key(scope: str, request, minute) -> str:
    return f"ratelimit:{scope}:{client_ip(request)}:{minute.strftime('%Y%m%d%H%M')}"


def _recent_failures(scope: str, request) -> tuple[float, str]:
    """Failures over the last 60 seconds (sliding window), and the key of the current minute.

    The previous minute's count is weighted by how much of it still lies within the window, so
    that a burst across a minute boundary is counted as one burst.
    """
    now = timezone.now()
    current = now.replace(second=0, microsecond=0)
    previous = current - timedelta(minutes=1)
    current_key = _bucket_key(scope, request, current)
    counts = cache.get_many([current_key, _bucket_key(scope, request, previous)])
    elapsed = (now - current).total_seconds() / 60
    weighted = counts.get(current_key, 0) + sum(v for k, v in counts.items() if k != current_key) * (1 - elapsed)
    return weighted, current_key


def too_many_response(request) -> HttpResponse:
    response = HttpResponse(
        render_to_string("429.html", request=request), status=429, content_type="text/html; charset=utf-8"
    )
    response["Retry-After"] = "60"
    return response


def rate_limited(scope: str, limit: int = FAILURES_PER_MINUTE):
    """Answer 429 once an address has had `limit` 404s from this view within the last minute."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            failures, key = _recent_failures(scope, request)
            if failures >= limit:
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
