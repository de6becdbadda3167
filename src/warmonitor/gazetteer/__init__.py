"""Offline gazetteer: GeoNames places, admin areas and countries, with alternate names.

Everything is read from ``data/gazetteer.sqlite`` (built by ``scripts/build_gazetteer.py``; GeoNames
data, CC-BY 4.0, see ``data/ATTRIBUTION.md``) with the standard library's ``sqlite3``; nothing is
ever fetched at run time.

>>> gaz = Gazetteer.default()
>>> gaz.lookup("Jebleh")[0].country
'SY'
>>> gaz.country("Nigerian").iso2
'NG'
>>> text = "Shelling hit Granada (Andalucia)."
>>> [r.entry.country for r in resolve(text, gaz.scan(text, max_candidates=None)).mentions]
['ES', 'ES']
"""

from warmonitor.gazetteer.core import Gazetteer
from warmonitor.gazetteer.entries import CountryEntry, GazetteerEntry, PlaceMention
from warmonitor.gazetteer.normalise import name_key, skeleton_key
from warmonitor.gazetteer.resolve import Resolution, Resolved, resolve

__all__ = [
    "CountryEntry",
    "Gazetteer",
    "GazetteerEntry",
    "PlaceMention",
    "Resolution",
    "Resolved",
    "name_key",
    "resolve",
    "skeleton_key",
]
