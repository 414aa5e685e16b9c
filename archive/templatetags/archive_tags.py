import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from archive.countries import COUNTRIES

register = template.Library()

# As django.utils.html.json_script: no "<", ">" or "&" can end the script element early.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def jsonld(data: dict):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def absolute(context, path: str) -> str:
    request = context.get("request")  # none on a page rendered without one
    return request.build_absolute_uri(path) if request else path


@register.filter
def country_name(code: str) -> str:
    return COUNTRIES.get(code, code)


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key)


@register.filter
def script_lang(text: str) -> str:
    """The language a name in its own script is most likely in, for its lang attribute:
    Hangul is Korean, Kana Japanese, Han alone Chinese."""
    if any("\uac00" <= c <= "\ud7a3" or "\u1100" <= c <= "\u11ff" for c in text):
        return "ko"
    if any("\u3040" <= c <= "\u30ff" for c in text):
        return "ja"
    if any("\u3400" <= c <= "\u9fff" for c in text):
        return "zh"
    return ""
