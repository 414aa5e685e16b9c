"""Bad input is a 4xx in one shape, never a 500, on either database: 400 for what is not
valid (a record that does not exist included), 422 only for a rule across fields, one
code per status, JSON whatever the operation's format."""

import pytest
from django.core.cache import caches
from django.test import Client
from rest_framework.authtoken.models import Token

from archive.models import Article, ArticleStatus, Event, Organization, Person

pytestmark = pytest.mark.django_db

KINDS = ["articles", "organizations", "persons", "agreements", "events", "mentions"]
HOSTILE = ["%00", "a%00b", "%C2%B2", "9" * 5000, "99999999999999999999999", "-1", "%F0%9F%98%80"]


@pytest.fixture(autouse=True)
def fresh_throttle(settings):
    caches["throttle"].clear()
    settings.API_ANON_RATE = "100000/minute"


@pytest.fixture
def published(seeds_imported):
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    return seeds_imported


@pytest.fixture
def editor_api(editor):
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "mentions"])
def test_a_slug_with_a_nul_is_refused_before_the_database(client, published, kind):
    for slug in ("%00", "a%00b"):
        response = client.get(f"/api/{kind}/slug/{slug}/")
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "invalid"


def test_no_address_of_the_api_makes_a_server_error(client, published):
    failures = []
    for value in HOSTILE:
        for kind in KINDS:
            for path in (
                f"/api/{kind}/slug/{value}/",
                f"/api/{kind}/{value}/",
                f"/api/{kind}/{value}/jsonld/",
                *(
                    f"/api/{kind}/{suffix}?{name}={value}"
                    for suffix in ("", "csv/", "export/")
                    for name in ("ordering", "page", "page_size", "q", "organization", "kind")
                ),
                f"/api/{kind}/?updated_since={value}&after={value}",
                f"/api/removals/?since={value}&kind={value}",
            ):
                response = client.get(path)
                if response.status_code >= 500:
                    failures.append((path[:80], response.status_code))
    assert failures == []


def test_a_missing_record_is_not_found_in_json_whatever_the_format(client, published):
    for path in (
        "/api/organizations/999999/",
        "/api/organizations/999999/jsonld/",
        "/api/organizations/slug/no-such-organization/",
        "/api/no-such-endpoint/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/json", path
        assert response.json()["error"]["code"] == "not_found", path


def test_each_status_has_one_code(client, reader_client, editor_api, published):
    naek = Organization.objects.get(acronym="NAEK")
    cases = [
        (client.patch(f"/api/organizations/{naek.pk}/", {}), 401, "not_authenticated"),
        (reader_client.delete(f"/api/organizations/{naek.pk}/"), 403, "permission_denied"),
        (editor_api.delete("/api/mentions/1/"), 405, "method_not_allowed"),
        (
            editor_api.post("/api/events/", "x", content_type="text/plain"),
            415,
            "unsupported_media_type",
        ),
        (client.get("/api/organizations/?page_size=500"), 400, "invalid"),
    ]
    for response, status, code in cases:
        assert response.status_code == status
        assert response.json()["error"] == {**response.json()["error"], "code": code}


@pytest.fixture
def reader_client(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_user("reader", password="read-2026-x"))
    return client


def test_a_related_record_that_does_not_exist_is_a_400_naming_the_field(editor_api, published):
    naek = Organization.objects.get(acronym="NAEK")
    for parent in (999999, 0, 2**60):
        response = editor_api.patch(
            f"/api/organizations/{naek.pk}/", {"parent": parent}, content_type="application/json"
        )
        assert response.status_code == 400, parent
        error = response.json()["error"]
        assert error["code"] == "invalid"
        assert error["fields"]["parent"] == [f"No record has the id {parent}."]


def test_an_organization_cannot_be_its_own_ancestor(editor_api, published):
    naek = Organization.objects.get(acronym="NAEK")
    unit = Organization.objects.exclude(pk=naek.pk).first()
    url = f"/api/organizations/{naek.pk}/"
    response = editor_api.patch(url, {"parent": naek.pk}, content_type="application/json")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "rule_broken"
    assert error["message"].startswith("An organization cannot be its own parent")
    Organization.objects.filter(pk=unit.pk).update(parent=naek)
    response = editor_api.patch(url, {"parent": unit.pk}, content_type="application/json")
    assert response.status_code == 422  # a cycle through its unit
    naek.refresh_from_db()
    assert naek.parent_id is None


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ({"end_date": "2024-05-01"}, "An event with an end date needs a start date."),
        (
            {"start_date": "2024-05-02", "end_date": "2024-05-01"},
            "An event cannot end before it starts.",
        ),
    ],
)
def test_an_events_dates_break_a_rule_stated_in_the_message(editor_api, published, dates, message):
    response = editor_api.post(
        "/api/events/", {"name": "Dated Forum", **dates}, content_type="application/json"
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert (error["code"], error["message"]) == ("rule_broken", message)
    assert set(error["fields"]) == {"start_date", "end_date"}


def test_an_ordering_not_listed_is_refused(client, published):
    response = client.get("/api/organizations/?ordering=name,-country")
    assert response.status_code == 400
    assert "ordering" in response.json()["error"]["fields"]
    names = [o["name"] for o in client.get("/api/organizations/?ordering=-name").json()["results"]]
    assert names == sorted(names, reverse=True)


def test_the_schema_lists_orderings_and_the_largest_page(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/events/"]["get"]["parameters"]}
    assert parameters["ordering"]["schema"]["enum"] == [
        "start_date",
        "-start_date",
        "name",
        "-name",
        "updated_at",
        "-updated_at",
    ]
    assert parameters["page_size"]["schema"]["maximum"] == 100
    assert parameters["updated_since"]["schema"]["format"] == "date-time"
    csv_parameters = schema["paths"]["/api/events/csv/"]["get"]["parameters"]
    assert {"kind", "organization", "start_after", "ordering"} <= {
        p["name"] for p in csv_parameters
    }
    # 422 only where a rule joins fields
    assert "422" in schema["paths"]["/api/events/"]["post"]["responses"]
    assert "422" not in schema["paths"]["/api/persons/"]["post"]["responses"]


def test_json_ld_leaves_out_what_a_record_does_not_have(client, published):
    article = Article.objects.filter(source="").first() or Article.objects.first()
    Article.objects.filter(pk=article.pk).update(source="")
    data = client.get(f"/api/articles/{article.pk}/jsonld/").json()
    assert "publisher" not in data
    assert None not in data.values()
    person = Person.objects.public().first()
    Person.objects.filter(pk=person.pk).update(native_name="박동건")
    data = client.get(f"/api/persons/{person.pk}/jsonld/").json()
    assert data["alternateName"][0] == "박동건"
    event = Event.objects.public().first()
    assert None not in client.get(f"/api/events/{event.pk}/jsonld/").json().values()
