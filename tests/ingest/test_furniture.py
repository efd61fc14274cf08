"""Page furniture and reader comments are told from news text; opinions from reports."""

from __future__ import annotations

import pytest

from timeline.ingest.reader.furniture import furniture_spans, is_opinion


def flagged(text: str) -> list[str]:
    """The pieces of text that furniture_spans marks."""
    return [text[start:end] for start, end in furniture_spans(text)]


COMMENTED = (
    "Ferry service resumes on the lake\n"
    "By Mara Quint, Staff Writer\n"
    "The ferry to Horn Island sailed again on Friday after a three-week strike.\n"
    "Share this article\n"
    "Have your say\n"
    "At 5:42 pm on 3 Jun 2011, lakeside_bob wrote: Took them long enough.\n"
    "I think the union was right all along.\n"
    "At 6:01 pm on 3 Jun 2011, Petra K wrote: Still too expensive.\n"
)


def test_a_comment_section_runs_from_its_heading_to_the_end() -> None:
    pieces = flagged(COMMENTED)
    assert pieces[-1].startswith("Have your say\n")
    assert pieces[-1].endswith("Still too expensive.\n")
    assert "By Mara Quint, Staff Writer" in pieces
    assert "Share this article" in pieces
    assert "ferry to Horn Island sailed" not in "".join(pieces)


CLOSED_THREAD = (
    "Ferry service resumes on the lake\n"
    "The ferry to Horn Island sailed again on Friday after a three-week strike.\n"
    "Fares will rise in 2012, the operator said. (Reporting by Ivo Tan) We welcome comments that "
    "keep to the subject of the story.\n"
    "Opinions in the comments are the readers' own and do not represent the paper.\n"
    "The 2009 strike was worse and nobody cared then.\n"
    "They raised fares in March and will do it again.\n"
    "This discussion is now closed.\n"
    "A faster feed for market data A simpler view of your accounts\n"
)


def test_a_thread_under_a_closed_notice_runs_from_its_comment_policy_to_the_end() -> None:
    """Comments without a per-comment mark, between the site's comment policy and the notice
    that shut the thread, are not news; nor is what follows the notice."""
    pieces = flagged(CLOSED_THREAD)
    assert pieces[-1].startswith("(Reporting by Ivo Tan) We welcome comments")  # credit joins it
    assert pieces[-1].endswith("A simpler view of your accounts\n")
    assert "Fares will rise in 2012" not in "".join(pieces)


@pytest.mark.parametrize(
    "text",
    [
        # a notice alone flags only itself and what follows it
        "The ferry sailed on Friday.\nThis discussion is now closed.\nMore from the paper",
        # words about closed comments inside a news sentence are news
        "The ferry sailed on Friday.\nComments are closed on the site, the editor said on Monday.",
    ],
)
def test_a_closed_notice_never_reaches_back_into_the_story(text: str) -> None:
    assert "The ferry sailed on Friday." not in "".join(flagged(text))


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("By JANE ORLO\nThe mill closed.", ["By JANE ORLO"]),
        (
            "By Tom Reyes and Ana Bell | May 2, 2011; 6:00 AM ET\nThe mill closed.",
            ["By Tom Reyes and Ana Bell | May 2, 2011; 6:00 AM"],
        ),
        (
            "Photograph: Lena Marsh/AFP/Getty Images The mill closed on Tuesday.",
            ["Photograph: Lena Marsh/AFP/Getty Images"],
        ),
        ("Workers leave the mill. (AP Photo/Ken Obi) The mill closed.", ["(AP Photo/Ken Obi)"]),
        ("The mill closed. Sign up for our newsletter.", ["Sign up for our newsletter."]),
        (
            "The mill closed.\nCopyright 2011 Northern Herald Ltd.",
            ["Copyright 2011 Northern Herald Ltd."],
        ),
        (
            "The mill closed. (Reporting by Ivo Tan; Editing by Sue Lee)",
            ["(Reporting by Ivo Tan; Editing by Sue Lee)"],
        ),
        ("The mill closed.\nAdvertisement\nIt had 300 staff.", ["Advertisement"]),
        (
            "Mill shuts\nRelated stories\nTown mourns its mill\nJobs plan unveiled\n",
            ["Related stories", "Town mourns its mill", "Jobs plan unveiled"],
        ),
        (
            "The mill closed. Our moderators may edit comments that break the house rules.",
            ["Our moderators may edit comments that break the house rules."],
        ),
        (
            "A summary of events Friday, May 9, day 12 of the Orvik dock strike:\nDockers voted.",
            ["A summary of events Friday, May 9, day 12 of the Orvik dock strike:"],
        ),
        (
            "Dockers voted. Here is a roundup of the latest developments on Friday.",
            ["Here is a roundup of the latest developments on Friday."],
        ),
        (
            "Nice work Posted by: sam_k | May 2, 2011 1:28 PM | Report abuse\n",
            ["Nice work Posted by: sam_k | May 2, 2011 1:28 PM | Report abuse\n"],
        ),
    ],
)
def test_each_kind_of_furniture_is_flagged(text: str, pieces: list[str]) -> None:
    """Each piece is flagged whole, and the news beside it ("The mill closed") is not."""
    assert flagged(text) == pieces


def test_related_list_title_lines_are_flagged_until_prose_returns() -> None:
    text = "Related stories\nTown mourns its mill\nJobs plan unveiled\nThe mayor spoke on Monday.\n"
    assert flagged(text) == ["Related stories", "Town mourns its mill", "Jobs plan unveiled"]


@pytest.mark.parametrize(
    "text",
    [
        "By Tuesday, the company had paid $2 billion in claims.",
        "By 2008, the mill employed 300 people.",
        "By Friday Morning the rescue teams had reached the village.",
        "The agency posted the photograph on its website on Monday.",
        "She declined a request for comment.",
        "The board said it would recommend a dividend cut.",
        "Shares in related firms rose on Wednesday.",
        "Readers may recall the mill burned down in 1989.",
        "The mayor read more than 40 letters from residents aloud.",
        "Click beetles swarmed the orchard, farmers said.",
        "The board's summary of events was published on Friday.",
        "Here is the harbour the dockers closed.",
    ],
)
def test_news_sentences_are_not_furniture(text: str) -> None:
    assert furniture_spans(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I think the government is wrong.",
        "This is a disgrace.",
        "We should all be worried.",
        "What a shame!",
        "Would you trust them again?",
        "In my opinion the council failed us.",
        "I'm sick of these excuses.",
    ],
)
def test_opinions_and_questions_to_the_reader(sentence: str) -> None:
    assert is_opinion(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry sailed again on Friday.",
        '"We should all be worried," the mayor said.',
        "Officials said the strike was a disgrace.",
        "I think we can reopen by May, Mayor Ana Ruiz told reporters.",
        "The union called off the strike late on Thursday.",
        "Rescuers pulled 12 people from the rubble!",
    ],
)
def test_reports_are_not_opinions(sentence: str) -> None:
    assert not is_opinion(sentence)


def test_a_long_text_is_read_in_linear_time() -> None:
    text = "The ferry sailed. By Mara Quint\nMr. " * 20000 + "Have your say\n"
    spans = furniture_spans(text)
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] < spans[i + 1][0] for i in range(len(spans) - 1))


def test_every_form_of_furniture_compiles_alone_and_says_what_it_is() -> None:
    import re

    from timeline.ingest.reader import furniture_forms

    tables = [
        value
        for value in vars(furniture_forms).values()
        if isinstance(value, tuple) and value and isinstance(value[0], furniture_forms.Form)
    ]
    assert len(tables) >= 9
    for table in tables:
        for form in table:
            re.compile(form.pattern)
            assert len(form.what.split()) >= 2, form


CAPTIONED = (
    "Ferry strike ends at Ardmoor Tuesday 4 May 2032 19.39 BST A gull rests on the bow of the "
    "Kestrel ferry at Ardmoor quay.\n"
    "Photograph: Ann Holt/AP The ferry to Horn Island sailed again on Friday after a strike.\n"
    "Union members voted on Thursday to accept the offer.\n"
    "Mayor Okafor greets the first passengers.\n"
    "Photo: Bo Lind/Reuters Fares will rise in June.\n"
)


def test_the_line_above_a_photo_credit_is_its_caption_from_the_page_stamp_on() -> None:
    pieces = flagged(CAPTIONED)
    assert "A gull rests on the bow of the Kestrel ferry at Ardmoor quay." in pieces
    assert "Mayor Okafor greets the first passengers." in pieces
    joined = "".join(pieces)
    assert "Ferry strike ends" not in joined
    assert "Union members voted" not in joined
    assert "Horn Island sailed" not in joined


def test_a_drawing_credit_marks_its_caption_like_a_photo_credit() -> None:
    text = (
        "The Ardmoor council closed the quay on Monday.\n"
        "A cutaway of the Kestrel ferry's damaged hull.\n"
        "Illustration: Bo Lind for the Gazette The ferry firm said repairs would take a month.\n"
    )
    pieces = flagged(text)
    assert "A cutaway of the Kestrel ferry's damaged hull." in pieces
    assert any(piece.startswith("Illustration: Bo Lind") for piece in pieces)
    assert "closed the quay" not in "".join(pieces)


def test_a_credit_word_in_running_text_makes_no_caption() -> None:
    text = "The council voted on Monday.\nPhotographs of the quay were shown to the court.\n"
    assert "The council voted on Monday." not in flagged(text)


def test_a_run_of_headlines_with_their_ages_is_a_feed_not_a_report() -> None:
    text = (
        "The Kestrel mill closed on Monday.\n"
        "Elsewhere Gale shuts Ardmoor pier - 2 hrs ago Mayor Okafor opens the mill - 5 hrs ago\n"
    )
    pieces = flagged(text)
    assert any(piece.startswith("Elsewhere Gale shuts") for piece in pieces)
    assert "The Kestrel mill closed on Monday." not in "".join(pieces)


def test_an_embedded_players_notice_is_furniture() -> None:
    text = "Ferry strike ends Can not play video.\nThis video is not available in Velmar.\n"
    joined = "".join(flagged(text))
    assert "Can not play video." in joined
    assert "This video is not available in Velmar." in joined


def test_a_copyright_notice_without_its_sign_is_furniture() -> None:
    text = (
        "Gulls rest on the Velmar breakwater 2031 Kestrel Media Limited or its affiliated "
        "companies.\nIn 2019 Orvik Group bought the yard.\n"
    )
    joined = "".join(flagged(text))
    assert "2031 Kestrel Media Limited or its affiliated companies." in joined
    assert "Orvik" not in joined and "Gulls" not in joined


def test_a_run_of_short_title_lines_is_a_list_of_links_with_or_without_a_heading() -> None:
    text = (
        "Ferry strike ends at Ardmoor\n"
        "The ferry to Horn Island sailed again on Friday after a strike.\n"
        "Gale shuts Ardmoor pier\n"
        "Mayor Okafor opens the Kestrel mill\n"
        "Tolls rise on the coast road\n"
        "More headlines\n"
        "Velmar council sacks its treasurer\n"
    )
    pieces = flagged(text)
    assert any(p.startswith("Gale shuts") and p.endswith("coast road") for p in pieces)
    assert "Velmar council sacks its treasurer" in pieces
    assert "Ferry strike ends at Ardmoor" not in pieces  # a headline alone is no list


def test_lines_the_page_cut_off_mid_word_are_teasers_of_other_stories() -> None:
    text = (
        "Ardmoor pier reopens\n"
        "The Ardmoor pier reopened on Friday after repairs.\n"
        "Kestrel Mills says a strike could delay the new safety reco...\n"
        "Velmar inquiry hears fresh evidenc…\n"
        "The harbour master thanked the divers.\n"
    )
    pieces = flagged(text)
    assert "Kestrel Mills says a strike could delay the new safety reco..." in pieces
    assert "Velmar inquiry hears fresh evidenc…" in pieces
    assert not any("reopened" in p or "thanked" in p for p in pieces)


@pytest.mark.parametrize(
    "text",
    [
        "Ardmoor pier reopens\nThe choir sang 'Row, row your boat ... and then...\n",
        "Ardmoor pier reopens\nThe mayor paused ... then went on.\n",
    ],
)
def test_a_quoted_or_finished_line_trailing_off_is_not_a_teaser(text: str) -> None:
    assert furniture_spans(text) == []
