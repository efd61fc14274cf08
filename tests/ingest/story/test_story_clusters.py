"""Clustering mentions into happenings: order independence, no chaining, held mentions."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.ingest.story import MentionFacts, cluster
from timeline.ingest.story.clusters import link


def mention(
    id: int,
    source: int | None,
    quote: str,
    start: str | None = "2031-03-04",
    basis: str = "expression",
    position: int = 3,
    published: str = "2031-03-05",
    precision: str = "day",
    held: int | None = None,
) -> MentionFacts:
    """A mention of an invented article, its title the quote."""
    return MentionFacts(
        id=id,
        source_id=source,
        published=published,
        start=start,
        end=None,
        precision=precision if start else None,
        approximate=False,
        basis=basis,
        quote=quote,
        title=quote,
        position=position,
        held_event=held,
    )


DAM = "The Vellora dam on the Ostrin river burst on Tuesday, flooding 340 homes in Kelmark."
DAM_2 = "Floodwater from the burst Vellora dam reached 340 homes in Kelmark on the Ostrin river."
DAM_3 = "Kelmark counted 340 homes flooded after the Vellora dam on the Ostrin gave way."
VOTE = "The Drasnian parliament voted 212 to 90 to ratify the Pellan fishing treaty."
VOTE_2 = "Drasnian lawmakers ratified the Pellan fishing treaty by 212 votes to 90."
FIRE = "A fire at the Quorne textile mill destroyed its warehouse and 15,000 bales of wool."
FIRE_2 = "The Quorne textile mill lost its warehouse and 15,000 bales of wool to a fire."

STORY = [
    mention(1, 10, DAM, position=0),
    mention(2, 11, DAM_2, position=1),
    mention(3, 12, DAM_3, position=4),
    mention(4, 10, VOTE, start="2031-03-02", position=5),
    mention(5, 13, VOTE_2, start="2031-03-02", position=0),
    mention(6, 11, FIRE, start="2031-03-03", basis="publication"),
    mention(7, 13, FIRE_2, start="2031-03-04", basis="report", published="2031-03-04"),
    mention(8, 12, "Spring rain in the hills is heavier than most years.", start=None),
]


def test_alike_mentions_of_different_sources_join() -> None:
    assert cluster(STORY) == [[1, 2, 3], [4, 5], [6, 7], [8]]


def test_different_dates_keep_alike_words_apart() -> None:
    vote_later = dataclasses.replace(STORY[4], start="2031-04-20")
    groups = cluster([*STORY[:4], vote_later, *STORY[5:]])
    assert [4] in groups and [5] in groups


def test_a_report_never_tells_a_happening_after_its_news_day() -> None:
    fire_early = dataclasses.replace(STORY[6], start="2031-03-01", published="2031-03-01")
    groups = cluster([*STORY[:6], fire_early, STORY[7]])
    assert [6] in groups and [7] in groups


def test_a_later_report_joins_an_older_happening_only_when_clearly_alike() -> None:
    fire_late = dataclasses.replace(STORY[6], start="2031-04-20", published="2031-04-20")
    assert [6, 7] in cluster([*STORY[:6], fire_late, STORY[7]])
    loose = mention(
        7,
        13,
        "Wool prices rose at the Quorne market as mills bought bales from farther afield.",
        start="2031-04-20",
        basis="report",
        published="2031-04-20",
    )
    assert [6] in cluster([*STORY[:6], loose, STORY[7]])


def test_the_same_people_and_places_are_not_the_same_happening() -> None:
    # two sentences of one day about Mayor Okafor and the Vellora dam, but different acts
    visit = mention(1, 20, "Mayor Okafor of Kelmark toured the Vellora dam on the Ostrin river.")
    fund = mention(2, 21, "Mayor Okafor asked Kelmark council for money near the Vellora dam.")
    assert cluster([visit, fund]) == [[1], [2]]
    toured = mention(3, 22, "Mayor Okafor toured the damaged Vellora dam with Kelmark engineers.")
    assert [1, 3] in cluster([visit, fund, toured])


@settings(max_examples=60, deadline=None)
@given(st.permutations(STORY))
def test_groups_do_not_depend_on_input_order(shuffled: list[MentionFacts]) -> None:
    assert cluster(shuffled) == cluster(STORY)


def test_no_chaining_through_a_middle_mention() -> None:
    a = mention(1, 1, "Harbour workers at Tessaly walked out over the new shift rota.")
    b = mention(
        2,
        2,
        "Harbour workers at Tessaly walked out over the shift rota, and the Morrow ferry "
        "line cancelled its sailings to Brine Island.",
    )
    c = mention(3, 3, "The Morrow ferry line cancelled its sailings to Brine Island.")
    groups = cluster([a, b, c])
    assert [1, 2, 3] not in groups
    assert len(groups) == 2


def test_one_source_joins_only_its_headline_and_lead() -> None:
    lead = mention(1, 5, DAM, position=0)
    restated = mention(2, 5, DAM_2, position=1)
    later = mention(3, 5, DAM_3, position=9)
    assert cluster([lead, restated]) == [[1, 2]]
    assert cluster([lead, later]) == [[1], [3]]


def test_two_happenings_of_one_lead_sentence_stay_apart() -> None:
    flight = "Families of the crew who died in the Tarn mill fire flew over the estuary today"
    fire = "The crew died in the Tarn mill fire"
    main = mention(1, 5, flight, basis="report", position=1)
    aside = mention(2, 5, fire, start="2031-02-20", position=1)
    assert cluster([main, aside]) == [[1], [2]]
    assert cluster([main, dataclasses.replace(aside, position=0)]) == [[1, 2]]


def test_held_mentions_stay_together_and_apart() -> None:
    vote = mention(1, 1, VOTE, held=70)
    fire = mention(2, 2, FIRE, held=70)
    vote_2 = mention(3, 3, VOTE_2, held=71)
    groups = cluster([vote, fire, vote_2])
    assert groups == [[1, 2], [3]]


def test_a_free_mention_joins_a_held_event_only_if_alike_to_all() -> None:
    dam = mention(1, 1, DAM, held=5)
    dam_2 = mention(2, 2, DAM_2, held=5)
    dam_3 = mention(3, 3, DAM_3)
    vote = mention(4, 4, VOTE)
    assert cluster([dam, dam_2, dam_3, vote]) == [[1, 2, 3], [4]]


def test_one_written_day_and_the_same_deed_in_other_words_join() -> None:
    """Two sources write the same day and share three plain words of what was done: the
    words weigh less than in a close retelling, but the day and the deed make it one."""
    told = "Eleven workers died when the Tarvo gas platform exploded on 14 March off Kelmark."
    retold = (
        "Flames spread across the rig as its crew fled, and eleven workers died, divers said "
        "of the 14 March disaster."
    )
    both = [*STORY, mention(20, 30, told, "2031-03-14"), mention(21, 31, retold, "2031-03-14")]
    assert [20, 21] in cluster(both)
    a_week_apart = [
        *STORY,
        mention(20, 30, told, "2031-03-14"),
        mention(21, 31, retold, "2031-03-21"),
    ]
    assert [20, 21] not in cluster(a_week_apart)


def test_a_deed_told_as_a_noun_meets_its_verb() -> None:
    """'exploded' and 'the explosion' are one deed: with the place, two words in common."""
    told = mention(20, 30, "The Harwick depot exploded before dawn.", "2031-05-03")
    retold = mention(21, 31, "Crews worked at Harwick depot after the explosion.", "2031-05-03")
    assert [20, 21] in cluster([*STORY, told, retold])


def test_two_groups_join_when_most_pairs_across_them_are_alike() -> None:
    """Two pairs of mentions of one happening, alike across in three pairs of four: one
    event. One strong pair through a middle mention still pulls nothing in."""
    four = [mention(i, i, f"Sentence {i} of the Ardmoor story.") for i in range(1, 5)]
    most = {(0, 1): 0.9, (2, 3): 0.8, (0, 2): 0.6, (0, 3): 0.6, (1, 2): 0.5}
    assert link(four, most) == [[1, 2, 3, 4]]
    chain = {(0, 1): 0.9, (1, 2): 0.8}
    assert link(four, chain) == [[1, 2], [3], [4]]
    half = {(0, 1): 0.9, (2, 3): 0.8, (0, 2): 0.6, (1, 3): 0.6}
    assert link(four, half) == [[1, 2], [3, 4]]
