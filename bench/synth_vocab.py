"""Words and sentence parts of the synthetic corpus (see synthetic.py).

Every capitalised word a template can put mid-sentence is either an actor
alias (BASE_ACTORS, or a generated person) or listed in NON_ACTOR_NAMES, so a
build of the corpus warns about nothing. No template holds a number (digits or
number words) except where the article's annotation codes it.
"""

from __future__ import annotations

from typing import NamedTuple


class Alias(NamedTuple):
    """A surface form of an actor, and how it starts a sentence when the actor speaks."""

    alias: str
    kind: str
    speaker: str


class BaseActor(NamedTuple):
    """An actor every corpus has, whatever its size."""

    id: str
    name: str
    type: str
    country: str | None
    parent: str | None
    description: str
    aliases: tuple[Alias, ...]


def words(text: str) -> tuple[str, ...]:
    """The words of ``text``."""
    return tuple(text.split())


def _a(alias: str, kind: str = "name", speaker: str | None = None) -> Alias:
    return Alias(alias, kind, speaker or alias)


BASE_ACTORS: tuple[BaseActor, ...] = (
    BaseActor(
        "united-states",
        "United States",
        "state",
        "USA",
        None,
        "The United States as a country.",
        (
            _a("United States", speaker="The United States"),
            _a("US", "abbreviation", "The US"),
            _a("U.S.", "abbreviation", "The U.S."),
        ),
    ),
    BaseActor("iraq", "Iraq", "state", "IRQ", None, "Iraq as a country.", (_a("Iraq"),)),
    BaseActor("iran", "Iran", "state", "IRN", None, "Iran as a country.", (_a("Iran"),)),
    BaseActor("syria", "Syria", "state", "SYR", None, "Syria as a country.", (_a("Syria"),)),
    BaseActor("israel", "Israel", "state", "ISR", None, "Israel as a country.", (_a("Israel"),)),
    BaseActor(
        "us-government",
        "Biden administration",
        "government",
        "USA",
        None,
        "The US executive.",
        (
            _a("Biden administration", speaker="The Biden administration"),
            _a("Washington", "metonym"),
            _a("White House", "metonym", "The White House"),
        ),
    ),
    BaseActor(
        "government-of-iraq",
        "Iraqi government",
        "government",
        "IRQ",
        None,
        "The Iraqi executive.",
        (_a("Iraqi government", speaker="The Iraqi government"), _a("Baghdad", "metonym")),
    ),
    BaseActor(
        "us-department-of-defense",
        "Department of Defense",
        "government_body",
        "USA",
        "us-government",
        "The US defence ministry.",
        (_a("Department of Defense", speaker="The Department of Defense"), _a("Pentagon", "metonym", "The Pentagon")),
    ),
    BaseActor(
        "us-department-of-state",
        "State Department",
        "government_body",
        "USA",
        "us-government",
        "The US foreign ministry.",
        (_a("State Department", speaker="The State Department"),),
    ),
    BaseActor(
        "us-national-security-council",
        "National Security Council",
        "government_body",
        "USA",
        "us-government",
        "The US president's council on security policy.",
        (_a("National Security Council", speaker="The National Security Council"),),
    ),
    BaseActor(
        "us-armed-forces",
        "US military",
        "armed_forces",
        "USA",
        None,
        "The armed forces of the United States.",
        (_a("US military", speaker="The US military"), _a("U.S. military", speaker="The U.S. military")),
    ),
    BaseActor(
        "us-central-command",
        "US Central Command",
        "armed_forces",
        "USA",
        "us-armed-forces",
        "The US command for the Middle East.",
        (_a("US Central Command"), _a("CENTCOM", "abbreviation")),
    ),
    BaseActor(
        "us-led-coalition",
        "Global Coalition to Defeat ISIS",
        "coalition",
        None,
        None,
        "The US-led coalition against the Islamic State.",
        (_a("coalition", "short_form", "The coalition"),),
    ),
    BaseActor(
        "islamic-state",
        "Islamic State",
        "armed_group",
        None,
        None,
        "The jihadist group.",
        (_a("Islamic State", speaker="The Islamic State"), _a("ISIS", "abbreviation")),
    ),
    BaseActor(
        "kataib-hezbollah",
        "Kataib Hezbollah",
        "armed_group",
        "IRQ",
        None,
        "An Iran-backed armed group in Iraq.",
        (_a("Kataib Hezbollah"),),
    ),
    BaseActor(
        "popular-mobilization-forces",
        "Popular Mobilization Forces",
        "armed_group",
        "IRQ",
        None,
        "An umbrella of Iraqi armed groups.",
        (_a("Popular Mobilization Forces", speaker="The Popular Mobilization Forces"),),
    ),
    BaseActor(
        "iraqi-parliament",
        "Iraqi parliament",
        "legislature",
        "IRQ",
        None,
        "The Council of Representatives of Iraq.",
        (_a("Iraqi parliament", speaker="The Iraqi parliament"),),
    ),
    BaseActor(
        "iraqi-security-forces",
        "Iraqi security forces",
        "armed_forces",
        "IRQ",
        None,
        "Iraq's armed forces.",
        (
            _a("Iraqi security forces", speaker="The Iraqi security forces"),
            _a("Iraqi military", speaker="The Iraqi military"),
        ),
    ),
    BaseActor(
        "iraq-ministry-of-foreign-affairs",
        "Ministry of Foreign Affairs of Iraq",
        "government_body",
        "IRQ",
        "government-of-iraq",
        "Iraq's foreign ministry.",
        (_a("foreign ministry", "short_form", "The foreign ministry"),),
    ),
)

US_PARENTS = ("us-department-of-defense", "us-department-of-state", "us-government", "us-armed-forces")
IRAQ_PARENTS = ("government-of-iraq", "iraq-ministry-of-foreign-affairs", "iraqi-security-forces", "iraqi-parliament")
TITLES: dict[str, tuple[str, ...]] = {
    "us-department-of-defense": ("Defense Secretary", "Press Secretary", "Deputy Defense Secretary"),
    "us-department-of-state": ("Deputy Secretary of State", "Spokesperson", "Ambassador"),
    "us-government": ("National Security Adviser", "Special Envoy"),
    "us-armed-forces": ("General", "Major General", "Lieutenant General"),
    "government-of-iraq": ("Prime Minister", "Government Spokesperson", "National Security Adviser"),
    "iraq-ministry-of-foreign-affairs": ("Foreign Minister", "Deputy Foreign Minister"),
    "iraqi-security-forces": ("Defense Minister", "Chief of Staff", "Brigadier General"),
    "iraqi-parliament": ("Speaker of Parliament", "Lawmaker"),
}

FIRST_NAMES = words(
    "Karim Hassan Ali Mustafa Omar Layla Noor Sara Yusuf Hadi Zainab Rania Tariq Samir Faisal Huda Ahmed Mariam "
    "Salim Dalia John Michael Sarah Emily David Laura Mark Susan James Rachel Daniel Karen Thomas Linda Robert "
    "Helen Peter Anne Steven Julia"
)
ARABIC_SURNAME = (
    words("Ka Ha Ra Sa Ja Ma Ta Na Da Za Ba Fa"),
    ("", *words("ri mu sha la ba di wa hi qa ya fi su ki ra")),
    words("dhimi shimi biei wani meri sadi tani jazi rawi haidi bayati lami kadhi mawi"),
)
ENGLISH_SURNAME = (
    words("Hal Mor Cal Ash Brad Del Fen Gar Har Kin Lind Mar Nor Pem Ros Stan Thorn Wal Whit Win Carl Dun Els Hol"),
    words("ver ring ton ley ford wick more by wood field ham dale bury stead well worth brook croft gate mond"),
    ("", "son", "s", "er"),
)

OUTLETS = (
    "Gulf Ledger",
    "Tigris Wire",
    "Capital Dispatch",
    "Levant Observer",
    "Desert Herald",
    "Atlantic Courier",
    "Euphrates Review",
    "Harbor Times",
    "Frontline Post",
    "Crescent Journal",
)
HEADLINES = (
    "Talks on the US military presence in Iraq enter a new phase",
    "Washington and Baghdad weigh the future of the coalition",
    "Iraq presses for a timeline on the American drawdown",
    "US and Iraq resume security talks amid regional tensions",
    "Pentagon signals a shift in the coalition mission",
    "Iraqi government under pressure over foreign troops",
    "Attacks on US forces cloud talks on the coalition",
    "Security partnership takes shape as talks continue",
)
PLACES: dict[str, str] = {
    "Erbil": "IRQ",
    "Amman": "JOR",
    "Doha": "QAT",
    "Geneva": "CHE",
    "Kuwait City": "KWT",
    "Anbar": "IRQ",
    "the Green Zone": "IRQ",
    "Tikrit": "IRQ",
    "Mosul": "IRQ",
    "Basra": "IRQ",
}
ATTACK_PLACES = ("Erbil", "Anbar", "Tikrit", "Mosul", "Basra")
MEETING_PLACES = ("Erbil", "Amman", "Doha", "Geneva", "Kuwait City", "the Green Zone")
NON_ACTOR_NAMES: tuple[str, ...] = (
    "American",
    "Iraqi",
    "Iranian",
    "Iran-backed",
    "Western",
    *(place.removeprefix("the ") for place in PLACES),
    *OUTLETS,
    *sorted({title for titles in TITLES.values() for title in titles}),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = words("January February March April May June July August September October November December")

# -- claims ------------------------------------------------------------------------------------

SUBJECTS: tuple[tuple[str, str], ...] = (
    ("the next round of talks", "talks"),
    ("the joint security dialogue", "talks"),
    ("the coalition mission", "coalition_mission"),
    ("the advisory mission", "coalition_mission"),
    ("the drawdown of American forces", "withdrawal"),
    ("the timeline for the withdrawal", "withdrawal"),
    ("the transition to a bilateral security partnership", "security_partnership"),
    ("the new security agreement", "security_partnership"),
    ("the American military presence", "troop_presence"),
    ("the wave of drone attacks", "attacks"),
    ("the government’s standing in parliament", "iraqi_politics"),
    ("Washington’s strategy in the region", "us_policy"),
    ("the legacy of the campaign against ISIS", "history"),
    ("the rivalry with Iran", "regional_tensions"),
)
VERBS: tuple[tuple[str, str, str | None], ...] = (
    ("will set out", "planned", "will"),
    ("will determine", "planned", "will"),
    ("would shape", "planned", "would"),
    ("is expected to clarify", "expected", "is expected to"),
    ("is likely to reshape", "expected", "is likely to"),
    ("could delay", "possible", "could"),
    ("might complicate", "possible", "might"),
    ("may change", "possible", "may"),
    ("has already altered", "asserted", None),
    ("depends on", "asserted", None),
    ("must address", "demanded", "must"),
    ("is meant to settle", "intended", "is meant to"),
)
OBJECTS = (
    "the future of American forces in Iraq",
    "the pace of the drawdown",
    "the role of coalition advisers",
    "the size of the American footprint",
    "security cooperation with Baghdad",
    "relations between Washington and Baghdad",
    "the fight against the Islamic State",
    "the protection of American personnel",
    "the balance of power in the region",
    "the mandate of the advisory mission",
    "the schedule for the handover of bases",
    "the training of the Iraqi security forces",
    "the response to attacks by Kataib Hezbollah",
    "the government’s ties with Iran",
)
MODIFIERS = (
    "",
    " in the coming months",
    " before the end of the year",
    " over the coming weeks",
    " within a matter of weeks",
    " for the foreseeable future",
    " despite the recent attacks",
    " after months of negotiation",
    " as the talks move forward",
    " by September",
)
REPORTED: tuple[tuple[str, str], ...] = (
    ("{s} said {c}.", "said"),
    ("{s} told reporters that {c}.", "told reporters"),
    ("According to {s}, {c}.", "According to"),
    ("{s} confirmed that {c}.", "confirmed"),
    ("{s} warned that {c}.", "warned"),
    ("{s} insisted that {c}.", "insisted"),
)
DIRECT: tuple[tuple[str, str], ...] = (
    ("“{C},” {s} said.", "said"),
    ("“{C},” {s} told reporters.", "told reporters"),
    ("“{C},” {s} added.", "added"),
)
ANONYMOUS = (
    "a senior US defence official",
    "officials familiar with the talks",
    "a Western diplomat",
    "an Iraqi official who asked not to be named",
    "sources close to the negotiations",
)
DOCUMENTS: tuple[tuple[str, str], ...] = (
    ("a State Department cable", "us-department-of-state"),
    ("a Pentagon memo", "us-department-of-defense"),
    ("a foreign ministry statement", "iraq-ministry-of-foreign-affairs"),
)
COMMENT_TOPICS = (
    "the talks",
    "the timeline",
    "the reports",
    "the details of the negotiations",
    "the future of the bases",
    "the latest attacks",
)

# -- figures, uncoded numbers, events ----------------------------------------------------------

NUMBER_WORDS = {
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    8: "eight",
    12: "twelve",
    20: "twenty",
    25: "twenty-five",
    40: "forty",
    350: "three hundred and fifty",
}
APPROXIMATE = ("roughly", "about", "approximately", "around", "some")
LOWER_BOUNDS = ("more than", "over")
TROOP_VALUES = (2500, 900, 3000, 2000, 1500, 350, 120, 40, 12, 8, 4000, 2200)
ATTACK_VALUES = (120, 150, 170, 60, 40, 25, 80)
TROOPS: tuple[tuple[str, str], ...] = (
    ("US troops", "us-armed-forces"),
    ("American soldiers", "us-armed-forces"),
    ("American service members", "us-armed-forces"),
    ("coalition advisers", "us-led-coalition"),
)
TROOP_PLACES = (("Iraq", "IRQ"), ("Syria", "SYR"), ("Erbil", "IRQ"), ("Anbar", "IRQ"))
UNCODED: tuple[tuple[str, str, str], ...] = (
    ("The review weighs three key factors.", "three key factors", "not_about_forces"),
    ("Militias hold about a third of the border crossings.", "a third of the border crossings", "ordinal"),
    ("The prime minister is seeking a second term.", "a second term", "ordinal"),
    ("The two-year review ended without a deal.", "two-year review", "duration"),
    ("The 2014–2017 campaign left deep scars.", "2014–2017 campaign", "period_name"),
)
NOT_MENTIONS = (
    "Traffic slowed in the streets of Baghdad as the officials met.",
    "Checkpoints multiplied across Baghdad during the visit.",
    "Residents of Baghdad watched the talks closely.",
)
EVENT_TYPES: dict[str, tuple[str | None, str | None, str, str]] = {
    # type: (PLOVER event, PLOVER mode, past-tense template, noun phrase for a planned mention)
    "talks": ("CONSULT", None, "{a} held talks with {b} in {place}", "talks"),
    "agreement": ("AGREE", None, "{a} and {b} agreed to form a joint committee in {place}", "an agreement"),
    "announcement": ("AGREE", None, "{a} announced a review of the coalition mission", "an announcement"),
    "statement": (None, None, "{a} briefed reporters in {place}", "a briefing"),
    "review": ("CONSULT", None, "{a} completed a review of the advisory mission with {b}", "a review"),
    "attack": ("ASSAULT", None, "a drone attack struck a base near {place}", ""),
    "airstrike": ("ASSAULT", None, "US aircraft struck a militia depot near {place}", ""),
    "withdrawal": ("RETREAT", "withdraw", "{a} began moving troops out of {place}", "a withdrawal"),
}
EVENT_ROLES: dict[str, tuple[str, str]] = {
    "talks": ("participant", "participant"),
    "agreement": ("source", "source"),
    "announcement": ("source", "target"),
    "statement": ("source", "target"),
    "review": ("source", "participant"),
    "attack": ("claimant", "target"),
    "airstrike": ("source", "target"),
    "withdrawal": ("source", "target"),
}
PROPOSITIONS: dict[str, tuple[str, ...]] = {
    "troop_presence": ("About {n} US troops are in Iraq.", "US forces will stay in Iraq in an advisory role."),
    "withdrawal": ("The coalition will leave Iraq by {season} {year}.", "Iraq wants a timeline for the drawdown."),
    "talks": ("The talks resumed in {season} {year}.", "The talks cover the future of the coalition."),
    "security_partnership": ("The talks aim at a bilateral security partnership.",),
    "coalition_mission": ("The coalition mission against ISIS is ending.",),
    "attacks": ("Attacks on US forces rose during {season} {year}.",),
    "iraqi_politics": ("The Iraqi government is under domestic pressure over US troops.",),
    "us_policy": ("Washington does not intend to withdraw.",),
    "regional_tensions": ("Iran-backed groups seek to push US forces out.",),
    "history": ("The coalition was formed to fight ISIS.",),
}
