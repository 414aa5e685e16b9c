import pytest
from django.contrib.auth.models import Group

from archive.models import Article, ArticleStatus, Organization

# A live server needs committed data; serialized_rollback brings back what migrations made
# (the Editors group) after another transactional test flushed the tables.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "curate-it-2026"


@pytest.fixture
def editor_page(page, live_server, django_user_model, seeds_imported):
    editor = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("Site administration").wait_for()
    return page


def test_an_editor_corrects_merges_and_publishes(editor_page, live_server):
    page = editor_page

    # Correct an organization's name.
    page.goto(f"{live_server.url}/admin/archive/organization/?q=Hai+Liang")
    page.get_by_role("link", name="Hai Liang Group").click()
    page.get_by_label("Name:").fill("Hailiang Group")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("was changed successfully").wait_for()
    hailiang = Organization.objects.get(name="Hailiang Group")
    assert hailiang.locked_fields == ["name"]

    # Merge two duplicates: the Chongqing University unit named twice.
    duplicate = Organization.objects.create(name="Chongqing Univ.", slug="chongqing-univ")
    cqu = Organization.objects.get(name="Chongqing University")
    page.goto(f"{live_server.url}/admin/archive/organization/?q=Chongqing+Univ")
    page.locator(f"input[name=_selected_action][value='{cqu.pk}']").check()
    page.locator(f"input[name=_selected_action][value='{duplicate.pk}']").check()
    page.locator("select[name=action]").select_option("merge_selected")
    page.get_by_title("Run the selected action").first.click()
    page.get_by_text("Keep which of these organizations?").wait_for()
    page.get_by_label("Chongqing University", exact=True).check()
    page.get_by_role("button", name="Merge").click()
    page.get_by_text("Merged Chongqing Univ. into Chongqing University.").wait_for()
    duplicate.refresh_from_db()
    assert duplicate.merged_into == cqu

    # Publish an article, then read it on the public site.
    article = Article.objects.get(source_file__startswith="001_")
    page.goto(f"{live_server.url}/admin/archive/article/")
    page.locator(f"input[name=_selected_action][value='{article.pk}']").check()
    page.locator("select[name=action]").select_option("publish")
    page.get_by_title("Run the selected action").first.click()
    page.get_by_text("1 articles published.").wait_for()
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert page.locator("h1").inner_text() == article.title
    page.get_by_role("complementary", name="In this article").get_by_role(
        "link", name="Chongqing University", exact=True
    ).click()
    assert page.locator("h1").inner_text() == "Chongqing University"
    page.screenshot(path="/tmp/editor-workflow.png")
