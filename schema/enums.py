"""Controlled vocabularies of the release, each value with a one-line meaning.

Every enum here is a ``str`` enum whose members carry a ``meaning``; the
codebook, the Frictionless ``constraints.enum`` and the Arrow dictionaries are
all generated from these classes.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class DescribedEnum(StrEnum):
    """A string enum whose every value carries a one-line meaning."""

    meaning: str

    def __new__(cls, value: str, meaning: str) -> DescribedEnum:
        """Create a member from its value and its one-line meaning."""
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member

    def __str__(self) -> str:
        """Return the bare value, as written in the tables."""
        return str(self.value)

    @classmethod
    def values(cls) -> list[str]:
        """All values, in declaration order."""
        return [member.value for member in cls]

    @classmethod
    def of(cls, value: str) -> Self:
        """The member whose value is ``value``: ``Quantity.of("bases")`` (``Quantity("bases")`` as a typed call).

        Raises:
            ValueError: no member has that value.
        """
        for member in cls:
            if member.value == value:
                return member
        raise ValueError(f"{value!r} is not a valid {cls.__name__}")


class DatePrecision(DescribedEnum):
    """How finely a date is known."""

    DAY = "day", "The exact day is known."
    WEEK = "week", "Only the calendar week (Monday to Sunday) is known."
    MONTH = "month", "Only the month is known."
    SEASON = "season", "Only the season is known (northern hemisphere meteorological seasons)."
    YEAR = "year", "Only the year is known."


class DateBasis(DescribedEnum):
    """Where a date comes from."""

    STATED = "stated", "The article states the date in full (day, month or year as precise as recorded)."
    RELATIVE = (
        "relative",
        (
            "The article gives a relative or partial date ('on Monday', 'last week', 'Jan. 6') "
            "resolved against that article's publication date."
        ),
    )
    INFERRED = "inferred", "Reasoned from the article's content; the reasoning is in the note column."
    OUTSIDE_KNOWLEDGE = (
        "outside_knowledge",
        ("Taken from outside the articles; the note column says what and from where."),
    )


class SourceFlagKind(DescribedEnum):
    """A quality observation about an article."""

    BOILERPLATE = "boilerplate", "Site furniture in the text: navigation, tags, image names, 'Related' links."
    STRAY_HEADING = "stray_heading", "A heading or fragment that belongs to no paragraph of the story."
    MACHINE_TEXT_DISCLAIMER = (
        "machine_text_disclaimer",
        ("A sentence that reads as the output of a text generator rather than a newsroom."),
    )
    SPUN_TEXT = "spun_text", "Wording that looks machine-paraphrased: synonyms swapped into fixed phrases."
    NAME_INCONSISTENCY = "name_inconsistency", "The same person or body is spelled in two ways in one article."
    NAME_MISSPELLING = "name_misspelling", "A name spelled unlike the usual form in the other articles."
    REWRITE_OF_OTHER_OUTLET = (
        "rewrite_of_other_outlet",
        ("The article retells another outlet's reporting, which it names."),
    )
    SHARES_STORY_WITH_SOURCE = (
        "shares_story_with_source",
        (
            "The article retells the same underlying story as another article of the corpus "
            "(related_source_id), sentence by sentence; the two are not independent."
        ),
    )
    INTERNAL_CONTRADICTION = "internal_contradiction", "The article contradicts itself."


class Language(DescribedEnum):
    """Language of an article (BCP 47 tag)."""

    EN = "en", "English."


class ActorType(DescribedEnum):
    """What kind of actor a registry entry is."""

    PERSON = "person", "A named individual."
    STATE = "state", "A country as a whole, named by its name ('Iraq', 'the United States')."
    GOVERNMENT = (
        "government",
        (
            "A national executive as a whole ('the Biden administration', 'the Iraqi government'), "
            "also where a capital stands for it ('Washington', 'Baghdad')."
        ),
    )
    GOVERNMENT_BODY = (
        "government_body",
        ("A ministry, department, office or council within a government (the Pentagon, the State Department)."),
    )
    LEGISLATURE = "legislature", "A parliament or congress."
    ARMED_FORCES = "armed_forces", "A state's armed forces, a service or a command (US Central Command)."
    ARMED_GROUP = "armed_group", "A non-state armed group or militia."
    COALITION = "coalition", "A multinational military coalition."
    POLITICAL_GROUP = "political_group", "A party, bloc or faction."
    MEDIA_OUTLET = "media_outlet", "A news organisation."
    JOINT_BODY = (
        "joint_body",
        "A body set up by or for talks between governments (a commission, committee, working group or dialogue).",
    )
    DELEGATION = "delegation", "The party a government sends to a round of talks ('the Iraqi delegation')."
    UNIDENTIFIED = (
        "unidentified",
        (
            "A party the article does not name ('sources familiar with the matter', 'a senior US defence "
            "official', 'three service-members'): one actor per description, its id 'unidentified-' and the "
            "description without articles or numbers."
        ),
    )


class AliasKind(DescribedEnum):
    """How a surface form relates to the actor's canonical name."""

    NAME = "name", "The full name, or the name as an article writes it in full."
    SHORT_FORM = "short_form", "A shortened name ('al-Sudani', 'Ryder')."
    ABBREVIATION = "abbreviation", "An abbreviation or acronym ('CENTCOM', 'U.S.')."
    SPELLING_VARIANT = "spelling_variant", "Another spelling of the name ('Mohamed' for 'Mohammed')."
    METONYM = "metonym", "A place or building standing for the actor ('Washington', 'the Pentagon')."


class AttributionKind(DescribedEnum):
    """How the article attributes a claim."""

    DIRECT_QUOTE = "direct_quote", "The speaker's words in quotation marks."
    REPORTED_SPEECH = "reported_speech", "A named speaker's statement paraphrased ('X said that ...')."
    ANONYMOUS = "anonymous", "An unnamed speaker ('a senior US defence official', 'sources familiar with the matter')."
    DOCUMENT = "document", "A document rather than a person ('a State Department cable')."
    UNATTRIBUTED = "unattributed", "The article's own voice: no speaker is given."


class Modality(DescribedEnum):
    """How firmly, and in what mood, a claim is put."""

    ASSERTED = "asserted", "Stated as fact."
    EXPECTED = "expected", "Stated as expected or anticipated ('are expected to', 'anticipates')."
    INTENDED = "intended", "Stated as an intention or wish of an actor ('intends to', 'desire for')."
    PLANNED = "planned", "Stated as scheduled or decided for the future ('was scheduled to', 'will')."
    POSSIBLE = "possible", "Stated as possible or uncertain ('might', 'could', 'it is unclear if')."
    DEMANDED = "demanded", "Stated as a demand or call on another actor."
    DENIED = "denied", "The speaker denies the content."
    DECLINED_TO_COMMENT = "declined_to_comment", "The speaker declined or opted not to comment."
    DID_NOT_RESPOND = "did_not_respond", "The speaker did not respond to a request for comment."


class Topic(DescribedEnum):
    """What a claim or proposition is about."""

    TROOP_PRESENCE = "troop_presence", "The size, place or role of US forces in Iraq (and Syria)."
    WITHDRAWAL = "withdrawal", "Whether, when and how US or coalition forces leave."
    TALKS = "talks", "The US-Iraq talks themselves: when, who, format, agenda."
    SECURITY_PARTNERSHIP = "security_partnership", "The future bilateral security relationship."
    COALITION_MISSION = "coalition_mission", "The mission of the US-led coalition against ISIS."
    ATTACKS = "attacks", "Attacks on US forces and US strikes."
    REGIONAL_TENSIONS = "regional_tensions", "Iran, its allied groups, the Gaza war and the wider region."
    IRAQI_POLITICS = "iraqi_politics", "Iraqi domestic politics and pressures on the Iraqi government."
    US_POLICY = "us_policy", "US aims and policy in Iraq and the region."
    HISTORY = "history", "Earlier events given as background."


class Stance(DescribedEnum):
    """How a claim bears on a proposition."""

    SUPPORTS = "supports", "The claim states the proposition (or something that entails it)."
    CONTRADICTS = "contradicts", "The claim states something incompatible with the proposition."
    QUALIFIES = "qualifies", "The claim agrees in part but adds a condition, a different figure or a caveat."


class TensionKind(DescribedEnum):
    """What kind of disagreement a tension is (see docs/CODING.md, 'Tensions')."""

    CONTRADICTION = (
        "contradiction",
        "Two statements of fact that cannot both be true, told by different articles or different speakers.",
    )
    INTERNAL_INCONSISTENCY = (
        "internal_inconsistency",
        (
            "An article's own wording does not hold together: a headline or lead says more than its body, "
            "or a paraphrase says more than the quote or document it reports."
        ),
    )
    FRAMING_DIFFERENCE = (
        "framing_difference",
        "The same matter told so that readers would draw different conclusions, no single fact contradicted.",
    )
    NAMING_VARIANT = (
        "naming_variant",
        "One person, body or thing named or spelled in different ways.",
    )
    ATTRIBUTION_DISTORTION = (
        "attribution_distortion",
        (
            "One statement given to another speaker, stripped of its speaker, or said to say more "
            "than the speaker is elsewhere reported to have said."
        ),
    )
    PRECISION_DIFFERENCE = (
        "precision_difference",
        "One fact told with a different precision or hedge ('December 2021' and 'the end of 2021'); not a conflict.",
    )


class TensionScope(DescribedEnum):
    """Whether a tension lies inside one article or between articles."""

    WITHIN_ARTICLE = "within_article", "Every side's evidence is in one article."
    BETWEEN_ARTICLES = "between_articles", "The evidence comes from two or more articles."


class Side(DescribedEnum):
    """Which side of a tension a piece of evidence is on."""

    A = "a", "The first side (the statement the other side is set against)."
    B = "b", "The second side."


class Quantity(DescribedEnum):
    """What a force figure counts."""

    PERSONNEL = "personnel", "Troops, soldiers, advisers or other military personnel."
    BASES = "bases", "Military bases or installations."
    ATTACKS = "attacks", "Attacks, strikes or launches against forces."
    WOUNDED = "wounded", "People wounded."
    CRITICALLY_WOUNDED = "critically_wounded", "People wounded critically (a subset of the wounded)."
    KILLED = "killed", "People killed."


class EventType(DescribedEnum):
    """What kind of happening an event is (this dataset's own types; see plover_event for PLOVER)."""

    TALKS = "talks", "A round of talks, negotiations or meetings between delegations."
    AGREEMENT = "agreement", "Two or more actors agree on something."
    ANNOUNCEMENT = "announcement", "An actor announces a decision, intention or position."
    STATEMENT = "statement", "An actor states a position to the press or public."
    BRIEFING = "briefing", "A spokesperson meets journalists (a press briefing)."
    NO_COMMENT = "no_comment", "An actor declines to comment, or does not respond to a request for comment."
    PRIVATE_MESSAGE = "private_message", "An actor conveys a position in private to another actor."
    DOCUMENT = "document", "A document is written or sent (a cable, a memo)."
    REVIEW = "review", "An assessment or review is carried out."
    MISSION_CHANGE = "mission_change", "A military mission changes or ends."
    WITHDRAWAL = "withdrawal", "Forces leave or begin to leave."
    ATTACK = "attack", "An armed attack by a non-state group."
    AIRSTRIKE = "airstrike", "A strike from the air by a state's forces (aircraft or drone)."
    KILLING = "killing", "A person is killed, the means not stated."
    LEGISLATIVE_VOTE = "legislative_vote", "A parliament votes."
    WAR = "war", "An armed conflict as a whole."


class PloverEvent(DescribedEnum):
    """PLOVER event type (Open Event Data Alliance, 2021 manual), for POLECAT-style interoperability."""

    AGREE = "AGREE", "Express intent to cooperate, meet, yield or change policy."
    CONSULT = "CONSULT", "Meet, visit, negotiate or discuss."
    SUPPORT = "SUPPORT", "Praise, endorse or sign a formal agreement."
    COOPERATE = "COOPERATE", "Engage in material (economic, military, legal, intelligence) cooperation."
    AID = "AID", "Provide aid or protection."
    CONCEDE = "CONCEDE", "Yield or accede to demands."
    RETREAT = "RETREAT", "Return, release, withdraw, de-escalate or disarm."
    ACCUSE = "ACCUSE", "Investigate, criticise, disapprove or accuse."
    DEMAND = "DEMAND", "Demand cooperation, change, yielding or a meeting."
    REJECT = "REJECT", "Reject cooperation, demands or proposals."
    THREATEN = "THREATEN", "Threaten non-force or force."
    PROTEST = "PROTEST", "Demonstrate, strike, riot or obstruct."
    MOBILIZE = "MOBILIZE", "Raise alert status or mobilise forces."
    SANCTION = "SANCTION", "Reduce relations, stop aid, expel or withdraw involvement."
    COERCE = "COERCE", "Seize, restrict, arrest or occupy."
    ASSAULT = "ASSAULT", "Use conventional or unconventional violence."


class EventStatus(DescribedEnum):
    """Whether an event had happened when reported."""

    OCCURRED = "occurred", "Happened before the report."
    ONGOING = "ongoing", "Under way at the time of the report."
    ANNOUNCED = "announced", "Announced by an actor as going to happen."
    INTENDED = "intended", "An actor intends or wants it to happen; not said to be decided or announced."
    PLANNED = "planned", "Scheduled or decided, not yet happened."
    EXPECTED = "expected", "Expected or anticipated by the article or its sources, not yet happened."


class EventRole(DescribedEnum):
    """An actor's part in an event."""

    SOURCE = "source", "The actor that acts (PLOVER's source actor)."
    TARGET = "target", "The actor acted upon or addressed (PLOVER's target actor)."
    PARTICIPANT = "participant", "A party to talks or a meeting that is neither source nor target."
    HOST = "host", "The actor at whose seat or invitation the event takes place."
    CLAIMANT = "claimant", "The actor that claimed responsibility."


class UncodedReason(DescribedEnum):
    """Why a number in an article is deliberately not coded as a figure or date."""

    URL_OR_FILE_NAME = "url_or_file_name", "Part of a web address or a file name."
    BOILERPLATE = "boilerplate", "Part of site furniture (a page counter, a section number)."
    PUBLICATION_DATE = "publication_date", "Part of the article's printed publication date and time."
    DURATION = "duration", "A length of time ('year-long', 'next decade', 'four years after'), not a date."
    ORDINAL = "ordinal", "An ordinal or a fraction ('a second term', 'a third of Iraq'), not a count of forces."
    PERIOD_NAME = "period_name", "Part of the name of a period or conflict ('the 2014–19 conflict')."
    NOT_ABOUT_FORCES = "not_about_forces", "A count that is about neither forces nor a date (listed for completeness)."
