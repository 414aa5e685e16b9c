"""In a real browser: an editor undoes a merge, narrows the review queue on a 1,280 px
screen, and a script injected into a public page does not run."""

import pytest
from django.contrib.auth.models import Group

from archive.models import Article, ArticleStatus, Mention, Organization
from archive.services import merge_organizations
from curation.review import CONFIDENCE_RANGES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "curate-it-2026"


@pytest.fixture
def editor_page(page, live_server, django_user_model, seeds_imported):
    editor = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("Site administration").wait_for()
    return page


def test_an_editor_undoes_a_merge(editor_page, live_server):
    page = editor_page
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    cqu = Organization.objects.get(name="Chongqing University")
    keti = Organization.objects.get(acronym="KETI")
    own = set(keti.mentions.values_list("pk", flat=True))
    merge_organizations(survivor=cqu, others=[keti])

    page.goto(f"{live_server.url}/admin/archive/organization/?q=Korea+Electronics")
    assert page.locator(f"input[name=_selected_action][value='{keti.pk}']").count() == 0
    page.get_by_role("link", name="Merged into another").click()
    page.locator(f"input[name=_selected_action][value='{keti.pk}']").check()
    page.locator("select[name=action]").select_option("unmerge_selected")
    page.get_by_title("Run the selected action").first.click()
    page.get_by_text("Unmerged Korea Electronics Technology Institute").wait_for()
    keti.refresh_from_db()
    assert keti.merged_into is None
    assert set(keti.mentions.values_list("pk", flat=True)) == own

    page.goto(f"{live_server.url}/admin/archive/organization/{keti.pk}/history/")
    page.get_by_text("unmerged from Chongqing University").wait_for()
    response = page.goto(f"{live_server.url}{keti.get_absolute_url()}")
    assert response.status == 200  # no redirect to the survivor any more
    assert page.locator("h1").inner_text().startswith(keti.name)


def test_the_review_queue_narrows_and_fits_the_screen(editor_page, live_server):
    page = editor_page
    page.goto(f"{live_server.url}/admin/archive/mention/")
    table = page.locator("#result_list").bounding_box()
    assert table["x"] + table["width"] <= 1280
    filters = page.locator("#changelist-filter").bounding_box()
    assert filters["x"] + filters["width"] <= 1280
    page.screenshot(path="/tmp/review-queue-1280.png", full_page=False)

    people = Mention.objects.filter(person__isnull=False)
    label, low, high = next(
        (label, low, high)
        for label, low, high in CONFIDENCE_RANGES.values()
        if people.filter(confidence__gte=low, confidence__lt=high).exists()
    )
    page.get_by_role("link", name="a person", exact=True).click()
    page.get_by_role("link", name=label, exact=True).click()
    shown = page.locator("#result_list tbody tr").count()
    expected = people.filter(confidence__gte=low, confidence__lt=high).count()
    assert shown == min(expected, 100)
    article = Article.objects.get(source_file__startswith="001_")
    page.goto(f"{live_server.url}/admin/archive/article/{article.pk}/change/")
    page.get_by_role("link", name="Review its mentions").click()
    assert page.locator("#result_list tbody tr").count() == min(article.mentions.count(), 100)


def test_a_script_injected_into_a_public_page_does_not_run(browser, live_server, seeds_imported):
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    context = browser.new_context(java_script_enabled=True)
    page = context.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text))
    article = Article.objects.first()
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    with pytest.raises(Exception, match=r"Content Security Policy|Refused"):
        page.add_script_tag(content="document.title = 'injected'")
    assert page.title() != "injected"
    context.close()
