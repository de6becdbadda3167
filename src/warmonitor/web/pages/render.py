"""Rendering the desk's pages: the Jinja2 templates of ``web/templates`` and their filters.

Every page is HTML rendered on the server with escaping on; dates are ISO 8601, numbers carry
thousands separators, and words that may be Arabic go out with ``dir="auto"`` (in the
templates). The answer carries a Content-Security-Policy that allows only this server's own
scripts, styles, images and connections: nothing is loaded from another host.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from warmonitor import __version__
from warmonitor.display import neutralise_bidi
from warmonitor.gazetteer.arabic import right_to_left
from warmonitor.user_service import has_role
from warmonitor.web.auth import Principal
from warmonitor.web.pages.words import FLAG_WORDS, NAV

__all__ = [
    "CSP",
    "TEMPLATES",
    "iso",
    "json_array",
    "json_script",
    "json_text",
    "number",
    "page",
    "query",
]

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def number(value: object) -> str:
    """``12345`` as ``12,345``; ``None`` as an em dash; anything else as it is."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return str(value)


def iso(value: object) -> str:
    """A date as ``2024-03-04``, a moment as ``2024-03-04 12:30 UTC``; ``None`` as a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def span(start: object, end: object) -> str:
    """A period in ISO dates: one day, or ``start to end``."""
    if start and end and start != end:
        return f"{iso(start)} to {iso(end)}"
    return iso(start or end)


def query(params: dict[str, Any], **changes: Any) -> str:
    """The query string of ``params`` with ``changes`` (a ``None`` drops a key)."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def json_text(value: Any) -> str:
    """``value`` as compact JSON that may stand inside a ``<script type="application/json">``:
    ``<``, ``>``, ``&`` and ``'`` escaped (nothing in it can close the element), bidirectional
    controls as U+FFFD, as in the rest of the page."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    for mark, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(mark, escaped)  # str.replace: str.translate to several is slower
    return neutralise_bidi(text)


def json_script(value: Any) -> Markup:
    """:func:`json_text` of ``value``, for a page (the map's points: hundreds of kilobytes)."""
    return Markup(json_text(value))


def json_array(items: Iterable[str]) -> Markup:
    """A JSON array of items each made by :func:`json_text` (kept encoded between requests)."""
    return Markup("[" + ",".join(items) + "]")


def _shown(value: Any) -> Any:
    """Every ``{{ value }}`` of a page: stored text's bidirectional controls as U+FFFD
    (:mod:`warmonitor.display`), markup staying markup."""
    if isinstance(value, Markup):
        return Markup(neutralise_bidi(str(value)))
    if isinstance(value, str):
        return neutralise_bidi(value)
    return value


_environment = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(["html", "svg"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=_shown,
)


def lang(text: object) -> Markup:
    """``lang="ar"`` for text written mostly in Arabic letters (its fonts, its screen-reader
    voice), else nothing; ``dir="auto"`` beside it turns it right to left."""
    return Markup(' lang="ar"') if right_to_left(str(text or "")) else Markup("")


_environment.filters.update(number=number, iso=iso, lang=lang)
_environment.globals.update(
    span=span, qs=query, version=__version__, nav=NAV, flag_words=FLAG_WORDS
)


def page(
    request: Request,
    template: str,
    principal: Principal | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """The page ``template`` rendered for ``principal`` (``None`` on the login page)."""
    body = _environment.get_template(template).render(
        request=request,
        user=principal.user if principal else None,
        csrf=principal.csrf if principal else None,
        can_review=bool(principal and has_role(principal.user, "analyst")),
        path=request.url.path,
        **context,
    )
    headers = {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Cache-Control": "no-store",
    }
    return HTMLResponse(body, status_code=status_code, headers=headers)
