import pytest
from django.core.cache import cache, caches
from django.test import Client
from rest_framework.authtoken.models import Token

from archive.models import Article, ArticleStatus, Event, Mention, Organization, Person

pytestmark = pytest.mark.django_db

ENDPOINTS = ["articles", "organizations", "persons", "agreements", "events", "mentions"]


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    caches["throttle"].clear()  # the rate limit's counts


@pytest.fixture
def published(seeds_imported):
    """The seeds imported; all but 004 published."""
    Article.objects.exclude(source_file__startswith="004_").update(status=ArticleStatus.PUBLISHED)
    return seeds_imported


@pytest.fixture
def reader(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_user("reader", password="read-2026-x"))
    return client


@pytest.fixture
def token_client(editor):
    token = Token.objects.create(user=editor)
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


def test_an_organization_reads_as_documented(client, published):
    naek = Organization.objects.get(acronym="NAEK")
    body = client.get(f"/api/organizations/{naek.pk}/").json()
    assert body["name"] == "National Academy of Engineering of Korea"
    assert body["acronym"] == "NAEK"
    assert body["country"] == "KR"
    assert "NAEK" in body["aliases"]
    assert body["merged_into"] is None
    by_slug = client.get(f"/api/organizations/slug/{naek.slug}/").json()
    assert by_slug == body


def test_an_article_detail_carries_summaries_of_what_it_supports(client, published):
    article = Article.objects.get(source_file__startswith="001_")
    body = client.get(f"/api/articles/{article.pk}/").json()
    assert body["title"].startswith("China-Korea Recelebrates")
    assert "CQU-KETI Technical Cooperation Platform" in body["body"]
    names = {o["name"] for o in body["organizations"]}
    assert {"Chongqing University", "Korea Electronics Technology Institute"} <= names
    keti = next(o for o in body["organizations"] if o["name"].startswith("Korea Electronics"))
    assert client.get(keti["url"]).json()["acronym"] == "KETI"
    assert body["agreements"][0]["name"].startswith("MOU between Chongqing University")


def test_persons_events_and_agreements_have_their_fields(client, published):
    piao = Person.objects.get(name="Piao Dongjian")
    person = client.get(f"/api/persons/{piao.pk}/").json()
    assert person["positions"][0]["title"] == "Vice President"
    assert person["positions"][0]["organization"]["name"].startswith("National Academy")
    event = Event.objects.get(name="6th China-Korea Industrial Innovation Exchange")
    body = client.get(f"/api/events/{event.pk}/").json()
    assert (body["start_date"], body["end_date"], body["country"]) == (
        "2019-11-12",
        "2019-11-15",
        "CN",
    )
    assert {"organizer", "participant"} <= {p["role"] for p in body["participants"]}
    person = next(p["person"] for p in body["participants"] if p["person"])
    assert client.get(person["url"]).json()["name"] == person["name"]
    agreement = client.get("/api/agreements/").json()["results"][0]
    assert agreement["signed_on"] == "2017-12-15"
    assert {p["name"] for p in agreement["parties"]} == {
        "Chongqing University",
        "Korea Electronics Technology Institute",
    }
    assert [s["name"] for s in agreement["signatories"]] == ["Yang Dan"]


def test_drafts_never_appear_to_readers(client, reader, published):
    draft = Article.objects.get(source_file__startswith="004_")
    for who in (client, reader):
        listed = {a["id"] for a in who.get("/api/articles/?page_size=100").json()["results"]}
        assert draft.pk not in listed
        assert len(listed) == 4
        assert who.get(f"/api/articles/{draft.pk}/").status_code == 404
        # Xu Kunlin is named only in the draft
        persons = who.get("/api/persons/?q=Xu+Kunlin").json()["results"]
        assert persons == []
        mentions = who.get(f"/api/mentions/?article={draft.pk}").json()["results"]
        assert mentions == []


def test_editors_see_drafts(token_client, published):
    draft = Article.objects.get(source_file__startswith="004_")
    assert token_client.get(f"/api/articles/{draft.pk}/").status_code == 200


def test_a_merged_record_says_where_it_went(client, published):
    from archive.services import merge_organizations

    cae = Organization.objects.get(acronym="CAE")
    unit = Organization.objects.get(name__startswith="International Cooperation Department")
    merge_organizations(survivor=cae, others=[unit])
    body = client.get(f"/api/organizations/{unit.pk}/").json()
    assert body["merged_into"]["id"] == cae.pk
    listed = {o["id"] for o in client.get("/api/organizations/?page_size=100").json()["results"]}
    assert unit.pk not in listed


def test_filters_and_ordering(client, published):
    korean = client.get("/api/organizations/?country=KR&page_size=100").json()["results"]
    assert korean
    assert {o["country"] for o in korean} == {"KR"}
    cqu = Organization.objects.get(name="Chongqing University")
    articles = client.get(f"/api/articles/?organization={cqu.pk}").json()["results"]
    assert [a["title"][:11] for a in articles] == ["China-Korea"]
    dated = client.get("/api/articles/?published_after=2019-01-01&ordering=published_on").json()
    dates = [a["published_on"] for a in dated["results"]]
    assert dates == sorted(dates)
    assert all(d >= "2019-01-01" for d in dates)
    forums = client.get("/api/events/?kind=forum").json()["results"]
    assert forums
    assert {e["kind"] for e in forums} == {"forum"}
    search = client.get("/api/articles/?q=Qingdao").json()["results"]
    assert [a["title"][:30] for a in search] == ["International Technology Trade"]


def test_pagination_has_a_maximum_page_size(client, published):
    for size in ("1000", "101", "0", "x"):
        response = client.get(f"/api/mentions/?page_size={size}")
        assert response.status_code == 400, size
        assert "page_size" in response.json()["error"]["fields"]
    body = client.get("/api/mentions/?page_size=100").json()
    assert len(body["results"]) == 100
    second = client.get(body["next"]).json()
    assert {m["id"] for m in second["results"]}.isdisjoint({m["id"] for m in body["results"]})
    organizations = client.get("/api/organizations/?page_size=5").json()
    assert organizations["count"] == Organization.objects.public().count() > 5
    assert len(organizations["results"]) == 5


def test_mentions_are_paged_without_a_count(client, published):
    """Millions of rows: the list says whether another page follows instead of counting."""
    first = client.get("/api/mentions/?page_size=100&kind=name").json()
    assert "count" not in first
    assert len(first["results"]) == 100
    assert first["previous"] is None
    seen = [m["id"] for m in first["results"]]
    page = first
    while page["next"]:
        page = client.get(page["next"]).json()
        seen += [m["id"] for m in page["results"]]
    assert (
        len(seen)
        == len(set(seen))
        == Mention.objects.filter(kind="name", article__status=ArticleStatus.PUBLISHED)
        .exclude(review_status="rejected")
        .count()
    )
    assert client.get(page["previous"]).json()["next"] is not None
    assert client.get("/api/mentions/?page=9999").status_code == 404
    assert client.get("/api/mentions/?page=x").status_code == 404


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_anonymous_and_non_editors_cannot_write(client, reader, published, endpoint):
    record_id = client.get(f"/api/{endpoint}/").json()["results"][0]["id"]
    for who, status in ((client, 401), (reader, 403)):
        for method in ("post", "put", "patch", "delete"):
            url = f"/api/{endpoint}/" if method == "post" else f"/api/{endpoint}/{record_id}/"
            response = getattr(who, method)(url, {}, content_type="application/json")
            if method in ("post", "delete") and endpoint == "mentions":
                assert response.status_code in (status, 405)
            else:
                assert response.status_code == status, (method, url)
            assert response.json()["error"]["status"] == response.status_code


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_everyone_reads_every_endpoint(client, reader, token_client, published, endpoint):
    for who in (client, reader, token_client):
        listing = who.get(f"/api/{endpoint}/")
        assert listing.status_code == 200
        first = listing.json()["results"][0]
        assert who.get(f"/api/{endpoint}/{first['id']}/").status_code == 200


def test_an_editor_updates_with_the_admins_rules(token_client, editor, published, run_import):
    naek = Organization.objects.get(acronym="NAEK")
    response = token_client.patch(
        f"/api/organizations/{naek.pk}/",
        {"name": "NAEK (Korea)", "country": "KR"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    naek.refresh_from_db()
    assert naek.name == "NAEK (Korea)"
    assert naek.locked_fields == ["name"]  # the country did not change
    latest = naek.history.first()
    assert (latest.history_user, latest.history_change_reason) == (editor, "api")

    seed = next(published.glob("000_*"))
    seed.write_text(seed.read_text() + "\n\nThe NAEK thanked its hosts.")
    run_import(published)
    naek.refresh_from_db()
    assert naek.name == "NAEK (Korea)"


def test_an_editor_creates_records(token_client, published):
    response = token_client.post(
        "/api/organizations/",
        {
            "name": "Korea Institute of Energy Research",
            "acronym": "KIER",
            "kind": "institute",
            "country": "KR",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["slug"] == "korea-institute-of-energy-research"
    response = token_client.post(
        "/api/events/",
        {
            "name": "Daejeon Energy Forum",
            "kind": "forum",
            "start_date": "2024-05-02",
            "date_precision": "day",
            "city": "Daejeon",
            "country": "KR",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()


def test_validation_errors_name_the_field(token_client, published):
    response = token_client.post(
        "/api/events/",
        {
            "name": "Backwards Forum",
            "kind": "forum",
            "start_date": "2024-05-02",
            "end_date": "2024-05-01",
            "date_precision": "day",
        },
        content_type="application/json",
    )
    assert response.status_code == 422  # each field is valid; together they break a rule
    error = response.json()["error"]
    assert error["code"] == "rule_broken"
    assert "end_date" in error["fields"]
    response = token_client.post(
        "/api/organizations/", {"kind": "spaceship"}, content_type="application/json"
    )
    fields = response.json()["error"]["fields"]
    assert set(fields) >= {"name", "kind"}


def test_errors_share_one_shape(client, published):
    cases = {
        "/api/articles/999999/": 404,
        "/api/no-such-endpoint/": 404,
    }
    for url, status in cases.items():
        response = client.get(url)
        assert response.status_code == status
        assert response.json()["error"]["status"] == status
    response = client.delete("/api/mentions/1/")
    assert response.status_code in (401, 405)
    assert response.json()["error"]["status"] == response.status_code


def test_anonymous_clients_are_throttled_with_retry_after(client, published, settings):
    settings.API_ANON_RATE = "3/minute"
    statuses = [client.get("/api/articles/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/articles/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["error"]["code"] == "throttled"


def test_the_openapi_schema_and_its_ui(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for endpoint in ENDPOINTS:
        assert f"/api/{endpoint}/" in paths
        assert f"/api/{endpoint}/{{id}}/" in paths
    assert "/api/organizations/slug/{slug}/" in paths
    ui = client.get("/api/schema/ui/")
    assert ui.status_code == 200
    assert b"swagger-ui" in ui.content


def test_csv_export_streams_every_row_that_matches(client, published):
    import csv
    import io

    response = client.get("/api/mentions/csv/?kind=name")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="mentions.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    expected = Mention.objects.filter(kind="name", article__status=ArticleStatus.PUBLISHED)
    assert len(rows) == expected.exclude(review_status="rejected").count() > 100  # not one page
    assert {row["kind"] for row in rows} == {"name"}

    response = client.get("/api/organizations/csv/?country=KR")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    naek = next(row for row in rows if row["acronym"] == "NAEK")
    assert naek["name"] == "National Academy of Engineering of Korea"
    assert "NAEK" in naek["aliases"]
    assert {row["country"] for row in rows} == {"KR"}


def test_details_as_schema_org_json_ld(client, published):
    article = Article.objects.get(source_file__startswith="000_")
    body = client.get(f"/api/articles/{article.pk}/jsonld/")
    assert body["Content-Type"].startswith("application/ld+json")
    data = body.json()
    assert (data["@context"], data["@type"]) == ("https://schema.org", "NewsArticle")
    assert data["headline"] == article.title
    assert data["datePublished"] == "2019-11-17"
    assert "Chinese Academy of Engineering" in {m["name"] for m in data["mentions"]}
    event = Event.objects.get(name="6th China-Korea Industrial Innovation Exchange")
    data = client.get(f"/api/events/{event.pk}/jsonld/").json()
    assert (data["@type"], data["startDate"], data["endDate"]) == (
        "Event",
        "2019-11-12",
        "2019-11-15",
    )
    assert data["organizer"][0]["name"] == "Chinese Academy of Engineering"
    naek = Organization.objects.get(acronym="NAEK")
    data = client.get(f"/api/organizations/{naek.pk}/jsonld/").json()
    assert (data["@type"], data["location"]) == ("Organization", "South Korea")
    assert "NAEK" in data["alternateName"]


def test_duplicates_are_conflicts(token_client, published):
    response = token_client.post(
        "/api/organizations/",
        {"name": "the Korea Electronics Technology Institute"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert "name" in response.json()["error"]["fields"]
    article = {"title": "A note from the editors", "body": "Written by hand, once."}
    first = token_client.post("/api/articles/", article, content_type="application/json")
    assert first.status_code == 201
    second = token_client.post("/api/articles/", article, content_type="application/json")
    assert second.status_code == 409


def test_input_is_typed_as_the_schema_says(token_client, published):
    naek = Organization.objects.get(acronym="NAEK")
    for data in ({"hidden": "yes"}, {"acronym": 5}, {"parent": str(naek.pk)}):
        response = token_client.patch(
            f"/api/organizations/{naek.pk}/", data, content_type="application/json"
        )
        assert response.status_code == 400, data
    response = token_client.post(
        "/api/organizations/", "name=Form+Encoded", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415


NEW_RECORDS = {
    "articles": {"title": "An editor's note", "body": "Written through the API."},
    "organizations": {"name": "Korea Polar Research Institute", "acronym": "KOPRI"},
    "persons": {"name": "Kim Polar"},
    "agreements": {"title": "Agreement on polar research", "kind": "cooperation"},
    "events": {"name": "Polar Science Forum", "kind": "forum", "start_date": "2024-03-02"},
}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_editors_write_every_endpoint(token_client, published, endpoint):
    listing = token_client.get(f"/api/{endpoint}/").json()["results"]
    record = listing[0]
    url = f"/api/{endpoint}/{record['id']}/"
    change = {"review_status": "confirmed"} if endpoint == "mentions" else {"hidden": True}
    if endpoint == "articles":
        change = {"status": "draft"}
    response = token_client.patch(url, change, content_type="application/json")
    assert response.status_code == 200, response.json()
    assert all(response.json()[key] == value for key, value in change.items())

    if endpoint == "mentions":  # mentions come from the import: reviewed, not made or deleted
        for method, target in (("post", f"/api/{endpoint}/"), ("delete", url)):
            response = getattr(token_client, method)(target, {}, content_type="application/json")
            assert response.status_code == 405
            assert response.json()["error"]["code"] == "method_not_allowed"
        return
    created = token_client.post(
        f"/api/{endpoint}/", NEW_RECORDS[endpoint], content_type="application/json"
    )
    assert created.status_code == 201, created.json()
    new_url = f"/api/{endpoint}/{created.json()['id']}/"
    replaced = token_client.put(
        new_url,
        {**NEW_RECORDS[endpoint], "hidden": False}
        if endpoint != "articles"
        else NEW_RECORDS[endpoint],
        content_type="application/json",
    )
    assert replaced.status_code == 200, replaced.json()
    assert token_client.delete(new_url).status_code == 204
    assert token_client.get(new_url).status_code == 404


def test_undated_articles_come_last_whichever_way_the_list_runs(client, published):
    undated = Article.objects.get(source_file__startswith="002_")
    assert undated.published_on is None
    for ordering in ("-published_on", "published_on", None):
        query = f"?ordering={ordering}" if ordering else ""
        body = client.get(f"/api/articles/{query}").json()
        ids = [a["id"] for a in body["results"]]
        assert ids[-1] == undated.pk, ordering
        dated = [a["published_on"] for a in body["results"][:-1]]
        assert dated == sorted(dated, reverse=ordering != "published_on"), ordering
