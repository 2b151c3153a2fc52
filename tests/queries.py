"""Counting the queries a page costs, for the list pages' tests at 1 and 30 rows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str) -> int:
    """The number of SQL queries `client` GETting `url` costs; the page must answer 200."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
