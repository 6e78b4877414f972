"""The cleaning step on lines written for these tests (not taken from the test articles)."""

from __future__ import annotations

import pytest

from natocorpus.clean import CleanedText, clean_text

TITLE = "Sommet de l'Alliance : les ministres promettent un effort commun"
PARAGRAPH = (
    "Les ministres de la Défense des pays membres se sont retrouvés jeudi pour discuter du "
    "financement des munitions, de la protection des câbles sous-marins et du soutien aux "
    "partenaires de l'Est, dans une ambiance que plusieurs délégations ont jugée studieuse."
)
PARAGRAPH_2 = (
    "Aucune décision formelle n'a été prise à l'issue de la réunion, mais les délégations "
    "ont convenu de se revoir avant l'été afin de préciser le calendrier des livraisons et "
    "le partage des coûts entre les capitales concernées par ces nouveaux engagements."
)


def cleaned(*lines: str, language: str = "fr") -> CleanedText:
    """Clean an article made of ``lines``, one per line."""
    return clean_text("\n".join(lines) + "\n", language)


def role_of(line: str, *lines: str, language: str = "fr") -> str:
    """The role given to ``line`` in an article made of ``lines``."""
    result = cleaned(*lines, language=language)
    (role,) = [item.role for item in result.lines if item.text == line]
    return role


class TestArticleTools:
    @pytest.mark.parametrize(
        "line",
        [
            "Offrir cet article",
            "Écouter cet article",
            "Réutiliser ce contenu",
            "Ajouter à mes favoris",
            "Partager l’article sur Bluesky",
            "Partagez cet article",
            "Signaler une faute",
            "Se connecter",
            "S’inscrire",
            "Contribuer",
            "Passer la publicité",
            "WhatsApp Facebook Email",
            "Imprimer | Envoyer",
            "Temps de lecture 3 min.",
            "Lecture 8 min.",
            "Début du widget Carte. Passer la carte ?",
            "Newsletter L'Hebdo de la Défense : chaque vendredi, le meilleur de nos analyses dans votre boîte",
        ],
    )
    def test_tool_line_is_boilerplate(self, line: str) -> None:
        """A button or tool of the page, in the header, is set aside."""
        assert "boilerplate" == role_of(line, TITLE, line, PARAGRAPH, PARAGRAPH_2)

    @pytest.mark.parametrize(
        "line",
        [
            "Lire aussi | Défense : le budget des armées en débat au Parlement",
            "Lire aussi Marine : un nouveau sous-marin mis à l'eau",
            "Lire également : Les réservistes appelés en renfort",
            "Related: Allies agree on a new air defence plan",
        ],
    )
    def test_teaser_on_the_marker_line(self, line: str) -> None:
        """A teaser on the same line as its marker is furniture, and the body goes on."""
        result = cleaned(TITLE, PARAGRAPH, line, PARAGRAPH_2)
        assert ["title", "paragraph", "boilerplate", "paragraph"] == [item.role for item in result.lines]

    @pytest.mark.parametrize(
        "line",
        [
            "Prenez note que cet article publié en 2019 pourrait contenir des informations périmées.",
            "Cet article a paru dans l'édition du samedi.",
            "Cet article vous a été utile ? Retrouvez-nous chaque jour sur notre site.",
            "Suivez la rédaction sur Telegram pour ne rien manquer",
            "Follow Jane Doe on X at https://x.example/janedoe",
            "____",
        ],
    )
    def test_notices_after_the_body(self, line: str) -> None:
        """Notices about the article or the outlet are set aside."""
        assert "boilerplate" == role_of(line, TITLE, PARAGRAPH, PARAGRAPH_2, line)

    def test_player_clock_is_boilerplate(self) -> None:
        """An audio player's clock is not a dateline."""
        assert "boilerplate" == role_of("00:00/12:41", TITLE, "00:00/12:41", PARAGRAPH)

    def test_dateline_is_kept_as_dateline(self) -> None:
        """"Publié le ... | Mis à jour le ..." stays a dateline."""
        line = "Publié le 02/04/2024 à 10:15 | Mis à jour le 02/04/2024 à 12:30"
        assert "dateline" == role_of(line, TITLE, line, PARAGRAPH)


class TestCaptions:
    @pytest.mark.parametrize(
        "line",
        [
            "Des soldats lors d'un exercice près de Tapa, mardi. KEYSTONE/Jean Exemple",
            "Le ministre à son arrivée à Bruxelles, le 3 mai 2024. JEAN EXEMPLE / AFP",
            "Un navire allié au large de Kiel, en 2022. MARIE TEST / ANP VIA AFP",
            "Le chef de corps devant ses hommes, vendredi. Photo XY /Paul Exemple",
            "Le navire amiral de la flotte, à quai mercredi. | Jean Exemple / AFP",
            "[2/5] A soldier stands guard near the summit venue, June 3, 2024. REUTERS/John Example",
            "Item 2 of 3 A soldier stands guard near the summit venue. REUTERS/John Example",
            "Photo: Jean Exemple Agence France-Presse Des soldats patrouillent le long de la frontière, "
            "dans la région de Narva, en Estonie, à quelques kilomètres de la Russie.",
            "Le drapeau de l'Alliance devant le siège de l'organisation à Bruxelles (photo d'illustration)",
        ],
    )
    def test_caption_with_credit(self, line: str) -> None:
        """A caption ending with a photo credit (or flagged as an illustration) is furniture."""
        assert "boilerplate" == role_of(line, TITLE, line, PARAGRAPH, PARAGRAPH_2)

    @pytest.mark.parametrize("line", ["KEYSTONE/AFP/Jean Exemple", "Belga / Marie Test", "Jean Exemple/AFP",
                                      "EPA-EFE/Paul Exemple", "REUTERS/John Example"])
    def test_credit_alone_on_its_line(self, line: str) -> None:
        """A photo credit on its own line (agency and photographer) is furniture, not a person in the body."""
        assert "boilerplate" == role_of(line, TITLE, PARAGRAPH, line, PARAGRAPH_2)

    def test_agency_signature_is_not_a_photo_credit(self) -> None:
        """"ats/jfe" at the end is the agency's signature, not a photo credit."""
        assert "boilerplate" != role_of("ats/jfe", TITLE, PARAGRAPH, PARAGRAPH_2, "ats/jfe")

    def test_sentence_with_a_slash_is_body(self) -> None:
        """A short body line naming "OTAN/UE" is not a caption."""
        line = "La coopération OTAN/UE progresse."
        assert "boilerplate" != role_of(line, TITLE, PARAGRAPH, line, PARAGRAPH_2)


class TestTeasersAndTail:
    def test_list_of_teasers_to_the_end(self) -> None:
        """Every headline of a list after "À lire aussi" is a teaser."""
        result = cleaned(
            TITLE, PARAGRAPH, PARAGRAPH_2, "À lire aussi :",
            "Marine : un nouveau patrouilleur pour la flotte du Nord",
            "Qui commande les forces alliées en Europe ?",
            "Armée de terre : les réservistes plus nombreux",
        )
        assert ["title", "paragraph", "paragraph"] + ["boilerplate"] * 4 == [item.role for item in result.lines]

    def test_list_of_teasers_up_to_furniture(self) -> None:
        """A list of teasers ends at the next furniture; the teasers before it are set aside."""
        result = cleaned(
            TITLE, PARAGRAPH, "Lire aussi", "Budget : les crédits militaires en hausse",
            "Aviation : les pilotes formés plus tôt", "Signaler une faute", PARAGRAPH_2,
        )
        assert ["title", "paragraph"] + ["boilerplate"] * 4 + ["paragraph"] == [item.role for item in result.lines]

    def test_heading_after_a_teaser_stays_a_heading(self) -> None:
        """After a teaser, a short line introducing body text is a heading, not a teaser."""
        result = cleaned(
            TITLE, PARAGRAPH, "Lire aussi", "Budget : les crédits militaires en hausse",
            "Une réunion sans décision", PARAGRAPH_2,
        )
        assert ["title", "paragraph", "boilerplate", "boilerplate", "heading", "paragraph"] == [
            item.role for item in result.lines
        ]

    @pytest.mark.parametrize(
        "marker",
        [
            "Read Next", "Articles en lien", "Related publications", "La rédaction vous conseille",
            "Ces articles peuvent vous intéresser", "Nos newsletters", "Dernières nouvelles",
            "Tous les articles", "Voir plus de posts", "Ce direct est terminé", "Voir les 12 commentaires",
            "Réagir (5 commentaires)",
        ],
    )
    def test_tail_marker(self, marker: str) -> None:
        """A tail marker after the body sets aside everything after it."""
        result = cleaned(TITLE, PARAGRAPH, marker, "Défense", "Un autre titre du site sur la marine", "Plus d'infos")
        assert ["title", "paragraph"] + ["boilerplate"] * 4 == [item.role for item in result.lines]

    def test_box_of_links_mid_article(self) -> None:
        """"Sur le même sujet" and headlines with the article going on after them: a box, not the tail."""
        result = cleaned(
            TITLE, PARAGRAPH, "Sur le même sujet", "L'Otan déploie ses forces au nord de l'Europe",
            "Un expert explique pourquoi l'Arctique compte", "Oslo parle d'entraînement", PARAGRAPH_2, PARAGRAPH,
        )
        assert ["title", "paragraph", "boilerplate", "boilerplate", "boilerplate", "heading", "paragraph",
                "paragraph"] == [item.role for item in result.lines]

    def test_comments_marker_ends_the_article_even_before_long_lines(self) -> None:
        """Readers' comments after "Commentaires" are not the article, however long they are."""
        result = cleaned(TITLE, PARAGRAPH, "Commentaires", PARAGRAPH_2, PARAGRAPH)
        assert ["title", "paragraph"] + ["boilerplate"] * 3 == [item.role for item in result.lines]

    def test_short_sentence_after_a_teaser_is_body(self) -> None:
        """A short last sentence after a teaser is body, not a teaser."""
        result = cleaned(
            TITLE, PARAGRAPH, "Lire aussi", "Budget : les crédits militaires en hausse",
            "La prochaine réunion aura lieu à Oslo.",
        )
        assert ["title", "paragraph", "boilerplate", "boilerplate", "paragraph"] == [item.role for item in result.lines]


class TestHeader:
    @pytest.mark.parametrize(
        "masthead", ["La Gazette du Nord", "L'Express de Lorraine", "Le Soir Plus", "Alpes Hebdo", "Reuters Africa"],
    )
    def test_outlet_name_above_the_headline(self, masthead: str) -> None:
        """The outlet's name above the headline is furniture, neither title nor byline."""
        result = cleaned(masthead, "Défense", TITLE, "Par Jeanne Exemple", PARAGRAPH)
        assert ("boilerplate", TITLE, "Jeanne Exemple") == (result.lines[0].role, result.title, result.byline)

    def test_outlet_name_is_not_a_source_above_the_headline(self) -> None:
        """A newspaper's name at the top of its page is not the article's source credit."""
        result = cleaned("Le Figaro", TITLE, PARAGRAPH)
        assert ("boilerplate", None) == (result.lines[0].role, result.source)

    def test_outlet_like_headline_without_another_stays_the_title(self) -> None:
        """A headline that reads like an outlet's name is kept when no other headline follows."""
        result = cleaned("Le Journal de la Défense", PARAGRAPH)
        assert "Le Journal de la Défense" == result.title

    def test_agency_signature_is_the_source(self) -> None:
        """"Par AFP" credits the agency."""
        result = cleaned(TITLE, "Par AFP", PARAGRAPH)
        assert ("source", "AFP") == (result.lines[1].role, result.source)

    def test_kicker_before_the_headline(self) -> None:
        """A section label above "DIRECT. ..." is a label; the line with the kicker is the headline."""
        headline = "DIRECT. Guerre en Ukraine : les alliés se réunissent en urgence à Bruxelles"
        result = cleaned("Guerre en Ukraine", headline, PARAGRAPH)
        assert (headline, "boilerplate") == (result.title, result.lines[0].role)

    @pytest.mark.parametrize("label", ["L'essentiel", "En résumé:", "À retenir"])
    def test_summary_label_is_not_furniture(self, label: str) -> None:
        """A label heading the summary under the headline is part of the article."""
        assert "boilerplate" != role_of(label, TITLE, label, "Les ministres se sont réunis jeudi.", PARAGRAPH)


class TestBylines:
    @pytest.mark.parametrize(
        ("line", "author", "agency"),
        [
            ("Par Claire Martin et Paul Lenoir", "Claire Martin et Paul Lenoir", None),
            ("By Jane Doe and John Roe", "Jane Doe and John Roe", None),
            ("By JANE DOE and JOHN ROE", "Jane Doe and John Roe", None),
            ("Par Claire Martin (à Riga, envoyée spéciale) et Paul Lenoir", "Claire Martin et Paul Lenoir", None),
            ("Par Paul Lenoir, envoyé spécial à Madrid", "Paul Lenoir", None),
            ("Texte : Claire Martin", "Claire Martin", None),
            ("Written by Jane Doe", "Jane Doe", None),
            ("Article rédigé par Paul Lenoir - Radio Exemple avec AFP", "Paul Lenoir", "AFP"),
            ("Claire Martin à Québec avec l'Agence France-Presse", "Claire Martin", "Agence France-Presse"),
            ("Paul Lenoir (voir ses articles)", "Paul Lenoir", None),
            ("Par Paul Lenoir et AFP", "Paul Lenoir", "AFP"),
        ],
    )
    def test_byline(self, line: str, author: str, agency: str | None) -> None:
        """The byline's authors and the agency it credits."""
        result = cleaned(TITLE, line, PARAGRAPH)
        assert ("byline", author, agency) == (result.lines[1].role, result.byline, result.source)

    def test_name_with_another_name_after_avec_is_not_a_byline(self) -> None:
        """"X à Paris avec Y" names no agency: it is not a byline."""
        line = "Emmanuel Exemple à Paris avec Olaf Modèle"
        assert "byline" != role_of(line, TITLE, line, PARAGRAPH)


class TestOutletAndCredits:
    def test_outlet_name_under_the_headline_is_not_a_byline(self) -> None:
        """An agency's regional name under the headline is furniture, not an author."""
        result = cleaned(TITLE, "Reuters Africa", PARAGRAPH)
        assert ("boilerplate", None) == (result.lines[1].role, result.byline)

    def test_bare_agency_under_the_headline_stays_the_source(self) -> None:
        """A bare agency name under the headline is still the source credit."""
        result = cleaned(TITLE, "Associated Press", PARAGRAPH)
        assert ("source", "Associated Press") == (result.lines[1].role, result.source)

    def test_outlet_name_by_the_byline(self) -> None:
        """The outlet's name next to the byline, after the standfirst, is furniture."""
        result = cleaned(TITLE, PARAGRAPH, "Par Paul Lenoir", "Radio Exemple Télévisions", PARAGRAPH_2)
        assert ["title", "paragraph", "byline", "boilerplate", "paragraph"] == [item.role for item in result.lines]

    def test_with_the_information_of_an_agency(self) -> None:
        """"Avec les informations de X" credits X."""
        result = cleaned(TITLE, PARAGRAPH, PARAGRAPH_2, "Avec les informations de Presse Exemple")
        assert ("source", "Presse Exemple") == (result.lines[-1].role, result.source)


class TestFurniturePrefilter:
    @pytest.mark.parametrize(
        ("pattern", "expected"),
        [
            (r".{0,300}\b(?:photograph|photo|picture|image)\s*:\s*[^.]{1,80}", {"photograph", "photo", "picture", "image"}),
            (r".{0,200}\b(?:cookies?|témoins de (?:connexion|navigation))\b.{0,300}", {"cookie", "témoins de "}),
            (r".{10,400}[.)]\s+(?:photos?\s+)?(?-i:[A-Z])", {".", ")"}),
            (r".{0,120}, opens new tab", {", opens new tab"}),
            (r"x|yz", {"x", "yz"}),
            (r"ab{2,3}c", {"a"}),
            (r"(?:ab)?cd|e+", {"cd", "e"}),
        ],
    )
    def test_required_strings(self, pattern: str, expected: set[str]) -> None:
        """The strings one of which every match of a pattern holds, read from its text."""
        from natocorpus.clean import _required_strings

        assert expected == _required_strings(pattern)

    @pytest.mark.parametrize("pattern", [r"\x41bc", r"(?=ab)", r"a{}b", r"[^a]", r".*"])
    def test_unread_syntax_requires_nothing(self, pattern: str) -> None:
        """Syntax the prefilter does not read gives no required string (the pattern is always tried)."""
        from natocorpus.clean import _required_strings

        assert _required_strings(pattern) is None
