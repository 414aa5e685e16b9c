"""How to cite an article (archive.citation) and the article page's links out."""

import datetime

import pytest

from archive import citation
from archive.models import Article, ArticleStatus, DatePrecision

ACCESSED = datetime.date(2026, 11, 30)
ARCHIVE_URL = "https://archive.example/articles/kist-and-cas-sign/"


def reference(**fields) -> citation.Reference:
    values = {
        "pk": 7,
        "title": "KIST and CAS sign an MOU on 100% {green} hydrogen_research",
        "source": "Korea Herald",
        "published_on": datetime.date(2019, 11, 17),
        "date_precision": DatePrecision.DAY,
        "url": "https://www.koreaherald.com/view.php?ud=2019",
        "language": "en",
    } | fields
    return citation.Reference.of(Article(**values), ARCHIVE_URL, ACCESSED)


def test_apa_names_the_title_date_source_and_where_to_read_it():
    assert citation.apa(reference()) == (
        "KIST and CAS sign an MOU on 100% {green} hydrogen_research. (2019, November 17). "
        "Korea Herald. https://www.koreaherald.com/view.php?ud=2019 "
        f"Archived by the Cooperation Archive: {ARCHIVE_URL}"
    )
    undated = reference(published_on=None, date_precision=DatePrecision.UNKNOWN, url="", source="")
    assert citation.apa(undated) == (
        f"KIST and CAS sign an MOU on 100% {{green}} hydrogen_research. (n.d.). {ARCHIVE_URL}"
    )
    assert "(2019, November)." in citation.apa(reference(date_precision=DatePrecision.MONTH))
    assert "(2019)." in citation.apa(reference(date_precision=DatePrecision.YEAR))


def test_chicago_gives_the_day_it_was_read():
    assert citation.chicago(reference()) == (
        "“KIST and CAS sign an MOU on 100% {green} hydrogen_research.” Korea Herald, "
        "November 17, 2019. https://www.koreaherald.com/view.php?ud=2019. "
        f"Cooperation Archive, accessed November 30, 2026. {ARCHIVE_URL}."
    )


def test_bibtex_escapes_what_tex_would_read_as_commands():
    entry = citation.bibtex(reference())
    assert entry.startswith("@misc{kist2019_7,\n")
    assert r"title = {{KIST and CAS sign an MOU on 100\% \{green\} hydrogen\_research}}" in entry
    assert "  year = {2019},\n  month = {nov},\n  date = {2019-11-17}," in entry
    assert "  url = {https://www.koreaherald.com/view.php?ud=2019}," in entry
    assert "  urldate = {2026-11-30}," in entry
    assert entry.count("{") == entry.count("}")


def test_ris_is_a_record_of_tagged_lines():
    lines = citation.ris(reference()).split("\r\n")
    assert lines[0] == "TY  - NEWS"
    assert "TI  - KIST and CAS sign an MOU on 100% {green} hydrogen_research" in lines
    assert "T2  - Korea Herald" in lines
    assert "DA  - 2019/11/17/" in lines
    assert "UR  - https://www.koreaherald.com/view.php?ud=2019" in lines
    assert f"L2  - {ARCHIVE_URL}" in lines
    assert "Y2  - 2026/11/30/" in lines
    assert lines[-2:] == ["ER  - ", ""]


def test_only_a_web_address_is_offered_as_the_original():
    assert reference(url="javascript:alert(1)").original_url == ""
    assert citation.apa(reference(url="javascript:alert(1)")).endswith(ARCHIVE_URL)
    assert reference(url=" HTTPS://example.org/a ").original_url == "HTTPS://example.org/a"


@pytest.fixture
def article(seeds_imported):
    Article.objects.exclude(source_file__startswith="004_").update(status=ArticleStatus.PUBLISHED)
    return Article.objects.get(source_file__startswith="000_")


@pytest.mark.django_db
def test_the_article_page_links_the_original_and_offers_a_citation(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Read the original page" not in page  # not known
    Article.objects.filter(pk=article.pk).update(url="https://en.cae.cn/news/1234.html")
    page = client.get(article.get_absolute_url()).content.decode()
    assert (
        '<a href="https://en.cae.cn/news/1234.html" rel="external noopener">'
        "Read the original page</a>"
    ) in page
    cite = page.split('<section class="cite"')[1].split("</section>")[0]
    assert '<h2 id="cite-heading">Cite this article</h2>' in cite
    assert "(2019, November 17). CAE. https://en.cae.cn/news/1234.html" in cite
    bib = client.get(f"{article.get_absolute_url()}cite.bib")
    assert bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib["Content-Disposition"] == f'attachment; filename="{article.slug}.bib"'
    assert "url = {https://en.cae.cn/news/1234.html}" in bib.content.decode()
    ris = client.get(f"{article.get_absolute_url()}cite.ris")
    assert ris.content.decode().startswith("TY  - NEWS\r\n")
    assert client.get(f"{article.get_absolute_url()}cite.doc").status_code == 404
    Article.objects.filter(pk=article.pk).update(url="javascript:alert(1)")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "javascript:" not in page


@pytest.mark.django_db
def test_a_draft_has_no_citation(client, article):
    draft = Article.objects.get(source_file__startswith="004_")
    assert client.get(f"{draft.get_absolute_url()}cite.bib").status_code == 404
