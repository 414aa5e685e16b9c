"""The articles page: search, facets and sorting over every published article. Every
choice is a link (no script is needed): a facet's value adds itself to the choices, a
chosen one shows as a chip that removes it."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import render
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from archive import search
from archive.countries import COUNTRIES
from archive.models import Article, EventKind, Organization, Person

PAGE_SIZE = 20
LIST_FIELDS = ("title", "slug", "published_on", "date_precision", "date_inferred", "source")
FACETS = {  # query-string key: the facet's heading
    "year": "Year",
    "country": "Country",
    "organization": "Organization",
    "person": "Person",
    "event_kind": "Kind of event",
}
MAX_CHOICES = 20  # values of one facet a query may choose


@dataclass
class Choice:
    """A facet's value: shown with its count and a link that adds it, or, chosen, as a
    chip with a link that removes it."""

    label: str
    count: int | None
    url: str
    chosen: bool = False
    facet: str = ""  # a chip's facet heading: "Year: 2016" says more than "2016"


def _chosen(params: QueryDict) -> dict[str, list[str]]:
    chosen = {}
    for key in FACETS:
        values = list(dict.fromkeys(v.strip() for v in params.getlist(key) if v.strip()))
        if len(values) > MAX_CHOICES:
            raise Http404(f"At most {MAX_CHOICES} values of {key}")
        chosen[key] = values
    for year in chosen["year"]:
        if not (year.isascii() and year.isdigit() and len(year) <= 4 and int(year) > 0):
            raise Http404("No such year")
    return chosen


def _ids(model, slugs: list[str]) -> tuple[int, ...]:
    """The records' ids; a slug that names none matches no article (id 0)."""
    found = dict(model.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    return tuple(found.get(slug, 0) for slug in slugs)


def _names(chosen: dict[str, list[str]]) -> dict[tuple[str, str], str]:
    """The names of the chosen organizations and people, by (facet, slug)."""
    labels = {}
    for key, model in (("organization", Organization), ("person", Person)):
        for slug, name in model.objects.filter(slug__in=chosen[key]).values_list("slug", "name"):
            labels[key, slug] = name
    return labels


def _url(params: QueryDict, key: str, values: list[str]) -> str:
    """The query string with `key` set to `values`, on the first page. (Plain lists: a
    QueryDict's copy, made for each of a page's hundred links, cost milliseconds.)"""
    changed = {name: given for name, given in params.lists() if name != "page"}
    changed[key] = values
    return "?" + urlencode([(name, value) for name, given in changed.items() for value in given])


def _facet_html(choices: list["Choice"]) -> SafeString:
    """A facet's list, written here rather than in the template: a hundred links rendered
    by the template language took a third of the page's time."""
    return format_html_join(
        "",
        '<li><a href="{}"{}>{}</a> <span class="count">{}</span></li>',
        (
            (
                choice.url,
                format_html(' aria-current="true" aria-label="{}, chosen: remove"', choice.label)
                if choice.chosen
                else "",
                choice.label,
                choice.count,
            )
            for choice in choices
        ),
    )


@require_safe
def article_list(request):
    params = request.GET
    chosen = _chosen(params)
    query = " ".join(params.get("q", "").split())
    asked = search.Search(
        text=query,
        years=tuple(int(y) for y in chosen["year"]),
        countries=tuple(chosen["country"]),
        organizations=_ids(Organization, chosen["organization"]),
        persons=_ids(Person, chosen["person"]),
        event_kinds=tuple(chosen["event_kind"]),
        order=params.get("sort", ""),
    )
    try:
        results = search.run(asked, with_facets=True)
    except search.Rebuilding:
        response = render(request, "archive/search_rebuilding.html", {"query": query}, status=503)
        response["Retry-After"] = "60"
        return response

    paginator = Paginator(_Matches(results), PAGE_SIZE)
    page = paginator.get_page(params.get("page"))
    hits = page.object_list
    # Published only, whatever the index holds: a withdrawn article is never listed.
    rows = Article.objects.published().only(*LIST_FIELDS).in_bulk([hit.id for hit in hits])
    page.object_list = [(rows[hit.id], hit) for hit in hits if hit.id in rows]

    names = _names(chosen)

    def choice(key: str, value: str, label: str, count: int | None = None) -> Choice:
        values = chosen[key]
        if value in values:
            return Choice(label, count, _url(params, key, [v for v in values if v != value]), True)
        return Choice(label, count, _url(params, key, [*values, value]))

    chips = []
    for key in FACETS:
        for value in chosen[key]:
            chip = choice(key, value, names.get((key, value)) or _label(key, value))
            chip.facet = FACETS[key]
            chips.append(chip)
    facets = [
        (
            FACETS[key],
            _facet_html(
                [
                    choice(
                        key,
                        str(row[0]),
                        row[1] if len(row) == 3 else _label(key, str(row[0])),
                        row[-1],
                    )
                    for row in rows
                ]
            ),
        )
        for key, rows in results.facets().items()
        if rows
    ]
    kept = params.copy()
    kept.pop("page", None)
    context = {
        "page": page,
        "results": page.object_list,
        "count": results.count,
        "query": query,
        "no_words": results.empty,
        "sort": asked.ordered_by,
        # What the form sends next: relevance unless another order was asked, so that words
        # typed on a page without words are ranked (relevance without words is newest first).
        "sort_choice": asked.order if asked.order in search.ORDERS else "relevance",
        "chips": chips,
        "facets": facets,
        "chosen": [(key, value) for key in FACETS for value in chosen[key]],
        "without_words": _url(params, "q", []) if query else "",
        "kept_query": kept.urlencode(),
    }
    return render(request, "archive/article_list.html", context)


def _label(key: str, value: str) -> str:
    if key == "country":
        return COUNTRIES.get(value, value)
    if key == "event_kind":
        return str(dict(EventKind.choices).get(value, value))
    return value


class _Matches:
    """The matches as the paginator reads them: their count, then one page."""

    def __init__(self, results: search.Results):
        self.results = results

    def __len__(self) -> int:
        return self.results.count

    def __getitem__(self, window: slice) -> list[search.Hit]:
        return self.results.page(window.start, window.stop - window.start)
