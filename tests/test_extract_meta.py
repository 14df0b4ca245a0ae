"""Publication date, byline and publication name."""

import datetime as dt

import pytest

from articles.extract import extract
from articles.extract.meta import parse_date

BODY = (
    "The council voted on Monday to close the branch library, which has served the town for more "
    "than forty years, citing the cost of repairing its roof."
)
BODY2 = "Residents said they would challenge the decision and have started a petition that has gathered signatures."


def doc(*header: str, body: str = BODY) -> str:
    return "\n\n".join(["Library closure sparks protest", *header, body, BODY2])


@pytest.mark.parametrize(
    "line, expected",
    [
        ("2022-03-24", dt.date(2022, 3, 24)),
        ("March 24, 2022", dt.date(2022, 3, 24)),
        ("14 June 2023", dt.date(2023, 6, 14)),
        ("Mar. 24, 2022", dt.date(2022, 3, 24)),
        ("Wed 14 June 2023 07.00 BST", dt.date(2023, 6, 14)),
        ("Updated 5:42 PM EST, Thu March 9, 2023", dt.date(2023, 3, 9)),
        ("24.03.2022", dt.date(2022, 3, 24)),
    ],
)
def test_date_formats(line, expected):
    assert parse_date(line).date == expected


def test_day_month_without_year_is_no_date():
    assert parse_date("Tuesday, December 24") is None
    assert parse_date("on March 24") is None


def test_published_date_from_a_stand_alone_line():
    ex = extract(doc("14 June 2023"))
    assert ex.published_on == dt.date(2023, 6, 14)


def test_posted_on_by_gives_date_and_author():
    ex = extract(doc("Posted on April 2, 2021 by Ruth Callaghan"))
    assert ex.published_on == dt.date(2021, 4, 2)
    assert ex.authors == ("Ruth Callaghan",)


def test_dateline_with_date_is_stripped_from_the_body():
    ex = extract(doc(body="March 24, 2022–The Russia-dominated alliance is keeping silent on the crisis, officials said on Thursday."))
    assert ex.published_on == dt.date(2022, 3, 24)
    assert ex.body.startswith("The Russia-dominated alliance")


def test_wire_dateline_gives_source_but_no_year_means_no_date():
    ex = extract(doc(body="LONDON, March 24 (Reuters) - British wage growth slowed more sharply than economists had expected."))
    assert ex.source == "Reuters"
    assert ex.published_on is None


def test_wire_dateline_year_from_header():
    ex = extract(doc("By Hannah Okoro", "March 3, 2023 11:42 AM GMT", body="LONDON, March 3 (Reuters) - British wage growth slowed more sharply than expected, figures showed."))
    assert ex.published_on == dt.date(2023, 3, 3)
    assert ex.authors == ("Hannah Okoro",)
    assert ex.source == "Reuters"


def test_ambiguous_numeric_date_is_reported():
    ex = extract(doc("Posted 03/04/2022"))
    assert ex.published_on in {dt.date(2022, 3, 4), dt.date(2022, 4, 3)}
    assert any("ambiguous numeric date" in w for w in ex.warnings)


def test_unambiguous_numeric_date_has_no_warning():
    ex = extract(doc("Posted 24/03/2022"))
    assert ex.published_on == dt.date(2022, 3, 24)
    assert not any("ambiguous" in w for w in ex.warnings)


def test_event_date_in_reporting_is_not_the_publication_date():
    ex = extract(doc(body="Prior to the invasion of Ukraine on February 24, 2022, the topic came up only occasionally in the alliance's statements."))
    assert ex.published_on is None


def test_banner_date_without_year_is_none():
    ex = extract("\n\n".join(["World newsTuesday, December 24", "Library closure sparks protest", BODY, BODY2]))
    assert ex.published_on is None
    assert "Tuesday" not in ex.body


def test_byline_with_two_authors_and_a_wire():
    ex = extract(doc("By Lucia Navarro and Ben Whitaker, Reuters"))
    assert ex.authors == ("Lucia Navarro", "Ben Whitaker")
    assert ex.source == "Reuters"
    assert {p.name for p in ex.people} >= {"Lucia Navarro", "Ben Whitaker"}


def test_name_and_role_line_is_a_byline():
    ex = extract(doc("Catherine Doyle, Education Correspondent", "Wed 14 June 2023 07.00 BST"))
    assert ex.authors == ("Catherine Doyle",)
    assert ex.published_on == dt.date(2023, 6, 14)


def test_copyright_holder_and_bio_give_the_author():
    text = "\n\n".join(
        [
            "Library closure sparks protest",
            BODY,
            BODY2,
            "Copyright © 2022 Patti Mohr",
            "Patti Mohr",
            "Patti Mohr is a U.S.-based journalist. She writes about global diplomacy.",
            "Leave a Reply",
        ]
    )
    ex = extract(text)
    assert ex.authors == ("Patti Mohr",)
    patti = next(p for p in ex.people if p.name == "Patti Mohr")
    assert patti.description.startswith("Patti Mohr is a U.S.-based journalist")
    assert "journalist" not in ex.body


def test_masthead_is_the_source_but_not_an_organisation_mention():
    text = "\n\n".join(["Harbour Gazette", "Home | News | Sport | Contact", "Library closure sparks protest", "By Owen Tregear", BODY, BODY2])
    ex = extract(text)
    assert ex.source == "Harbour Gazette"
    assert ex.title == "Library closure sparks protest"
    assert ex.authors == ("Owen Tregear",)
    assert "Harbour Gazette" not in {o.name for o in ex.organisations}


def test_no_source_when_the_text_does_not_name_one():
    ex = extract(doc())
    assert ex.source is None
    assert ex.authors == ()


def test_byline_variants_without_by():
    ex = extract(doc("Jennifer Rankin in Brussels", "Thu 13 Jul 2023 18.01 BST"))
    assert ex.authors == ("Jennifer Rankin",)
    assert ex.published_on == dt.date(2023, 7, 13)


def test_all_caps_byline_names_are_title_cased():
    ex = extract(doc("By DEREK GATOPOULOS and ELENA BECATOROS", "Updated 3:14 PM UTC, July 18, 2023"))
    assert ex.authors == ("Derek Gatopoulos", "Elena Becatoros")
    assert ex.published_on == dt.date(2023, 7, 18)


def test_headline_standfirst_byline_order():
    text = "\n\n".join(
        [
            "The Northern Courier",
            "Education",
            "Staff anger as university axes modern languages",
            "Degrees in French, German and Russian to close from next year, with up to 40 jobs at risk",
            "Catherine Doyle, Education Correspondent",
            BODY,
            BODY2,
        ]
    )
    ex = extract(text)
    assert ex.title == "Staff anger as university axes modern languages"
    assert ex.dek.startswith("Degrees in French")
    assert ex.source == "The Northern Courier"


def test_author_bio_that_covers_a_beat_names_the_publication():
    text = "\n\n".join(
        [
            "City council approves new bike lanes",
            "April 11, 2024 | By Tom Reyes",
            BODY,
            BODY2,
            "Tom Reyes covers city hall for the Valley Tribune. Reach him by email.",
        ]
    )
    ex = extract(text)
    assert ex.authors == ("Tom Reyes",)
    assert ex.published_on == dt.date(2024, 4, 11)
    assert "covers city hall" not in ex.body
    assert ex.source == "Valley Tribune"


def test_year_run_together_with_the_time_is_still_a_date():
    ex = extract(doc("By Ana Ruiz", "March 4, 20259:05 AM GMTUpdated an hour ago"))
    assert ex.published_on == dt.date(2025, 3, 4)


def test_byline_with_an_upper_case_surname():
    ex = extract(doc("By Ana RUIZ"))
    assert ex.authors == ("Ana Ruiz",)


def test_section_label_is_not_the_publication():
    ex = extract("\n\n".join(["Courts & Justice", "Library closure sparks protest", "By Ana Ruiz", BODY, BODY2]))
    assert ex.source is None


def test_upper_case_masthead_named_again_in_the_page_is_the_publication():
    ex = extract("\n\n".join(["HARBOURLIGHT", "Library closure sparks protest", "By Ana Ruiz", BODY, BODY2, "Republished by Harbourlight with permission."]))
    assert ex.source == "Harbourlight"


def test_reporting_and_editing_footer_marks_wire_copy_and_names_the_editors():
    ex = extract(doc(body=BODY + "\n\n(Reporting by Ana Ruiz in Madrid; Editing by Tom Hale and Rhea Mistry)"))
    assert ex.source == "Reuters"
    assert {"Tom Hale", "Rhea Mistry"} <= {p.name for p in ex.people}
    assert "Editing" not in ex.body


def test_name_followed_by_a_job_title_without_a_comma_is_the_author():
    ex = extract(doc("Tom Okafor Chief political correspondent", "14 June 2023"))
    assert ex.title == "Library closure sparks protest"
    assert ex.authors == ("Tom Okafor",)


@pytest.mark.parametrize(
    "header",
    [("By Ana Ruiz (AP)",), ("Ana Ruiz", "(AP)"), ("By Ana Ruiz, AP",)],
)
def test_wire_initials_as_the_credit_give_the_wire_full_name(header):
    ex = extract(doc(*header))
    assert ex.authors == ("Ana Ruiz",)
    assert ex.source == "Associated Press"


def test_wire_about_line_gives_the_wire_without_the_article():
    about = "The Associated Press is an independent global news organization."
    ex = extract("\n\n".join(["Library closure sparks protest", "By Ana Ruiz", BODY, BODY2, about]))
    assert ex.source == "Associated Press"
    assert "independent global" not in ex.body


def test_acronym_masthead_is_not_title_cased_and_is_expanded_when_the_page_spells_it_out():
    ex = extract("\n\n".join(["AFP", "Library closure sparks protest", "By Ana Ruiz", "PARIS (AFP) - " + BODY, BODY2]))
    assert ex.source == "AFP"
    ex = extract("\n\n".join(["AP", "Library closure sparks protest", "By Ana Ruiz", BODY, BODY2, "Copyright 2024 The Associated Press."]))
    assert ex.source == "Associated Press"


def test_byline_split_over_lines_is_joined():
    ex = extract(doc("By", "Ruth Callaghan", "and", "Tom Ellis", "14 June 2023"))
    assert ex.authors == ("Ruth Callaghan", "Tom Ellis")
    assert ex.published_on == dt.date(2023, 6, 14)


def test_a_button_above_the_byline_is_not_an_author():
    ex = extract(doc("Log Out", "By", "Ruth Callaghan", "14 June 2023"))
    assert ex.authors == ("Ruth Callaghan",)


def test_todays_date_in_the_masthead_loses_to_the_articles_date():
    text = "\n\n".join(["FRIDAY, JUNE 16, 2023", "Home", "Library closure sparks protest", "By Ruth Callaghan", "June 14, 2023", BODY, BODY2])
    assert extract(text).published_on == dt.date(2023, 6, 14)


def test_bylines_of_other_stories_below_the_article_are_not_its_authors():
    teasers = [line for n in range(6) for line in (f"Harbour board votes on new ferry timetable, part {n}", "By Staff Writer", f"By Jo Marsh{'e' * n}")]
    text = "\n\n".join(["Library closure sparks protest", "By Ruth Callaghan", BODY, BODY2, "From around the region", *teasers])
    assert extract(text).authors == ("Ruth Callaghan",)


def test_year_run_into_the_updated_date_is_still_a_date():
    assert parse_date("BY ANN LEE APR. 26, 2022APR. 27, 2022").date == dt.date(2022, 4, 26)


def test_social_handles_run_into_the_next_name_are_separators():
    ex = extract(doc("By April Stone@aprilstone7Mark O'Hara", "03 March 2021"))
    assert ex.authors == ("April Stone", "Mark O'Hara")


def test_initials_without_spaces_are_a_name():
    ex = extract(doc("BY J.O. HASELTINE APR. 26, 2022"))
    assert ex.authors == ("J.O. Haseltine",)


def test_a_byline_naming_the_publication_credits_the_newsroom():
    text = "\n\n".join(["Library closure sparks protest", "Written by Valley Today on June 14, 2023", BODY, BODY2, "© 2023 Valley Today. All Rights Reserved."])
    ex = extract(text)
    assert ex.authors == ()
    assert ex.source == "Valley Today"


def test_a_company_named_after_its_founder_in_the_footer_is_not_the_author():
    ex = extract("\n\n".join(["Library closure sparks protest", BODY, BODY2, "© 2023 Hartley Brooks. All rights reserved."]))
    assert ex.authors == ()
    assert ex.source == "Hartley Brooks"


def test_a_menus_first_entry_or_a_controls_label_is_not_the_masthead():
    for first in (["Weather", "Traffic", "Schools", "Courts", "Opinion"], ["Open Site Menu"]):
        text = "\n\n".join([*first, "Library closure sparks protest", BODY, BODY2])
        assert extract(text).source is None, first


def test_copyright_footer_below_a_comment_thread_still_names_the_publication():
    text = "\n\n".join(
        ["Library closure sparks protest", BODY, BODY2, "Leave a comment", "Great article, thanks for writing it.", "© 2023 The Valley Ledger"]
    )
    assert extract(text).source == "The Valley Ledger"


def test_a_copyright_line_with_a_lower_case_holder_names_no_publication():
    ex = extract("\n\n".join(["Library closure sparks protest", BODY, BODY2, "© 2020 a Harbour Media subsidiary"]))
    assert ex.source is None
