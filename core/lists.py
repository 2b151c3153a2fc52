"""Paging and sorting for list pages, the same on every list."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

PAGE_SIZE = 25


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
