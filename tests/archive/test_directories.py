"""The directories of organizations and people (archive.pages.directories)."""

import re

import pytest

from archive.models import (
    Organization,
    OrganizationAlias,
    OrganizationFigures,
    Person,
)
from tests.conftest import html

pytestmark = pytest.mark.django_db


def listed(page: str, prefix: str) -> list[str]:
    """The names a directory lists, in its order."""
    items = page.split('<ul class="directory">')[1].split("</ul>")[0]
    return re.findall(rf'<li><a href="/{prefix}/[^"]+/">([^<]+)</a>', items)


def test_the_directories_list_every_public_record_by_name(client, site):
    names = listed(html(client, "/organizations/"), "organizations")
    public = list(Organization.objects.public().order_by("name").values_list("name", flat=True))
    assert names == public[:50]
    assert len(public) > 50  # a second page
    assert "Page 1 of 2" in html(client, "/organizations/")
    second = listed(html(client, "/organizations/?page=2"), "organizations")
    assert second == public[50:]
    people = listed(html(client, "/people/"), "people")
    assert people == list(Person.objects.public().order_by("name").values_list("name", flat=True))


def test_nothing_unpublished_or_hidden_is_listed(client, site):
    xu = Person.objects.get(name="Xu Kunlin")  # named only in the draft
    assert not xu.is_public
    assert "Xu Kunlin" not in html(client, "/people/")
    assert "Xu Kunlin" not in html(client, "/people/?q=Xu")
    keti = Organization.objects.get(acronym="KETI")
    keti.hidden = True
    keti.save()
    for url in ("/organizations/", "/organizations/?q=KETI", "/organizations/?letter=K"):
        assert "Korea Electronics Technology Institute" not in html(client, url)


def test_a_letter_narrows_to_names_that_start_with_it(client, site):
    page = html(client, "/organizations/?letter=K")
    names = listed(page, "organizations")
    assert names
    assert all(name.upper().startswith("K") for name in names)
    assert 'letter=K" aria-current="true"' in page
    # a letter no name starts with is shown but not a link
    empty = [
        letter
        for letter in "QXZ"
        if not Organization.objects.public().filter(name__istartswith=letter).exists()
    ]
    assert f'<span class="empty" aria-hidden="true">{empty[0]}</span>' in page


def test_filters_by_country_kind_and_name(client, site):
    korean = listed(html(client, "/organizations/?country=KR"), "organizations")
    expected = Organization.objects.public().filter(country="KR").order_by("name")
    assert korean == [o.name for o in expected]
    academies = listed(html(client, "/organizations/?kind=academy&country=CN"), "organizations")
    assert "Chinese Academy of Engineering" in academies
    assert all(Organization.objects.get(name=name).kind == "academy" for name in academies)
    # the name filter finds acronyms and other names too
    assert listed(html(client, "/organizations/?q=keti"), "organizations") == [
        "Korea Electronics Technology Institute"
    ]
    assert "Yang Dan" in listed(html(client, "/people/?q=yang"), "people")
    kr = Person.objects.public().filter(nationality="KR").order_by("name")
    assert listed(html(client, "/people/?nationality=KR"), "people") == [p.name for p in kr]
    # filters the page does not know are left out, not an error
    assert html(client, "/organizations/?country=XX&kind=nonsense&sort=nope&letter=??")


def test_sorted_by_how_often_the_archive_names_them(client, site):
    page = html(client, "/organizations/?sort=named")
    names = listed(page, "organizations")
    counts = {
        f.organization.name: f.articles
        for f in OrganizationFigures.objects.select_related("organization")
    }
    assert [counts.get(name, 0) for name in names] == sorted(
        (counts.get(name, 0) for name in names), reverse=True
    )
    assert names[0] == "Chinese Academy of Engineering"  # named in two published articles
    assert "named in 2 articles" in page.split("Chinese Academy of Engineering</a>")[1][:400]
    assert '<option value="named" selected>' in page


def test_names_in_their_own_script_stand_beside(client, site):
    yang = Person.objects.get(name="Yang Dan")
    yang.native_name = "杨丹"
    yang.save()
    cqu = Organization.objects.get(name="Chongqing University")
    OrganizationAlias.objects.create(organization=cqu, name="重庆大学")
    people = html(client, "/people/")
    assert (
        '<a href="/people/yang-dan/">Yang Dan</a> <span class="native" lang="zh">杨丹</span>'
        in people
    )
    orgs = html(client, "/organizations/?q=chongqing")
    assert '<span class="native" lang="zh">重庆大学</span>' in orgs
    # found by it, too
    assert "Chongqing University" in listed(html(client, "/organizations/?q=重庆"), "organizations")
    # names that start with no Latin letter are under "#"
    paik = Person.objects.get(name="Paik Man Gi")
    paik.name = "백만기"
    paik.save()
    assert listed(html(client, "/people/?letter=%23"), "people") == ["백만기"]


def test_the_header_and_the_home_page_link_to_the_directories(client, site):
    home = html(client, "/")
    nav = home.split('<nav aria-label="Main">')[1].split("</nav>")[0]
    assert '<a href="/organizations/">Organizations</a>' in nav
    assert '<a href="/people/">People</a>' in nav
    counts = home.split('<p class="counts">')[1].split("</p>")[0]
    orgs = Organization.objects.public().count()
    assert f'<a href="/organizations/">{orgs} organizations</a>' in counts
    assert f'<a href="/people/">{Person.objects.public().count()} people</a>' in counts
