"""What was done, by whom, to whom: violation types, perpetrators, victims' identity.

The public face: :func:`describe` (a report's :class:`Profile`), :func:`annotate` (each claim's
share of it), :func:`dataset_labels` (ACLED's and PITF's labels from the taxonomy's mapping) and
the taxonomy itself (:data:`KINDS`, :func:`kind`). Modules: ``taxonomy`` (the types and their
mappings), ``cues`` (the words that show them), ``classify`` (a text's types and main type),
``perpetrators``, ``identity``, ``profile``, ``labels``. Rules in ``docs/VIOLATIONS.md``.
"""

from __future__ import annotations

from warmonitor.extract.violations.classify import Reading, classify
from warmonitor.extract.violations.labels import PERPETRATOR_ROLES, dataset_labels
from warmonitor.extract.violations.perpetrators import PERPETRATOR_KINDS
from warmonitor.extract.violations.profile import Profile, annotate, describe
from warmonitor.extract.violations.taxonomy import KINDS, Kind, kind

__all__ = [
    "KINDS",
    "PERPETRATOR_KINDS",
    "PERPETRATOR_ROLES",
    "Kind",
    "Profile",
    "Reading",
    "annotate",
    "classify",
    "dataset_labels",
    "describe",
    "kind",
]
