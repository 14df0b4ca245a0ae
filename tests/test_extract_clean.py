"""Cleaning: furniture out, headline once, standfirst, subheadings and typographic repair."""

from articles.extract import extract
from articles.extract.clean import clean, repair_typography
from articles.extract.lexicon import is_share_line

BODY = (
    "The council voted on Monday to close the branch library, which has served the town for more "
    "than forty years, citing the cost of repairing its roof."
)
BODY2 = (
    "Residents said they would challenge the decision and have started a petition that has "
    "gathered more than 3,000 signatures in a week."
)


def test_share_buttons_cookie_banner_and_subscribe_prompts_are_removed():
    text = "\n\n".join(
        [
            "Council votes to close library",
            "Spread the love",
            "Share this:",
            "Tweet",
            "We use cookies to give you the best experience. By clicking Accept all you agree.",
            "Accept all",
            "Subscribe to our newsletter for the top stories every morning.",
            BODY,
            "Share on Facebook | Share on X | Print",
            BODY2,
        ]
    )
    ex = extract(text)
    assert ex.title == "Council votes to close library"
    assert ex.paragraphs == [BODY, BODY2]


def test_title_is_taken_once_and_copies_glued_to_the_site_name_give_the_source():
    text = "\n\n".join(
        [
            "Tuesday, December 24",
            "Council Votes To Close Library",
            "Local news, Council Votes To Close Library, The Valley Herald",
            BODY,
            "Council Votes To Close Library",
            BODY2,
            "Council Votes To Close Library, The Valley Herald",
        ]
    )
    ex = extract(text)
    assert ex.title == "Council Votes To Close Library"
    assert "Council Votes To Close Library" not in ex.body
    assert "Tuesday" not in ex.body
    assert ex.source == "The Valley Herald"
    assert ex.published_on is None


def test_repeated_headline_hides_other_stories_headlines_before_it():
    text = "\n\n".join(
        [
            "Library closure sparks protest",
            "Mayor Resigns After Funding Scandal Rocks Town Hall!",
            "Library closure sparks protest",
            BODY,
        ]
    )
    ex = extract(text)
    assert ex.title == "Library closure sparks protest"
    assert "Mayor Resigns" not in ex.body


def test_dek_is_the_sentence_like_line_after_the_title():
    text = "\n\n".join(
        [
            "Library closure sparks protest",
            "Campaigners say the branch is the only warm public space left in the town centre",
            BODY,
            BODY2,
        ]
    )
    ex = extract(text)
    assert ex.dek.startswith("Campaigners say the branch")
    assert not ex.body.startswith("Campaigners")


def test_subheading_becomes_a_marked_paragraph():
    text = "\n\n".join(["Library closure sparks protest", BODY, "What happens next", BODY2])
    ex = extract(text)
    assert ex.paragraphs[1] == "## What happens next"
    assert ex.paragraphs[2] == BODY2


def test_comment_thread_author_bio_and_related_block_are_cut():
    text = "\n\n".join(
        [
            "Library closure sparks protest",
            "By Jane Porter",
            BODY,
            "Related",
            "Mayor resigns after scandal",
            "New bus routes announced for spring",
            BODY2,
            "Jane Porter is a freelance journalist who writes about local government.",
            "More Posts - Website - Twitter",
            "3 comments",
            "Bob says: I disagree with this decision entirely, it is a waste of money.",
            "Reply",
        ]
    )
    ex = extract(text)
    assert ex.paragraphs == [BODY, BODY2]
    assert ex.authors == ("Jane Porter",)
    jane = next(p for p in ex.people if p.name == "Jane Porter")
    assert "freelance journalist" in jane.description


def test_captions_and_copyright_lines_are_removed():
    text = "\n\n".join(
        [
            "Library closure sparks protest",
            "File photo: the library on Main Street",
            BODY,
            "Protesters outside the town hall on Monday. (Reuters)",
            "Photo: John Smith",
            BODY2,
            "Copyright © 2023 The Valley Herald. All rights reserved.",
        ]
    )
    ex = extract(text)
    assert ex.paragraphs == [BODY, BODY2]


def test_typographic_repair():
    assert repair_typography("It ended..") == "It ended."
    assert repair_typography("Wait...") == "Wait..."
    assert repair_typography("the paradigm of a“ just world ”is old") == "the paradigm of a “just world” is old"
    # A closing mark written as an opening one: followed by the attribution.
    fixed = repair_typography("“We will not accept this, “Smith said.")
    assert fixed == "“We will not accept this,” Smith said."
    assert repair_typography("“It is over , ”Jones told reporters.") == "“It is over,” Jones told reporters."


def test_whitespace_is_normalised_and_paragraphs_separated_by_one_blank_line():
    text = "Library  closure\u00a0sparks protest\r\n\r\n\r\n" + BODY.replace(" ", "  ", 3) + "\n\n\n\n" + BODY2
    ex = extract(text)
    assert ex.title == "Library closure sparks protest"
    assert ex.body == BODY + "\n\n" + BODY2


def test_hard_wrapped_wire_copy_is_joined():
    wrapped = "\n".join(
        [
            "The council voted on Monday to close the branch library, which has",
            "served the town for more than forty years, citing the cost of repairing",
            "its roof.",
        ]
    )
    c = clean("Library closure sparks protest\n\n" + wrapped + "\n\n" + BODY2)
    assert c.paragraphs[0] == BODY


def test_no_title_gives_a_warning():
    ex = extract("")
    assert ex.title == ""
    assert "no title found" in ex.warnings


def test_fixed_width_wire_copy_is_rejoined_but_header_lines_are_not():
    text = "\n".join(
        [
            "Oil prices rise as producers signal further output cuts",
            "",
            "By Alex Lawler and Ron Bousso, Reuters",
            "Updated 9:42 AM GMT, Mon March 4, 2024",
            "",
            "Brent crude futures rose 1.2% to $86.10 a barrel by 0930 GMT. U.S. West",
            "Texas Intermediate crude was up 1.1% at $82.70 in early trade in",
            "Asia, extending gains from the previous session.",
            "",
            "\"The market is pricing in a tighter balance for the fourth quarter,\"",
            "said Giovanni Staunovo, an analyst at UBS. \"Inventories are drawing.\"",
        ]
    )
    ex = extract(text)
    assert ex.paragraphs[0].startswith("Brent crude") and "U.S. West Texas Intermediate" in ex.paragraphs[0]
    assert ex.authors == ("Alex Lawler", "Ron Bousso")
    assert ex.quotes[0].speaker == "Giovanni Staunovo"


def test_url_line_becomes_the_url_and_leaves_the_body():
    text = "\n\n".join(["https://example.org/news/2024/library-closure", "Library closure sparks protest", BODY, BODY2])
    ex = extract(text)
    assert ex.url == "https://example.org/news/2024/library-closure"
    assert ex.title == "Library closure sparks protest"
    assert "https://" not in ex.body


HEADLINE = "Harbour board approves new ferry timetable after months of complaints"


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_share_buttons_run_together_are_not_the_headline():
    ex = extract(_page("Share on Facebook Share on X Share by email Print", HEADLINE, "By Ana Ruiz", BODY, BODY2))
    assert ex.title == HEADLINE
    assert is_share_line("Share on Facebook Share on X Share by email Print")
    assert is_share_line("Share Tweet WhatsApp Email 48 comments")
    assert not is_share_line("Share prices fall on Monday")


def test_numbered_most_read_entries_are_not_the_headline_and_a_shorter_copy_confirms_it():
    ex = extract(
        _page(
            "Most read",
            "1. Pop singer reveals surprise engagement on stage at festival",
            "2. Bakery chain shuts forty shops",
            "Harbour row: board approves new ferry timetable after months of complaints",
            "Passengers had waited for an hour at the pier",
            "Regular users say the service has been unreliable all winter",
            "By Ana Ruiz",
            BODY,
            BODY2,
            "Popular now",
            "1. Board approves new ferry timetable after months of complaints",
        )
    )
    assert ex.title == "Harbour row: board approves new ferry timetable after months of complaints"


def test_a_byline_name_or_name_with_role_is_not_the_headline():
    for byline in ("Tomasz Brandt", "Tomasz Brandt, Transport Reporter"):
        ex = extract(_page("Transport", HEADLINE, byline, "12 March 2025", BODY, BODY2, byline))
        assert ex.title == HEADLINE, byline
        assert ex.authors == ("Tomasz Brandt",)


def test_translator_credit_is_not_the_headline_and_names_a_person():
    ex = extract(_page(HEADLINE, "Ana Ruiz", "Translated from the Spanish by Jonah Fell", "16 January 2025", BODY, BODY2))
    assert ex.title == HEADLINE
    assert "Translated" not in ex.body
    assert "Jonah Fell" in {p.name for p in ex.people}


def test_disclaimer_and_credit_lines_are_furniture():
    ex = extract(_page(HEADLINE, BODY, BODY2, "Translated by Jonah Fell. The views expressed are the author's own."))
    assert "views expressed" not in ex.body
    assert "Jonah Fell" in {p.name for p in ex.people}


def test_consent_banner_gallery_caption_and_site_prompts_are_removed():
    ex = extract(
        _page(
            "We value your privacy",
            "We and our 120 partners store and/or access information on a device, such as cookies.",
            "ACCEPT ALL MANAGE OPTIONS REJECT ALL",
            HEADLINE,
            "Listen to this article · 4 min",
            "Item 1 of 3 A ferry leaves the harbour at dawn. Purchase Licensing Rights, opens new tab",
            BODY,
            "Get the top stories straight to your inbox. Sign up to our newsletter",
            BODY2,
            "This article appeared in print under the headline \"All aboard\"",
            "Have a news tip? Send it to our newsroom.",
        )
    )
    assert ex.title == HEADLINE
    assert ex.paragraphs == [BODY, BODY2]


def test_notes_to_editors_and_media_contacts_end_a_press_release():
    ex = extract(
        _page(
            HEADLINE,
            BODY,
            BODY2,
            "Notes to editors",
            "1. The timetable was drawn up after a consultation with passengers and operators last year.",
            "2. Photographs of the new ferries are available on request.",
            "Media enquiries",
            "Harbour board press office: 01632 960 000 or press@example.org",
        )
    )
    assert ex.paragraphs == [BODY, BODY2]


def test_caption_label_and_its_caption_are_neither_headline_nor_body():
    text = "\n\n".join(["Harbour Gazette", "Council votes to close library", "Media caption,", "Readers outside the branch on Friday", BODY, BODY2])
    ex = extract(text)
    assert ex.title == "Council votes to close library"
    assert ex.paragraphs == [BODY, BODY2]


def test_timestamp_line_is_never_the_headline():
    text = "\n\n".join(["Council votes to close library", "Updated at 9:40 AM, Mar 2, 2024", BODY, BODY2])
    ex = extract(text)
    assert ex.title == "Council votes to close library"
    assert str(ex.published_on) == "2024-03-02"


def test_name_and_job_title_line_is_never_the_headline():
    text = "\n\n".join(["Council votes to close library", "Priya Nandakumar Senior education reporter", BODY, BODY2])
    ex = extract(text)
    assert ex.title == "Council votes to close library"
    assert BODY == ex.paragraphs[0]


def test_follow_app_republish_donate_and_signup_prompts_are_removed():
    text = "\n\n".join(
        [
            "Council votes to close library",
            BODY,
            "Follow The Harbour Gazette on Instagram and Threads",
            BODY2,
            "Get the Harbour Gazette news app for alerts on your phone.",
            "Republish this article",
            "Please support our journalism with a gift today.",
            "Enter your email address",
            "The Harbour Gazette is a nonprofit newsroom serving the coast. Donate now.",
        ]
    )
    ex = extract(text)
    assert ex.paragraphs == [BODY, BODY2]


def test_outlet_describing_itself_after_the_reporting_is_removed():
    about = "The Coastal Wire is an independent, member-owned news organization founded in 1911 and read in many countries."
    ex = extract("\n\n".join(["Council votes to close library", BODY, BODY2, about]))
    assert ex.paragraphs == [BODY, BODY2]


# -- the article's run of lines on a whole page ------------------------------------------------

LONG1 = (
    "The county council said on Tuesday that it would close two of its five recycling centres by the end of "
    "the year, after a review found that the sites were used by fewer than a hundred cars a day."
)
LONG2 = (
    "Residents who live near the smaller of the two sites said they had not been asked about the plan, and "
    "that the nearest remaining centre would be more than twenty minutes away by car for most of them."
)
LONG3 = (
    "A spokesperson for the council said that the savings would be spent on a new kerbside collection of "
    "garden waste, which is expected to start in the spring and which will be free for the first year."
)
MENU = ["Home", "Local News", "Politics", "Business", "Sport", "Opinion", "Weather"]


def test_a_comments_button_above_the_article_does_not_cut_it():
    ex = extract(_page(*MENU, HEADLINE, "By Ana Ruiz", "Share", "Add a comment", LONG1, LONG2, LONG3))
    assert ex.paragraphs == [LONG1, LONG2, LONG3]


def test_a_first_paragraph_dense_in_names_still_opens_the_article():
    wire = "BRISTOL, March 4 (Reuters) - Harbour Board Chair Ana Ruiz, Mayor Tom Ellis and MP Joan Park met on Monday."
    ex = extract(_page(*MENU, HEADLINE, "By Ana Ruiz", wire, LONG1, LONG2))
    assert ex.paragraphs[0] == wire


def test_closing_sentences_after_the_last_long_paragraph_stay():
    ex = extract(_page(*MENU, HEADLINE, LONG1, LONG2, "Read more: Ferry fares to rise in April", "The board meets again in June.", *MENU))
    assert ex.paragraphs[-1] == "The board meets again in June."
    assert "Read more" not in ex.body


def test_a_sentence_addressed_to_the_reader_after_the_article_is_not_its_close():
    ex = extract(_page(*MENU, HEADLINE, LONG1, LONG2, "Advertisement", "If you value our reporting, tell your friends about us.", *MENU))
    assert ex.paragraphs == [LONG1, LONG2]


def test_a_short_quoted_sentence_inside_the_article_stays_even_when_it_says_you():
    quote = "“You just have to get on with it,” he added."
    ex = extract(_page(*MENU, HEADLINE, LONG1, LONG2, quote, "Image caption,", "The pier at dawn", LONG3, *MENU))
    assert quote in ex.paragraphs


def test_another_storys_headline_set_into_the_article_is_dropped_but_a_short_subheading_stays():
    other = "Ferry operator fined after passengers were stranded for six hours at sea"
    ex = extract(_page(*MENU, HEADLINE, LONG1, other, LONG2, "What happens next", LONG3, *MENU))
    assert other not in ex.body
    assert "## What happens next" in ex.paragraphs


def test_an_interview_question_inside_the_article_stays():
    question = "VALLEY POST: So what would you ask the council to do about the harbour now?"
    ex = extract(_page(*MENU, HEADLINE, LONG1, question, LONG2, LONG3, *MENU))
    assert question in ex.body


def test_a_newsletter_box_inside_the_article_is_dropped_whole():
    box = ["Join our morning newsletter", "Honest reporting. Every morning.", "Count me in"]
    ex = extract(_page(*MENU, HEADLINE, LONG1, LONG2, *box, LONG3, *MENU))
    assert ex.paragraphs == [LONG1, LONG2, LONG3]


def test_reader_prompts_are_furniture_and_reporting_about_them_is_not():
    from articles.extract.lexicon import is_reader_prompt

    for prompt in (
        "Never miss a story by signing up to our newsletter today!",
        "If you're seeing this message but you're already a subscriber, you can log in to read on.",
        "To read the full story, please subscribe to the Valley Post.",
        "Once you join, you'll get unlimited digital access to all our reporting.",
        "We noticed you're using an ad blocker. Please turn it off.",
        "The Valley Post is funded by readers and member donations",
        "Join 40,000 readers who start their day with the Valley Post",
    ):
        assert is_reader_prompt(prompt), prompt
    for line in (
        "The charity said donations had fallen by a third, and asked residents to give what they could.",
        "Hi all, and welcome to the new subscribers who found us after last week's post on the bus timetable.",
        "The next job is the lock gates. If you would like to help, there is a donation page on the trust's website.",
        "“Sign up now or you will miss out,” the organiser told volunteers.",
        "Billionaire makes $10bn donation to climate fund",
    ):
        assert not is_reader_prompt(line), line


def test_page_controls_and_picture_credits_are_furniture():
    from articles.extract.clean import _is_furniture

    for line in (
        "Choose from 14 languages",
        "Select your edition",
        "Edition: International",
        "ADVERTISEMENT:",
        "— ADVERTISEMENT —",
        "Release date: 3 May 2024",
        "Volunteers clear the beach on Sunday. (Tom Ward/Valley Post)",
        "(Credit: Ana Ruiz / Valley Post)",
        "Аdvеrtіѕе уоur business wіth thе Vаllеу Роѕt tоdау.",  # Cyrillic look-alike letters
    ):
        assert _is_furniture(line), line
    assert not _is_furniture("The limit is 30 km/h (about 19 mph) in the town centre (and/or the harbour).")


def test_a_comment_thread_longer_than_the_article_does_not_take_its_place():
    comment = (
        "I have lived in this town for forty years and I can tell you that the recycling centre on the hill "
        "has always been busy on a Saturday morning, so I do not believe the figures the council has given us."
    )
    thread = [comment.replace("forty", str(20 + n)) for n in range(12)]
    others = [f"Another story from the valley about something else, number {n}" for n in range(20)]
    ex = extract(_page(*MENU, HEADLINE, "By Ana Ruiz", LONG1, LONG2, LONG3, "More from the valley", *others, "Comments", *thread, *MENU))
    assert ex.title == HEADLINE
    assert ex.paragraphs == [LONG1, LONG2, LONG3]
