"""Ingest from the server: uploaded files, or addresses the server fetches (http/https, with
a size limit and a timeout). Both go through ``pipeline.ingest_paths`` as ``warmonitor
ingest`` does, one ingest at a time per server process; a document is named by the uploaded
file's name or the address it came from."""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile

from warmonitor.errors import ConfigurationError
from warmonitor.pipeline import ingest_paths, load_nlp
from warmonitor.web.auth import ANALYST, Principal, audit, store_of
from warmonitor.web.fetch import FetchLimits, fetch
from warmonitor.web.schemas import ErrorOut, FailureOut, IngestOut, UrlIngestIn

router = APIRouter(prefix="/api/ingest", tags=["ingest"])
Analyst = Annotated[Principal, Depends(ANALYST)]

MAX_FILES = 50
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _safe_name(name: str, n: int) -> str:
    """A file name that cannot leave its folder, keeping the extension that picks a reader."""
    base = _UNSAFE.sub("_", Path(name).name).strip("._") or "upload"
    return f"{n:03d}-{base[-100:]}"


def _ingest(
    request: Request,
    items: list[tuple[Path, str, str | None]],
    *,
    published: date | None,
    publisher: str | None,
    limits: FetchLimits,
    failures: list[FailureOut],
) -> IngestOut:
    """Ingest each (path, source, default url) of ``items``; ``failures`` are those met
    before (files too large, addresses that could not be fetched)."""
    out = IngestOut(
        files=len(failures), documents_new=0, documents_seen=0, claims_added=0, failures=failures
    )
    with request.app.state.ingest_lock:
        for path, source, url in items:
            report = ingest_paths(
                [path],
                store_of(request),
                published=published,
                publisher=publisher,
                url=url,
                max_bytes=limits.max_bytes,
                nlp=load_nlp(),
                sources={path: source},
            )
            out.files += report.files
            out.documents_new += report.documents_new
            out.documents_seen += report.documents_seen
            out.claims_added += report.claims_added
            out.failures.extend(
                FailureOut(source=f.source, reason=f.reason) for f in report.failures
            )
    return out


@router.post(
    "/files",
    status_code=201,
    summary="Ingest uploaded files (text, HTML, RSS/Atom, JSON Lines)",
    response_model=IngestOut,
    responses={400: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)
def ingest_files(
    request: Request,
    principal: Analyst,
    files: Annotated[list[UploadFile], File(description="The files; their names pick the reader.")],
    published: Annotated[date | None, Form(description="Default publication date.")] = None,
    publisher: Annotated[str | None, Form(max_length=200)] = None,
) -> IngestOut:
    """A file that cannot be read (binary, empty, not UTF-8, too large, malformed) is named
    in ``failures`` with the reason; the others are ingested."""
    if len(files) > MAX_FILES:
        raise ConfigurationError(f"at most {MAX_FILES} files at once, got {len(files)}")
    limits: FetchLimits = request.app.state.fetch_limits
    failures: list[FailureOut] = []
    with tempfile.TemporaryDirectory(prefix="warmonitor-upload-") as folder:
        items: list[tuple[Path, str, str | None]] = []
        for n, upload in enumerate(files):
            name = upload.filename or f"upload-{n}"
            body = upload.file.read(limits.max_bytes + 1)
            if len(body) > limits.max_bytes:
                reason = f"larger than {limits.max_bytes} bytes"
                failures.append(FailureOut(source=f"upload:{name}", reason=reason))
                continue
            path = Path(folder) / _safe_name(name, n)
            path.write_bytes(body)
            items.append((path, f"upload:{name}", None))
        out = _ingest(
            request,
            items,
            published=published,
            publisher=publisher,
            limits=limits,
            failures=failures,
        )
    audit(request, "ingest", user=principal.user.name, target="files", detail=out.model_dump())
    return out


@router.post(
    "/urls",
    status_code=201,
    summary="Fetch addresses and ingest what they give",
    response_model=IngestOut,
    responses={400: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)
def ingest_urls(body: UrlIngestIn, request: Request, principal: Analyst) -> IngestOut:
    """Each address is fetched by the server (http or https; at most the size limit, within
    the timeout); one that fails is named in ``failures`` with the reason. An address is also
    the document's default ``url``."""
    limits: FetchLimits = request.app.state.fetch_limits
    failures: list[FailureOut] = []
    with tempfile.TemporaryDirectory(prefix="warmonitor-fetch-") as folder:
        items: list[tuple[Path, str, str | None]] = []
        for n, url in enumerate(dict.fromkeys(body.urls)):
            got = fetch(url, Path(folder), f"{n:03d}", limits)
            if got.path is None:
                failures.append(FailureOut(source=url, reason=got.problem or "failed"))
            else:
                items.append((got.path, url, url))
        out = _ingest(
            request,
            items,
            published=body.published,
            publisher=body.publisher,
            limits=limits,
            failures=failures,
        )
    audit(request, "ingest", user=principal.user.name, target="urls", detail=out.model_dump())
    return out
