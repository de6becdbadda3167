"""An Arabic and an English report of one event join one incident, and a claimant's series runs
across both languages: ingested into a real store and reconciled as the faces do.

The reports are invented for this test (a strike on Sarmada, real place)."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language

from warmonitor.pipeline import ingest_paths
from warmonitor.reconcile_service import current_incidents
from warmonitor.store import Store

ENGLISH = (
    "Air strikes on the town of Sarmada in Idlib province killed 12 civilians on Monday, "
    "the Syrian Observatory for Human Rights said. The Britain-based monitor said the dead "
    "included four children."
)
ARABIC = (
    "ارتفاع حصيلة القتلى في سرمدا\n"
    "قال المرصد السوري لحقوق الإنسان إن حصيلة القتلى ارتفعت إلى 15 مدنياً جراء الغارات "
    "الجوية على بلدة سرمدا بريف إدلب الشمالي يوم الاثنين."
)


def test_arabic_and_english_reports_join_one_incident(tmp_path: Path, nlp: Language) -> None:
    reports = tmp_path / "reports.jsonl"
    rows = [
        {"id": "en-1", "text": ENGLISH, "published": "2024-05-06", "publisher": "Wire"},
        {"id": "ar-1", "text": ARABIC, "published": "2024-05-07", "publisher": "Local site"},
    ]
    reports.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    with Store.open(f"sqlite:///{tmp_path / 'w.db'}") as store:
        report = ingest_paths([reports], store, nlp=nlp)
        assert report.documents_new == 2 and not report.failures
        result = current_incidents(store)
        killed = [i for i in result.incidents if i.tally("killed", "civilians") is not None]
        assert len(killed) == 1
        (incident,) = killed
        assert len(incident.document_ids) == 2
        tally = incident.tally("killed", "civilians")
        assert tally is not None
        sohr = next(s for s in tally.sources if s.claimant == "Syrian Observatory for Human Rights")
        # one claimant, two languages: 12 on Monday in English, 15 the next day in Arabic
        assert sohr.count.best == 15
        assert len(sohr.superseded) == 1
        superseded = result.claims[sohr.superseded[0]]
        assert superseded.count.best == 12
