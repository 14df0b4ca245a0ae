"""People and organisations: roles, honorifics, aliases, misspellings, acronyms, the gazetteer."""

from articles.extract import Known, KnownOrganisation, KnownPerson, extract

TITLE = "Alliance weighs peacekeeping mission"


def ex_of(*paragraphs: str, known: Known | None = None):
    return extract("\n\n".join([TITLE, *paragraphs]), known=known)


def people(ex):
    return {p.name: p for p in ex.people}


def orgs(ex):
    return {o.name: o for o in ex.organisations}


def test_role_before_name_is_split_off():
    ex = ex_of(
        "CSTO Secretary-General Stanislav Zas said the alliance was following the talks closely and hoped for calm.",
        "The political scientist Dmitry Voronkov believes the initiative is aimed at consolidating territorial changes.",
    )
    p = people(ex)
    assert p["Stanislav Zas"].role == "CSTO Secretary-General"
    assert p["Stanislav Zas"].organisation == "Collective Security Treaty Organization"
    assert p["Dmitry Voronkov"].role == "political scientist"


def test_role_with_organisation_of_the():
    ex = ex_of("Political expert of the Ukrainian Club Vitaly Litvinenko believes the decision is unlikely to interest anyone.")
    p = people(ex)
    assert "Vitaly Litvinenko" in p
    assert p["Vitaly Litvinenko"].organisation == "Ukrainian Club"
    assert "Ukrainian Club" in orgs(ex)


def test_honorifics_are_not_part_of_the_name():
    ex = ex_of(
        "Dr Anna Lee, a senior lecturer in German, said the decision had been taken in secret by the board.",
        "Mr Petrov added that the union would ballot its members for industrial action next month.",
    )
    p = people(ex)
    assert "Anna Lee" in p and "Dr Anna Lee" not in p
    assert "Petrov" in p and "Mr Petrov" not in p


def test_honorific_surname_folds_into_the_full_name():
    ex = ex_of(
        "Dmitri Petrov, the local branch secretary of the union, said members would ballot for action.",
        "Mr Petrov added that the union had asked to see the financial modelling behind the decision.",
    )
    assert [p.name for p in ex.people] == ["Dmitri Petrov"]


def test_misspelled_surname_is_an_alias_not_a_second_person():
    ex = ex_of(
        "CSTO Secretary-General Stanislav Zas said the alliance was not involved in the talks between the parties.",
        "In mid-February, Vas addressed the UN Security Council and said the forces were highly trained.",
        "Later that month, Vas floated the idea of sending peacekeepers to the region, Zas told Reuters.",
    )
    p = people(ex)
    assert set(p) == {"Stanislav Zas"}
    assert "Vas" in p["Stanislav Zas"].aliases


def test_known_person_is_reported_under_the_canonical_name():
    known = Known(people=(KnownPerson(name="Stanislav Zas", aliases=("Stanislav Vas",), role="CSTO Secretary-General"),))
    ex = ex_of("Stanislav Vas said on Tuesday that the alliance was following the negotiations closely.", known=known)
    p = people(ex)
    assert set(p) == {"Stanislav Zas"}
    assert "Stanislav Vas" in p["Stanislav Zas"].aliases


def test_places_days_sentence_starts_and_organisations_are_not_people():
    ex = ex_of(
        "Meeting this month virtually, the Moscow-based staff discussed crisis-response initiatives with member states.",
        "On Tuesday, Armenia chaired a meeting on arms control. Eastern Europe saw exercises by NATO forces in November.",
        "The Collective Security Treaty Organization said its forces were ready.",
    )
    assert ex.people == ()


def test_appositive_and_who_clauses_make_people():
    ex = ex_of(
        "Markus Feld, president of the Central Association of Retail Traders (ZVH), said footfall in city centres was down.",
        "I had a cup of tea with Geoff Armitage, who has led the volunteer team since the start of the project.",
    )
    p = people(ex)
    assert p["Markus Feld"].role.startswith("president of the Central Association")
    assert "Geoff Armitage" in p
    o = orgs(ex)
    assert o["Central Association of Retail Traders"].acronym == "ZVH"


def test_gazetteer_full_name_and_acronym_are_one_record():
    ex = ex_of(
        "The Collective Security Treaty Organization met on Monday. The CSTO said it would meet NATO and the EU.",
        "He addressed the UN Security Council, and later the U.N. Security Council issued a statement.",
    )
    o = orgs(ex)
    assert o["Collective Security Treaty Organization"].acronym == "CSTO"
    assert "CSTO" not in o
    assert "North Atlantic Treaty Organization" in o and "European Union" in o
    unsc = o["United Nations Security Council"]
    assert {"UN Security Council", "U.N. Security Council"} <= set(unsc.aliases)
    assert "World Health Organization" not in o  # only what the text mentions


def test_acronym_definitions_both_ways():
    ex = ex_of(
        "The Baltic Power Authority (BPA) has warned of price spikes. BPA said repairs would take months.",
        "Officials at the VIPA (Vilnius Institute for Policy Analysis) agreed with the assessment.",
    )
    o = orgs(ex)
    assert o["Baltic Power Authority"].acronym == "BPA"
    assert o["Vilnius Institute for Policy Analysis"].acronym == "VIPA"
    assert "BPA" not in o


def test_media_outlets_are_organisations_of_kind_media():
    ex = ex_of(
        "As the BBC Ukrainian Service reported on December 2, experts emphasize the need for unity.",
        "Zas told Reuters in an interview, and later spoke to the Voice of America.",
    )
    o = orgs(ex)
    assert o["BBC Ukrainian Service"].kind == "media"
    assert o["Reuters"].kind == "media"
    assert o["Voice of America"].acronym == "VOA"


def test_organisation_named_by_a_common_noun_before_it():
    ex = ex_of("Analysts at lender Harland Pryce said the figures were welcome, and consultancy Meridian Macro agreed.")
    o = orgs(ex)
    assert o["Harland Pryce"].kind == "company"
    assert "Meridian Macro" in o


def test_known_organisation_alias_resolves_to_canonical_name():
    known = Known(organisations=(KnownOrganisation(name="Northwind Grid Systems", acronym="NWGS", aliases=("Northwind",)),))
    ex = ex_of("Northwind said on Tuesday it would build the plant near the airport.", known=known)
    assert "Northwind Grid Systems" in orgs(ex)


def test_words_inside_a_title_are_not_a_name():
    ex = ex_of("Northwind's Chief Operating Officer, Samuel K. Osei, said construction will begin in the spring.")
    assert [p.name for p in ex.people] == ["Samuel K. Osei"]
    assert "Chief Operating Officer" in ex.people[0].role


def test_capitalised_places_with_a_verb_are_not_people():
    ex = ex_of(
        "The White House said in a statement that the president would sign the bill on Friday.",
        "If you walked the Rochdale Canal above Todmorden last year, you saw the works. Police Scotland said no arrests were made.",
    )
    assert ex.people == ()
    assert "White House" in orgs(ex)


def test_publication_named_in_the_body_is_an_organisation_not_a_person():
    text = "\n\n".join(
        [
            "Dalmatia Daily | News | Economy | Islands",
            "Government doubles ferry subsidy for small islands",
            "By Marko Jurić",
            "“The government has had seven years to do this,” opposition MP Nikola Perić told Dalmatia Daily on Friday.",
            "The subsidy will double from next year, the ministry said in a statement on its website.",
        ]
    )
    ex = extract(text)
    assert ex.source == "Dalmatia Daily"
    assert orgs(ex)["Dalmatia Daily"].kind == "media"
    assert "Dalmatia Daily" not in people(ex)
    assert ex.quotes[0].speaker == "Nikola Perić"


def test_role_of_an_organisation_with_for_in_its_name():
    ex = ex_of(
        "Director of the Center for Eastern Studies Pavel Kovalenko is more cautious about the roadmaps.",
        "\"Nobody has seen the texts of the programs,\" notes the political analyst.",
    )
    p = people(ex)
    assert p["Pavel Kovalenko"].role == "Director of the Center for Eastern Studies"
    assert p["Pavel Kovalenko"].organisation == "Center for Eastern Studies"
    assert "Center for Eastern Studies" in orgs(ex)
    assert ex.quotes[0].speaker == "Pavel Kovalenko"


def test_known_person_found_by_surname_or_its_misspelling_alone():
    known = Known(people=(KnownPerson(name="Stanislav Zas", role="CSTO Secretary-General"),))
    ex = ex_of(
        "In mid-February, Vas addressed the council and said the forces were trained.",
        "“We very much hope the parties will find a solution,” Vas said in February.",
        known=known,
    )
    p = people(ex)
    assert set(p) == {"Stanislav Zas"}
    assert "Vas" in p["Stanislav Zas"].aliases
    assert ex.quotes[0].speaker == "Stanislav Zas"


def test_councillor_abbreviation_is_an_honorific():
    ex = ex_of("Mayor Cr Joan Pike said the budget was balanced. 'We kept rates flat,' Cr Pike said.")
    assert "Joan Pike" in people(ex)
    assert ex.quotes[0].speaker == "Joan Pike"


def test_translated_name_keeps_its_own_acronym_for_a_confederation():
    ex = ex_of("The National Confederation of Dockers (FNPD) called a strike on Monday, the union said.")
    assert orgs(ex)["National Confederation of Dockers"].acronym == "FNPD"


def test_person_with_an_appositive_role_after_a_comma():
    ex = ex_of("Rosa Vint, Headteacher at Millbrook School, said the trial had gone well for pupils.")
    assert "Rosa Vint" in people(ex)
    ex = ex_of("Detective Constable Ivo Marsh, who led the inquiry, praised the witnesses.")
    assert people(ex)["Ivo Marsh"].role == "Detective Constable"


def test_possessive_inside_a_capitalised_run_is_not_a_person():
    ex = ex_of("Rosa Vint, Headteacher at St Agnes's Primary School in Lowton, said the trial had gone well.")
    assert set(people(ex)) == {"Rosa Vint"}


def test_publication_named_again_outside_its_masthead_is_an_organisation():
    body = "The council approved the new ferry timetable on Monday after months of complaints from passengers."
    page = "\n\n".join(
        ["HARBOUR POST", "Council approves new ferry timetable", "By Ana Ruiz", body, body.replace("Monday", "Tuesday"),
         "Ana Ruiz is a reporter at the Harbour Post."]
    )
    assert "Harbour Post" in orgs(extract(page))
    once = "\n\n".join(["HARBOUR POST", "Council approves new ferry timetable", "By Ana Ruiz", body, body.replace("Monday", "Tuesday")])
    assert "Harbour Post" not in orgs(extract(once))


def test_nickname_between_first_name_and_surname_is_an_alias():
    ex = ex_of(
        "Robert “Bobby” Carver, 74, was walking his dog when the wall collapsed.",
        "“I heard a crack and then it was all over the path,” Bobby said.",
    )
    p = people(ex)
    assert "Bobby" in p["Robert Carver"].aliases
    assert ex.quotes[0].speaker == "Robert Carver"
