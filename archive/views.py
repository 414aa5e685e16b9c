"""The public site: published articles and the entities they support, nothing else. Every
view starts from Article.objects.published() or Model.objects.public()."""

import re
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlencode

from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from archive import cached, citation, models, structured, summary
from archive.models import (
    Agreement,
    Article,
    ArticleStatus,
    Event,
    EventKind,
    EventParticipant,
    Mention,
    MentionKind,
    Organization,
    Person,
    Position,
    ReviewStatus,
)
from archive.pages.years import year_figures

PAGE_SIZE = 20
LIST_FIELDS = ("title", "slug", "published_on", "date_precision", "date_inferred", "source")
UNREJECTED = (ReviewStatus.UNREVIEWED, ReviewStatus.CONFIRMED)


def published_mentions():
    return Mention.objects.filter(article__status=ArticleStatus.PUBLISHED).exclude(
        review_status="rejected"
    )


LATEST = 1000  # the home page's "mentioned most lately" counts this many newest articles


@require_safe
def home(request):
    # Counting every mention of the archive takes seconds at 100,000 articles; the newest
    # articles say who is active now, which is what a front page is for.
    def summarize() -> dict:  # kept until the next write
        latest = Article.objects.published().values("pk")[:LATEST]
        organizations = (
            Organization.objects.public()
            .filter(mentions__article__in=latest, mentions__review_status__in=UNREJECTED)
            .annotate(mention_count=Count("mentions"))
            .order_by("-mention_count", "name")[:10]
        )
        return {
            "articles": list(Article.objects.published().only(*LIST_FIELDS)[:10]),
            "article_count": Article.objects.published().count(),
            "organization_count": Organization.objects.public().count(),
            "person_count": Person.objects.public().count(),
            "events": list(Event.objects.public().exclude(start_date=None)[:5]),
            "organizations": list(organizations),
            **year_figures("", fields=("articles", "events")),
        }

    # The chart comes from the figures computed ahead, which a build may renew without a
    # write: they are part of the key.
    figures = summary.figures()
    context = cached.until_next_write("home", (figures.built_at.isoformat(),), summarize)
    return render(request, "archive/home.html", {**context, "latest": LATEST, "figures": figures})


@require_safe
def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    organizations = list(Organization.objects.public().filter(mentions__article=article).distinct())
    persons = list(Person.objects.public().filter(mentions__article=article).distinct())
    events = list(Event.objects.public().filter(mentions__article=article).distinct())
    reference = citation.Reference.of(
        article, request.build_absolute_uri(article.get_absolute_url()), timezone.localdate()
    )
    context = {
        "article": article,
        "organizations": organizations,
        "persons": persons,
        "agreements": Agreement.objects.public().filter(mentions__article=article).distinct(),
        "events": events,
        "structured": structured.news_article(request, article, organizations, persons),
        "body": linked_body(article, organizations, persons, events),
        "original_url": reference.original_url,
        "citation": {"apa": citation.apa(reference), "chicago": citation.chicago(reference)},
    }
    return render(request, "archive/article_detail.html", context)


# An event's span is linked when it names the event, not when it refers back to it ("the
# forum", "the delegation") or states its date ("from November 12 to 15"): names start
# with a capital or a number, and none of these words.
_NOT_A_NAME = re.compile(
    r"^(?:the|this|that|these|those|a|an|its|their|from|during|on|in|at|since|between)\b"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\b",
    re.IGNORECASE,
)


def names_event(quote: str, event_name: str) -> bool:
    """Whether a span of text names an event rather than refers back to it."""
    quote = " ".join(quote.split())
    if quote.casefold() == " ".join(event_name.split()).casefold():
        return True
    return (
        len(quote.split()) >= 2
        and len(quote) <= 150
        and (quote[0].isupper() or quote[0].isdigit())
        and not _NOT_A_NAME.search(quote)
    )


def linked_body(article, organizations, persons, events=()) -> str:
    """The body as paragraphs, every name of a public organization, person or event a link
    to its page; all text escaped."""
    urls = {("organization", o.pk): o.get_absolute_url() for o in organizations}
    urls |= {("person", p.pk): p.get_absolute_url() for p in persons}
    urls |= {("event", e.pk): e.get_absolute_url() for e in events}
    names = {e.pk: e.name for e in events}
    spans = []
    for kind, start, end, org_id, person_id, event_id in (
        published_mentions()
        .filter(article=article, kind__in=(MentionKind.NAME, MentionKind.EVENT))
        .values_list("kind", "start", "end", "organization_id", "person_id", "event_id")
        .order_by("start", "-end")
    ):
        text = article.body[start:end]
        if kind == MentionKind.EVENT:
            url = urls.get(("event", event_id))
            url = url if url and names_event(text, names[event_id]) else None
        else:
            url = urls.get(("organization", org_id)) or urls.get(("person", person_id))
        if url and (not spans or start >= spans[-1][1]) and text:
            spans.append((start, end, url))
    parts, position = [], 0
    for start, end, url in spans:
        parts.append(escape(article.body[position:start]))
        parts.append(format_html('<a href="{}">{}</a>', url, article.body[start:end]))
        position = end
    parts.append(escape(article.body[position:]))
    paragraphs = "".join(parts).split("\n\n")
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs))


def _public_or_redirect(model, slug):
    """The public record with this slug; a merged one redirects to its survivor."""
    record = get_object_or_404(model.objects.all(), slug=slug)
    if getattr(record, "merged_into_id", None) is not None:
        return None, redirect(record.merged_into, permanent=True)
    return get_object_or_404(model.objects.public(), pk=record.pk), None


def _articles_of(field: str, record):
    """The articles that mention the record, newest first."""
    mentions = Mention.objects.exclude(review_status="rejected").filter(**{field: record})
    return Article.objects.published().mentioned_in(mentions)


RECORD_ARTICLES = 50  # a record's page lists this many of its newest articles


# A record's page lists this many of its newest events and agreements, and links to the
# whole list when there are more (a large organization takes part in thousands).
SHOWN = 20
# "Works most with" counts the organizations named in this many of its newest articles.
PARTNER_SAMPLE = 200


def _first(queryset) -> tuple[list, bool]:
    """The first SHOWN rows, and whether there are more."""
    rows = list(queryset[: SHOWN + 1])
    return rows[:SHOWN], len(rows) > SHOWN


def _events_of(field: str, record):
    taking_part = EventParticipant.objects.filter(**{field: record})
    ids = taking_part.values_list("event_id", flat=True)
    listed_up_to = models.LISTED_PARTICIPATIONS
    return models.having_pk_in(Event.objects.public(), ids, listed_up_to=listed_up_to)


def _agreements_of(field: str, record):
    if field == "organization":
        return Agreement.objects.public().filter(parties=record)
    return Agreement.objects.public().filter(signatories=record)


@require_safe
def organization_detail(request, slug):
    organization, response = _public_or_redirect(Organization, slug)
    if response:
        return response
    people = (  # hundreds at a large institution: only what the page shows
        Position.objects.filter(organization=organization, person__in=Person.objects.public())
        .select_related("person")
        .only("title", "person__name", "person__slug")
    )
    articles = _articles_of("organization", organization)
    partners = (
        Organization.objects.public()
        .filter(
            mentions__article__in=articles.values("pk")[:PARTNER_SAMPLE],
            mentions__kind=MentionKind.NAME,
            mentions__review_status__in=UNREJECTED,
        )
        .exclude(pk=organization.pk)
        .annotate(shared=Count("mentions__article", distinct=True))
        .order_by("-shared", "name")[:10]
    )
    agreements, more_agreements = _first(_agreements_of("organization", organization))
    events, more_events = _first(_events_of("organization", organization))
    context = {
        "entity": organization,
        "articles": articles.first_rows(RECORD_ARTICLES, LIST_FIELDS),
        "positions": people,
        "agreements": agreements,
        "more_agreements": more_agreements,
        "events": events,
        "more_events": more_events,
        "partners": partners,
        "partner_sample": PARTNER_SAMPLE,
        "units": Organization.objects.public().filter(parent=organization),
        "structured": structured.organization(request, organization),
    }
    return render(request, "archive/organization_detail.html", context)


@require_safe
def person_detail(request, slug):
    person, response = _public_or_redirect(Person, slug)
    if response:
        return response
    positions = list(person.positions.select_related("organization"))
    agreements, more_agreements = _first(_agreements_of("person", person))
    events, more_events = _first(_events_of("person", person))
    context = {
        "entity": person,
        "articles": _articles_of("person", person).first_rows(RECORD_ARTICLES, LIST_FIELDS),
        "positions": positions,
        "structured": structured.person(request, person, positions),
        "events": events,
        "more_events": more_events,
        "agreements": agreements,
        "more_agreements": more_agreements,
    }
    return render(request, "archive/person_detail.html", context)


@dataclass
class UncountedPage:
    """A page of a long list, found without counting the list: one row more than a page
    is read to know whether another page follows. For lists that grow with the archive
    (events, agreements), where a count over public records costs more than the page."""

    items: list
    number: int
    has_next: bool
    paginator = None

    @classmethod
    def of(cls, queryset, page: str | None, size: int = 50) -> "UncountedPage":
        valid = page and page.isascii() and page.isdigit() and len(page) <= 5 and int(page) > 0
        number = int(page) if valid else 1
        rows = list(queryset[(number - 1) * size : number * size + 1])
        if number > 1 and not rows:
            raise Http404("No such page")
        return cls(rows[:size], number, len(rows) > size)

    has_previous = property(lambda self: self.number > 1)
    has_other_pages = property(lambda self: self.has_previous or self.has_next)
    previous_page_number = property(lambda self: self.number - 1)
    next_page_number = property(lambda self: self.number + 1)


@require_safe
def agreement_list(request):
    """Agreements newest first; all, or of one organization or person."""
    field, record = _narrowed_to(request)
    agreements = _agreements_of(field, record) if record else Agreement.objects.public()
    agreements = agreements.prefetch_related(
        Prefetch("parties", queryset=Organization.objects.public())
    )
    page = UncountedPage.of(agreements, request.GET.get("page"))
    context = {
        "agreements": page.items,
        "page": page,
        "of": record,
        "kept_query": urlencode({field: record.slug}) if record else "",
    }
    return render(request, "archive/agreement_list.html", context)


def _narrowed_to(request) -> tuple[str, Organization | Person | None]:
    """The organization or person a list is narrowed to (?organization= or ?person=)."""
    for field, model in (("organization", Organization), ("person", Person)):
        if slug := request.GET.get(field):
            return field, get_object_or_404(model.objects.public(), slug=slug)
    return "", None


@require_safe
def agreement_detail(request, slug):
    agreement, response = _public_or_redirect(Agreement, slug)
    if response:
        return response
    context = {
        "entity": agreement,
        "articles": _articles_of("agreement", agreement).first_rows(RECORD_ARTICLES, LIST_FIELDS),
        "parties": agreement.parties.filter(pk__in=Organization.objects.public()),
        "signatories": agreement.signatory_set.filter(
            person__in=Person.objects.public()
        ).select_related("person", "on_behalf_of"),
    }
    return render(request, "archive/agreement_detail.html", context)


@require_safe
def event_list(request):
    """The timeline: events by year, newest first, undated ones at the end; all, or of one
    kind, organization or person."""
    field, record = _narrowed_to(request)
    events = _events_of(field, record) if record else Event.objects.public()
    kind = request.GET.get("kind", "")
    if kind:
        events = events.filter(kind=kind)
    page = UncountedPage.of(events, request.GET.get("page"))
    years = [
        (year, list(group))
        for year, group in groupby(
            page.items, key=lambda e: e.start_date.year if e.start_date else None
        )
    ]
    context = {
        "years": [(year, group) for year, group in years if year is not None],
        "undated": [e for e in page.items if not e.start_date],
        "kind": kind,
        "event_kinds": EventKind.choices,
        "of": record,
        "narrow_query": urlencode({field: record.slug}) if record else "",
        "page": page,
        "kept_query": urlencode(
            {k: v for k, v in (("kind", kind), (field, record and record.slug)) if v}
        ),
    }
    return render(request, "archive/event_list.html", context)


@require_safe
def event_detail(request, slug):
    event, response = _public_or_redirect(Event, slug)
    if response:
        return response
    participants = (
        EventParticipant.objects.filter(event=event)
        .filter(
            Q(organization__in=Organization.objects.public())
            | Q(person__in=Person.objects.public())
        )
        .select_related("organization", "person")
    )
    context = {
        "entity": event,
        "articles": _articles_of("event", event).first_rows(RECORD_ARTICLES, LIST_FIELDS),
        "organizers": [p for p in participants if p.role == "organizer"],
        "participants": [p for p in participants if p.role == "participant"],
    }
    context["structured"] = structured.event(request, event, context["organizers"])
    return render(request, "archive/event_detail.html", context)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the pages link to."""
    response = HttpResponseRedirect(static("favicon.svg"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
