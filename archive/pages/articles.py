"""An article's reference to download, for reference managers."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from archive import citation
from archive.models import Article

FORMATS = {
    "bib": (citation.bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (citation.ris, "application/x-research-info-systems; charset=utf-8"),
}


@require_safe
def article_cite(request, slug, fmt):
    if fmt not in FORMATS:
        raise Http404("No such citation format")
    article = get_object_or_404(Article.objects.published(), slug=slug)
    write, content_type = FORMATS[fmt]
    reference = citation.Reference.of(
        article, request.build_absolute_uri(article.get_absolute_url()), timezone.localdate()
    )
    response = HttpResponse(write(reference), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{article.slug[:80]}.{fmt}"
    )
    return response
