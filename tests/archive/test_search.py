import pytest

from archive.models import Article
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


def publish(title: str, body: str, language: str, **fields) -> Article:
    return make_article(title, body, language=language, **fields)


@pytest.fixture
def cjk_articles():
    return {
        "zh": publish(
            "两国科学院签署合作协议",
            "五月二日，中国科学院院长与韩国国家研究会主席在北京签署了合作协议。",
            "zh",
        ),
        "ko": publish(
            "한중 공동연구센터 개소",
            "한국과학기술연구원은 중국 연구소와 함께 공동연구센터를 열었다고 밝혔다.",
            "ko",
        ),
        "en": publish("Joint laboratory opens", "The two institutes opened a laboratory.", "en"),
    }


def found(client, query: str) -> set[str]:
    results = client.get("/api/articles/", {"q": query}).json()["results"]
    return {result["title"] for result in results}


def test_chinese_and_korean_words_are_found_inside_longer_runs(client, cjk_articles):
    # 中国科学院 stands inside an unbroken run of Han characters; 연구원 carries a particle.
    assert found(client, "中国科学院") == {"两国科学院签署合作协议"}
    assert found(client, "연구원") == {"한중 공동연구센터 개소"}
    assert found(client, "공동연구센터") == {"한중 공동연구센터 개소"}
    assert found(client, "签署") == {"两国科学院签署合作协议"}
    page = client.get("/articles/", {"q": "中国科学院"}).content.decode()
    assert cjk_articles["zh"].get_absolute_url() in page
    assert cjk_articles["ko"].get_absolute_url() not in page


def test_a_cjk_word_must_stand_as_written_and_mixes_with_english_words(client, cjk_articles):
    assert found(client, "中国家") == set()  # 中国 and 国家 both occur, but not as one word
    assert found(client, "日本学术振兴会") == set()
    publish("Forum with 中国科学院", "Scientists of 中国科学院 met at a forum.", "en")
    assert found(client, "forum 中国科学院") == {"Forum with 中国科学院"}
    assert found(client, "laboratory") == {"Joint laboratory opens"}


def test_an_article_indexed_again_is_held_once(cjk_articles):
    """Applying the queue replaces an article's document: it does not add another."""
    from archive import search
    from archive.search import index

    article = cjk_articles["en"]
    index.in_step(build_inline=True)
    for _ in range(3):
        Article.objects.filter(pk=article.pk).update(title="Joint laboratory opens again")
        index.apply_queue()
    results = search.run(search.Search(text="laboratory"))
    assert results.count == 1
    assert results.ids(0, 10) == [article.pk]
