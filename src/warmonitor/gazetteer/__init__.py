"""Offline gazetteer: GeoNames places, admin areas and countries, with alternate names.

Everything is read from ``data/gazetteer.sqlite`` (built by ``scripts/build_gazetteer.py``; GeoNames
data, CC-BY 4.0, see ``data/ATTRIBUTION.md``) with the standard library's ``sqlite3``; nothing is
ever fetched at run time.

>>> gaz = Gazetteer.default()
>>> gaz.lookup("Jebleh")[0].country
'SY'
>>> gaz.country("Nigerian").iso2
'NG'
"""

from warmonitor.gazetteer.core import Gazetteer
from warmonitor.gazetteer.entries import CountryEntry, GazetteerEntry, PlaceMention
from warmonitor.gazetteer.normalise import name_key, skeleton_key

__all__ = [
    "CountryEntry",
    "Gazetteer",
    "GazetteerEntry",
    "PlaceMention",
    "name_key",
    "skeleton_key",
]
