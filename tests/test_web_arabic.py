"""The desk shows an Arabic report right to left with its evidence highlighted: the document,
its claim and the review queue (a report written for this test, uploaded through the API)."""

from __future__ import annotations

import re

from test_web_pages import browser
from web_support import Api

REPORT = (
    "قصف على ريف إدلب\n\n"
    "قتل ٤ مدنيين بينهم طفلان بقصف مدفعي على بلدة في ريف إدلب الجنوبي، وفق الدفاع المدني السوري.\n"
)
ENGLISH = "Shelling kills 3 in Idlib\n\nShelling killed 3 people in Idlib on Monday.\n"


def test_arabic_report_is_shown_right_to_left_with_its_figure_marked(api: Api) -> None:
    for name, text in (("ar.txt", REPORT), ("en.txt", ENGLISH)):
        files = [("files", (name, text.encode(), "text/plain"))]
        response = api.post("/api/ingest/files", files=files, data={"published": "2024-03-05"})
        assert response.status_code == 201, response.text
    documents = {d["source"]: d for d in api.json("/api/documents")["items"]}
    arabic, english = documents["upload:ar.txt"], documents["upload:en.txt"]
    client = browser(api, "viewer")

    page = client.get(f"/documents/{arabic['id']}").text
    paragraph = re.search(r'<p dir="auto" lang="ar">(<mark class="claim".*?)</p>', page, re.S)
    assert paragraph is not None
    assert "<strong>٤</strong>" in paragraph.group(1)  # the figure, inside its claim's mark
    assert '<mark class="claim"' in paragraph.group(1)
    assert "<bdi>٤</bdi>" in page  # the figure's words isolated in the left-to-right list

    claims = api.json("/api/claims", document_id=arabic["id"])["items"]
    total = next(c["claim"] for c in claims if c["claim"]["count"]["low"] == 4)
    page = client.get(f"/claims/{total['id']}").text
    quote = re.search(r'<blockquote class="sentence" dir="auto" lang="ar">(.*?)</blockquote>', page)
    assert quote is not None and "<mark>٤</mark>" in quote.group(1)
    assert "مدنيين" in quote.group(1)  # UTF-8, not escaped away

    page = client.get("/review").text
    assert re.search(r'<p class="sentence" dir="auto" lang="ar">[^<]*<mark>٤</mark>', page)

    page = client.get(f"/documents/{english['id']}").text
    assert 'lang="ar"' not in page and '<p dir="auto">' in page
