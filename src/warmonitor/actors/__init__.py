"""The registry of actors: who speaks in reports, whatever words a report uses for them.

One claimant is one :class:`Actor` across all reports: "the Syrian Observatory for Human
Rights", "SOHR", "the Britain-based monitor" and "Rami Abdel Rahman" resolve to the same one.
The registry ships in ``data/actors.json`` (monitors, ministries, UN bodies, armed groups, news
outlets) and takes corrections at run time. Armed groups and forces carry ``armed`` (their
perpetrator kind, home and spellings), which the perpetrator search of ``extract.violations``
reads. Pure: nothing is read but that file.

>>> registry = ActorRegistry.default()
>>> registry.resolve("SOHR").actor.name
'Syrian Observatory for Human Rights'
>>> registry.resolve("the health ministry in Gaza").actor.id
'gaza-health-ministry'
>>> describe("medics").kind, is_outlet("Reuters"), is_fragment("and the")
('medical', True, True)
"""

from warmonitor.actors.actor import MATCH_HOWS, Actor, Armed, Description, MatchHow, Resolution
from warmonitor.actors.corrections import CORRECTIONS, Correction, apply_corrections, find_actor
from warmonitor.actors.descriptions import describe
from warmonitor.actors.fragments import is_fragment
from warmonitor.actors.learning import learn_aliases
from warmonitor.actors.names import normalise_name
from warmonitor.actors.outlets import is_outlet
from warmonitor.actors.registry import ActorRegistry
from warmonitor.actors.roles import same_role

__all__ = [
    "CORRECTIONS",
    "MATCH_HOWS",
    "Actor",
    "ActorRegistry",
    "Armed",
    "Correction",
    "Description",
    "MatchHow",
    "Resolution",
    "apply_corrections",
    "describe",
    "find_actor",
    "is_fragment",
    "is_outlet",
    "learn_aliases",
    "normalise_name",
    "same_role",
]
