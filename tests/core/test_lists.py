"""core.lists: the one list-page pattern (filters, sorting, paging, count, htmx results block)."""

import django_filters
import pytest
from django.test import RequestFactory

from core.lists import ListFilterSet, SearchFilter, list_page
from partners.models import Organization, OrganizationKind
from tests import factories

SORTS = {"name": ("name_ar",), "kind": ("kind", "name_ar")}


class KindFilter(ListFilterSet):
    q = SearchFilter(label="Search", field_name="name_ar", lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices)


class WhoAsksFilter(ListFilterSet):
    mine = django_filters.BooleanFilter(method="only_mine")

    def only_mine(self, queryset, name, value):
        return queryset.filter(name_ar=self.user) if value else queryset


def _listing(query: str = "", **kwargs):
    request = RequestFactory().get(f"/list/?{query}")
    options = {"filterset_class": KindFilter, "sorts": SORTS, "default_sort": "name", **kwargs}
    return list_page(request, queryset=Organization.objects.all(), **options)


def _names(listing) -> list[str]:
    return [org.name_ar for org in listing.rows]


@pytest.fixture
def three(db):
    factories.OrganizationFactory(name_ar="ب بنك", kind=OrganizationKind.BANK)
    factories.OrganizationFactory(name_ar="أ مؤسسة", kind=OrganizationKind.FOUNDATION)
    factories.OrganizationFactory(name_ar="ت بنك آخر", kind=OrganizationKind.BANK)


def test_a_filter_narrows_the_list_and_marks_it_filtered(three):
    listing = _listing("kind=bank")
    assert _names(listing) == ["ب بنك", "ت بنك آخر"]
    assert listing.filtered
    assert listing.count == 2


def test_a_filter_that_does_not_parse_is_ignored_and_reported(three):
    listing = _listing("kind=banquet&q=%D8%A8%D9%86%D9%83")  # q = "بنك"
    assert "kind" in listing.form.errors
    assert _names(listing) == ["ب بنك", "ت بنك آخر"]  # the search still applies
    assert listing.filtered


def test_a_null_character_in_a_search_is_reported_not_a_crash(three):
    listing = _listing("q=%00")
    assert "q" in listing.form.errors
    assert listing.count == 3


def test_a_list_without_filters_is_not_filtered_even_when_sorted_or_paged(three):
    listing = _listing("sort=-name&page=1")
    assert not listing.filtered
    assert listing.count == 3


def test_the_sort_key_orders_the_list_both_ways(three):
    assert _names(_listing("sort=name")) == ["أ مؤسسة", "ب بنك", "ت بنك آخر"]
    assert _names(_listing("sort=-name")) == ["ت بنك آخر", "ب بنك", "أ مؤسسة"]
    assert _listing("sort=-kind").sorting.key == "-kind"


def test_an_unknown_sort_key_falls_back_to_the_default(three):
    listing = _listing("sort=password")
    assert listing.sorting.key == "name"
    assert _names(listing) == ["أ مؤسسة", "ب بنك", "ت بنك آخر"]


@pytest.mark.parametrize(("page", "shown"), [("99", 2), ("-1", 2), ("abc", 1), ("%00", 1)])
def test_a_page_out_of_range_gives_the_last_page_and_an_unreadable_one_the_first(three, page, shown):
    listing = _listing(f"page={page}", per_page=2)
    assert listing.page.paginator.num_pages == 2
    assert listing.page.number == shown


def test_clear_keeps_the_tab_and_drops_the_filters(three):
    listing = _listing("kind=bank&when=past", keep={"when": "past"})
    assert listing.clear_url == "/list/?when=past"
    assert _listing("kind=bank").clear_url == "/list/"


def test_a_filterset_knows_who_asks(three):
    request = RequestFactory().get("/list/?mine=true")
    listing = list_page(
        request,
        queryset=Organization.objects.all(),
        filterset_class=WhoAsksFilter,
        sorts=SORTS,
        default_sort="name",
        user="ب بنك",  # whatever the filter compares with; a user object in real pages
    )
    assert _names(listing) == ["ب بنك"]


# --- through a real page: the directory -----------------------------------------------------------

DIRECTORY = "/en/partners/"
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "list-results"}


@pytest.fixture
def directory(db):
    factories.OrganizationFactory(name_ar="بنك الأمل", name_en="Al-Amal Bank", kind=OrganizationKind.BANK)
    factories.OrganizationFactory(name_ar="مؤسسة الخير", name_en="Al-Khair Foundation")


def test_an_htmx_request_from_the_filter_form_gets_only_the_results_and_the_count(staff_client, directory):
    response = staff_client.get(DIRECTORY, {"q": "amal"}, **HTMX)
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
    assert "Al-Amal Bank" in html and "Al-Khair Foundation" not in html
    assert 'id="list-count"' in html and 'data-hx-swap-oob="innerHTML"' in html
    assert "1 result" in html
    assert "HX-Request" in response["Vary"]


def test_an_htmx_history_restore_gets_the_whole_page(staff_client, directory):
    response = staff_client.get(DIRECTORY, {"q": "amal"}, HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX)
    assert "<html" in response.content.decode()


def test_without_javascript_the_search_is_a_plain_get_form_that_filters_the_page(staff_client, directory):
    response = staff_client.get(DIRECTORY, {"q": "khair"})
    html = response.content.decode()
    assert '<form method="get" action="/en/partners/"' in html
    assert 'type="search" name="q"' in html and 'value="khair"' in html
    assert "Al-Khair Foundation" in html and "Al-Amal Bank" not in html
    assert '<button type="submit" class="btn btn-primary btn-sm">Apply filters</button>' in html


def test_the_directory_search_filters_as_the_user_types(staff_client, directory):
    html = staff_client.get(DIRECTORY).content.decode()
    form = html[html.index('<form method="get"') : html.index(">", html.index('<form method="get"'))]
    assert 'data-hx-trigger="input changed delay:400ms, submit"' in form
    assert 'data-hx-target="#list-results"' in form and 'data-hx-push-url="true"' in form
    # The form is not replaced (focus stays in the box); the count line is announced.
    assert html.index("</form>") < html.index('<div id="list-results">')
    count = html[html.index('id="list-count"') - 3 :]
    assert 'aria-live="polite"' in count[: count.index(">")]
    assert "vendor/htmx-2.0.9/htmx.min.js" in html


def test_pages_without_live_filters_do_not_load_htmx(staff_client, directory):
    assert "htmx.min.js" not in staff_client.get("/en/partners/services/").content.decode()


def test_aria_sort_sits_on_the_sorted_th_only_and_the_link_keeps_the_filters_not_the_page(staff_client, directory):
    html = staff_client.get(DIRECTORY, {"kind": "bank", "sort": "-kind", "page": "1"}).content.decode()
    assert '<th scope="col" aria-sort="descending"><a href="?kind=bank&amp;sort=kind" data-sort="kind">' in html
    assert html.count("aria-sort=") == 1
    assert '<th scope="col"><a href="?kind=bank&amp;sort=name" data-sort="name">' in html


def test_the_count_line_uses_plural_forms_in_arabic(staff_client, directory):
    html = staff_client.get("/ar/partners/").content.decode()
    assert "نتيجتان" in html  # two results: the Arabic dual


def test_a_filtered_empty_list_offers_to_clear_the_filters_and_an_empty_one_says_what_to_do(staff_client, db):
    empty = staff_client.get(DIRECTORY).content.decode()
    assert "The directory is empty." in empty and 'href="/en/partners/new/"' in empty
    filtered = staff_client.get(DIRECTORY, {"kind": "bank"}).content.decode()
    assert "No organization matches these filters." in filtered
    assert "Clear the filters" in filtered
