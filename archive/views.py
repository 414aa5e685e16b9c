"""The public site: published articles and the entities they support, nothing else."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from archive.models import Agreement, Article, ArticleStatus, Event, Organization, Person

PUBLISHED_MENTION = Q(mentions__article__status=ArticleStatus.PUBLISHED)


@require_safe
def home(request):
    articles = Article.objects.published().only("title", "slug", "published_on", "source")
    organizations = (
        Organization.objects.public()
        .annotate(mention_count=Count("mentions", filter=PUBLISHED_MENTION))
        .order_by("-mention_count", "name")[:10]
    )
    context = {
        "articles": articles[:10],
        "article_count": Article.objects.published().count(),
        "organization_count": Organization.objects.public().count(),
        "person_count": Person.objects.public().count(),
        "events": Event.objects.public().order_by("-start_date")[:5],
        "organizations": organizations,
    }
    return render(request, "archive/home.html", context)


@require_safe
def article_list(request):
    articles = Article.objects.published().only("title", "slug", "published_on", "source")
    return render(request, "archive/article_list.html", {"articles": articles[:50]})


@require_safe
def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    context = {
        "article": article,
        "organizations": Organization.objects.public().filter(mentions__article=article).distinct(),
        "persons": Person.objects.public().filter(mentions__article=article).distinct(),
        "agreements": Agreement.objects.public().filter(mentions__article=article).distinct(),
        "events": Event.objects.public().filter(mentions__article=article).distinct(),
    }
    return render(request, "archive/article_detail.html", context)


def _entity_page(request, model, slug, template):
    entity = get_object_or_404(model.objects.all(), slug=slug)
    if entity.merged_into_id is not None:
        return redirect(entity.merged_into, permanent=True)
    entity = get_object_or_404(model.objects.public(), pk=entity.pk)
    articles = Article.objects.published().filter(mentions__in=entity.mentions.all()).distinct()
    return render(request, template, {"entity": entity, "articles": articles[:50]})


@require_safe
def organization_detail(request, slug):
    return _entity_page(request, Organization, slug, "archive/organization_detail.html")


@require_safe
def person_detail(request, slug):
    return _entity_page(request, Person, slug, "archive/person_detail.html")


@require_safe
def agreement_detail(request, slug):
    return _entity_page(request, Agreement, slug, "archive/agreement_detail.html")


@require_safe
def event_detail(request, slug):
    return _entity_page(request, Event, slug, "archive/event_detail.html")
