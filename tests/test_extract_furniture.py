"""Page furniture by classification: jusText's classes on the lines of a scrape, and the body's run.

The lines are invented; each test is one kind of page furniture or one kind of article text that
the classification must tell apart.
"""

import random

from justext import core as justext_core

from articles.extract import extract
from articles.extract.furniture import _revise, classify, content_words, stopword_density

# Running text, dense in function words, as reporting is.
P1 = (
    "The county council said on Tuesday that it would close two of its five recycling centres by the end of "
    "the year, after a review found that the sites were used by fewer than a hundred cars a day."
)
P2 = (
    "Residents who live near the smaller of the two sites said they had not been asked about the plan, and "
    "that the nearest remaining centre would be more than twenty minutes away by car for most of them."
)
P3 = (
    "A spokesperson for the council said that the savings would be spent on a new kerbside collection of "
    "garden waste, which is expected to start in the spring and which will be free for the first year."
)
P4 = (
    "The opposition group on the council has asked for the decision to be looked at again by a scrutiny "
    "committee, which is due to meet next month and could send the plan back to the cabinet for a rethink."
)
MENU = ["Home", "News", "Sport", "Business", "Opinion", "Weather", "Contact"]


class _Para:
    """What jusText's own revision reads and writes."""

    def __init__(self, cf_class: str) -> None:
        self.cf_class = cf_class
        self.class_type = ""
        self.heading = False
        self.text = "x"


def test_context_revision_makes_the_decisions_of_justext_itself():
    rng = random.Random(7)
    for _ in range(3000):
        classes = [rng.choice(["good", "bad", "short", "neargood"]) for _ in range(rng.randint(0, 12))]
        paragraphs = [_Para(c) for c in classes]
        justext_core.revise_paragraph_classification(paragraphs)
        assert _revise(classes) == [p.class_type for p in paragraphs], classes


def test_reporting_is_dense_in_stopwords_and_a_menu_is_not():
    assert stopword_density(P1) > 0.4
    assert stopword_density("Transfer Window Rumours, Scores, Fixtures, Tables and Podcasts") < 0.3


def test_a_run_of_short_lines_is_a_menu_and_the_paragraphs_are_the_body():
    lines = [*MENU, P1, P2, P3, *MENU]
    layout = classify(lines)
    assert (layout.start, layout.end) == (len(MENU), len(MENU) + 3)
    assert not any(layout.good[: len(MENU)])


def test_a_row_of_separated_items_is_a_menu():
    layout = classify(["Home | News | Sport | Business", P1, P2])
    assert layout.context_free[0] == "bad"


def test_lines_the_rules_know_are_bad_whatever_their_shape():
    cookie = "We and our partners use cookies to store and access information on your device for the purposes below."
    layout = classify([cookie, P1, P2], lambda line: line == cookie)
    assert layout.context_free[0] == "bad" and layout.start == 1


def test_short_paragraphs_between_adverts_are_still_text():
    short = "Firefighters were called to the warehouse on Mill Lane shortly after two o'clock in the morning."
    lines = ["Advertisement", short, "Advertisement", short.replace("two", "three"), "Advertisement"]
    layout = classify(lines, lambda line: line == "Advertisement")
    assert layout.context_free[1] == "neargood"
    assert layout.text[1] and layout.text[3]


def test_an_advert_inside_the_article_does_not_split_it():
    layout = classify([*MENU, P1, P2, "Advertisement", "Story continues below", P3, P4, *MENU])
    assert (layout.start, layout.end) == (len(MENU), len(MENU) + 6)


def test_teasers_behind_a_long_list_of_links_are_not_the_article():
    links = [f"Topic number {n}" for n in range(14)]
    teaser = (
        "In other news this week, a podcast about the history of canal boats explains how the narrow boats "
        "were built, who worked on them and why so many of them were left to rot after the railways came."
    )
    lines = [P1, P2, P3, P4, *links, teaser, teaser.replace("canal", "river")]
    layout = classify(lines)
    assert layout.end == 4


def test_a_long_headline_never_opens_the_run():
    headline = "Council to close two of its five recycling centres by the end of the year as the review is published"
    layout = classify([headline, P1, P2], headings=[True, False, False])
    assert layout.start == 1


def test_content_words_match_on_their_first_five_letters():
    assert content_words("Council closes recycling centres") & content_words("the centre was closed by the councillors")
    assert "the" not in content_words("The council and the county")


def test_teaser_paragraphs_after_the_article_are_cut_from_the_page():
    teaser = (
        "The harbour festival returns this summer with a new programme of music and food stalls, and the "
        "organisers say that they expect more visitors than ever before to come along over the weekend."
    )
    text = "\n\n".join(
        [
            *MENU,
            "Council to close two recycling centres",
            "By Ann Leigh",
            P1,
            P2,
            P3,
            "Most popular",
            *[f"Another story about the town number {n}" for n in range(8)],
            teaser,
            *MENU,
        ]
    )
    ex = extract(text)
    assert ex.title == "Council to close two recycling centres"
    assert ex.paragraphs == [P1, P2, P3]
