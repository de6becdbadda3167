"""The spaCy component on its own: nlp.add_pipe("warmonitor_casualties")."""

from __future__ import annotations

from datetime import date

import spacy

import warmonitor.extract.component  # noqa: F401  (also registered by the entry point)


def test_component_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("warmonitor_casualties", config={"geocode": False})
    doc = nlp.make_doc("Five people were killed on Tuesday, police said. Nine were wounded.")
    doc._.published = date(2024, 5, 2)
    doc = nlp(doc)
    claims = doc._.casualty_claims
    assert [(c.outcome, c.count.low) for c in claims] == [("killed", 5), ("injured", 9)]
    assert claims[0].claimant.name == "police"
    assert claims[0].period is not None and claims[0].period.start == date(2024, 4, 30)
    assert claims[0].place is None  # geocoding switched off
    spans = doc.spans["casualty_figures"]
    assert [(s.text, s.label_) for s in spans] == [("Five", "killed"), ("Nine", "injured")]
    assert doc.ents == ()  # never touched


def test_component_without_sentence_boundaries_splits_itself() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("warmonitor_casualties")
    doc = nlp("Gunmen killed 12 villagers near Kano. Police arrested 3 suspects.")
    assert [(c.outcome, c.count.low) for c in doc._.casualty_claims] == [
        ("killed", 12),
        ("detained", 3),
    ]
    assert doc._.casualty_claims[0].place is not None
    assert doc._.casualty_claims[0].place.country == "NG"
