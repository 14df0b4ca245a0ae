"""The article body: paragraphs, subheadings and quotes marked safely. No database needed."""

from types import SimpleNamespace

from articles.templatetags.archive import article_body, coverage_timeline


def _speaker(name="Anna Lee", slug="anna-lee"):
    return SimpleNamespace(name=name, get_absolute_url=lambda: f"/people/{slug}/")


def _quote(pk, text, position, speaker=None):
    return SimpleNamespace(pk=pk, text=text, position=position, speaker_entity=speaker)


def _article(body, quotes=()):
    return SimpleNamespace(body=body, public_quotes=list(quotes))


def test_paragraphs_and_subheadings():
    html = article_body(_article("First line.\nStill first.\n\n## Outlook\n\nSecond.\n \nThird."))
    assert html == "<p>First line.<br>Still first.</p>\n<h2>Outlook</h2>\n<p>Second.</p>\n<p>Third.</p>"


def test_everything_is_escaped():
    html = article_body(_article('<script>alert("x")</script>\n\n## <b>Bold</b> & co'))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "<h2>&lt;b&gt;Bold&lt;/b&gt; &amp; co</h2>" in html


def test_quote_is_marked_and_linked_to_its_speaker():
    body = "Intro.\n\nShe said “we are ready” and left."
    quote = _quote(7, "we are ready", body.index("we are"), _speaker())
    html = article_body(_article(body, [quote]))
    assert (
        '<p>She said “<mark class="quote" id="quote-7"><a href="/people/anna-lee/">we are ready'
        '<span class="visually-hidden"> (Anna Lee)</span></a></mark>” and left.</p>'
    ) in html


def test_unattributed_quote_is_marked_without_a_link():
    body = "They said “no comment”."
    html = article_body(_article(body, [_quote(1, "no comment", body.index("no comment"))]))
    assert '<mark class="quote" id="quote-1">no comment</mark>' in html


def test_stale_position_is_skipped_not_misplaced():
    body = "Edited: the words moved. “we are ready”"
    html = article_body(_article(body, [_quote(1, "we are ready", 3, _speaker())]))
    assert "<mark" not in html and "we are ready" in html


def test_position_past_the_end_and_overlaps_are_skipped():
    body = "He said “alpha beta gamma”."
    start = body.index("alpha")
    quotes = [
        _quote(1, "alpha beta", start, _speaker()),
        _quote(2, "beta gamma", body.index("beta"), _speaker()),  # overlaps the first
        _quote(3, "ghost", 10_000, _speaker()),
    ]
    html = article_body(_article(body, quotes))
    assert html.count("<mark") == 1 and 'id="quote-1"' in html


def test_quote_spanning_paragraphs_is_not_marked():
    body = "one two\n\nthree four"
    html = article_body(_article(body, [_quote(1, "two\n\nthree", 4, _speaker())]))
    assert "<mark" not in html and html.count("<p>") == 2


def test_quote_text_with_markup_is_escaped_inside_the_mark():
    body = "He wrote “<img src=x onerror=alert(1)>”."
    text = "<img src=x onerror=alert(1)>"
    html = article_body(_article(body, [_quote(1, text, body.index(text), _speaker(name="<b>Eve</b>"))]))
    assert "<img" not in html and "<b>Eve" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_windows_line_endings():
    assert article_body(_article("One.\r\n\r\nTwo.")) == "<p>One.</p>\n<p>Two.</p>"


def test_timeline_counts_articles_per_month():
    import datetime as dt

    articles = [SimpleNamespace(published_on=d) for d in (dt.date(2024, 1, 5), dt.date(2024, 1, 20), dt.date(2024, 4, 1), None)]
    svg = coverage_timeline(articles, label="Coverage")
    assert svg.count("<rect") == 4  # January to April
    assert "January 2024: 2; April 2024: 1" in svg
    assert "<title>February 2024: 0</title>" in svg
    assert coverage_timeline([]) == ""
