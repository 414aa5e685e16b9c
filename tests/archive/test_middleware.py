"""Input no database can hold is refused at the door (archive.middleware), and the site's
other values are checked before they reach the database: no address makes a 500, on
either database."""

import pytest

from archive.models import Article, ArticleStatus

pytestmark = pytest.mark.django_db

PAGES = ["articles", "organizations", "people", "agreements", "events"]
HOSTILE = ["%00", "a%00b", "%C2%B2", "0", "9" * 5000, "99999999999999999999999", "%F0%9F%98%80"]


@pytest.fixture
def published(seeds_imported):
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    return seeds_imported


@pytest.mark.parametrize(
    "path",
    [
        "/organizations/%00/",
        "/people/a%00b/feed/",
        "/articles/?q=%00",
        "/articles/?organization=%00",
        "/events/?person=x%00",
        "/agreements/?organization=%00",
    ],
)
def test_a_nul_in_an_address_is_a_bad_request(client, published, path):
    response = client.get(path)
    assert response.status_code == 400
    assert b"NUL" in response.content


def test_no_page_address_makes_a_server_error(client, published):
    failures = []
    for value in HOSTILE:
        for page in PAGES:
            for path in (
                f"/{page}/{value}/",
                f"/{page}/{value}/feed/",
                *(
                    f"/{page}/?{name}={value}"
                    for name in ("q", "organization", "person", "page", "year", "sort", "kind")
                ),
            ):
                response = client.get(path)
                if response.status_code >= 500:
                    failures.append((path[:80], response.status_code))
        for path in (f"/events/kind/{value}/feed/", f"/sitemap-{value}.xml", f"/?q={value}"):
            if client.get(path).status_code >= 500:
                failures.append(path[:80])
    assert failures == []
