"""Arabic reports read natively into the claim contract (no translation, no model).

Face: :func:`is_arabic` / :func:`language_of` (the script rule), :func:`extract_arabic` (a
document's :class:`~warmonitor.extract.claims.Extraction`), :func:`arabic_headline` (its main
incident's figures). Modules: ``script`` (language by script), ``text`` (folded text and its
offsets, sentences), ``numbers`` (digits and number words), ``lexicon`` (outcomes, victims,
qualifiers, hedges, attribution), ``figures`` (the figures of a sentence), ``dates`` (month names
of both series, weekdays), ``places`` (the gazetteer's Arabic names), ``claimants`` (the actor
registry's Arabic names), ``claims`` (the document), ``headline`` (its main incident).
"""

from warmonitor.extract.arabic.claims import extract_arabic
from warmonitor.extract.arabic.headline import arabic_headline
from warmonitor.extract.arabic.script import is_arabic, language_of

__all__ = ["arabic_headline", "extract_arabic", "is_arabic", "language_of"]
