"""Quote spans, attribution and the things in quote marks that are not quotes."""

from articles.extract import extract

TITLE = "Alliance weighs peacekeeping mission"


def ex_of(*paragraphs: str):
    return extract("\n\n".join([TITLE, *paragraphs]))


def by_start(ex, start: str):
    return next(q for q in ex.quotes if q.text.startswith(start))


def test_attribution_after_the_quote_with_name_and_with_said_first():
    ex = ex_of(
        "“We need to work with the member states to remove the problems that exist,” CSTO Secretary-General Stanislav Zas said in March.",
        "“Hypothetically you can imagine such a deployment if there were goodwill,” Zas told Reuters for its report.",
        "“It is a difficult decision for everyone involved,” said Zas.",
    )
    assert [q.speaker for q in ex.quotes] == ["Stanislav Zas"] * 3
    assert by_start(ex, "Hypothetically").attribution.startswith("Zas told Reuters")


def test_attribution_before_the_quote():
    ex = ex_of("Vitaly Litvinenko, a political expert, said: “Russia is also playing on this field and it has no future.”")
    q = ex.quotes[0]
    assert q.speaker == "Vitaly Litvinenko"
    assert q.text == "Russia is also playing on this field and it has no future."


def test_following_sentence_attribution_and_pronoun():
    ex = ex_of(
        "Political scientist Dmitry Voronkov believes the initiative is aimed at consolidating changes.",
        "“There is such a phrase – you need to be closer to the enemy in order to understand his policy.” Voronkov says.",
        "“NATO can react to this declaration without legally supporting it,” he added.",
    )
    assert [q.speaker for q in ex.quotes] == ["Dmitry Voronkov", "Dmitry Voronkov"]


def test_role_noun_refers_back_to_the_person_last_introduced():
    ex = ex_of(
        "Deputy Director of Situations Modeling Alexey Golobutsky believes the desire may be an attempt to test loyalty.",
        "“From a pragmatic point of view, NATO could speed up the process of rapprochement with Ukraine,” the analyst believes.",
    )
    assert ex.quotes[0].speaker == "Alexey Golobutsky"


def test_statement_and_report_speak_for_their_organisation():
    ex = ex_of(
        "This is stated in the statement published on behalf of the CSTO on Friday.",
        "“In this regard, we propose to organize a meeting of authorized representatives of the OSCE, NATO and the EU,” the statement reads.",
        "As the BBC reported, in a new report on NATO’s strategy, experts emphasize the need for unity.",
        "“NATO is critically in need of political unity on priority issues,” the report says.",
    )
    first, second = ex.quotes
    assert first.speaker is None and first.organisation == "Collective Security Treaty Organization"
    assert first.attribution == "the statement reads"
    assert second.speaker is None and second.organisation == "North Atlantic Treaty Organization"


def test_unnamed_sources_have_no_speaker_and_invent_no_person():
    ex = ex_of(
        "“Nothing has been decided, and nothing will be decided before the budget,” a ministry source said.",
        "“The board has seen two serious expressions of interest,” officials said.",
    )
    assert [q.speaker for q in ex.quotes] == [None, None]
    assert ex.people == ()
    assert any("quote without speaker" in w for w in ex.warnings)


def test_quote_reopened_across_paragraphs_is_one_quote():
    ex = ex_of(
        "Minister Ivana Kovač said:",
        "“For too long, people on the small islands have been told to wait. They wait for the ferry and the doctor.",
        "“Two sailings a day is a huge step forward for the islands and their families.”",
        "The measure takes effect in October.",
    )
    assert len(ex.quotes) == 1
    q = ex.quotes[0]
    assert q.speaker == "Ivana Kovač"
    assert q.text.startswith("For too long") and q.text.endswith("their families.")
    assert ex.body[q.position:].startswith(q.text[:20])


def test_guillemets():
    ex = ex_of("Rūta Žemaitytė, the authority's chair, spoke in Vilnius. «This is not the moment to take anything offline,» she said.")
    q = ex.quotes[0]
    assert q.text == "This is not the moment to take anything offline"
    assert q.speaker == "Rūta Žemaitytė"


def test_single_quotes_and_apostrophes():
    ex = ex_of(
        "Students’ union leaders were angry on Tuesday, and the university’s staff agreed.",
        "‘It’s the students’ futures I worry about most, and nobody asked us,’ said Dr Hannah Lee.",
        "Mr O'Brien's view was different: 'We can't keep subsidising courses nobody takes,' he said.",
    )
    texts = [q.text for q in ex.quotes]
    assert texts == [
        "It’s the students’ futures I worry about most, and nobody asked us",
        "We can't keep subsidising courses nobody takes",
    ]
    assert ex.quotes[0].speaker == "Hannah Lee"


def test_scare_quotes_titles_and_short_noun_phrases_are_not_quotes():
    ex = ex_of(
        "From that moment on, the concept of the “Russian world” died, says Litvinenko, a political analyst.",
        "Russia’s initiative to “form a just and sustainable world order” can be aimed at changes, the expert believes.",
        "Her new book, \"Cold Archive\", argues that ancient ice is the best record we have.",
        "The so-called \"lifeline routes\" will get more money from the state budget next year.",
    )
    assert ex.quotes == ()


def test_partial_quote_with_a_speech_verb_is_kept():
    ex = ex_of(
        "CSTO Secretary-General Stanislav Zas reportedly noted “the steady trend towards its aggravation,” according to the alliance’s statement."
    )
    q = ex.quotes[0]
    assert q.text.startswith("the steady trend")
    assert q.speaker == "Stanislav Zas"


def test_positions_index_the_body():
    ex = ex_of(
        "“We will fight this,” she said, “all the way to the council chamber if we have to.”",
        "Local mother Aoife Brennan started the petition. “It is the only place they go all week,” Ms Brennan said.",
    )
    for q in ex.quotes:
        assert ex.body[q.position:].startswith(q.text[:20])


def test_straight_quotes_reopened_across_paragraphs():
    ex = ex_of(
        "Sen. Susan Collins of Maine said she expected the House to act quickly on the measure.",
        "\"Nobody wants a shutdown, not the troops and not federal workers.",
        "\"We have a responsibility to keep the lights on,\" she said.",
    )
    assert len(ex.quotes) == 1
    q = ex.quotes[0]
    assert q.text.startswith("Nobody wants") and q.text.endswith("keep the lights on")
    assert q.speaker == "Susan Collins"
    assert not any("unbalanced" in w for w in ex.warnings)


def test_unclosed_quote_is_reported():
    ex = ex_of("“We will never agree to this plan, whatever the council decides next month, Mr Jones said.")
    assert any("unbalanced quote marks" in w for w in ex.warnings)


def test_organisation_statement_through_a_common_noun():
    ex = ex_of(
        "Otočna Linija, the state-owned shipping company that operates most of the lines, said it was ready to expand.",
        "“We will be able to introduce the new timetables gradually from October,” the company said.",
    )
    q = ex.quotes[0]
    assert q.speaker is None and q.organisation == "Otočna Linija"


def test_pronoun_skips_a_person_added_on_with_and():
    ex = ex_of(
        "On a cold morning in March, Ines Varga is standing on the riverbank with a sampling pole.",
        "“This is where the sediment settles first,” says Varga, a chemist at the state laboratory.",
        "Doctoral student Hanna Berg collected the first samples last spring.",
        "Varga accepts the point. She and a doctoral student, Hanna Berg, are now repeating the sampling upstream.",
        "“If the pattern holds upstream, we will know it is not the dredging,” she says.",
    )
    assert by_start(ex, "If the pattern").speaker == "Ines Varga"


def test_the_statement_goes_to_the_person_it_came_from():
    ex = ex_of(
        "Bram Oster, who ran the charity's accounts, admitted the thefts at the Crown Court on Friday.",
        "A statement from Oster was read to the court by his barrister, Nina Kade.",
        "“I let down everyone who trusted me and I will repay every penny,” the statement said.",
    )
    assert by_start(ex, "I let down").speaker == "Bram Oster"


def test_a_name_in_marks_between_a_determiner_and_its_noun_is_not_a_quote():
    ex = ex_of(
        "Ms Dana Holt, the station manager, said crews had been busy.",
        "She said the brigade would continue to run its ‘SafeHome’ information sessions for residents before winter.",
    )
    assert ex.quotes == ()
