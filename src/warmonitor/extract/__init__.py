"""Text to claims: the extractor (domain core, no I/O).

Sub-packages, each with its public face in its ``__init__``:

- ``counts``: the count grammar (``find_counts``, ``CountMention``);
- ``figures``: the figures of one sentence (``find_figures``, ``Figure``);
- ``headline``: the figures of a document's main incident (``headline``, ``Counting``).

Modules at this level: ``claims`` (a document's claims: ``extract_claims``, ``Extraction``),
``component`` (the spaCy adapter), ``claimants``, ``dates``, ``places``, ``hedges``,
``lexicon``, ``numbers`` (numbers as written, shared by counts, dates, figures and headline),
``outcomes`` (triggers and binding) and ``victims``.

This module imports nothing, so that importing one sub-package loads only what it needs.
"""
