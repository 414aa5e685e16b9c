"""What the API's answers carry over HTTP (api.middleware, CORS settings): validators and
304s, gzip for the API only, and reads open to other sites' pages without credentials."""

import gzip

import pytest
from django.utils.http import http_date

from archive.models import Article, ArticleStatus, Event, Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(seeds_imported):
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    return seeds_imported


@pytest.mark.parametrize("path", ["/api/organizations/", "/api/events/?kind=forum", "DETAIL"])
def test_a_read_has_an_etag_and_a_matching_request_gets_304(client, published, path):
    if path == "DETAIL":
        path = f"/api/organizations/{Organization.objects.public().first().pk}/"
    first = client.get(path)
    etag = first["ETag"]
    assert etag.startswith('W/"')
    again = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    # a change: the answer differs
    Organization.objects.update(kind="other")
    Event.objects.update(city="Seoul")
    changed = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200


def test_last_modified_moves_with_any_change_and_answers_if_modified_since(client, published):
    first = client.get("/api/organizations/")
    stamp = first["Last-Modified"]
    assert client.get("/api/organizations/", HTTP_IF_MODIFIED_SINCE=stamp).status_code == 304
    # a change to any record, even of another kind: names of related records are shown
    import time

    time.sleep(1.1)  # HTTP dates are to the second
    Article.objects.filter(pk=Article.objects.first().pk).update(title="Renamed")
    later = client.get("/api/organizations/", HTTP_IF_MODIFIED_SINCE=stamp)
    assert later.status_code == 200
    assert later["Last-Modified"] != stamp


def test_streamed_exports_have_last_modified_but_no_etag(client, published):
    response = client.get("/api/organizations/csv/")
    assert "ETag" not in response
    stamp = response["Last-Modified"]
    assert client.get("/api/organizations/csv/", HTTP_IF_MODIFIED_SINCE=stamp).status_code == 304


def test_errors_have_no_validators(client, published):
    response = client.get("/api/organizations/999999/")
    assert response.status_code == 404
    assert "ETag" not in response
    assert "Last-Modified" not in response


def test_json_is_gzipped_when_the_client_accepts_it(client, published):
    plain = client.get("/api/mentions/")
    zipped = client.get("/api/mentions/", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 3
    exported = client.get("/api/mentions/export/", HTTP_ACCEPT_ENCODING="gzip")
    assert exported["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(exported.streaming_content)).count(b"\n") > 100


def test_pages_and_the_browsable_api_are_never_compressed(client, published):
    """They carry CSRF tokens (BREACH)."""
    for path, accept in (("/articles/", "*/*"), ("/api/organizations/", "text/html")):
        response = client.get(path, HTTP_ACCEPT=accept, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        assert "Content-Encoding" not in response, path
        assert "ETag" not in response or path.startswith("/api/")


def test_other_sites_read_the_api_without_credentials(client, published):
    response = client.get("/api/organizations/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]
    # a cross-origin token is refused at the preflight: no Authorization header allowed
    preflight = client.options(
        "/api/organizations/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert "authorization" not in preflight.get("Access-Control-Allow-Headers", "")
    writes = client.options(
        "/api/organizations/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
    )
    assert "PATCH" not in writes.get("Access-Control-Allow-Methods", "")


def test_the_site_is_not_shared_with_other_sites(client, published):
    response = client.get("/articles/", HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in response


def test_if_modified_since_in_the_future_is_not_modified(client, published):
    future = http_date(4102444800)  # 2100
    assert client.get("/api/events/", HTTP_IF_MODIFIED_SINCE=future).status_code == 304
