"""Named and titled single victims, and list conjuncts around them (invented sentences)."""

from __future__ import annotations

import pytest

from warmonitor.extract.figures import find_figures


def _killed(sentence: str) -> int:
    """The killed figures of a sentence, added up as the headline adds parts with no total."""
    figures = [f for f in find_figures(sentence) if f.outcome == "killed"]
    return sum(f.count.low for f in figures if f.part_of is None)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a name or a title before a relative clause, an apposition or an age
        ("Omar Said, who ran for the town council last year, was gunned down.", 1),
        ("Veteran radio reporter Jane Roe, who also held a French passport, was shot dead.", 1),
        ("Jan Novak, the party's candidate for mayor, was shot and died in hospital.", 1),
        ("The dean of the law school, Dr Peter Brown, was on Monday, killed by robbers.", 1),
        ("Farm manager Luis Ortega, 52, was shot dead near his fields.", 1),
        ("Judge Omar Said was last night killed at his home.", 1),
        ("Omar al-Rashid, who led the union, was killed in the capital.", 1),
        # possessives, reported passives, brackets, 'lost his life', titled 'died'
        ("Local candidate John Roe's brother has been killed by unknown attackers.", 1),
        ("The senior elder of the clan is reported to have been killed near the river.", 1),
        ("After a raid in [northern] Springfield on Friday, a village elder lost his life.", 1),
        ("A [local?] village elder was shot dead outside his home.", 1),
        ("Town mayor Jan Novak has died of his wounds in hospital.", 1),
        # objects: a pronoun, a bare title, a name with a title, adverbials before the object
        ("Robbers broke into the house of the village headman and shot him dead.", 1),
        ("Attackers entered the judge's home, shooting him dead and wounding his nephew.", 1),
        ("Masked men shot and killed teacher Maria Lopez outside the school.", 1),
        ("Raiders have killed headmaster of a primary school in the valley.", 1),
        ("Gunmen on a motorbike shot dead on Friday a local councillor in the town.", 1),
        ("Robbers have killed Dr. Tom Reed, a surgeon at the clinic.", 1),
        ("The gang admitted the stabbing to death of a shop owner.", 1),
        # 'wiped out' and 'the number of deaths'
        ("Nine people of one clan, of whom four were children, were wiped out.", 9),
        ("Officials said the number of deaths has remained at 14.", 14),
    ],
)
def test_named_and_titled_victims(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The blast went off, killing a mayor, the likely target, and six others.", 7),
        ("Raiders killed the village headman, Dr Tom Reed along with his son Sam.", 2),
        ("A night watchman, his wife and two children were gunned down.", 4),
        ("She has been killed in the north along with three other people.", 4),
        ("The judge was killed with his wife and three children.", 5),
        ("A trader was clubbed to death alongside his nephew at his shop.", 2),
        ("Raiders killed him and his whole family, a total of seven people.", 7),
        ("Raiders shot dead three nurses, their driver and guard.", 5),
        ("A clerk of the [anti-]fraud unit and a judge from the capital were killed.", 2),
        ("A farmer and a teacher from the village were killed.", 2),
        ("The reporter Jane Roe and her driver were shot dead.", 2),
        ("Rebels beheaded the deputy head of the northern district of Lowland and an aide.", 2),
        ("Robbers ambushed and killed police chief Tom Reed and his guard.", 2),
        ("Jan Novak, a young lawmaker, along with his partner, died after the attack.", 2),
        ("The pastor along with his wife and three children were killed.", 5),
        ("Six members of one clan were killed and two others wounded.", 6),
        ("A teacher and his son, members of the local choir were shot dead.", 2),
        ("A Green Party (GP) district chairman and a union worker were killed.", 2),
        ("Raiders shot dead a cook, guard and driver working for the mission.", 3),
        ("Raiders killed the head of the market, Dr Tom Reed and his brother.", 2),
        ("The night porter and his assistant were slaughtered inside the hall.", 2),
        ("Nine suspected poachers were at the weekend killed.", 9),
        ("Five women - two of them from one village - have been killed in the raid.", 5),
        ("A couple and their two sons, including a baby, were killed in the fire.", 4),
        ("Raiders killed the principal of the college along with his son and driver today.", 3),
    ],
)
def test_list_conjuncts(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_injured_companion_of_a_pronoun() -> None:
    figures = find_figures("Raiders stormed the farm, shooting him dead and wounding his son.")
    assert [(f.outcome, f.count.low) for f in figures] == [("killed", 1), ("injured", 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "No casualties.",
        "Supporters of Green Lives Matter marched through the town.",
        "Target killings went on as the campaign continued.",
        "Rebels wiped out the army's positions near the town.",
        "The raid which wiped out the rebels' meeting was heard across the valley.",
        "Omar Said, the police spokesman, said nobody was hurt.",
    ],
)
def test_no_named_victim(sentence: str) -> None:
    assert _killed(sentence) == 0


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a pronoun after a counted killing is the killer, or a victim again
        ("A guard opened fire, killing four of his colleagues before police shot him dead.", 4),
        # one person with two titles
        ("Raiders killed the former treasurer of the town and former head of the club.", 1),
        ("Raiders killed a village elder and member of the council in the valley.", 1),
        # the companions of the killers, or of a weapon
        ("The army alongside a local militia has killed some 40 fighters.", 40),
        ("He was killed by raiders along with their leader.", 1),
        ("The guard was killed with a knife.", 1),
        # a named speaker or killer
        ("Omar Said, the police spokesman, said a guard was killed.", 1),
        ("Jan Novak, who led the raiders, was arrested after he killed a guard.", 1),
    ],
)
def test_no_extra_victim(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_place_after_a_name_is_no_victim() -> None:
    sentence = "Omar Said, the governor of Lowland, Utopia, was killed along with four guards."
    figures = [f for f in find_figures(sentence) if f.outcome == "killed"]
    assert all("Utopia" not in f.victims.text for f in figures)
