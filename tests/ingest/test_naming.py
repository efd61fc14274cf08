"""A title's pronoun or description named from the sentences before it."""

from __future__ import annotations

import pytest

from timeline.ingest.reader.naming import name_description, name_pronoun
from timeline.ingest.reader.unresolved import unresolved


@pytest.mark.parametrize(
    ("title", "before", "expected"),
    [
        (
            "He resigned on Friday",
            ["Mayor Tomas Orrin lost the vote."],
            "[Orrin] resigned on Friday",
        ),
        ("He resigned", ["Tomas Orrin met Ada Velk."], None),  # two people: no guess
        ("Its shares fell", ["Corvane reported a loss."], "[Corvane’s] shares fell"),
        ("It fell", ["Staff said the crane was unsafe."], None),  # after "said": either noun
        ("They left", ["The inspector arrived."], None),  # number does not agree
        ("The crane fell", [], "The crane fell"),
        # a quotation's "I": whoever the sentence before says is speaking
        (
            "I have just come back from Velna",
            ["The harbour's chief pilot also stressed that, “The channel is clear."],
            "[The harbour's chief pilot:] I have just come back from Velna",
        ),
        (
            "I signed it",
            ["Councillor Ada Velk told reporters: “It was time."],
            "[Velk:] I signed it",
        ),
        ("I signed it", ["The rain stopped at noon."], None),  # nobody speaks before it
        # a pronoun is no speaker, and neither is "As I"
        ("I am not angry", ['He said: "I came back.'], None),
        ("I am not angry", ['"As I said, the pier is shut," Okafor said.'], None),
        # an "it" that opens what is told later stands for nothing
        ("It is believed the storm killed ten", ["The Orvik storm hit at dawn."], None),
        ("It emerged that the pier had cracked", ["The Orvik storm hit at dawn."], None),
        # a pronoun before is no antecedent
        ("It is closed", ["He also visited the quay."], None),
        # "she" near a woman the text describes is not the lead's named person
        (
            "Her son said she was alive",
            ["Ada Velk reports from Orvik.", "Rain fell.", "Ships came.", "The woman was found."],
            None,
        ),
        ("His boat sank", ["Tomas Orrin's shop shut."], "[Orrin’s] boat sank"),
        # a pronoun after a time phrase that opens the title
        (
            "This week he insisted the pier would open",
            ["Mayor Tomas Orrin toured the quay."],
            "This week [Orrin] insisted the pier would open",
        ),
        ("On Monday she resigned", ["Rain fell on the quay."], None),
        # a person named late in a sentence that gives their words
        (
            "He ordered the pier shut",
            ["The official in charge of the harbour repairs, Tomas Orrin, said it was unsafe."],
            "[Orrin] ordered the pier shut",
        ),
        (
            "She added that the quay would reopen",
            ['"The risk grows every winter," said Ada Velk, director of the harbour board.'],
            "[Velk] added that the quay would reopen",
        ),
        # named late but not the speaker, or a possessive that may be another's
        (
            "He added that talks would resume",
            ["A spokesman for the harbour board said Mayor Tomas Orrin had met the crews."],
            None,
        ),
        (
            "Her son said she was alive",
            ['"I am trying to reach her," the harbour doctor Ole Brandt said.'],
            None,
        ),
    ],
)
def test_name_pronoun(title: str, before: list[str], expected: str | None) -> None:
    assert name_pronoun(title, before) == expected


@pytest.mark.parametrize(
    ("title", "before", "expected"),
    [
        (
            "The well was capped last week",
            ["Velk Oil said its Tarrow well was leaking.", "Crews worked all night."],
            "The [Tarrow] well was capped last week",
        ),
        (
            "The singer died at her home in Orvik on 3 May",
            ["Fans gathered outside the house of singer Ada Velk."],
            "The singer [Ada Velk] died at her home in Orvik on 3 May",
        ),
        (
            "The former harbour master said the pier was unsafe",
            ["Ole Brandt, the former harbour master, spoke first."],
            "The former harbour master [Ole Brandt] said the pier was unsafe",
        ),
        (
            "The council approved the budget",
            ["The Velmar council met.", "The Dunmore council met too."],
            "The [Dunmore] council approved the budget",
        ),
        ("The council approved the budget", ["The council met."], None),
        ("The move was welcomed", ["The Velmar council voted."], None),
        # an auxiliary is no description's head: "The Herald has learned", "That has helped"
        ("The Herald has learned the pier will shut", ["Mr Orrin has left the board."], None),
        ("That has helped the port", ["Velk Oil has paid for the repairs."], None),
        # a company by the one the sentences before name as such
        (
            "The company said it would pay",
            ["Velk Oil Plc posted a loss.", "Crews worked all night."],
            "The company [Velk Oil] said it would pay",
        ),
        (
            "The oil giant has pledged to pay",
            ["Shares in Velk Oil fell.", "Velk Oil has not commented."],
            "The oil giant [Velk Oil] has pledged to pay",
        ),
        ("The firm said it would pay", ["Velk Oil shares fell as Orvik Gas shares rose."], None),
        ("The firm said it would pay", ["Velk Oil blamed the weather."], None),  # not as a company
        # a person's name is no thing's, nor an institution's a person's
        ("The letter was sent to the council", ["In the letter, Ole Brandt writes."], None),
        ("The president said talks would resume", ["The vice-president, Ada Velk, spoke."], None),
        ("The council approved it", ["The Velmar council and the Dunmore council met."], None),
        # beyond the look-back, by the one name the whole article gives the noun
        (
            "The commission ruled the dam was safe",
            ["The Ardmoor Flood Commission met on Monday."] + ["Rain fell on the hills."] * 9,
            "The [Ardmoor Flood] commission ruled the dam was safe",
        ),
        (
            "The commission ruled the dam was safe",
            ["The Ardmoor Flood Commission met.", "So did the Kelso Water Commission."]
            + ["Rain fell on the hills."] * 9,
            None,
        ),
        # far back, only a name holding the noun: "the Tarrow well" is no relief well's
        (
            "The relief well will reach it in May",
            ["Velk Oil capped the Tarrow well."] + ["Rain fell on the hills."] * 9,
            None,
        ),
        (
            "The commission has until June to report",
            ["Ole Brandt blamed the commission, Velk Oil said."] + ["Rain fell."] * 9,
            None,
        ),
        # a famous person called by another of their trades, however far back
        (
            "The star also denied taking the money",
            ["Orvik-born musician Tam Rellick wept at the launch."] + ["Fans waited outside."] * 9,
            "The star [Tam Rellick] also denied taking the money",
        ),
        (
            "The star also denied taking the money",
            ["Singer Tam Rellick and actor Ode Marsh came.", "Fans waited outside."],
            None,
        ),
        # a company whose noun speaks for the lead's subject
        (
            "The company said its directors would gather",
            ["Velk Oil could cut its payout, the energy giant has confirmed.", "Rain fell."],
            "The company [Velk Oil] said its directors would gather",
        ),
        # shares whose company the sentences before name
        (
            "Shares fell 3% in early trading",
            ["Velk Oil Plc posted a loss.", "Analysts were gloomy."],
            "[Velk Oil] shares fell 3% in early trading",
        ),
        (
            "The firm's shares closed 4% lower",
            ["Velk Oil Plc posted a loss."],
            "The firm [Velk Oil]'s shares closed 4% lower",
        ),
        ("Shares fell 3% in early trading", ["Rain fell on Orvik."], None),
    ],
)
def test_a_title_opening_on_a_description_names_what_it_stands_for(
    title: str, before: list[str], expected: str | None
) -> None:
    assert name_description(title, before) == (expected or title)


@pytest.mark.parametrize(
    ("title", "before", "expected"),
    [
        # a share of "them": the group the sentence before opens on
        (
            "Many of them will be back in court on Monday",
            ["The Brellin dockers marched to the court."],
            "Many of [the Brellin dockers] will be back in court on Monday",
        ),
        ("Some of them stayed", ["Mayor Tomas Orrin left early."], None),  # no group before
        # "he said" after the words, with nobody named before it in the title
        (
            '"The pier is safe," he said',
            ["Harbour master Ilse Brandvik inspected the pier."],
            '"The pier is safe," [Brandvik] said',
        ),
        (
            "At that depth, she said, the pumps had failed",
            ["Engineer Ada Velk toured the mine."],
            "At that depth, [Velk] said, the pumps had failed",
        ),
        # two people before: nobody is put in
        ('"It is safe," he said', ["Tomas Orrin met Ada Velk."], '"It is safe," he said'),
        # named in the title already: "he" stands for that person
        (
            "Orrin wept and, he said, resigned",
            ["Ada Velk spoke."],
            "Orrin wept and, he said, resigned",
        ),
        ("The mayor, he said, resigned", ["Ada Velk spoke."], "The mayor, he said, resigned"),
        # the sentence before names another's kin, not the speaker
        (
            '"The house shook," she says',
            ["Mr Orrin's wife, Lise, says the quay flooded."],
            '"The house shook," she says',
        ),
        # a name after "And", and a hyphenated one, are read whole
        (
            '"We are ready," he said',
            ["And Capt Tomas Orrin, who leads the crews, agreed."],
            '"We are ready," [Orrin] said',
        ),
        (
            '"Nobody knows," he says',
            ["Actor Remy Ode-Lavelle, who grew up in Orvik, tells reporters he is safe."],
            '"Nobody knows," [Ode-Lavelle] says',
        ),
    ],
)
def test_a_pronoun_inside_the_title_is_named_from_the_sentences_before(
    title: str, before: list[str], expected: str | None
) -> None:
    assert name_pronoun(title, before) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Many of them will be back in court", True),
        ("Many of [the dockers] will be back in court", False),
        ('"The pier is safe," he said', True),
        ('"The pier is safe," Brandvik said', False),
        ("Analyst Ilse Weiss: “I still feel like they can fix it”", True),
        ("Analyst Ilse Weiss: “The Brellin Line can fix it”", False),
        ("The initial delay occurred as inspectors sought assurances", True),
        ("The dramatic sell-off added to the Brellin Line's losses", True),
        ("The delay of the pier tests occurred on Monday", False),  # says of what
        ("That amount, included in a council paper, is twice the estimate", True),
        ("This week the council shut the pier", False),
        ("The first attempt was scrubbed", False),  # the story's own attempt
    ],
)
def test_a_title_turning_on_what_it_leaves_unnamed_is_unresolved(
    title: str, expected: bool
) -> None:
    assert unresolved(title) is expected
