"""Place words in actor mentions: the country or territory a name's modifier points at.

"Gaza's health ministry", "the Hamas-run health ministry" and "the Syrian army" each carry a
place word. :func:`find_places` reads them from a normalised mention; a place key is the ISO
alpha-2 code for a country ("SY") or a lowercase territory ("gaza") within one, so a territory
(the more specific) can be preferred over its country.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PLACE_WORDS", "Place", "find_places"]


@dataclass(frozen=True, slots=True)
class Place:
    """A place word's reading: ``key`` ("gaza" or "PS") and the ``country`` it lies in."""

    key: str
    country: str
    start: int  # token index in the mention
    end: int

    @property
    def territory(self) -> bool:
        """True for a place inside a country (a key that is not the country code)."""
        return self.key != self.country


def _countries(spec: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for line in spec.strip().splitlines():
        code, words = line.split(":")
        for word in words.split(","):
            out[word.strip()] = (code.strip(), code.strip())
    return out


#: Normalised place words (names, demonyms, capitals) → (key, country).
PLACE_WORDS: dict[str, tuple[str, str]] = {
    **_countries("""
        SY: syria, syrian, syrians, damascus
        IQ: iraq, iraqi, baghdad
        YE: yemen, yemeni
        SD: sudan, sudanese, khartoum
        SS: south sudan, south sudanese, juba
        AF: afghanistan, afghan, kabul
        NG: nigeria, nigerian, abuja
        SO: somalia, somali, mogadishu
        ML: mali, malian, bamako
        BF: burkina faso, burkinabe, burkina, ouagadougou
        ET: ethiopia, ethiopian, addis ababa
        MM: myanmar, burma, burmese, naypyitaw
        CD: congo, congolese, drc, kinshasa
        LY: libya, libyan, benghazi
        LB: lebanon, lebanese, beirut
        IL: israel, israeli, israelis
        PS: palestine, palestinian, palestinians
        UA: ukraine, ukrainian, ukrainians, kyiv
        RU: russia, russian, russians, moscow
        IR: iran, iranian, tehran
        TR: turkey, turkish, turkiye, ankara
        PK: pakistan, pakistani, islamabad
        IN: india, indian
        EG: egypt, egyptian, cairo
        SA: saudi, saudi arabia, riyadh
        JO: jordan, jordanian, amman
        GB: britain, british, uk, london
        US: us, american, america, washington
        FR: france, french, paris
        DE: germany, german, berlin
        CN: china, chinese, beijing
    """),
    "gaza": ("gaza", "PS"),
    "gaza strip": ("gaza", "PS"),
    "hamas run": ("gaza", "PS"),
    "hamas controlled": ("gaza", "PS"),
    "hamas led": ("gaza", "PS"),
    "hamas": ("gaza", "PS"),
    "ramallah": ("ramallah", "PS"),
    "west bank": ("ramallah", "PS"),
    "palestinian authority": ("ramallah", "PS"),
    "houthi": ("houthi", "YE"),
    "houthi run": ("houthi", "YE"),
    "houthi controlled": ("houthi", "YE"),
    "houthi led": ("houthi", "YE"),
    "sanaa": ("houthi", "YE"),
    "sanaa based": ("houthi", "YE"),
    "taliban run": ("AF", "AF"),
    "taliban": ("AF", "AF"),
}
_LONGEST = max(len(w.split()) for w in PLACE_WORDS)


def find_places(tokens: list[str] | tuple[str, ...]) -> list[Place]:
    """The place words in a tokenised normalised mention, longest first at each position,
    territories before countries."""
    found: list[Place] = []
    i = 0
    while i < len(tokens):
        for n in range(min(_LONGEST, len(tokens) - i), 0, -1):
            hit = PLACE_WORDS.get(" ".join(tokens[i : i + n]))
            if hit:
                found.append(Place(hit[0], hit[1], i, i + n))
                i += n
                break
        else:
            i += 1
    return sorted(found, key=lambda p: not p.territory)
