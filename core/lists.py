"""List pages, written once: filters (django-filter), whitelisted sorting, paging, the result count.

A list view hands `list_page` a queryset already scoped to the user (`visible_to(user)` or a
selector), its FilterSet and its sort keys, and renders the `ListPage` with `render_list`, which
answers an htmx request from the filter form with only the results block. DEVELOPERS.md ("Lists")
shows a whole list page.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

import django_filters
from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html

PAGE_SIZE = 25
# The element an htmx request from the filter form replaces, and the count line beside it.
RESULTS_ID = "list-results"
COUNT_ID = "list-count"
SEARCH_MAX_LENGTH = 200


@dataclass(frozen=True)
class Sorting:
    key: str  # the key in the URL, e.g. "name" or "-name"
    options: dict  # key -> tuple of order_by expressions

    @property
    def field(self) -> str:
        return self.key.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.key.startswith("-")


def sort_queryset(queryset: QuerySet, requested: str | None, options: dict, default: str) -> tuple[QuerySet, Sorting]:
    """Order by a whitelisted key from the URL (`?sort=name` / `?sort=-name`); unknown keys fall back."""
    key = requested if requested and requested.lstrip("-") in options else default
    fields = options[key.lstrip("-")]
    if key.startswith("-"):
        fields = tuple(field[1:] if field.startswith("-") else f"-{field}" for field in fields)
    return queryset.order_by(*fields, "pk"), Sorting(key=key, options=options)


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> Page:
    """The requested page; a page number out of range gives the last page, not an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


# --- filters -----------------------------------------------------------------------------------


class SearchInput(forms.TextInput):
    """The list's search box: `type=search`, direction from what is typed (Arabic or Latin)."""

    input_type = "search"

    def __init__(self, attrs=None):
        super().__init__(attrs={"dir": "auto", "enterkeyhint": "search", **(attrs or {})})


class SearchFilter(django_filters.CharFilter):
    """A free-text filter; the FilterSet says how to match it (`method=`)."""

    def __init__(self, *args, placeholder=None, **kwargs):
        kwargs.setdefault("max_length", SEARCH_MAX_LENGTH)
        kwargs.setdefault("widget", SearchInput(attrs={"placeholder": placeholder} if placeholder else None))
        super().__init__(*args, **kwargs)


class SuggestInput(forms.TextInput):
    """A text box that suggests names as the user types, instead of a select of every row.

    The suggestions are `<option>`s of a `<datalist>` that htmx fetches from `suggestions` (a URL
    name) while the user types; without JavaScript it is a plain text box, matched on the server.
    """

    input_type = "search"

    def __init__(self, *, suggestions: str, attrs=None):
        self.suggestions = suggestions
        super().__init__(attrs={"dir": "auto", "autocomplete": "off", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        list_id = f"{attrs.get('id') or name}-suggestions"
        attrs.update(
            {
                "list": list_id,
                "data-hx-get": reverse(self.suggestions),
                "data-hx-trigger": "input changed delay:300ms",
                "data-hx-target": f"#{list_id}",
                "data-hx-sync": "this:queue last",
            }
        )
        return format_html('{}<datalist id="{}"></datalist>', super().render(name, value, attrs, renderer), list_id)


class SuggestFilter(django_filters.CharFilter):
    """A filter typed as a name, with suggestions (`SuggestInput`) fed by the URL named `suggestions`."""

    def __init__(self, *args, suggestions: str, placeholder=None, **kwargs):
        attrs = {"placeholder": placeholder} if placeholder else None
        kwargs.setdefault("max_length", SEARCH_MAX_LENGTH)
        kwargs.setdefault("widget", SuggestInput(suggestions=suggestions, attrs=attrs))
        super().__init__(*args, **kwargs)


def suggestion_text(request: HttpRequest) -> str:
    """What the user typed into a suggestion box: `?q=`, or the box's own parameter when htmx asks."""
    if "q" in request.GET:
        return request.GET["q"][:SEARCH_MAX_LENGTH]
    name = request.htmx.trigger_name if getattr(request, "htmx", None) else None
    return request.GET.get(name or "", "")[:SEARCH_MAX_LENGTH]


class ListFilterSet(django_filters.FilterSet):
    """The base of every list page's FilterSet.

    `self.user` is who asks (from `user=` or the request), for filters whose choices depend on it;
    the queryset it filters is already scoped to that user, so a filter never checks roles.
    """

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, user=None):
        self.user = user if user is not None else getattr(request, "user", None)
        super().__init__(data=data, queryset=queryset, request=request, prefix=prefix)

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            for bound_field in form:
                _style(bound_field.field.widget)
        return self._form


def _style(widget: forms.Widget) -> None:
    """Bootstrap's small controls, so the one filter template can render every field as `{{ field }}`."""
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input"
    elif isinstance(widget, forms.Select):
        css = "form-select form-select-sm"
    else:
        css = "form-control form-control-sm"
    widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


def _is_set(value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, QuerySet):  # a multiple-choice filter; asking the database would cost a query
        return not value.query.is_empty()
    if isinstance(value, list | tuple | set | frozenset):
        return bool(value)
    return True


# --- the list page ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListPage:
    """One page of a filtered, sorted list, and what its templates need to show it."""

    filterset: ListFilterSet
    page: Page
    sorting: Sorting
    filtered: bool  # a filter is applied, or one was given that did not parse
    clear_url: str  # the same list without filters (keeping `keep`)
    keep: dict = field(default_factory=dict)  # parameters that are not filters (a tab), kept by the form

    @property
    def form(self) -> forms.Form:
        return self.filterset.form

    @property
    def count(self) -> int:
        return self.page.paginator.count

    @property
    def rows(self):
        return self.page.object_list


def list_page(
    request: HttpRequest,
    *,
    queryset: QuerySet,
    filterset_class: type[ListFilterSet],
    sorts: dict,
    default_sort: str,
    per_page: int = PAGE_SIZE,
    keep: dict | None = None,
    **filterset_kwargs,
) -> ListPage:
    """Filter `queryset` by `request.GET`, sort it by a key of `sorts`, and cut out the page asked for.

    Filters that do not parse are reported by the form and ignored; an unknown sort key falls back
    to `default_sort`; a page out of range gives the last page. `queryset` must already be scoped
    to the user: this never filters by role. `keep` holds query parameters that select a view of
    the list rather than filter it (a tab: `{"when": "past"}`); the filter form and "Clear" keep them.
    """
    filterset = filterset_class(request.GET, queryset=queryset, request=request, **filterset_kwargs)
    rows, sorting = sort_queryset(filterset.qs, request.GET.get("sort"), sorts, default_sort)
    form = filterset.form
    filtered = bool(form.errors) or any(_is_set(value) for value in form.cleaned_data.values())
    keep = {name: value for name, value in (keep or {}).items() if value not in (None, "")}
    return ListPage(
        filterset=filterset,
        page=paginate(request, rows, per_page),
        sorting=sorting,
        filtered=filtered,
        clear_url=request.path + (f"?{urlencode(keep)}" if keep else ""),
        keep=keep,
    )


def wants_results_only(request: HttpRequest) -> bool:
    """An htmx request from a list's filter form, which replaces only the results block."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request and htmx.target == RESULTS_ID


def render_list(
    request: HttpRequest,
    template_name: str,
    listing: ListPage,
    *,
    results_template: str,
    context: dict | None = None,
) -> HttpResponse:
    """The list page; for the filter form's htmx request, only `results_template` and the count line.

    Templates get `listing` (the ListPage) and `page` (for `partials/pagination.html`) besides `context`.
    """
    context = {"listing": listing, "page": listing.page, **(context or {})}
    if wants_results_only(request):
        html = render_to_string(results_template, context, request) + render_to_string(
            "partials/list_count.html", {**context, "oob": True}, request
        )
        response = HttpResponse(html)
    else:
        response = render(request, template_name, context)
    # The same URL answers a whole page or a fragment: caches must tell them apart.
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response
