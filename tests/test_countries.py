"""Tests for natocorpus.gazetteer and natocorpus.extract.countries."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natocorpus import gazetteer
from natocorpus.exceptions import UnknownCountryError
from natocorpus.extract.countries import find_places
from natocorpus.records import CityMention, CountryMention

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def places(text: str, language: str = "fr") -> tuple[list[CountryMention], list[CityMention]]:
    """Run find_places over the whole text and check the offsets of every mention."""
    countries, cities = find_places(text, [(0, len(text))], language)
    for mention in (*countries, *cities):
        assert text[mention.start:mention.end] == mention.text
    return countries, cities


def codes(text: str, language: str = "fr") -> list[tuple[str, str]]:
    """(text, code) of the country mentions of ``text``."""
    return [(m.text, m.code) for m in places(text, language)[0]]


def city_list(text: str, language: str = "fr") -> list[tuple[str, str, str]]:
    """(text, canonical name, country) of the city mentions of ``text``."""
    return [(m.text, m.name, m.country) for m in places(text, language)[1]]


def check_invariants(raw: str, countries: list[CountryMention], cities: list[CityMention]) -> None:
    """Offsets slice back to the text; each list is in text order; no two mentions overlap."""
    for mentions in (countries, cities):
        starts = [m.start for m in mentions]
        assert sorted(starts) == starts
    every = sorted((*countries, *cities), key=lambda m: m.start)
    for mention in every:
        assert raw[mention.start:mention.end] == mention.text
        assert mention.start < mention.end
    for before, after in zip(every, every[1:]):
        assert before.end <= after.start


class TestCountryNames:
    def test_grammatical_contexts(self):
        """Names are found after articles, prepositions and both elision apostrophes."""
        text = (
            "Le ministre a reçu la Russie, puis le chef de l'Iran et de l’Iran, "
            "avant d'aller aux États-Unis, du Japon en Pologne."
        )

        assert [
            ("Russie", "RU"), ("Iran", "IR"), ("Iran", "IR"), ("États-Unis", "US"),
            ("Japon", "JP"), ("Pologne", "PL"),
        ] == codes(text)

    def test_text_is_the_name_only(self):
        """The mention's text leaves the article out and slices back to the raw text."""
        text = "Un accord avec l’Ukraine."
        (mention,), _ = places(text)

        assert ("Ukraine", 17, 24, "name", "Ukraine") == (
            mention.text, mention.start, mention.end, mention.form, mention.name,
        )

    def test_name_is_the_french_cldr_name(self):
        """Every mention carries the country's French name, whatever was written."""
        (mention,), _ = places("Les Etats Unis hésitent.")

        assert ("US", "États-Unis", "Etats Unis") == (mention.code, mention.name, mention.text)

    def test_unaccented_capitals(self):
        """Capitals written without their accent still match."""
        assert [
            ("Etats-Unis", "US"), ("Egypte", "EG"), ("Equateur", "EC"), ("Ethiopie", "ET"),
        ] == codes("Les Etats-Unis, l'Egypte, l'Equateur et l'Ethiopie votent.")

    def test_capital_letter_is_required(self):
        """A lower-case common noun is not a country; capitals in a headline are."""
        assert [("CHINE", "CN")] == codes("La porcelaine de chine. LA CHINE RÉAGIT")

    def test_longest_match_wins(self):
        """Multi-word names win over their first word, and nothing overlaps."""
        text = (
            "La Corée du Nord, la Corée du Sud, la Macédoine du Nord, "
            "la Nouvelle-Zélande et la Guinée équatoriale."
        )

        assert [
            ("Corée du Nord", "KP"), ("Corée du Sud", "KR"), ("Macédoine du Nord", "MK"),
            ("Nouvelle-Zélande", "NZ"), ("Guinée équatoriale", "GQ"),
        ] == codes(text)

    def test_press_spellings(self):
        """Spellings CLDR lacks come from country_aliases.csv."""
        text = "L'Irak, l'Iraq, le Bélarus, la République tchèque, la Birmanie et les USA."

        assert [
            ("Irak", "IQ"), ("Iraq", "IQ"), ("Bélarus", "BY"), ("République tchèque", "CZ"),
            ("Birmanie", "MM"), ("USA", "US"),
        ] == codes(text)

    def test_ivory_coast_with_both_apostrophes(self):
        """Côte d'Ivoire is matched with a straight or a curly apostrophe."""
        assert [("Côte d'Ivoire", "CI"), ("Côte d’Ivoire", "CI")] == codes(
            "La Côte d'Ivoire, ou Côte d’Ivoire."
        )

    def test_ambiguous_names_are_left_out(self):
        """Maurice, Dominique, Guinée, Corée and Congo alone are not matched."""
        text = (
            "Maurice et Dominique ont visité la Guinée, puis la Corée et le fleuve Congo."
        )

        assert [] == codes(text)

    def test_unambiguous_forms_of_ambiguous_names(self):
        """The longer, unambiguous forms are matched."""
        assert [("île Maurice", "MU"), ("Guinée-Bissau", "GW"), ("RDC", "CD")] == codes(
            "De l'île Maurice à la Guinée-Bissau et en RDC."
        )

    def test_hollande(self):
        """Hollande is the Netherlands, but not François Hollande."""
        assert [("Hollande", "NL")] == codes(
            "François Hollande puis M. Hollande ont parlé de la Hollande."
        )

    def test_regions_are_not_countries(self):
        """Continents, regions and unions give nothing."""
        text = (
            "L'Europe, l'Amérique, l'Amérique du Nord, le Moyen-Orient, l'Indo-Pacifique, "
            "l'Union européenne, l'océan Indien et l'Occident."
        )

        assert [] == codes(text)


class TestDemonyms:
    def test_inflections_and_case(self):
        """Demonyms match in every gender, number and case, with form 'demonym'."""
        text = (
            "Des soldats nord-coréens, une unité nord-coréenne, des Nord-Coréens, "
            "un diplomate russe, des Russes, une ministre américaine, un Belge."
        )
        countries, _ = places(text)

        assert [
            ("nord-coréens", "KP"), ("nord-coréenne", "KP"), ("Nord-Coréens", "KP"),
            ("russe", "RU"), ("Russes", "RU"), ("américaine", "US"), ("Belge", "BE"),
        ] == [(m.text, m.code) for m in countries]
        assert {"demonym"} == {m.form for m in countries}

    def test_invariable_and_irregular_forms(self):
        """-s forms do not change in the plural; turc and grec have irregular feminines."""
        assert [
            ("néerlandais", "NL"), ("néerlandaises", "NL"), ("finlandais", "FI"),
            ("turque", "TR"), ("Turcs", "TR"), ("grecque", "GR"), ("grecs", "GR"),
        ] == codes(
            "Un navire néerlandais, des frégates néerlandaises, le chef finlandais, "
            "la marine turque, les Turcs, la flotte grecque, les ports grecs."
        )

    def test_noun_after_article(self):
        """A capitalised demonym after an article is a country mention."""
        assert [("Finlandais", "FI"), ("Albanais", "AL")] == codes(
            "Le Finlandais a rencontré l'Albanais."
        )

    def test_anglais_is_the_united_kingdom(self):
        """Anglais and britannique give GB."""
        assert [("Anglais", "GB"), ("britanniques", "GB")] == codes(
            "Les Anglais et les forces britanniques."
        )

    def test_false_friends(self):
        """Regional adjectives are not demonyms of a country."""
        text = (
            "Les pays européens, le camp occidental, l'espace atlantique, les États baltes, "
            "le monde arabe, les pays africains et asiatiques, la musique latino."
        )

        assert [] == codes(text)

    def test_continent_americain_still_counts(self):
        """'américain' gives US even for the American continent (as the gold accepts)."""
        assert [("américain", "US")] == codes("Une menace pour le continent américain.")


class TestCompounds:
    def test_two_countries_with_their_offsets(self):
        """'russo-ukrainien' gives RU for 'russo' and UA for 'ukrainien'."""
        text = "Le conflit russo-ukrainien dure."
        countries, _ = places(text)

        assert [("russo", "RU", 11, 16), ("ukrainien", "UA", 17, 26)] == [
            (m.text, m.code, m.start, m.end) for m in countries
        ]
        assert {"demonym"} == {m.form for m in countries}

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("le couple franco-allemand", [("franco", "FR"), ("allemand", "DE")]),
            ("l'axe sino-russe", [("sino", "CN"), ("russe", "RU")]),
            ("le dialogue américano-chinois", [("américano", "US"), ("chinois", "CN")]),
            ("la relation germano-polonaise", [("germano", "DE"), ("polonaise", "PL")]),
            ("la frontière turco-syrienne", [("turco", "TR"), ("syrienne", "SY")]),
            ("le sommet sino-nord-coréen", [("sino", "CN"), ("nord-coréen", "KP")]),
            ("des milices pro-russes", [("russes", "RU")]),
            ("un discours anti-américain", [("américain", "US")]),
        ],
    )
    def test_prefixes(self, text, expected):
        """Compound prefixes of the demonym table, and neutral pro-/anti-."""
        assert expected == codes(text)

    @pytest.mark.parametrize(
        "text",
        [
            "les pays latino-américains",
            "la sécurité euro-atlantique",
            "la région indo-pacifique",
            "le complexe militaro-industriel",
            "le monde anglo-saxon",
            "les Afro-Américains",
        ],
    )
    def test_not_compounds_of_countries(self, text):
        """A compound is read only if every element is a country."""
        assert [] == codes(text)

    def test_hyphenated_names(self):
        """Names joined by a hyphen to other words are still found."""
        assert [("Ukraine", "UA"), ("Russie", "RU"), ("Chine", "CN")] == codes(
            "Le Conseil OTAN-Ukraine et le dialogue Russie-Chine."
        )

    def test_hyphenated_cities(self):
        """Cities joined by a hyphen are two city mentions."""
        assert [("Kiev", "Kiev", "UA"), ("Moscou", "Moscou", "RU")] == city_list(
            "L'axe Kiev-Moscou est rompu."
        )


class TestCities:
    def test_city_is_not_a_country(self):
        """A capital is a city mention with its country, never a country mention."""
        countries, cities = places("Les ministres se réunissent à Bruxelles.")

        assert [] == countries
        assert [("Bruxelles", "Bruxelles", "BE")] == [(c.text, c.name, c.country) for c in cities]

    def test_canonical_name(self):
        """Spellings of one city share its canonical French name."""
        assert [
            ("Kyiv", "Kiev", "UA"), ("Kyïv", "Kiev", "UA"), ("Odesa", "Odessa", "UA"),
            ("Beijing", "Pékin", "CN"),
        ] == city_list("Kyiv, Kyïv, Odesa et Beijing.")

    def test_washington(self):
        """Washington is the US capital, also when used for the government."""
        assert [("Washington", "Washington", "US")] == city_list(
            "Le message de Washington est clair."
        )

    def test_blocked_washingtons(self):
        """The Washington Post and George Washington are not the city."""
        assert [] == city_list("Selon le Washington Post, George Washington aurait hésité.")

    def test_regions_named_after_cities(self):
        """After 'région de', 'oblast de', 'province de', a city name is a region."""
        text = (
            "Les combats dans la région russe de Koursk, dans l'oblast de Donetsk et la "
            "province de Kherson continuent, et près de Belgorod."
        )
        countries, cities = places(text)

        assert [("russe", "RU")] == [(m.text, m.code) for m in countries]
        assert [("Belgorod", "RU")] == [(c.text, c.country) for c in cities]

    def test_city_states(self):
        """A city-state is the country, unless it follows 'à'."""
        text = "Il vit au Luxembourg et travaille à Luxembourg, puis part à Singapour."
        countries, cities = places(text)

        assert [("Luxembourg", "LU")] == [(m.text, m.code) for m in countries]
        assert [("Luxembourg", "LU"), ("Singapour", "SG")] == [
            (c.text, c.country) for c in cities
        ]

    def test_mexico_is_the_city_in_french(self):
        """In French, Mexico is the capital and Mexique the country."""
        countries, cities = places("Le Mexique a reçu la délégation à Mexico.")

        assert [("Mexique", "MX")] == [(m.text, m.code) for m in countries]
        assert [("Mexico", "MX")] == [(c.text, c.country) for c in cities]

    def test_article_of_the_name(self):
        """'La Haye' takes its article; 'au Caire' has none to take."""
        assert [("La Haye", "La Haye", "NL"), ("Caire", "Le Caire", "EG")] == city_list(
            "La Cour de La Haye et l'ambassade au Caire."
        )


class TestEnglish:
    def test_names_and_demonyms(self):
        """English names and demonyms are read when language='en'."""
        text = (
            "Russia said Russian and North Korean troops met the United States delegation "
            "while North Koreans watched."
        )

        assert [
            ("Russia", "RU"), ("Russian", "RU"), ("North Korean", "KP"),
            ("United States", "US"), ("North Koreans", "KP"),
        ] == codes(text, "en")

    def test_us_abbreviations(self):
        """'US' and 'U.S.' are the United States; the pronoun 'us' is not."""
        assert [("US", "US"), ("U.S.", "US")] == codes(
            "Let us see what US and U.S. officials said.", "en"
        )

    def test_lower_case_demonyms_are_not_countries(self):
        """English demonyms need their capital ('polish' is a verb)."""
        assert [("Polish", "PL")] == codes("They polish the Polish tanks.", "en")

    def test_ambiguous_english_names(self):
        """Georgia, Chad and Jordan are left out; Latin American is no US demonym."""
        assert [] == codes(
            "Georgia and Chad met Jordan at a Latin American summit on the Indian Ocean.",
            "en",
        )

    def test_english_compounds(self):
        """English compounds give one mention per country."""
        assert [("Russo", "RU"), ("Ukrainian", "UA"), ("US", "US"), ("Russian", "RU")] == codes(
            "The Russo-Ukrainian war strains US-Russian ties.", "en"
        )

    def test_english_cities_and_regions(self):
        """English spellings of cities; 'Kursk region' is a region."""
        assert [("Kyiv", "Kiev", "UA"), ("The Hague", "La Haye", "NL")] == city_list(
            "Kyiv asked The Hague while the Kursk region burned.", "en"
        )

    def test_french_names_are_not_read_in_english(self):
        """In English mode the French country names are not used."""
        assert [] == codes("Allemagne", "en")


class TestSpans:
    def test_only_spans_are_read(self):
        """Text outside the spans is ignored, and offsets point into the raw text."""
        raw = "Chine\nLa Russie menace la Pologne.\nIran"
        start = raw.index("La")
        end = raw.index("\nIran")
        countries, _ = find_places(raw, [(start, end)])

        assert [("Russie", 9, 15), ("Pologne", 26, 33)] == [
            (m.text, m.start, m.end) for m in countries
        ]
        for mention in countries:
            assert raw[mention.start:mention.end] == mention.text

    def test_odd_spans(self):
        """Spans out of range, reversed or overlapping are clipped and merged."""
        raw = "xx Russie yy"
        countries, _ = find_places(raw, [(3, 9), (-5, 2), (100, 200), (5, 4), (2, 8)])

        assert [("Russie", 3, 9)] == [(m.text, m.start, m.end) for m in countries]

    def test_no_spans(self):
        """No span, no mention."""
        assert ([], []) == find_places("La Russie", [])

    def test_order_and_no_overlap(self):
        """Mentions come in text order and never overlap."""
        raw = (
            "Les Nord-Coréens, la Corée du Nord et la Russie à Moscou; "
            "le sommet sino-russe à Pékin; les États-Unis d'Amérique."
        )
        countries, cities = places(raw)

        check_invariants(raw, countries, cities)
        assert [("États-Unis d'Amérique", "US")] == [
            (m.text, m.code) for m in countries if m.text.startswith("États")
        ]


class TestRobustness:
    @pytest.mark.parametrize(
        "raw",
        [
            "",
            "\x00",
            "\x00Russie\x00",
            "\u200b\u200d\ufeff",
            "Rus\u200bsie",
            "\ud800 Chine \udfff",
            "-",
            "'’'",
            "U.S.",
            "à",
            "La",
            "russo-",
            "-russe-",
            "\u0301Chine",
        ],
    )
    def test_never_raises_on_odd_strings(self, raw):
        """Odd strings give no error and consistent offsets."""
        for language in ("fr", "en"):
            countries, cities = find_places(raw, [(0, len(raw))], language)
            check_invariants(raw, countries, cities)

    def test_decomposed_accents(self):
        """Text in NFD (combining accents) is matched, offsets into the NFD text."""
        raw = unicodedata.normalize("NFD", "Les États-Unis, la Rússie et l'Égypte.")
        countries, _ = places(raw)

        assert [
            ("US", unicodedata.normalize("NFD", "États-Unis")),
            ("RU", unicodedata.normalize("NFD", "Rússie")),
            ("EG", unicodedata.normalize("NFD", "Égypte")),
        ] == [(m.code, m.text) for m in countries]

    def test_zero_width_characters(self):
        """Zero-width characters inside a name are kept in the text and ignored in matching."""
        raw = "La Rus\u200bsie et l'\u200bUkraine."
        countries, _ = places(raw)

        assert [("Rus\u200bsie", "RU"), ("Ukraine", "UA")] == [(m.text, m.code) for m in countries]

    def test_five_megabytes_on_one_line(self):
        """A 5 MB single line is read without error, in one pass."""
        unit = "La Russie et la Chine parlent à Bruxelles de sécurité euro-atlantique. "
        raw = unit * (5_000_000 // len(unit) + 1)
        countries, cities = find_places(raw, [(0, len(raw))])

        assert len(raw) // len(unit) * 2 <= len(countries)
        assert countries[-1].end <= len(raw)
        assert len(cities) >= len(raw) // len(unit)

    @settings(max_examples=300, deadline=None)
    @given(st.text())
    def test_any_text(self, raw):
        """Any string gives valid, ordered, non-overlapping mentions."""
        for language in ("fr", "en"):
            countries, cities = find_places(raw, [(0, len(raw))], language)
            check_invariants(raw, countries, cities)

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(
            st.one_of(
                st.sampled_from(
                    [
                        "Russie", "russo", "-", "ukrainien", "Corée", " du ", "Nord",
                        "l’", "d'", "Iran", "à", " ", "Luxembourg", "région", " de ",
                        "Koursk", "U.S.", "US", "La", "Haye", "nord-coréennes", "\u0301",
                        "\u200b", "États", "Unis", ".", "Washington", "Post", "Marie",
                    ]
                ),
                st.text(max_size=3),
            ),
            max_size=30,
        ),
        st.sampled_from(["fr", "en"]),
    )
    def test_name_soup(self, pieces, language):
        """Strings made of names, fragments and odd characters keep every invariant."""
        raw = "".join(pieces)
        countries, cities = find_places(raw, [(0, len(raw))], language)

        check_invariants(raw, countries, cities)


class TestGazetteer:
    def test_sovereign_codes(self):
        """Sovereign states only: UN members plus VA, PS, TW and XK."""
        sovereign = gazetteer.sovereign_codes()

        assert 197 == len(sovereign)
        assert {"TW", "PS", "XK", "VA", "FR", "KP"} <= sovereign
        assert set() == {"EU", "UN", "EZ", "QO", "ZZ", "HK", "PR", "GL", "RE", "001"} & sovereign

    def test_country_name(self):
        """French and English CLDR names, codes in any case."""
        assert ("Corée du Nord", "North Korea", "Allemagne") == (
            gazetteer.country_name("KP"),
            gazetteer.country_name("KP", lang="en"),
            gazetteer.country_name("de"),
        )

    def test_country_name_unknown_code(self):
        """An unknown code raises UnknownCountryError, also a KeyError, naming the value."""
        with pytest.raises(UnknownCountryError, match=re.escape("got 'EU'")):
            gazetteer.country_name("EU")
        with pytest.raises(KeyError):
            gazetteer.country_name("QQ")

    def test_country_name_bad_language(self):
        """Only fr and en are known."""
        with pytest.raises(ValueError, match=re.escape("lang must be one of 'fr', 'en', got 'de'")):
            gazetteer.country_name("FR", lang="de")

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("ru", "RU"),
            ("RU", "RU"),
            ("Russie", "RU"),
            ("russie", "RU"),
            ("Russia", "RU"),
            ("RUSSIANS", "RU"),
            ("Etats Unis", "US"),
            ("états-unis", "US"),
            ("U.S.", "US"),
            ("Biélorussie", "BY"),
            ("Bielorussie", "BY"),
            ("nord-coréennes", "KP"),
            ("Côte d’Ivoire", "CI"),
            ("Turkey", "TR"),
            ("Türkiye", "TR"),
            ("Maurice", "MU"),
            ("  Japon ", "JP"),
            ("Europe", None),
            ("Amérique", None),
            ("EU", None),
            ("Moscou", None),
            ("", None),
            ("zz", None),
        ],
    )
    def test_lookup_country(self, value, expected):
        """Codes, names, aliases and demonyms resolve, case- and accent-insensitively."""
        assert expected == gazetteer.lookup_country(value)

    def test_known_country_labels(self):
        """Every label resolves and the list is sorted and a fresh copy."""
        labels = gazetteer.known_country_labels()

        assert sorted(labels) == labels
        assert {"FR", "France", "Russie", "Russia", "russes", "Irak"} <= set(labels)
        assert all(gazetteer.lookup_country(label) is not None for label in labels)
        labels.clear()
        assert gazetteer.known_country_labels()

    def test_french_inflections(self):
        """French demonyms get their four forms; -c forms keep their own feminine row."""
        forms = {d.form for d in gazetteer.demonyms() if d.lang == "fr"}

        assert {"ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes"} <= forms
        assert {"américaine", "français", "française", "françaises", "belges"} <= forms
        assert {"turc", "turcs", "turque", "turques"} <= forms
        assert "turce" not in forms

    def test_english_inflections(self):
        """English plurals: -s, none after -ese/-sh/-ch, Frenchman -> Frenchmen."""
        forms = {d.form for d in gazetteer.demonyms() if d.lang == "en"}

        assert {"Russians", "Germans", "Chinese", "Swiss", "Frenchmen", "Iraqis"} <= forms
        assert set() == {"Chineses", "Germen", "Swisss"} & forms

    def test_data_codes_are_sovereign(self):
        """Every code in the data files is a sovereign country."""
        sovereign = gazetteer.sovereign_codes()
        used = {a.code for a in gazetteer.country_aliases() if a.code is not None}
        used |= {d.code for d in gazetteer.demonyms()}
        used |= {c.code for c in gazetteer.cities()}

        assert set() == used - sovereign

    def test_fold(self):
        """Folding removes case, accents and zero-width characters; hyphens are spaces."""
        assert ("etats unis", "cote d'ivoire", "russie") == (
            gazetteer.fold("ÉTATS-UNIS"),
            gazetteer.fold("Côte d’Ivoire"),
            gazetteer.fold("Rus\u200bsie"),
        )


def _seed_ids() -> list[str]:
    return sorted(path.stem for path in SEEDS.glob("*.txt"))


@pytest.fixture(name="gold", scope="module")
def fixture_gold() -> dict[str, dict[str, object]]:
    """The gold annotations of the bundled seeds, by article id."""
    entries = json.loads((SEEDS / "annotations.json").read_text(encoding="utf-8"))
    return {entry["id"]: entry for entry in entries}


class TestSeeds:
    @pytest.mark.parametrize("article_id", _seed_ids())
    def test_gold_countries_are_found(self, gold, article_id):
        """Over the whole file, every gold country code is found."""
        raw = (SEEDS / f"{article_id}.txt").read_text(encoding="utf-8")
        countries, cities = find_places(raw, [(0, len(raw))], gold[article_id]["language"])

        check_invariants(raw, countries, cities)
        assert set() == set(gold[article_id]["countries"]) - {m.code for m in countries}

    @pytest.mark.parametrize("article_id", _seed_ids())
    def test_gold_cities_are_cities(self, gold, article_id):
        """Every gold city is found as a city of its country, never as a country."""
        raw = (SEEDS / f"{article_id}.txt").read_text(encoding="utf-8")
        countries, cities = find_places(raw, [(0, len(raw))], gold[article_id]["language"])
        found = {(m.text, m.country) for m in cities}

        for text, code in gold[article_id]["cities"]:
            assert (text, code) in found
            assert [] == [m for m in countries if m.text == text]
