"""The headline chosen by evidence, on whole invented pages: each test is one kind of wrong candidate."""

from articles.extract import extract

P1 = (
    "The county council said on Tuesday that it would close two of its five recycling centres by the end of "
    "the year, after a review found that the sites were used by fewer than a hundred cars a day."
)
P2 = (
    "Residents who live near the smaller of the two recycling sites said they had not been asked about the "
    "plan, and that the nearest remaining centre would be more than twenty minutes away by car."
)
P3 = (
    "A spokesperson for the council said that the savings would be spent on a new kerbside collection of "
    "garden waste, which is expected to start in the spring and which will be free for the first year."
)
HEADLINE = "Council to close two recycling centres after review finds little use"
MENU = ["Home", "Local News", "Politics", "Business", "Sport", "Opinion", "Weather", "Contact us"]


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_a_section_label_repeated_in_the_menus_is_not_the_headline():
    ex = extract(_page(*MENU, "Local News", HEADLINE, "By Ann Leigh", "12 March 2024", P1, P2, P3, *MENU))
    assert ex.title == HEADLINE


def test_a_newsletter_or_donation_prompt_above_the_article_is_not_the_headline():
    for prompt in (
        "Join thousands of readers who get our morning briefing in their inbox",
        "Independent local news, funded by readers like you",
        "Never miss a story: sign up to our daily newsletter",
    ):
        ex = extract(_page(*MENU, HEADLINE, "By Ann Leigh", "12 March 2024", prompt, P1, P2, P3, prompt))
        assert ex.title == HEADLINE, prompt
        assert prompt not in ex.body


def test_a_language_or_edition_picker_is_not_the_headline():
    picker = "Choose from 12 Languages"
    ex = extract(_page(*MENU, HEADLINE, "By Ann Leigh", "12 March 2024", picker, P1, P2, P3, picker, "Select your edition"))
    assert ex.title == HEADLINE


def test_the_headline_is_found_below_a_very_long_menu():
    archive = [f"{month} {year}" for year in range(1990, 2024) for month in ("March", "June", "September", "December")]
    ex = extract(_page(*MENU, *archive, HEADLINE, "By Ann Leigh", P1, P2, P3))
    assert ex.title == HEADLINE


def test_of_stacked_headline_lines_the_first_is_the_headline_and_the_next_its_deck():
    deck = "Residents say they were never asked about the plan"
    ex = extract(_page(*MENU, HEADLINE, deck, "By Ann Leigh", P1, P2, P3))
    assert ex.title == HEADLINE
    assert deck not in ex.body


def test_a_caption_above_its_photo_credit_is_not_the_headline():
    caption = "Cars queue outside the recycling centre on Mill Lane"
    caption = "The recycling centre on Mill Lane, one of the two sites the council plans to close. The other is in Ashby."
    ex = extract(_page(*MENU, HEADLINE, "By Ann Leigh", "12 March 2024", caption, "Credit...", "Tom Ward/Valley Post", P1, P2, P3))
    assert ex.title == HEADLINE


def test_a_pull_quote_in_quotation_marks_is_not_the_headline():
    quote = "‘We were never asked whether we wanted this’"
    ex = extract(_page(*MENU, HEADLINE, quote, "By Ann Leigh, 12 March 2024", P1, P2, P3))
    assert ex.title == HEADLINE


def test_a_line_with_an_email_address_is_a_byline_not_the_headline():
    ex = extract(_page(*MENU, HEADLINE, "Wire/The Valley Post - newsdesk@valleypost.example", "Published: 12 March 2024", P1, P2, P3))
    assert ex.title == HEADLINE


def test_links_copied_without_a_space_between_them_are_not_the_headline():
    ex = extract(_page("My FeedList your business with us", "Sign in", HEADLINE, "By Ann Leigh", P1, P2, P3, "My FeedList your business with us"))
    assert ex.title == HEADLINE


def test_entries_of_a_live_blog_are_not_the_headline():
    entry = "Recycling centre queues reach the main road"
    text = _page(
        *MENU,
        HEADLINE,
        "By",
        "Ann Leigh",
        "12 March 2024",
        P1,
        P2,
        "Key events",
        "14:02",
        entry,
        "14:02",
        entry,
        P3,
        "13:10",
        "Council statement on the closures",
        P1.replace("Tuesday", "Wednesday"),
    )
    ex = extract(text)
    assert ex.title == HEADLINE
    assert ex.authors == ("Ann Leigh",)


def test_a_standfirst_that_the_first_paragraph_repeats_is_not_the_headline():
    dek = "Two of five recycling sites will shut by the end of the year"
    lede = dek + ". " + P1
    ex = extract(_page(*MENU, HEADLINE, dek, "By Ann Leigh", lede, P2, P3))
    assert ex.title == HEADLINE


def test_a_headline_over_an_inserted_video_carousel_keeps_both_halves_of_its_article():
    videos = []
    for n in range(12):
        videos += [f"Watch: the week in pictures from around the region, part {n}", "Valley TV"]
    text = _page(*MENU, HEADLINE, "By Ann Leigh", P1, "Videos you may like", *videos, P2, P3, P2.replace("twenty", "thirty"), *MENU)
    ex = extract(text)
    assert ex.title == HEADLINE
    assert ex.paragraphs[0] == P1
    assert not any("Watch:" in p for p in ex.paragraphs)


def test_a_menu_entry_copied_in_a_second_menu_does_not_win_by_its_copies():
    ex = extract(_page(*MENU, *MENU, HEADLINE, "By Ann Leigh", P1, P2, P3, *MENU))
    assert ex.title == HEADLINE


def test_a_headline_in_capitals_is_still_a_headline_where_the_labels_are_shorter():
    shouted = "FIRE DESTROYS HISTORIC HARBOUR MILL"
    ex = extract(_page("NEWS", "SPORT", "LOCAL NEWS", shouted, "By Ann Leigh", "12 March 2024", P1, P2, P3))
    assert ex.title == shouted


def test_a_headline_only_at_the_end_of_a_breadcrumb_is_still_found():
    ex = extract(_page("Home", "Home › Local › Council to close two recycling centres", P1, P2, P3))
    assert ex.title == "Council to close two recycling centres"
    assert "no title found" not in ex.warnings
