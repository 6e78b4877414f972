"""The extraction engine on sentences written for these tests (not taken from the seeds)."""

from __future__ import annotations

import datetime as dt

import pytest

from natocorpus import extract_article
from natocorpus.extract.quotes import find_quote_spans


def article(body: str, title: str = "Un titre de test sur l'Alliance") -> "object":
    """Extract a small article made of a title and body paragraphs."""
    return extract_article(f"{title}\n\n{body}\n", "test")


def quotes_of(body: str, title: str = "Un titre de test sur l'Alliance") -> list[tuple[str, str | None, str]]:
    """``(text, speaker, kind)`` of each quote of a small article."""
    return [(q.text, q.speaker_name, q.kind) for q in article(body, title).quotes]


class TestQuoteSpans:
    def test_guillemets_with_inner_spaces(self) -> None:
        """The spaces just inside « » are not part of the quote."""
        raw = "Il a dit : « Nous restons unis. »"
        (span,) = find_quote_spans(raw, [(0, len(raw))])
        assert "Nous restons unis." == raw[span.start:span.end]

    def test_nested_quote_stays_inside(self) -> None:
        """A nested « » or “ ” stays inside its outer span."""
        raw = "Elle a écrit : « Ce « partenariat » et ce “dialogue” sont creux », a-t-elle dit."
        spans = find_quote_spans(raw, [(0, len(raw))])
        assert ["Ce « partenariat » et ce “dialogue” sont creux"] == [raw[s.start:s.end] for s in spans]

    def test_straight_quotes_alternate(self) -> None:
        """Straight double quotes pair by alternation."""
        raw = 'Il a dit "un" puis "deux".'
        assert ["un", "deux"] == [raw[s.start:s.end] for s in find_quote_spans(raw, [(0, len(raw))])]

    def test_unclosed_mark_closes_at_line_end(self) -> None:
        """An unclosed mark closes at the end of its line, and is flagged."""
        raw = "Il a prévenu : « Nous ne céderons rien\nLigne suivante."
        (span,) = find_quote_spans(raw, [(0, raw.index("\n"))])
        assert ("Nous ne céderons rien", False) == (raw[span.start:span.end], span.closed)

    def test_continuation_guillemet_opens_the_next_paragraph(self) -> None:
        """"« … (paragraph break) » … », juge X": the » opening the paragraph continues the quote."""
        body = ("« L'Alliance découvre le Sahel trop tard. Les juntes ont fermé la porte.\n\n"
                "» Le Maroc, lui, parle à tout le monde », juge le politologue Karim Alaoui.")
        found = quotes_of(body)
        assert [("L'Alliance découvre le Sahel trop tard. Les juntes ont fermé la porte.", "Karim Alaoui"),
                ("Le Maroc, lui, parle à tout le monde", "Karim Alaoui")] == [(t, s) for t, s, _ in found]

    def test_apostrophe_is_not_a_mark(self) -> None:
        """The French apostrophe never closes anything."""
        raw = "L’Alliance d’aujourd’hui n’est pas celle d’hier."
        assert [] == find_quote_spans(raw, [(0, len(raw))])

    def test_stray_closing_mark_is_ignored(self) -> None:
        """A closing mark with no opener yields nothing and does not crash."""
        raw = "Texte » avec un guillemet fermant seul."
        assert [] == find_quote_spans(raw, [(0, len(raw))])


class TestSpeechOrName:
    def test_initiative_name_is_a_term(self) -> None:
        """A span after a naming noun is a name, kept as a term."""
        result = article("Le ministre a présenté l'opération « Bouclier du Nord » aux alliés de la région.")
        assert ([], ["Bouclier du Nord"]) == ([q.text for q in result.quotes], [t.text for t in result.terms])

    def test_naming_noun_with_adjective_between(self) -> None:
        """An adjective may stand between the naming noun and the name."""
        result = article("Le quotidien économique « Vedomosti » affirme que les livraisons reprendront bientôt.")
        assert ["Vedomosti"] == [t.text for t in result.terms]

    def test_span_starting_with_naming_noun(self) -> None:
        """« plan de paix » names a plan, it is not reported speech."""
        result = article("Le président a défendu son « plan de paix » devant les députés réunis à Paris.")
        assert ["plan de paix"] == [t.text for t in result.terms]

    def test_short_partial_quote_with_cue_is_speech(self) -> None:
        """A one-word fragment in a sentence with a speech verb is a quote."""
        assert [("inacceptable", "Jens Stoltenberg", "partial")] == quotes_of(
            "Jens Stoltenberg a jugé la situation « inacceptable » lors de sa visite à Varsovie."
        )

    def test_lowercase_clause_after_naming_noun_is_speech(self) -> None:
        """A long lower-case clause after "initiative" is reported words, not a name."""
        texts = [q.text for q in article(
            "La ministre Anna Lindqvist a salué une initiative « utile pour toute la région et pour nous »."
        ).quotes]
        assert ["utile pour toute la région et pour nous"] == texts


    @pytest.mark.parametrize(("body", "name"), [
        ("L'équipe a défendu, a raconté le colonel, les réseaux de « Valdoria », un pays fictif.", "Valdoria"),
        ("Le satellite « Kosmos-Tetra » s'était approché, a révélé la ministre.", "Kosmos-Tetra"),
        ("Le budget doit croître dans le cadre de l'« Horizon 2030 », a-t-elle dit.", "Horizon 2030"),
    ])
    def test_proper_name_in_marks_is_a_term_even_near_a_cue(self, body: str, name: str) -> None:
        """A capitalised name after "de"/"l'", a capitalised compound, or a name with a year: not speech."""
        found = article(body)
        assert name in {term.text for term in found.terms}
        assert name not in {quote.text for quote in found.quotes}

    def test_single_capitalised_word_answer_is_speech(self) -> None:
        """"« Jamais », a répondu X": a one-word answer stays a quote."""
        assert [("Jamais", "Eva Lindqvist", "full")] == quotes_of("« Jamais », a répondu la ministre Eva Lindqvist.")

    def test_nickname_is_a_term(self) -> None:
        """"poursuit le « pacha », comme on surnomme le commandant": a nickname, not speech."""
        result = article(
            "« Nous avons beaucoup à apprendre », poursuit le « pacha », comme on surnomme le commandant à bord."
        )
        assert ["pacha"] == [t.text for t in result.terms]

    def test_fragment_after_a_quote_of_the_same_sentence(self) -> None:
        """"selon X, « … », mais « empoisonnera durablement »": the second fragment is speech too."""
        result = article(
            "Selon Ivan Petrov, l'adhésion « ne changera rien à l'équilibre militaire », mais « empoisonnera "
            "durablement » les relations."
        )
        assert ["Ivan Petrov", "Ivan Petrov"] == [q.speaker_name for q in result.quotes]


    def test_headline_quote_takes_the_body_speaker(self) -> None:
        """A quote in the headline is a quote, spoken by whoever says those words in the body."""
        result = extract_article(
            "« Un jour historique pour notre Défense » : les premiers F-35 se sont posés\n\n"
            "Les avions ont atterri mardi à la base aérienne. « C'est un jour historique pour notre Défense et "
            "pour notre pays », a lancé le ministre de la Défense, Paul Dumont.\n",
            "t",
        )
        assert [("Un jour historique pour notre Défense", "Paul Dumont"),
                ("C'est un jour historique pour notre Défense et pour notre pays", "Paul Dumont")] == [
            (q.text, q.speaker_name) for q in result.quotes]


class TestKind:
    @pytest.mark.parametrize(
        ("body", "expected"),
        [
            ("Mark Rutte a déclaré : « Nous sommes prêts. »", "full"),
            ("« Nous sommes prêts », a déclaré Mark Rutte.", "full"),
            ("Mark Rutte a estimé que « la menace grandit » à l'Est.", "partial"),
            ("Mark Rutte a souligné que « La Russie menace l'Europe » selon lui.", "partial"),
            ("Le ministre a parlé hier. « Nous sommes prêts », a déclaré Mark Rutte.", "full"),
        ],
    )
    def test_full_or_partial(self, body: str, expected: str) -> None:
        """A quote opening a sentence is full; one embedded in the narrator's sentence is partial."""
        (quote,) = article(body).quotes
        assert expected == quote.kind


class TestAttribution:
    def test_inverted_cue_with_name(self) -> None:
        """« … », a déclaré X."""
        assert "Kaja Kallas" == quotes_of("« L'Europe doit agir », a déclaré Kaja Kallas à Bruxelles.")[0][1]

    def test_inverted_pronoun_goes_to_paragraph_subject(self) -> None:
        """« … », a-t-elle ajouté: the subject of the paragraph, not a person merely mentioned."""
        body = (
            "La chercheuse Inès Morel a comparé la situation à celle décrite par Vladimir Poutine. "
            "« Rien n'est joué », a-t-elle ajouté."
        )
        assert "Inès Morel" == quotes_of(body)[0][1]

    def test_pronoun_skips_person_mentioned_as_object(self) -> None:
        """A name after a verb or a preposition is not the antecedent of "il"."""
        body = (
            "Le général Paul Arnaud a longuement critiqué Viktor Orban devant les sénateurs. "
            "« Il faut tenir bon », a-t-il lancé."
        )
        assert "Paul Arnaud" == quotes_of(body)[0][1]

    def test_feminine_title_rules_out_il(self) -> None:
        """A name apposed to "la ministre" is not the antecedent of "il"."""
        body = (
            "Le pilote Marc Aubry a souvent volé au-dessus de la Baltique. En 2016, il avait croisé "
            "à Vilnius la ministre estonienne de l'époque, Kadri Simson. « Chaque vol compte », "
            "se souvient-il."
        )
        assert "Marc Aubry" == quotes_of(body)[0][1]

    def test_cue_before_with_colon(self) -> None:
        """X a déclaré : « … »."""
        assert "Antony Blinken" == quotes_of("Antony Blinken a martelé : « Nous ne reculerons pas. »")[0][1]

    def test_selon(self) -> None:
        """Selon X, « … »."""
        assert "Petr Novak" == quotes_of("Selon Petr Novak, « la frontière est calme depuis lundi ».")[0][1]

    def test_pour_x(self) -> None:
        """Pour X, chercheuse, « … »."""
        body = "Pour Claire Duval, chercheuse à l'Institut Est-Ouest, « le sommet marque un tournant »."
        assert "Claire Duval" == quotes_of(body)[0][1]

    def test_gerund_speaks_for_sentence_subject(self) -> None:
        """X a souligné ..., en affirmant : « … »: the sentence's subject."""
        body = "Mark Rutte a souligné les progrès de la défense aérienne en Pologne, en affirmant : « C'est décisif. »"
        assert "Mark Rutte" == quotes_of(body)[0][1]

    def test_et_d_ajouter(self) -> None:
        """Et d'ajouter : « … » continues the last speaker."""
        body = "Kaja Kallas a dénoncé les frappes. Et d'ajouter : « L'Europe ne lâchera pas. »"
        assert "Kaja Kallas" == quotes_of(body)[0][1]

    def test_title_resolves_through_registry_and_date(self) -> None:
        """A title alone names its holder on the article's date."""
        body = (
            "Publié le 3 mars 2023\n\n"
            "Le sommet s'est ouvert dans le calme à Bruxelles, où les ministres des Affaires étrangères "
            "de l'Alliance ont longuement parlé de l'aide militaire à l'Ukraine et des stocks de munitions. "
            "« Nous tiendrons nos engagements », a assuré le chef de la diplomatie américaine."
        )
        assert "Antony Blinken" == quotes_of(body)[0][1]

    def test_title_without_the_accent_of_its_capital(self) -> None:
        """"Le secrétaire d'Etat américain" (no accent on the E) is the office holder on the date."""
        body = (
            "Publié le 5 juin 2017\n\nDusko Markovic était à Washington. "
            "Le secrétaire d'Etat américain a salué l'arrivée d'un « allié fidèle »."
        )
        assert "Rex Tillerson" == quotes_of(body)[0][1]

    def test_title_bound_to_name_beats_registry(self) -> None:
        """"le porte-parole de l'armée, Ivan Petrenko," binds the title to that name."""
        body = (
            "Le porte-parole de l'armée de l'air, Ivan Petrenko, a fait le point sur la situation. "
            "« Trois missiles ont été abattus », a déclaré le porte-parole de l'armée de l'air."
        )
        assert "Ivan Petrenko" == quotes_of(body)[0][1]

    def test_bare_title_does_not_borrow_other_country(self) -> None:
        """"le président russe" is not the "président finlandais" bound earlier."""
        body = (
            "Publié le 4 avril 2023\n\n"
            "Le président finlandais, Sauli Niinistö, a salué l'adhésion de son pays à l'Alliance, "
            "après des mois de négociations avec la Turquie et la Hongrie sur la candidature. "
            "« L'élargissement est une menace », a répliqué le président russe."
        )
        assert "Vladimir Poutine" == quotes_of(body)[0][1]

    def test_demonym_anaphor(self) -> None:
        """« … », a déclaré le Norvégien: the Norwegian named earlier."""
        body = (
            "Jens Stoltenberg a reçu les ministres à Bruxelles mardi matin. "
            "« Le rythme de production doit doubler », a déclaré le Norvégien."
        )
        assert "Jens Stoltenberg" == quotes_of(body)[0][1]

    def test_document_speaks_for_organisation(self) -> None:
        """« … », indique le communiqué: the organisation last named."""
        body = (
            "Le Kremlin a publié un texte après la réunion de sécurité tenue à Moscou. "
            "« Toute livraison d'armes sera une cible légitime », indique le communiqué."
        )
        assert ("Kremlin", "organisation") == (
            article(body).quotes[0].speaker.name, article(body).quotes[0].speaker.kind
        )

    def test_document_with_owner(self) -> None:
        """"la déclaration finale de l'OTAN indique que « … »" → OTAN."""
        body = "La déclaration finale de l'OTAN indique que « la Russie reste la menace la plus directe »."
        assert "OTAN" == quotes_of(body)[0][1]

    def test_continuation_paragraph(self) -> None:
        """A paragraph that is only a quote continues the previous speaker."""
        body = (
            "« Nous devons agir vite », a poursuivi Kaja Kallas.\n\n"
            "« Et nous devons agir ensemble, sans attendre Washington. »"
        )
        assert ["Kaja Kallas", "Kaja Kallas"] == [speaker for _, speaker, _ in quotes_of(body)]

    def test_reopened_paragraph_takes_final_attribution(self) -> None:
        """A long quote reopened with « on the next paragraph is attributed at its end."""
        body = (
            "Le sommet a été long et difficile pour tous les participants réunis à Vilnius cette semaine.\n\n"
            "« Nous avons tenu bon. Personne ne nous divisera.\n\n"
            "« L'Ukraine aura sa place parmi nous », a conclu Justin Trudeau."
        )
        assert ["Justin Trudeau", "Justin Trudeau"] == [speaker for _, speaker, _ in quotes_of(body)]

    def test_colon_after_non_speech_verb(self) -> None:
        """X n'a pas caché son émotion : « … »."""
        body = "Le maire Jean Vidal n'a pas caché son émotion : « Revenez vite, nous vous attendons. »"
        assert "Jean Vidal" == quotes_of(body)[0][1]

    def test_inverted_cue_later_in_sentence(self) -> None:
        """La Russie « … » dans ce dossier, a indiqué X."""
        body = "La Russie « ne cédera pas » dans ce dossier, a indiqué Sergueï Lavrov devant la presse."
        assert "Sergueï Lavrov" == quotes_of(body)[0][1]

    def test_unknown_speaker_is_kept(self) -> None:
        """Someone the registry does not know is still found by name."""
        assert "Zofia Wrona" == quotes_of("« Nous sommes prêtes », a affirmé Zofia Wrona, maire de Suwałki.")[0][1]

    def test_surname_joins_full_name(self) -> None:
        """A surname alone joins the full name the article gives."""
        body = "Olena Kovalenko dirige l'hôpital de Kharkiv depuis deux ans. « Tout manque », a dit Kovalenko."
        assert "Olena Kovalenko" == quotes_of(body)[0][1]

    def test_shared_surname_goes_to_the_holder_on_the_date(self) -> None:
        """"Orban" in 2024 is Viktor Orban, though the registry also knows Ludovic Orban."""
        body = "Publié le 12 juin 2024\n\nLe Premier ministre hongrois rencontre ses alliés. « Non », a dit Orban."
        assert "Viktor Orban" == quotes_of(body)[0][1]

    def test_given_name_rules_out_a_pronoun_of_the_other_gender(self) -> None:
        """"confie-t-elle" is not Kevin X (a man by his given name), though he is the nearest subject."""
        body = "Laura Simon a salué les soldats. Kevin Muller part mardi pour l'Estonie. « C'est dur », confie-t-elle."
        assert "Laura Simon" == quotes_of(body)[0][1]

    def test_place_opening_the_sentence_gives_a_title_its_country(self) -> None:
        """"À Ottawa, le ministre des Affaires étrangères a assuré": Canada's foreign minister on the date."""
        body = (
            "Publié le 20 août 2021\n\nHélène Tardif attend son frère à Kaboul.\n\n"
            "À Ottawa, le ministre des Affaires étrangères a assuré que le Canada faisait « tout ce qui est "
            "humainement possible »."
        )
        assert "Marc Garneau" == quotes_of(body)[0][1]

    def test_title_not_bound_to_a_registry_name_of_another_office(self) -> None:
        """"un retour de Donald Trump, le chef de la diplomatie américaine": the secretary of state."""
        body = (
            "Publié le 4 avril 2024\n\nVenu rassurer des Européens inquiets d'un éventuel retour de Donald "
            "Trump, le chef de la diplomatie américaine a multiplié les gestes. « Nous restons engagés », "
            "a-t-il affirmé."
        )
        assert "Antony Blinken" == quotes_of(body)[0][1]

    def test_body_named_by_its_kind_speaks_for_the_last_organisation(self) -> None:
        """"Selon l'organisation, « … »": the organisation named before (the OTAN)."""
        body = "L'OTAN suit de près les survols de drones au Danemark. Selon l'organisation, « aucun lien formel » n'est établi."
        assert ("OTAN", "organisation") == (lambda q: (q.speaker.name, q.speaker.kind))(article(body).quotes[0])

    def test_adverbial_phrase_after_the_auxiliary(self) -> None:
        """"», a pour sa part déclaré la ministre X": the cue after "pour sa part" attributes."""
        body = (
            "« C'est une excellente nouvelle pour notre souveraineté », a pour sa part déclaré la ministre "
            "des Affaires étrangères, Claire Dubois."
        )
        assert "Claire Dubois" == quotes_of(body)[0][1]

    def test_acronym_body_speaks(self) -> None:
        """"dénonce l'UDC dans un communiqué": the party named by its acronym."""
        body = "« Un pas de plus vers l'OTAN par la petite porte », dénonce l'UDC dans un communiqué publié mercredi."
        assert ("UDC", "organisation") == (lambda q: (q.speaker.name, q.speaker.kind))(article(body).quotes[0])

    def test_no_speaker_is_none(self) -> None:
        """A quote with no cue and nobody speaking before it has no speaker."""
        result = article("Sur la banderole, on pouvait lire « Paix et liberté pour tous les peuples ».")
        assert [None] == [q.speaker_name for q in result.quotes]


    def test_ce_dernier_is_the_person_named_last(self) -> None:
        """"celui-ci" / "ce dernier" stand for the person named last, not the subject."""
        body = (
            "Publié le 12 mai 2023\n\n"
            "Lors du dîner, Ivo Marinov a longuement interrogé le général Tomas Varga sur la défense "
            "aérienne du flanc est. « Nous manquons de radars », a reconnu ce dernier."
        )
        assert "Tomas Varga" == quotes_of(body)[0][1]

    def test_absolute_participle_after_ce_dernier(self) -> None:
        """"X a reçu Y, ce dernier estimant que « … »": Y speaks."""
        body = "Jean-Claude Gakosso a reçu Sergueï Lavrov à Brazzaville, ce dernier estimant que « l'Afrique doit choisir »."
        assert ("Sergueï Lavrov", "estimant") == (lambda q: (q.speaker_name, q.cue))(article(body).quotes[0])

    def test_rank_between_title_and_name(self) -> None:
        """"le commandant de la flotte, l'amiral X": the name after the rank speaks."""
        body = (
            "La flotte a quitté le port de Bergen à l'aube pour trois semaines en mer du Nord. "
            "« Chaque navire est prêt », a souligné le commandant de la flotte, l'amiral Rune Olsvik."
        )
        assert "Rune Olsvik" == quotes_of(body)[0][1]

    def test_unnamed_title_needs_a_person_who_may_hold_it(self) -> None:
        """"le premier ministre" is not the defence minister named just before."""
        body = (
            "Publié le 3 juin 2024\n\n"
            "Le ministre de la Défense, Bill Blair, a présenté le plan à Ottawa. Le Canada veut convaincre "
            "ses alliés, et le Canada promet des frégates : le Canada y croit. "
            "Le premier ministre a promis une « trajectoire crédible » vers les 2 %."
        )
        # Canada stands out among the countries named: its prime minister on that date.
        assert "Justin Trudeau" == quotes_of(body)[0][1]

    def test_unnamed_title_without_a_home_country_stays_unresolved(self) -> None:
        """With no person who may hold it and no country standing out, a bare title names nobody."""
        body = (
            "Publié le 3 juin 2024\n\n"
            "Le ministre de la Défense, Bill Blair, a rencontré ses homologues de France et d'Allemagne. "
            "Le premier ministre a promis une « trajectoire crédible » vers les 2 %."
        )
        assert [None] == [speaker for _, speaker, _ in quotes_of(body)]

    def test_name_apposed_to_a_complement_is_not_the_subject(self) -> None:
        """"avec son homologue, X," is a complement: the pronoun goes to the sentence's subject."""
        body = (
            "Publié le 2 octobre 2023\n\n"
            "La ministre Anna Keller a signé l'accord avec son homologue autrichienne, Klara Moser, à Vienne.\n\n"
            "« Nous protégeons notre ciel ensemble », a-t-elle répété devant la presse."
        )
        assert "Anna Keller" == quotes_of(body)[0][1]


    def test_indefinite_speaker_is_anonymous(self) -> None:
        """"confie un diplomate européen": someone unnamed, not the person named before."""
        body = (
            "Le chancelier Olaf Brenner a défendu le plan à Berlin.\n\n"
            "« Nous découvrons tout dans la presse », confie un diplomate européen sous couvert d'anonymat."
        )
        quote = article(body).quotes[0]
        assert (None, "confie") == (quote.speaker_name, quote.cue)

    def test_former_title_refers_back(self) -> None:
        """"l'ancien Premier ministre néerlandais" is Mark Rutte named before, not the holder of the day."""
        body = (
            "Publié le 13 février 2025\n\n"
            "Le secrétaire général de l'Alliance, Mark Rutte, a voulu rassurer les alliés. "
            "« Il n'y a pas de désaccord sur l'objectif », a martelé l'ancien Premier ministre néerlandais."
        )
        assert "Mark Rutte" == quotes_of(body)[0][1]

    def test_repeated_title_names_its_earlier_holder(self) -> None:
        """A title repeated without its country is the person named with it, not the last speaker."""
        body = (
            "Publié le 3 mai 2024\n\n"
            "Le Premier ministre grec a inauguré lundi le nouveau port militaire de Souda.\n\n"
            "Pour Nikos Pappadakis, chercheur à l'institut Eliamep, « le message vise Ankara », juge-t-il.\n\n"
            "Le Premier ministre a conclu la cérémonie par un hommage aux marins. "
            "« Nous tiendrons parole », a-t-il promis."
        )
        speakers = [speaker for _, speaker, _ in quotes_of(body)]
        assert ["Nikos Pappadakis", "Kyriakos Mitsotakis"] == speakers

    @pytest.mark.parametrize(("body_name", "holder"), [("l'OTAN", "Jens Stoltenberg"), ("l'ONU", "António Guterres")])
    def test_bare_organisation_title_takes_the_body_named_before(self, body_name: str, holder: str) -> None:
        """"Le secrétaire général" after "l'OTAN a dénoncé" is the OTAN's, at the article's date."""
        body = (
            "Publié le 20 octobre 2022\n\n"
            f"À Bruxelles, {body_name} a dénoncé des frappes contre des infrastructures civiles. "
            "Le secrétaire général a toutefois jugé qu'il n'y avait « aucune preuve d'une attaque délibérée »."
        )
        assert holder == quotes_of(body)[0][1]

    def test_regional_demonym_refers_back(self) -> None:
        """"Le Québécois" is the soldier named before, not the foreign minister quoted since."""
        body = (
            "Publié le 12 février 2024\n\n"
            "Parmi les soldats déployés, le caporal Samuel Bouchard-Lévesque, arrivé en janvier. "
            "« Le froid, on connaît », dit-il.\n\n"
            "Le ministre letton de la Défense, Andris Spruds, a salué leur présence. "
            "« Nos alliés canadiens sont ici chez eux », a-t-il déclaré.\n\n"
            "Le Québécois avoue que l'hiver balte ne l'impressionne guère. "
            "« Chez nous, il fait bien plus froid. »"
        )
        speakers = [speaker for _, speaker, _ in quotes_of(body)]
        assert ["Samuel Bouchard-Lévesque", "Andris Spruds", "Samuel Bouchard-Lévesque"] == speakers

    def test_regional_demonym_is_not_a_country(self) -> None:
        """A region's people name no country mention: "la Bordelaise" is not France."""
        found = article("La Bordelaise a rejoint l'unité en mars. « J'ai toujours voulu servir », dit-elle.")
        assert [] == [mention.code for mention in found.countries]

    def test_rank_noun_refers_back(self) -> None:
        """"raconte le sous-officier": the sergeant named in the sentence before."""
        body = (
            "Publié le 14 septembre 2023\n\n"
            "Le ministre roumain de la Défense, Angel Tîlvăr, a visité la base jeudi. "
            "« Nous sommes prêts », a-t-il assuré.\n\n"
            "Parmi les soldats français, le sergent-chef Damien Roucas, originaire de Dax. "
            "« On nous a accueillis comme des cousins », raconte le sous-officier."
        )
        speakers = [speaker for _, speaker, _ in quotes_of(body)]
        assert ["Angel Tîlvăr", "Damien Roucas"] == speakers

    @pytest.mark.parametrize("body", [
        "Réunis à Bruxelles, les ministres de la Défense de l'OTAN se sont engagés jeudi à soutenir "
        "Kiev « aussi longtemps qu'il le faudra ».",
        "L'OTAN a tenu son sommet à Londres. Dans leur déclaration finale, les alliés reconnaissent "
        "que la Chine « pose des défis à notre sécurité ».",
        "L'OTAN a tenu son sommet à Madrid. Les 30 alliés ont affirmé que la Russie était « la menace "
        "la plus directe ».",
    ])
    def test_members_speaking_together_are_the_body(self, body: str) -> None:
        """"Les ministres … de l'OTAN", "les alliés" speak for the alliance."""
        assert ("OTAN", "organisation") == (lambda q: (q.speaker_name, q.speaker.kind))(article(body).quotes[0])

    def test_allies_of_a_country_are_not_the_alliance(self) -> None:
        """"Les alliés de l'Ukraine" are not the OTAN, even in an article that names it."""
        body = ("L'OTAN se réunit mardi. Les alliés de l'Ukraine ont promis « des livraisons rapides » "
                "de munitions.")
        assert "OTAN" != article(body).quotes[0].speaker_name

    def test_named_exercise_is_not_a_speaker(self) -> None:
        """"l'exercice Cold Response" names a thing: "raconte-t-elle" is the sergeant."""
        body = (
            "Publié le 8 mars 2024\n\n"
            "La sergente Ingrid Solberg suit les colonnes depuis son poste de Bardufoss. "
            "L'exercice Cold Response réunit cette année 20 000 soldats. "
            "« Le froid est notre meilleur allié », raconte-t-elle."
        )
        found = article(body)
        assert "Ingrid Solberg" == found.quotes[0].speaker_name
        assert "Cold Response" not in {mention.name for mention in found.persons}

    def test_rank_with_a_ship_noun_is_not_a_thing(self) -> None:
        """"le capitaine de frégate X": a rank, the name is a person."""
        body = "« Nous restons vigilants », résume le capitaine de frégate Loïc Kervella, commandant du navire."
        assert "Loïc Kervella" == quotes_of(body)[0][1]

    def test_name_after_a_title_is_not_a_country(self) -> None:
        """"le Premier ministre Dominique Rivière": a name (not Dominica), who speaks."""
        found = article("« C'est une faute », a réagi l'ancien Premier ministre Dominique Rivière.")
        assert "Dominique Rivière" == found.quotes[0].speaker_name
        assert "DM" not in {mention.code for mention in found.countries}

    def test_president_of_a_party_is_not_the_head_of_state(self) -> None:
        """"le président du MoDem, X" does not make X "le président de la République"."""
        body = (
            "Publié le 11 mars 2013\n\n"
            "La France veut peser davantage dans l'Alliance. Pour le président du Modem, Julien "
            "Marceau, il s'agit d'« un recul » pour la France.\n\n"
            "« La France ne sera pas moins libre demain », a déclaré le président de la République."
        )
        assert "François Hollande" == quotes_of(body)[1][1]

    def test_unresolved_title_after_a_quote_is_not_replaced_by_a_guess(self) -> None:
        """"», a déclaré le gouverneur" with nobody who may be the governor: no speaker, not the last one."""
        body = (
            "« Nous suivons la situation », a indiqué le Kremlin.\n\n"
            "« Le port restera ouvert », a déclaré le gouverneur."
        )
        assert ["Kremlin", None] == [speaker for _, speaker, _ in quotes_of(body)]

    def test_name_before_a_pronoun_incise_is_the_topic(self) -> None:
        """"Viktor Orban, a-t-il accusé, veut « … »": "il" is the minister speaking, not Orban."""
        body = (
            "Le ministre tchèque Jan Novák a pris la parole mardi devant les députés. "
            "Viktor Orban, a-t-il accusé, veut « diviser l'Union »."
        )
        assert "Jan Novák" == quotes_of(body)[0][1]

    def test_head_of_government_is_the_chancellor_on_the_date(self) -> None:
        """"Le chef du gouvernement" of 2022 Germany is the chancellor, not Putin (prime minister years before)."""
        body = (
            "Publié le 27 février 2022\n\n"
            "Le chancelier Olaf Scholz s'est adressé au Bundestag. Vladimir Poutine, a-t-il dit, "
            "mène une guerre « brutale ».\n\n"
            "Le chef du gouvernement a annoncé un fonds spécial. "
            "« Nous allons investir davantage », a-t-il promis."
        )
        assert ["Olaf Scholz", "Olaf Scholz"] == [speaker for _, speaker, _ in quotes_of(body)]

    def test_interview_answers_speak_for_the_interviewee(self) -> None:
        """Answers after question lines are the interviewee's, not the last speaker's."""
        body = (
            "Le général Marek Wolny a défendu jeudi devant la commission de la Défense le plan de "
            "recrutement de l'armée, qui prévoit dix mille soldats de plus d'ici à 2030 et une réserve "
            "opérationnelle doublée. « Nous sommes prêts », a-t-il assuré.\n\n"
            "Deux questions à Ilse Vandamme\n\n"
            "Politologue à l'université de Gand.\n\n"
            "Le plan est-il crédible ?\n\n"
            "« Sur le papier, oui. Tout dépendra des recrutements. »\n\n"
            "Et la Russie ?\n\n"
            "« Elle observe, comme toujours. »"
        )
        found = article(body).quotes
        assert ["Marek Wolny", "Ilse Vandamme", "Ilse Vandamme"] == [q.speaker_name for q in found]
        assert ["after", "interview", "interview"] == [q.attribution for q in found]

    @pytest.mark.parametrize(("after_cue", "expected"), [
        (" vendredi à l'Élysée", "Élysée"),
        (" au Kremlin", "Kremlin"),
        ("", None),
    ])
    def test_impersonal_on_speaks_for_its_place(self, after_cue: str, expected: str | None) -> None:
        """"indiquait-on à l'Élysée" is the Élysée; a bare "explique-t-on" is nobody named."""
        body = (
            "La ministre Maria Zakharova a dénoncé « une provocation ».\n\n"
            f"« Le président assume ses propos », indiquait-on{after_cue}."
        )
        assert expected == quotes_of(body)[1][1]

    @pytest.mark.parametrize("frame", ["Aux yeux de", "De l'avis de"])
    def test_opinion_frames_name_the_source(self, frame: str) -> None:
        """"Aux yeux de X, la mesure « … »": X speaks, and "insiste-t-elle" after it too."""
        body = (
            "L'OTAN a expulsé sept diplomates russes. "
            f"{frame} Katarzyna Zielińska, analyste à Varsovie, la mesure « est avant tout symbolique ». "
            "Mais le message compte, insiste-t-elle : « C'est l'Alliance qui riposte. »"
        )
        assert ["Katarzyna Zielińska", "Katarzyna Zielińska"] == [s for _, s, _ in quotes_of(body)]

    def test_name_after_a_governed_title_is_not_the_subject(self) -> None:
        """"la défection du chef de la diplomatie libyenne, X," does not make X the one "le ministre" refers to."""
        body = (
            "Le ministre canadien Paul Tremblay a estimé que la défection du chef de la diplomatie "
            "libyenne, Moussa Koussa, montrait que « le régime s'effrite ». « Le cercle se rétrécit », "
            "a poursuivi le ministre."
        )
        assert ["Paul Tremblay", "Paul Tremblay"] == [s for _, s, _ in quotes_of(body)]

    def test_time_adverbial_between_verb_and_subject(self) -> None:
        """"avait déclaré fin août la ministre des Armées, X": the subject after "fin août"."""
        body = ("La France a envoyé deux frégates. « La mer n'est pas un terrain de jeu », avait déclaré "
                "fin août la ministre des Armées, Claire Vasseur.")
        assert "Claire Vasseur" == quotes_of(body)[0][1]

    def test_party_noun_refers_back(self) -> None:
        """"le démocrate a haussé le ton : « … »" is the Democrat named before."""
        body = ("Le sénateur Paul Whitfield a ouvert la séance. Puis le démocrate a haussé le ton : "
                "« Nous ne céderons pas. »")
        assert "Paul Whitfield" == quotes_of(body)[0][1]

    def test_body_name_before_a_person_name_is_split(self) -> None:
        """"la présidente du Conseil Giorgia Meloni a jugé": Meloni, not a council."""
        body = "À Rome, la présidente du Conseil Giorgia Meloni a jugé la situation « inacceptable »."
        found = article(body)
        assert "Giorgia Meloni" == found.quotes[0].speaker_name
        assert "Giorgia Meloni" in {mention.name for mention in found.persons}

    def test_continuation_needs_the_next_line(self) -> None:
        """A paragraph between two quotes, where someone else speaks, breaks the continuation."""
        body = (
            "« Ce sera très coûteux », a déclaré l'analyste Rasa Petraitytė.\n\n"
            "Le général Christoph Weber a expliqué que la brigade resterait en Lituanie.\n\n"
            "« Nous sommes ici pour rester. »"
        )
        assert ["Rasa Petraitytė", "Christoph Weber"] == [s for _, s, _ in quotes_of(body)]

    def test_masculine_title_is_not_a_woman_named_before(self) -> None:
        """"Le ministre a évoqué … a-t-il assuré" skips "la Première ministre" quoted in between."""
        body = (
            "Publié le 15 mars 2023\n\n"
            "Le ministre des Armées est venu saluer les équipages à Keflavik.\n\n"
            "La Première ministre islandaise a rappelé que « rien ne change ».\n\n"
            "« On ne vient pas faire du tourisme », raconte le capitaine Julien Marot.\n\n"
            "Le ministre a également évoqué les commandes. « La France tiendra son rang », a-t-il assuré."
        )
        assert "Sébastien Lecornu" == quotes_of(body)[2][1]

    @pytest.mark.parametrize(("date", "expected"), [("12 mars 2025", "Charles Michel"), ("12 mars 2005", "Louis Michel")])
    def test_shared_surname_out_of_office_is_the_latest_holder(self, date: str, expected: str) -> None:
        """"M. Michel" when no Michel is in office: the one who left office last before the date."""
        body = f"Publié le {date}\n\n« Nous restons unis », a déclaré M. Michel."
        assert expected == quotes_of(body)[0][1]

    @pytest.mark.parametrize(("sentence", "expected"), [
        ("L'ambassade de Russie à Vilnius a dénoncé une « provocation ».", "ambassade de Russie à Vilnius"),
        ("L'ambassade de Chine en Pologne a dénoncé une « provocation ».", "ambassade de Chine en Pologne"),
        ("The Russian embassy in Tallinn called the drills a “provocation”.", "Russian embassy in Tallinn"),
    ])
    def test_embassy_takes_the_place_it_is_posted_in(self, sentence: str, expected: str) -> None:
        """An embassy is named with its place: one body per capital."""
        title = "A test headline about the alliance" if sentence.startswith("The") else "Un titre de test sur l'Alliance"
        assert expected == article(sentence, title=title).quotes[0].speaker_name

    @pytest.mark.parametrize("document", ["La déclaration finale du sommet", "La déclaration adoptée mercredi"])
    def test_summit_declaration_speaks_for_the_body_named_most(self, document: str) -> None:
        """"La déclaration finale du sommet", "adoptée mercredi" is the OTAN's, though the Commission was named last."""
        body = (
            "L'OTAN a réuni ses membres à Varsovie. L'OTAN y a aussi invité des partenaires, et "
            f"la Commission européenne a envoyé sa présidente. {document} "
            "affirme que l'Alliance « ne cherche pas la confrontation »."
        )
        assert "OTAN" == quotes_of(body)[0][1]

    def test_north_atlantic_council_is_the_alliance(self) -> None:
        """The North Atlantic Council speaks for the OTAN."""
        body = "Le Conseil de l'Atlantique Nord a averti que toute attaque « se heurterait à une réponse unie »."
        assert "OTAN" == quotes_of(body)[0][1]

    def test_lower_case_portfolio_stays_in_the_body_name(self) -> None:
        """"le ministère russe des affaires étrangères a réagi": the noun after "des" takes its adjective."""
        body = "« Ces décisions ne répondent à rien », a réagi le ministère russe des affaires étrangères."
        assert "ministère russe des affaires étrangères" == quotes_of(body)[0][1]

    def test_cueless_quote_takes_a_subject_a_few_sentences_back(self) -> None:
        """"X, lui, est de l'autre côté. Joint par messagerie, ce Kurde … dit être coincé. « … »"."""
        body = (
            "Le ministre Paweł Nowicki a visité la frontière. « Elle restera fermée », a-t-il dit.\n\n"
            "Dilshad Hamid, lui, est de l'autre côté. Joint par messagerie, ce père de famille de 27 ans "
            "dit être coincé dans la forêt. « On ne peut ni avancer ni reculer. »"
        )
        assert ["Paweł Nowicki", "Dilshad Hamid"] == [s for _, s, _ in quotes_of(body)]

    def test_english_title_with_dotted_abbreviation(self) -> None:
        """'," U.S. Secretary of State X said': "State" is no verb, "U.S." ends no sentence."""
        body = '"Russia alone is responsible," U.S. Secretary of State Mike Pompeo said in a statement.'
        assert "Mike Pompeo" == quotes_of(body, title="Treaty collapse: a test headline")[0][1]

    def test_person_noun_in_apposition_is_not_a_verb(self) -> None:
        """"Pour X, conseiller municipal, « … »": "conseiller" is a title, X speaks."""
        body = "Pour Antoine Mercier, conseiller municipal d'opposition, « la ville devient une cible »."
        assert "Antoine Mercier" == quotes_of(body)[0][1]

    def test_initials_open_a_name(self) -> None:
        """"Le premier ministre du Nunavut, P.J. Akeeagok, … a-t-il souligné": initials, then the surname."""
        body = ("Le premier ministre Mark Carney a annoncé les radars à Iqaluit.\n\n"
                "Le premier ministre du Nunavut, P.J. Akeeagok, a salué l'annonce. "
                "« Nos communautés attendent toujours un port », a-t-il souligné.")
        found = article(body)
        assert "P.J. Akeeagok" == found.quotes[0].speaker_name
        assert "P.J. Akeeagok" in {mention.name for mention in found.persons}

    def test_dotted_country_is_not_initials(self) -> None:
        """"U.S. Pershing missiles": no person "U.S. Pershing"."""
        found = article("The U.S. Pershing missiles were withdrawn in 1988.", title="A test headline on arms control")
        assert not any("Pershing" in mention.name for mention in found.persons)

    def test_complement_after_an_honorific_is_not_the_subject(self) -> None:
        """"la nomination du général X" is a complement: "prévient-il" is the political scientist."""
        body = ("Pour le politologue Marc-André Tessier, spécialiste de la défense, la nomination du "
                "général Charles Bouchard comporte un risque. « Si l'opération s'enlise, c'est un Canadien "
                "qui portera le chapeau », prévient-il.")
        assert "Marc-André Tessier" == quotes_of(body)[0][1]

    def test_expert_noun_skips_office_holders(self) -> None:
        """"l'universitaire juge … regrette-t-il" is the professor, not the minister named in between."""
        body = (
            "Publié le 30 juin 2022\n\n"
            "Pour Karim Benali, professeur à l'université de Rabat, le texte reste « eurocentré ». "
            "Si Josep Borrell, le chef de la diplomatie de l'Union européenne, avait plaidé pour une "
            "approche « à 360 degrés », l'universitaire juge que le compte n'y est pas : « Le Sud est "
            "cité comme une menace », regrette-t-il."
        )
        assert "Karim Benali" == quotes_of(body)[-1][1]

    def test_party_acronym_is_not_part_of_the_name(self) -> None:
        """"Pour le ministre N-VA Theo Francken, « … »": the name without the party."""
        body = "Pour le ministre N-VA Theo Francken, « il faut un service volontaire attractif »."
        assert "Theo Francken" == quotes_of(body)[0][1]

    def test_name_inside_the_quote_is_not_the_cue_subject(self) -> None:
        """"Et d'insister : « Poutine veut nous diviser »": the minister goes on, not Putin."""
        body = (
            "Publié le 4 mars 2024\n\n"
            "Le ministre allemand de la Défense, Boris Pistorius, a dénoncé l'affaire. "
            "« Il s'agit d'une attaque hybride », a affirmé dimanche le social-démocrate. "
            "Et d'insister : « Poutine veut nous diviser. »"
        )
        assert ["Boris Pistorius", "Boris Pistorius"] == [s for _, s, _ in quotes_of(body)]

    def test_apposition_of_another_nationality_is_not_bound(self) -> None:
        """"le président argentin, X, le président américain s'en est pris": X is not the American."""
        body = (
            "Publié le 15 octobre 2025\n\n"
            "Recevant le président argentin, Javier Milei, le président américain s'en est pris à "
            "l'Espagne. « Je suis très mécontent », a-t-il lancé."
        )
        assert "Donald Trump" == quotes_of(body)[0][1]

    @pytest.mark.parametrize("cue", ["s'est-il contenté de dire", "a-t-il tenu à préciser"])
    def test_inverted_auxiliary_governing_a_speech_infinitive(self, cue: str) -> None:
        """"», s'est-il contenté de dire": the pronoun on the auxiliary is the speaker."""
        body = (
            "Le ministre canadien Marc Lavoie a évoqué l'aide aux alliés de l'Est. "
            f"Le Canada « fera sa part », {cue}."
        )
        found = quotes_of(body)
        assert "Marc Lavoie" == found[0][1]

    @pytest.mark.parametrize("subject", [
        "Un responsable de l'OTAN, qui a requis l'anonymat,",
        "Un diplomate en poste à l'OTAN, sous couvert d'anonymat,",
    ])
    def test_body_in_an_anonymous_subject_does_not_speak(self, subject: str) -> None:
        """"Un responsable de l'OTAN, qui a requis l'anonymat, reconnaissait « … »": nobody named, not the OTAN."""
        body = f"{subject} reconnaissait jeudi que la frontière restait « très mince »."
        assert None is quotes_of(body)[0][1]

    def test_document_published_by_a_body(self) -> None:
        """"indique le communiqué publié ce lundi par le ministère russe de la Défense"."""
        body = (
            "Le Kremlin a confirmé les manœuvres. « Des mesures seront mises en œuvre », indique le "
            "communiqué publié ce lundi par le ministère russe de la Défense."
        )
        assert "ministère russe de la Défense" == quotes_of(body)[0][1]

    def test_verb_of_a_reported_clause_does_not_speak(self) -> None:
        """"X a assuré que l'OTAN défendrait « chaque centimètre »": X speaks, not the OTAN."""
        body = ("Le numéro deux de l'Alliance, Radu Ionescu, a assuré que l'OTAN défendrait « chaque "
                "centimètre » du territoire allié.")
        assert "Radu Ionescu" == quotes_of(body)[0][1]

    def test_pour_with_a_possessive_title(self) -> None:
        """"Pour son homologue roumain, X, l'accord envoie « … »": X speaks."""
        body = ("Le ministre bulgare a signé l'accord. Pour son homologue roumain, Vasile Dinu, l'accord "
                "envoie « un signal clair de solidarité »." )
        assert "Vasile Dinu" == quotes_of(body)[0][1]

    def test_title_with_a_parenthesis_before_the_name(self) -> None:
        """"a affirmé le secrétaire d'État (Approvisionnement), X,": the name after the parenthesis."""
        body = ("La ministre Claire Dubois a ouvert la séance. « Nous ne pouvons pas protéger la côte sans "
                "sous-marins », a affirmé le secrétaire d'État (Approvisionnement en matière de défense), "
                "Paul Ferland, à Ottawa.")
        assert "Paul Ferland" == quotes_of(body)[0][1]

    def test_a_countrys_diplomacy_is_its_foreign_ministry(self) -> None:
        """"La diplomatie lettone exige « … »": the Latvian foreign ministry speaks."""
        body = "La diplomatie lettone, dirigée par Baiba Braže, exige « le retour immédiat des bouées »."
        assert "ministère letton des Affaires étrangères" == quotes_of(body)[0][1]

    def test_diplomacy_inside_a_title_stays_a_title(self) -> None:
        """"le chef de la diplomatie britannique X": a person, not the ministry."""
        found = article("« Ils ont le droit de frapper », a estimé le chef de la diplomatie britannique Tom Hughes.")
        assert "Tom Hughes" == found.quotes[0].speaker_name
        assert "Tom Hughes" in {mention.name for mention in found.persons}

    def test_maritime_prefecture_speaks(self) -> None:
        """"Selon la préfecture maritime de la Méditerranée, la frégate « … »"."""
        body = "Selon la préfecture maritime de la Méditerranée, la frégate « contribuera à la surveillance »."
        assert "préfecture maritime de la Méditerranée" == quotes_of(body)[0][1]

    def test_vice_minister_after_an_adverbial(self) -> None:
        """"« … », a annoncé à la presse le vice-ministre russe de la Défense, X": X speaks."""
        body = ("« Nous réduisons l'activité militaire », a annoncé à la presse le vice-ministre russe de la "
                "Défense, Igor Sokolov, membre de la délégation.")
        assert "Igor Sokolov" == quotes_of(body)[0][1]

    @pytest.mark.parametrize("relative", ["pour qui", "selon laquelle"])
    def test_relative_source(self, relative: str) -> None:
        """"sa vice-ministre, X, pour qui les pays « … »": the antecedent is the source."""
        body = (f"Le ministre Ion Marin a signé l'accord. La Roumanie était aussi représentée par sa "
                f"vice-ministre, Simona Ionescu, {relative} les trois pays peuvent « tenir leur mer ».")
        assert "Simona Ionescu" == quotes_of(body)[0][1]

    def test_capitalised_particle_inside_a_name(self) -> None:
        """"Marine Le Pen": a given name that is also a body's word, then a capitalised particle."""
        found = article("« La dissuasion ne se partage pas », a dénoncé Marine Le Pen.")
        assert "Marine Le Pen" == found.quotes[0].speaker_name

    @pytest.mark.parametrize(("body", "speaker"), [
        ("Le chancelier Karl Huber (ÖVP) a défendu un principe « qui fait partie de notre ADN ».", "Karl Huber"),
        ("Le ministre Jan Peeters a parlé. Le ministre N-VA a évoqué une contribution « modeste mais visible ».",
         "Jan Peeters"),
        ("Le Bloc québécois a réclamé que les contrats soient « équitablement répartis entre les régions ».",
         "Bloc québécois"),
    ])
    def test_parties(self, body: str, speaker: str) -> None:
        """A party speaks on its own, but not as a person's affiliation ("X (ÖVP)", "le ministre N-VA")."""
        assert speaker == quotes_of(body)[0][1]

    @pytest.mark.parametrize(("body", "speaker"), [
        ("« Les pays riches aident moins », a indiqué l'Organisation de coopération et de développement "
         "économiques dans un rapport.", "OCDE"),
        ("« Les hôpitaux manquent de tout », a averti l'Organisation mondiale de la santé.", "OMS"),
        ("« Nos chaînes tournent à plein régime », a déclaré Rheinmetall jeudi.", "Rheinmetall"),
        ("« Le contrat comporte des risques », a constaté le Contrôle fédéral des finances.",
         "Contrôle fédéral des finances"),
        ("« Le vote est reporté sine die », a annoncé la Douma mardi.", "Douma"),
        ("Selon l'Institut international d'études stratégiques, la flotte « vieillit plus vite que prévu ».", "IISS"),
    ])
    def test_organisations_of_the_gazetteer(self, body: str, speaker: str) -> None:
        """International bodies, companies, parliaments and think tanks speak under their usual name."""
        assert speaker == quotes_of(body)[0][1]

    def test_company_before_its_chief_is_not_a_person(self) -> None:
        """"Le PDG de Dassault Aviation, X, a jugé que « … »": X speaks, and the company is no person."""
        found = article("Le PDG de Dassault Aviation, Éric Trappier, a jugé que « les cadences du Rafale doivent "
                        "encore monter ».")
        assert "Éric Trappier" == found.quotes[0].speaker_name
        assert ["Éric Trappier"] == [mention.name for mention in found.persons]

    def test_head_of_a_department_named_by_its_acronym(self) -> None:
        """"a affirmé la cheffe du DDPS": the minister named before, not the department (a guard)."""
        body = "Viola Amherd a visité la base de Payerne. « Nous restons neutres », a affirmé la cheffe du DDPS."
        assert "Viola Amherd" == quotes_of(body)[0][1]

    def test_incise_between_commas_before_the_subject(self) -> None:
        """"», a ajouté, non sans ironie, le ministre": the minister named before."""
        body = ("Le ministre Oleg Vassine a annoncé la fermeture de la mission. « Ils pourront appeler "
                "notre ambassadeur », a ajouté, non sans ironie, le ministre.")
        assert "Oleg Vassine" == quotes_of(body)[0][1]

    def test_body_phrase_stops_before_a_persons_title(self) -> None:
        """"Le gouvernement de la première ministre X, … avait-elle déclaré": X, not a body named after her."""
        body = ("Le gouvernement de la première ministre Aino Virtanen, candidate à sa succession, avait donné "
                "son feu vert. « Nous devons être prêts », avait-elle déclaré en novembre.")
        assert "Aino Virtanen" == quotes_of(body)[0][1]

    @pytest.mark.parametrize("modal", ["aime répéter", "tient à souligner", "ne cesse de répéter",
                                       "a tenu à rassurer", "a tenu à préciser"])
    def test_modal_before_a_speech_infinitive(self, modal: str) -> None:
        """"», aime répéter X": X speaks."""
        assert "Kemal Aydın" == quotes_of(f"« Nous vendons une indépendance », {modal} Kemal Aydın.")[0][1]

    def test_bare_title_ignores_a_binding_made_later(self) -> None:
        """"a martelé le ministre" is the defence minister named before, not the budget minister named after."""
        body = (
            "Pour le ministre de la Défense, Karel Smets, c'est un tournant. « Cette époque est "
            "révolue », a martelé le ministre.\n\n"
            "Le ministre du Budget, Pieter Claes, assure que l'effort sera financé."
        )
        assert "Karel Smets" == quotes_of(body)[0][1]

    @pytest.mark.parametrize("between", ["à son arrivée", "pour sa part", "à Sputnik"])
    def test_adverbial_between_verb_and_subject(self, between: str) -> None:
        """"a regretté à son arrivée le ministre X": the subject after a short adverbial."""
        body = (
            "La réunion s'est ouverte dans une ambiance tendue au siège de l'Alliance.\n\n"
            f"« Il aurait été préférable d'attendre », a regretté {between} le ministre de la Santé, Ivo Marek."
        )
        assert "Ivo Marek" == quotes_of(body)[0][1]

    @pytest.mark.parametrize("between", ["le Taoiseach et", "vendredi à Bruxelles le Taoiseach et",
                                         "jeudi le premier vice-président et"])
    def test_title_words_before_the_subjects_title(self, between: str) -> None:
        """"a déclaré mardi à Dublin le Tánaiste et ministre de la Défense, X": X, whatever the first title."""
        body = f"« Nos eaux sont surveillées », a déclaré {between} ministre de la Défense, Ciarán Murphy."
        assert "Ciarán Murphy" == quotes_of(body)[0][1]

    def test_incise_inside_the_marks(self) -> None:
        """"« …, raconte X, 47 ans, pêcheur. Avant, … »": the incise inside the marks names the speaker."""
        body = ("Le maire, Yann Le Goff, a convoqué une réunion.\n\n"
                "« On voit des navires sans pavillon, raconte Erwan Guillou, 52 ans, patron pêcheur. "
                "Avant, on n'y prêtait pas attention. »")
        found = extract_article("Titre\n\n" + body + "\n", "x").quotes
        assert [("Erwan Guillou", "incise", "raconte")] == [(q.speaker_name, q.attribution, q.cue) for q in found]

    def test_incise_inside_the_marks_with_a_pronoun(self) -> None:
        """"« …, confie-t-elle. … »" after a paragraph about two people: the woman named last."""
        body = ("Le capitaine Marc Dubois commande le navire. Sa seconde, Léa Martin, connaît la zone.\n\n"
                "« Les sous-marins passent ici, confie-t-elle. Nous les suivons. »")
        assert "Léa Martin" == quotes_of(body)[0][1]

    def test_verb_inside_the_quoted_words_is_no_incise(self) -> None:
        """"« Je sais que Paul Roux affirme le contraire. »": no comma before the verb, no incise."""
        body = ("La ministre Claire Vidal a répondu aux députés.\n\n"
                "« Je sais que Paul Roux affirme le contraire. Il se trompe. »")
        found = extract_article("Titre\n\n" + body + "\n", "x").quotes
        assert "incise" != found[0].attribution
        assert "Paul Roux" != found[0].speaker_name

    @pytest.mark.parametrize("place", ["devant le Parlement européen", "devant un Bundestag houleux"])
    def test_body_after_a_preposition_is_no_inverted_subject(self, place: str) -> None:
        """"a affirmé devant le Parlement européen la ministre X": the minister, not the parliament."""
        body = f"« Nous resterons », a affirmé {place} la ministre de la Défense, Karin Holm."
        assert "Karin Holm" == quotes_of(body)[0][1]

    def test_title_named_by_the_next_sentence(self) -> None:
        """"», a déclaré la ministre des Finances. Ines Varga a ajouté …": a title nobody before holds."""
        body = ("Le budget de la défense sera relevé l'an prochain, selon le projet de loi.\n\n"
                "« C'est un effort sans précédent », a déclaré la ministre des Finances. Ines Varga a ajouté "
                "que la dette resterait stable.")
        assert "Ines Varga" == quotes_of(body)[0][1]

    def test_home_holder_of_the_wrong_gender_is_not_the_title(self) -> None:
        """"la ministre des Affaires étrangères" of a Swedish story in 2024 is not Tobias Billström."""
        body = ("Publié le 7 mars 2024\n\n"
                "La Suède est devenue membre de l'Alliance. Stockholm s'en félicite, et la Suède tourne une page.\n\n"
                "« C'est une excellente nouvelle », a déclaré la ministre des Affaires étrangères, à Ottawa. "
                "Claire Dubois a rappelé que la Suède était un partenaire ancien.")
        assert "Claire Dubois" == quotes_of(body)[0][1]

    @pytest.mark.parametrize(("sentence", "speaker"), [
        ("Le sénateur Paul Roux cite les déclarations de Donald Trump sur les alliés « qui ne paient pas "
         "leur juste part » et s'inquiète.", "Donald Trump"),
        ("Le ministre Jean Dupont a critiqué les propos de Sergueï Lavrov sur une « guerre hybride menée "
         "par l'Occident contre nous ».", "Sergueï Lavrov"),
        ("Le président américain Joe Biden, qui avait critiqué les propos tenus par Emmanuel Macron dans "
         "l'hebdomadaire « The Economist » sur la « mort cérébrale de l'Alliance atlantique », s'est montré "
         "conciliant.", "Emmanuel Macron"),
        # Right after the name, the quote judges the words: the verb's subject speaks.
        ("Donald Trump a jugé les propos d'Emmanuel Macron « très, très insultants pour les autres "
         "membres ».", "Donald Trump"),
    ])
    def test_noun_of_speech_names_its_speaker(self, sentence: str, speaker: str) -> None:
        """"les déclarations de X sur les alliés « … »": X's words."""
        assert speaker == quotes_of(sentence)[0][1]

    def test_inverted_subject_is_learnt_as_the_speaker(self) -> None:
        """"L'Otan a proposé …, a indiqué M. X. Mais « … », a-t-il précisé": X, not the man quoted before."""
        body = ("« Nous ne reculerons pas », a déclaré le vice-ministre russe Oleg Vassine.\n\n"
                "L'Alliance a proposé des réunions sur la maîtrise des armements, a indiqué M. Lars Karlsson. "
                "Mais « Moscou n'a pas pu accepter » ces propositions, a-t-il précisé.")
        assert ["Oleg Vassine", "Lars Karlsson"] == [speaker for _, speaker, _ in quotes_of(body)]

    @pytest.mark.parametrize(("opening", "pronoun", "body"), [
        ("Le Conseil fédéral", "il", "Conseil fédéral"), ("La Commission européenne", "elle", "Commission européenne")])
    def test_pronoun_refers_to_the_body_opening_the_sentence(self, opening: str, pronoun: str, body: str) -> None:
        """"Le Conseil fédéral a examiné … Dans un communiqué, il estimait « … »": the body, not the man before."""
        text = (f"Le ministre Paul Roux a parlé mardi.\n\n{opening} a examiné le dossier en juin. Dans un "
                f"communiqué, {pronoun} estimait que la vente serait « contraire au droit de la neutralité ».")
        assert body == quotes_of(text)[0][1]

    def test_pronoun_skips_a_body_inside_the_sentence(self) -> None:
        """"… où son parti, le Fidesz, a perdu … « … », a-t-il insisté": the man, not the party."""
        text = ("Viktor Orbán, lui, a parlé à son électorat, trois jours après des élections où son parti, "
                "le Fidesz, a perdu du terrain. « L'Alliance est défensive », a-t-il insisté.")
        assert "Viktor Orban" == quotes_of(text)[0][1]

    @pytest.mark.parametrize("source", ["s'amuse une cuisinière du café", "lâche un vieil habitué",
                                        "confie un haut gradé sous couvert d'anonymat"])
    def test_unnamed_person_after_the_cue_is_nobody_named(self, source: str) -> None:
        """"», s'amuse une cuisinière": an unnamed speaker, not the man quoted before."""
        body = ("« Les champs ont été payés », soupire Gheorghe Ionescu, agriculteur.\n\n"
                f"« Ici, tout le monde a un cousin sur le chantier », {source}.")
        found = extract_article("Un titre de test sur l'Alliance\n\n" + body + "\n", "x").quotes
        assert ["Gheorghe Ionescu", None] == [q.speaker_name for q in found]
        assert found[1].cue is not None

    def test_pronoun_refers_to_a_man_met_in_the_crowd(self) -> None:
        """"un homme âgé … regardait … « … », a-t-il glissé": that man, unnamed, not the soldier named before."""
        body = ("« On s'entend bien », sourit le sergent-chef Markus Weber.\n\n"
                "Dans le public, un homme âgé regardait passer les blindés. « Mon père a fait la guerre "
                "contre eux », a-t-il glissé.")
        assert ["Markus Weber", None] == [speaker for _, speaker, _ in quotes_of(body)]

    def test_quoted_heading_over_an_interview(self) -> None:
        """A heading that is only a quote, over "Trois questions à X": X's words, not the last speaker's."""
        body = ("« On s'habitue aux contrôles », sourit Paul Girard, commerçant.\n\n"
                "« Une première pour une ville de cette taille »\n\n"
                "Trois questions à Léa Marchand, chercheuse en sécurité urbaine.\n\n"
                "Pourquoi ce dispositif ?\n\n« Parce que la menace a changé. »")
        assert ["Paul Girard", "Léa Marchand", "Léa Marchand"] == [speaker for _, speaker, _ in quotes_of(body)]

    def test_quoted_heading_speaks_for_the_paragraph_below(self) -> None:
        """« La Belgique tient sa parole … » over "« Notre pays tient sa parole … », a-t-elle dit": hers."""
        body = ("« Nous ne commentons pas les exercices », a déclaré le porte-parole du Kremlin, Dmitri Peskov.\n\n"
                "« La Belgique tient sa parole et prend sa part »\n\n"
                "La ministre de la Défense, Ludivine Dedonder, a défendu l'exercice. « Notre pays tient sa parole "
                "au sein de l'Alliance, comme toujours », a-t-elle déclaré.")
        assert ["Dmitri Peskov", "Ludivine Dedonder", "Ludivine Dedonder"] == [
            speaker for _, speaker, _ in quotes_of(body)]

    def test_quote_in_a_heading_speaks_for_the_paragraph_below(self) -> None:
        """'Des manœuvres « prévues de longue date »' over 'X a rappelé … « prévues de longue date »': X's."""
        body = ("« Nous suivons la situation », a déclaré le porte-parole du Kremlin, Dmitri Peskov.\n\n"
                "Des manœuvres « prévues de longue date »\n\n"
                "Le Premier ministre, Jonas Lie, a rappelé que les manœuvres étaient « défensives » et "
                "« prévues de longue date ».")
        found = quotes_of(body)
        assert [("prévues de longue date", "Jonas Lie")] == [(t, s) for t, s, _ in found[1:2]]

    def test_pronoun_refers_to_a_passive_agent(self) -> None:
        """"la mission est commandée par le général X. « … », expliquait-il": X, not the man quoted before."""
        body = ("« Nous restons engagés », a déclaré le secrétaire américain à la Défense, Lloyd Austin.\n\n"
                "Lancée en 2018, la mission, qui ne combat pas, est commandée depuis novembre par le général "
                "danois Jens Høgh Madsen. « Nous conseillons, nous formons », expliquait-il récemment.")
        assert ["Lloyd Austin", "Jens Høgh Madsen"] == [speaker for _, speaker, _ in quotes_of(body)]

    def test_continuation_verb_keeps_the_speaker(self) -> None:
        """"« … », poursuit l'officier" after one officer spoke and another nodded: the one speaking."""
        body = ("Le capitaine Marc Lemoine, 34 ans, a vécu l'attaque simulée. « On a perdu le réseau en une heure », "
                "raconte-t-il. À sa gauche, le lieutenant Paul Simon acquiesce. « Le plus dur, c'est de garder "
                "son calme », poursuit l'officier.")
        assert ["Marc Lemoine", "Marc Lemoine"] == [speaker for _, speaker, _ in quotes_of(body)]

    def test_reported_clause_after_the_person_told(self) -> None:
        """"X avait écrit au président Y que le ministre Z se proposait de « … »": X wrote the words."""
        body = ("Le 7 mars 1966, le président Georges Martel avait écrit au président américain Lyndon Johnson "
                "que le ministre Paul Roux se proposait de « recouvrer l'entier exercice de sa souveraineté ».")
        assert "Georges Martel" == quotes_of(body)[0][1]

    def test_first_name_after_a_place_noun_is_no_person(self) -> None:
        """"l'île Hans", "le détroit Fram": a place's name, not a man who could speak."""
        body = ("Le chercheur Paul Roux suit le dossier depuis dix ans. Selon lui, l'île Hans était devenue un "
                "symbole, comme le détroit Fram. « On ne le réglera pas avec une bouteille », prévient-il.")
        found = article(body, "Île Hans : le Canada et le Danemark enterrent leur vieille querelle")
        assert ("Paul Roux", ("Paul Roux",)) == (found.quotes[0].speaker_name, found.person_names)

    def test_spokesperson_named_by_the_next_sentence(self) -> None:
        """"Le porte-parole de la diplomatie iranienne a dénoncé « … ». Selon X, …": X."""
        body = ("L'Iran a rejeté les accusations. Le porte-parole de la diplomatie iranienne a dénoncé des "
                "allégations « sans aucun fondement ». Selon Reza Tavakoli, Tirana aurait agi sous influence.")
        assert "Reza Tavakoli" == quotes_of(body)[0][1]

    def test_given_name_that_is_a_stop_word(self) -> None:
        """"le général danois Per Nielsen": "Per" opens the name, it is not the English "per"."""
        body = "« Nous conseillons, nous formons », a expliqué le général danois Per Nielsen."
        assert "Per Nielsen" == quotes_of(body)[0][1]

    def test_title_written_as_an_acronym_is_no_body(self) -> None:
        """"Le PDG de Naval Systems, X, a estimé que « … »": X speaks, "PDG" is no organisation."""
        body = ("Le PDG de l'avionneur, Marc Delorme, a appelé à ne pas perdre de temps, estimant que "
                "« le démonstrateur doit voler en 2026 ».")
        assert "Marc Delorme" == quotes_of(body)[0][1]
        assert "PDG" not in [q.speaker_name for q in article("Le PDG a parlé. « Nous livrerons », a dit le PDG.",
                                                               "Un titre de test sur l'Alliance").quotes]

    def test_possessive_organisational_title(self) -> None:
        """"L'Alliance atlantique a renforcé … son secrétaire général avait prévenu : « … »": its holder."""
        body = ("Publié le 24 octobre 2023\n\n"
                "« Nous avons retrouvé une ancre », a déclaré Risto Lohi, commissaire de police.\n\n"
                "L'Alliance atlantique a renforcé ses patrouilles. Le 11 octobre, son secrétaire général avait "
                "prévenu : « Une attaque appellera une réponse unie. »")
        assert ["Risto Lohi", "Jens Stoltenberg"] == [speaker for _, speaker, _ in quotes_of(body)]

    @pytest.mark.parametrize("rank", ["la Hauptfeldwebel", "l'Oberstleutnant", "le kapitein"])
    def test_foreign_rank_is_no_part_of_the_name(self, rank: str) -> None:
        """"« … », plaisante la Hauptfeldwebel Anna Krüger": the name starts at the given name."""
        found = article(f"« Les Français râlent plus que nous », plaisante {rank} Anna Krüger.",
                        "Un titre de test sur l'Alliance")
        assert ("Anna Krüger", ("Anna Krüger",)) == (found.quotes[0].speaker_name, found.person_names)

    def test_party_acronym_between_title_and_name(self) -> None:
        """"a dénoncé le député LFI X": X, not the député quoted before."""
        body = ("« Le texte est équilibré », a assuré le député Thomas Girard, rapporteur du texte.\n\n"
                "« On nous vend la souveraineté », a dénoncé le député LFI Hugo Lemaire.")
        assert ["Thomas Girard", "Hugo Lemaire"] == [speaker for _, speaker, _ in quotes_of(body)]

    @pytest.mark.parametrize("name", ["Kouamé N'Guessan", "Massimo D’Alema"])
    def test_name_with_an_elided_capital(self, name: str) -> None:
        """"Pour Kouamé N'Guessan, …, « … », résume-t-il": the whole name, with its "N'"."""
        body = (f"Pour {name}, économiste, l'équation est simple. « Chaque euro pour les chars manque aux "
                "centres de santé », résume-t-il.")
        found = article(body, "Un titre de test sur l'Alliance")
        assert (name, (name,)) == (found.quotes[0].speaker_name, found.person_names)

    def test_registry_name_keeps_its_lower_case_particle(self) -> None:
        """"M. de Hoop Scheffer a dénoncé « … »": the registry's "Jaap de Hoop Scheffer"."""
        body = "Publié le 16 septembre 2008\n\nM. de Hoop Scheffer a aussi dénoncé une action « en violation flagrante »."
        assert "Jaap de Hoop Scheffer" == quotes_of(body)[0][1]

    def test_past_holder_is_not_the_title_of_the_day(self) -> None:
        """2009: "la décision du général de Gaulle, le chef de l'Etat a annoncé": Sarkozy, not de Gaulle."""
        body = ("Publié le 11 mars 2009\n\n"
                "Quarante-trois ans après la décision du général de Gaulle, le chef de l'Etat a annoncé le retour "
                "de la France. Nicolas Sarkozy avait choisi l'Ecole militaire. « La France va reprendre toute sa "
                "place », a déclaré le président de la République.")
        assert "Nicolas Sarkozy" == quotes_of(body)[0][1]

    def test_long_complement_then_rank_before_the_name(self) -> None:
        """"le porte-parole du Conseil national pour la sauvegarde de la patrie (CNSP), le colonel-major X": X."""
        body = ("Le 16 mars, le porte-parole du Conseil national pour la sauvegarde de la patrie (CNSP), le "
                "colonel-major Issa Maïga, avait dénoncé « avec effet immédiat » l'accord de coopération.")
        assert "Issa Maïga" == quotes_of(body)[0][1]

    def test_subject_after_a_title_with_a_bodys_acronym(self) -> None:
        """"L'ancienne cheffe du DDPS X avait balayé ces critiques, affirmant à plusieurs reprises que « … »"."""
        body = ("Le Contrôle fédéral des finances avait émis des doutes. L'ancienne cheffe du DFAE Anna Keller "
                "avait balayé ces critiques, affirmant à plusieurs reprises que le prix était « fixe et contraignant ».")
        found = article(body, "Un titre de test sur l'Alliance").quotes
        assert [("Anna Keller", "affirmant")] == [(q.speaker_name, q.cue) for q in found]

    def test_first_name_with_an_age_is_a_person(self) -> None:
        """"Julien, 31 ans, pilote dont seul le prénom peut être cité … « … »": Julien speaks."""
        body = ("« La mission se déroule bien », a déclaré le commandant Marc Dubreuil.\n\n"
                "Dans la salle d'alerte, Julien, 31 ans, pilote dont seul le prénom peut être cité, vient de "
                "rentrer. « Quand on croise des avions russes, tout reste très professionnel. »")
        found = article(body, "Un titre de test sur l'Alliance")
        assert (["Marc Dubreuil", "Julien"], True) == (
            [q.speaker_name for q in found.quotes], "Julien" in found.person_names)

    def test_object_pronoun_before_inverted_cue(self) -> None:
        """"», lui a répondu la ministre canadienne": the cue still attributes the quote."""
        body = (
            "Publié le 25 juin 2025\n\n"
            "La ministre canadienne des Affaires étrangères, Anita Anand, a rencontré son homologue lettone, "
            "Baiba Braze. « Nous comptons sur vous », a dit Baiba Braze. "
            "« Notre présence n'est pas temporaire », lui a répondu la ministre canadienne."
        )
        assert ["Baiba Braze", "Anita Anand"] == [speaker for _, speaker, _ in quotes_of(body)]

    def test_quote_after_a_sentence_about_someone(self) -> None:
        """A quote opening a sentence after one whose subject is a person speaks for that person."""
        body = (
            "Le chef de la diplomatie, Paul Verdier, avait appelé à « ne pas céder à la panique ». "
            "Le général Anne Lombard hausse les épaules. « Ce n'est pas de la panique quand les drones sont là. »"
        )
        assert [("ne pas céder à la panique", "Paul Verdier"),
                ("Ce n'est pas de la panique quand les drones sont là.", "Anne Lombard")] == [
            (text, speaker) for text, speaker, _ in quotes_of(body)]

    def test_relative_clause_cue(self) -> None:
        """"X, qui a menacé Madrid : « … »": the antecedent of "qui" speaks."""
        body = (
            "Pedro Sánchez a obtenu une dérogation, ce qui lui a valu une charge de Donald Trump, "
            "qui a menacé Madrid de représailles : « Nous allons leur faire payer deux fois plus. »"
        )
        assert "Donald Trump" == quotes_of(body)[0][1]

    def test_title_country_bound_in_text(self) -> None:
        """A country bound to a name by its title rules it out for another country's title."""
        body = (
            "Le ministre ukrainien des Affaires étrangères, Oleh Vasko, s'est entretenu avec son homologue "
            "britannique, Tom Harding. Le ministre britannique a, lui, jugé que « la Russie doit montrer "
            "qu'elle veut la paix »."
        )
        assert "Tom Harding" == quotes_of(body)[0][1]

    def test_organisation_phrase_stops_at_a_verb(self) -> None:
        """"Le Kremlin reste prudent. Un porte-parole a indiqué": the spokesperson speaks for the Kremlin."""
        body = (
            "Le Kremlin reste prudent. Un porte-parole a indiqué que Moscou attendait des détails : "
            "« Nous ne voulons pas prendre d'avance. »"
        )
        assert ("Kremlin", "organisation") == (lambda q: (q.speaker.name, q.speaker.kind))(article(body).quotes[0])

    def test_definite_spokesperson_is_the_office_holder(self) -> None:
        """"Son porte-parole" of the Kremlin is the registry's spokesperson on the article's date."""
        body = (
            "Publié le 11 mars 2025\n\nLe Kremlin reste prudent. Son porte-parole a indiqué que Moscou "
            "attendait des détails : « Nous ne voulons pas prendre d'avance. »"
        )
        assert ("Dmitri Peskov", "person") == (lambda q: (q.speaker.name, q.speaker.kind))(article(body).quotes[0])


    def test_reflexive_cue_after_quote_and_de_son_cote(self) -> None:
        """"», s'est félicitée la présidence turque" and "s'est réjoui de son côté X"."""
        body = (
            "La Turquie a levé son veto. « Nous avons obtenu ce que nous voulions », s'est félicitée la "
            "présidence turque dans un communiqué. « Je suis heureux de cet accord », s'est réjoui de son "
            "côté le président finlandais, Sauli Niinistö."
        )
        assert ["présidence turque", "Sauli Niinistö"] == [speaker for _, speaker, _ in quotes_of(body)]

    def test_anaphor_with_the_head_noun_of_an_earlier_title(self) -> None:
        """"le diplomate" is the person introduced as "le diplomate russe X", not the subject before."""
        body = (
            "Le ministre Paul Tremblay a reçu le diplomate russe Ivan Petrov mardi à Ottawa.\n\n"
            "« Rien n'est décidé », a souligné le diplomate."
        )
        assert "Ivan Petrov" == quotes_of(body)[0][1]

    def test_past_participle_without_auxiliary_is_no_cue(self) -> None:
        """"un plan jugé « décevant »" quotes nobody in particular; "a d'ailleurs plaidé" still speaks."""
        body = (
            "Des sénateurs ont écrit à Paul Martin pour lui reprocher un plan de défense jugé « profondément "
            "décevant ». Un officier présent a d'ailleurs plaidé pour un partage « sans conditions politiques »."
        )
        result = article(body)
        judged = next(q for q in result.quotes if q.text.startswith("profondément"))
        assert judged.cue != "jugé"
        assert "plaidé" == next(q for q in result.quotes if q.text.startswith("sans")).cue

    def test_anonymous_source_stays_anonymous_through_a_pronoun(self) -> None:
        """"Selon un diplomate, ... « … », a-t-il confié": the unnamed diplomat, not the last name."""
        body = (
            "François Martin a longtemps hésité sur la livraison des navires.\n\n"
            "Selon un diplomate européen, le message a été reçu à Saint-Nazaire, où le navire attend. "
            "« Les Russes savaient depuis des semaines », a-t-il confié sous couvert d'anonymat."
        )
        quote = article(body).quotes[0]
        assert (None, "a-t-il confié") == (quote.speaker_name, quote.cue)

    def test_spokesperson_of_a_body_the_registry_does_not_know(self) -> None:
        """"Selon un porte-parole du commandement aérien allié": that body speaks."""
        body = (
            "Selon un porte-parole du commandement aérien allié, installé en Allemagne, les chasseurs ont "
            "décollé « des centaines de fois » l'an dernier."
        )
        quote = article(body).quotes[0]
        assert ("commandement aérien allié", "organisation") == (quote.speaker.name, quote.speaker.kind)


    def test_cleft_sentence_subject(self) -> None:
        """"c'est l'ancien vice-président X, ..., qui a défendu le texte. « … », a-t-il assuré": X."""
        body = (
            "Au Parlement, c'est l'ancien vice-président Murat Demir, aujourd'hui président de la commission, "
            "qui a défendu le texte. « Nous avons obtenu des engagements écrits », a-t-il assuré."
        )
        assert "Murat Demir" == quotes_of(body)[0][1]

    def test_gerund_opening_the_sentence_speaks_for_the_main_subject(self) -> None:
        """"En proposant un « débat stratégique », le ministre Paul Girard a relancé ...": Paul Girard."""
        body = (
            "En proposant d'ouvrir un « débat stratégique » sur la protection des alliés, le ministre "
            "Paul Girard a relancé une question taboue."
        )
        assert "Paul Girard" == quotes_of(body)[0][1]

    def test_party_noun_is_an_anaphor(self) -> None:
        """"a jugé le social-démocrate": the person named before, not anonymous."""
        body = (
            "À Berlin, Karl Brandt a mis en garde contre toute précipitation. « Il serait imprudent de "
            "renoncer au partage nucléaire », a jugé le social-démocrate."
        )
        assert "Karl Brandt" == quotes_of(body)[0][1]

    def test_no_apposition_across_a_preposition(self) -> None:
        """"un chancelier atlantiste face à X" does not make X the chancellor."""
        result = article(
            "Publié le 10 mars 2025\n\nFriedrich Merz, un chancelier atlantiste face à Donald Trump, a parlé. "
            "« Nous devons parler avec Paris », a déclaré le chancelier."
        )
        assert "Donald Trump" != result.quotes[0].speaker_name

    def test_registry_nationality_blocks_a_false_apposition(self) -> None:
        """"Sans nommer le président français, Vladimir Poutine a ..." does not make Putin French."""
        result = article(
            "Publié le 10 mars 2025\n\nSans nommer le président français, Vladimir Poutine a dénoncé "
            "« une menace directe » contre la Russie."
        )
        person_roles = {p.name: p.role for p in result.persons}
        assert "président français" != person_roles.get("Vladimir Poutine")

    def test_capitalised_institution_speaks(self) -> None:
        """"le Conseil fédéral estimait que la Suisse devait « … »": the institution speaks."""
        body = (
            "Dans son rapport, le Conseil fédéral estimait déjà que la Suisse devait « renforcer sa capacité "
            "de défense » avec ses partenaires."
        )
        quote = article(body).quotes[0]
        assert ("Conseil fédéral", "organisation") == (quote.speaker.name, quote.speaker.kind)


    def test_emphatic_pronoun_is_not_the_subject(self) -> None:
        """"Le Premier ministre, présent lui aussi à Florennes, a salué « … »": the title, not "lui"."""
        body = (
            "Publié le 15 octobre 2025\n\nLe ministre de la Défense, Theo Francken, a accueilli les avions. "
            "La Belgique y voit un tournant et la Belgique paie, comme la Belgique l'avait promis.\n\n"
            "Le Premier ministre, présent lui aussi à Florennes, a salué « un investissement dans notre sécurité »."
        )
        assert "Theo Francken" != quotes_of(body)[0][1]

    def test_city_that_is_a_given_name(self) -> None:
        """"A Podgorica, Milan Radović, un retraité, ne décolère pas : « … »": Milan is a given name."""
        result = article(
            "A Podgorica, Milan Radović, un retraité de 67 ans, ne décolère pas : « Ils nous ont bombardés. »"
        )
        assert ["Milan Radović"] == [q.speaker_name for q in result.quotes]
        assert ["Podgorica"] == [c.name for c in result.cities]

    def test_national_body_named_after_its_country(self) -> None:
        """"À Moscou, le ministère des Affaires étrangères a dénoncé « … »": the Russian ministry."""
        body = "À Moscou, le ministère des Affaires étrangères a dénoncé des décisions « qui aggravent la confrontation »."
        assert "ministère russe des Affaires étrangères" == quotes_of(body)[0][1]


class TestEnglish:
    def test_said_after_name(self) -> None:
        """'"...," Rutte said' in an English article."""
        raw = (
            "NATO chief meets allies\n\n"
            "NATO Secretary General Mark Rutte met defence ministers in Brussels on Thursday. "
            "\u201cWe will keep supporting Ukraine for as long as it takes,\u201d Rutte said.\n"
        )
        result = extract_article(raw, "en1")
        assert ("en", "Mark Rutte") == (result.language, result.quotes[0].speaker_name)

    def test_subject_before_has_and_a_participle(self) -> None:
        """'a figure Stoltenberg has called "a minimum baseline"': the name right before "has called"."""
        raw = (
            "Allies weigh a new aid pledge\n\n"
            "Under the plan, NATO would set up a command in Germany and the allies would commit to 40 billion "
            "euros a year in military aid, a figure Jens Stoltenberg has called \u201ca minimum baseline for "
            "our support.\u201d\n"
        )
        assert "Jens Stoltenberg" == extract_article(raw, "en3").quotes[0].speaker_name

    def test_former_title_with_no_former_holder_named(self) -> None:
        """'the former Estonian prime minister said', only today's prime minister named: the predecessor."""
        raw = (
            "Baltic states tighten checks on tankers\n\nJanuary 10, 2025\n\n"
            "Estonian Prime Minister Kristen Michal said on Friday that the cable damage was no accident. "
            "\u201cWe will inspect every ship,\u201d Michal said.\n\n"
            "\u2018The shadow fleet is a source of revenue for the war,\u2019 the former Estonian prime minister "
            "said in a statement.\n"
        )
        assert ["Kristen Michal", "Kaja Kallas"] == [q.speaker_name for q in extract_article(raw, "en4").quotes]

    def test_she_said(self) -> None:
        """'"...," she said' goes to the woman who spoke before."""
        raw = (
            "Baltic ministers warn Moscow\n\n"
            "Estonian Prime Minister Kaja Kallas told reporters the threat was growing. "
            "\u201cWe cannot be naive about Russia,\u201d she said.\n"
        )
        assert "Kaja Kallas" == extract_article(raw, "en2").quotes[0].speaker_name


    def test_country_possessive_before_title(self) -> None:
        """"Poland's Foreign Minister X was blunter. "…," he wrote": X, the sentence's subject."""
        text = (
            "Allies meet in Brussels\n\nGabor Nemeth, an analyst in Budapest, said the deal was weak. "
            "Poland's Foreign Minister Radek Sikorski was blunter. \"Solidarity cannot be a la carte,\" he wrote on X.\n"
        )
        assert "Radoslaw Sikorski" == extract_article(text, "t").quotes[0].speaker_name

    def test_quote_ending_a_sentence_is_not_attributed_to_the_next(self) -> None:
        """'... people.” Kobakhidze has accused' starts another sentence."""
        text = (
            "Allies meet in Brussels\n\n“The violence is unacceptable,” Mark Rutte said, urging the authorities "
            "to respect “the fundamental freedoms of the Georgian people.” Irakli Kobakhidze has accused "
            "foreign-funded groups of trying to stage a coup.\n"
        )
        assert ["Mark Rutte", "Mark Rutte"] == [q.speaker_name for q in extract_article(text, "t").quotes]


    def test_nationality_before_an_organisation(self) -> None:
        """"the Hungarian government said": that government speaks."""
        text = (
            "Allies meet in Brussels\n\nIn a statement, the Hungarian government said the agreement "
            "confirmed that NATO \u201cremains a defensive alliance\u201d.\n"
        )
        assert "Hungarian government" == extract_article(text, "t").quotes[0].speaker_name


    def test_for_after_a_quote_attributes_nothing(self) -> None:
        """'said the crisis had been "a wake-up call" for the alliance': the sayer, not the alliance."""
        text = (
            "Allies meet in Newport\n\nAnders Fogh Rasmussen said the Ukraine crisis had been "
            "\"a wake-up call\" for the alliance.\n"
        )
        assert "Anders Fogh Rasmussen" == extract_article(text, "t").quotes[0].speaker_name

    def test_possessive_body_before_a_title(self) -> None:
        """"The alliance's outgoing secretary-general said": NATO's secretary general on the date."""
        text = (
            "Allies meet in Newport\n\nSeptember 4, 2014\n\nThe alliance's outgoing secretary-general said "
            "the new unit would move \"at very, very short notice\" when needed.\n"
        )
        assert "Anders Fogh Rasmussen" == extract_article(text, "t").quotes[0].speaker_name


class TestStructure:
    def test_title_after_section_label_and_byline(self) -> None:
        """A section label and a byline above the headline are set aside."""
        raw = (
            "Monde\n\nPar Julie Martin\n\nL'Alliance renforce son flanc est\n\n"
            "Les ministres de la Défense de l'Alliance se sont réunis mardi à Bruxelles pour discuter "
            "du renforcement du flanc est, dans un contexte de tensions croissantes avec la Russie et "
            "d'inquiétude sur les stocks de munitions des pays membres.\n"
        )
        result = extract_article(raw, "s1")
        assert ("L'Alliance renforce son flanc est", "Julie Martin", ("Monde",)) == (
            result.title, result.byline, result.boilerplate
        )

    def test_lone_word_without_headline_is_the_title(self) -> None:
        """A one-word first line is the title when no headline follows; reported speech is body."""
        result = extract_article("Sommet\n\n« Nous restons unis », a dit Mark Rutte.\n", "s0")
        assert ("Sommet", ["Mark Rutte"]) == (result.title, [q.speaker_name for q in result.quotes])

    def test_headline_with_quoted_words_is_still_a_headline(self) -> None:
        """Quoted words in a headline ("le “Bouclier”, un rempart") are no incise."""
        raw = (
            "Varsovie lance le “Bouclier”, un rempart face à la Russie\n\n"
            "Le gouvernement polonais a présenté samedi un vaste programme de fortification de ses "
            "frontières orientales, qui doit coûter plusieurs milliards d'euros d'ici la fin de la décennie.\n"
        )
        assert "Varsovie lance le “Bouclier”, un rempart face à la Russie" == extract_article(raw, "s0b").title

    @pytest.mark.parametrize(
        ("line", "author"),
        [("Par Jeanne Roux", "Jeanne Roux"), ("Jeanne Roux, Genève", "Jeanne Roux"),
         ("Jeanne Roux, correspondante à Ottawa", "Jeanne Roux"), ("Jeanne Roux in Riga", "Jeanne Roux"),
         ("Par La Gazette de Lyon avec AFP", None)],
    )
    def test_byline_after_standfirst(self, line: str, author: str | None) -> None:
        """A byline may follow the standfirst; an outlet's name is no author."""
        raw = (
            "La Lettonie renforce sa frontière\n\n"
            "Riga a annoncé un nouveau plan de fortification de sa frontière orientale, face à la Russie "
            "et au Bélarus, pour un coût de plusieurs centaines de millions d'euros d'ici trois ans.\n\n"
            f"{line}\n\nPublié le 4 mai 2024 à 10h12\n\n"
            "Le ministre de la Défense a présenté le plan devant le Parlement réuni en session extraordinaire, "
            "en présence des chefs d'état-major des trois pays baltes et de représentants de l'Alliance.\n"
        )
        result = extract_article(raw, "b1")
        assert (author, dt.date(2024, 5, 4)) == (result.byline, result.date)

    def test_short_label_above_headline(self) -> None:
        """A two-word section label above a longer headline is set aside."""
        raw = (
            "Politique étrangère\n\nOttawa promet d'atteindre les 2 % avant la fin de la décennie\n\n"
            "Le premier ministre a annoncé mercredi que le Canada consacrerait 2 % de son produit intérieur "
            "brut à la défense d'ici 2030, sous la pression de ses alliés de l'OTAN réunis à Washington.\n"
        )
        result = extract_article(raw, "b2")
        assert ("Ottawa promet d'atteindre les 2 % avant la fin de la décennie", ("Politique étrangère",)) == (
            result.title, result.boilerplate
        )

    def test_short_headline_before_reported_speech(self) -> None:
        """A short headline stays the title when the next line is a sentence with a quote."""
        raw = ("Réunion à Bruxelles\n\nCe mercredi (7 février 2024), les Alliés se sont réunis. "
               "« Nous restons unis », a déclaré le secrétaire général de l’OTAN.")
        result = extract_article(raw, "b3")
        assert ("Réunion à Bruxelles", "Jens Stoltenberg") == (result.title, result.quotes[0].speaker_name)

    def test_teaser_is_set_aside_and_article_goes_on(self) -> None:
        """"Lire aussi" and its teaser are furniture; the paragraph after them is body."""
        raw = (
            "Titre de l'article\n\n"
            "Premier paragraphe assez long pour être du corps de texte, avec une phrase complète sur "
            "la défense européenne et les dépenses militaires des pays de l'Alliance atlantique réunis.\n\n"
            "Lire aussi\nLe Japon augmente son budget militaire\n\n"
            "Le Premier ministre suédois a ensuite pris la parole devant les députés réunis à Stockholm.\n"
        )
        result = extract_article(raw, "s2")
        assert ("Lire aussi", "Le Japon augmente son budget militaire") == result.boilerplate
        assert "JP" not in result.country_codes and "SE" in result.country_codes

    def test_tail_after_comment_prompt(self) -> None:
        """Everything after "Laisser un commentaire" is furniture."""
        raw = (
            "Un titre sur l'Alliance\n\n"
            "Un paragraphe de corps de texte suffisamment long pour compter comme tel, qui parle de "
            "l'Alliance atlantique et de ses membres européens réunis à Bruxelles pour un sommet.\n\n"
            "Laisser un commentaire\n\nLa Chine et la Russie\n"
        )
        result = extract_article(raw, "s3")
        assert ("Laisser un commentaire", "La Chine et la Russie") == result.boilerplate
        assert "CN" not in result.country_codes

    @pytest.mark.parametrize(
        ("line", "source"),
        [("(Belga)", "Belga"), ("Selon Ukrinform", "Ukrinform"), ("Avec AFP", "AFP"), ("Source : TASS", "TASS")],
    )
    def test_source_credit(self, line: str, source: str) -> None:
        """A short credit line gives the source."""
        raw = (
            "Un titre sur l'Alliance\n\n"
            "Un paragraphe de corps de texte suffisamment long pour compter comme tel, qui parle de "
            f"l'Alliance atlantique et de ses membres européens réunis à Bruxelles pour un sommet.\n\n{line}\n"
        )
        assert source == extract_article(raw, "s4").source

    def test_dateline_is_metadata(self) -> None:
        """"Publié le ..." is a dateline, not boilerplate, and gives the date."""
        raw = (
            "Un titre sur l'Alliance\n\nPublié le 12 mars 2023 à 14h05\n\n"
            "Un paragraphe de corps de texte suffisamment long pour compter comme tel, qui parle de "
            "l'Alliance atlantique et de ses membres européens réunis à Bruxelles pour un sommet.\n"
        )
        result = extract_article(raw, "s5")
        assert (dt.date(2023, 3, 12), (), "dateline") == (result.date, result.boilerplate, result.lines[1].role)


class TestDates:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Ce mardi (4 avril 2023), les ministres se sont réunis.", dt.date(2023, 4, 4)),
            ("Le 1er décembre 2024, Kaja Kallas a pris ses fonctions.", dt.date(2024, 12, 1)),
            ("MOSCOU, 2022-02-24 - Les troupes sont entrées en Ukraine.", dt.date(2022, 2, 24)),
            ("Mis en ligne le 07/03/2024, cet article parle de la Suède.", dt.date(2024, 3, 7)),
            ("Le 10 juillet, au sommet de Washington de 2024, les alliés ont parlé.", dt.date(2024, 7, 10)),
            ("Hier matin, jeudi, les ministres se sont réunis.", None),
            ("Le 10 juillet, les alliés ont parlé de 2023 et de 2024.", None),
            ("Le 10 juillet, ils ont promis 2 % d'ici 2030.", None),
        ],
    )
    def test_date(self, text: str, expected: dt.date | None) -> None:
        """Full dates, day-month pinned by a single year, and nothing otherwise."""
        assert expected == article(text + " Une phrase de plus pour le corps du texte de cet article.").date


class TestPersons:
    def test_organisation_is_not_a_person(self) -> None:
        """"Université Laval" is an institution, not a person."""
        result = article("Marie Tremblay, professeure à l'Université Laval, a commenté le sommet de Vilnius.")
        assert ("Marie Tremblay",) == result.person_names

    def test_registry_alias(self) -> None:
        """A surname the registry knows gets its canonical full name."""
        assert ("Vladimir Poutine",) == article("Poutine a répondu aux sanctions par des menaces.").person_names

    def test_title_without_name_is_not_a_person(self) -> None:
        """A bare title mentions an office, not a named person."""
        assert () == article("La haute représentante de l'Union européenne a parlé à la presse.").person_names


class TestLanguage:
    def test_case_folding_keeps_the_kind_of_characters(self) -> None:
        """
        language._folded_words() reads the words of the folded text when folding keeps
        its length: no character folds to nothing, and only U+0345 folds to a single
        character of another kind for the word pattern.
        """
        import re

        from natocorpus.extract.language import _FOLDS_TO_ANOTHER_KIND

        word, digit = re.compile(r"\w"), re.compile(r"\d")

        def kind(char: str) -> tuple[bool, bool, bool, bool]:
            return bool(word.match(char)), bool(digit.match(char)), char == "_", char in "-'’"

        changed = [chr(code) for code in range(0x110000) if chr(code).casefold() != chr(code)]
        assert all(char.casefold() for char in changed)
        assert _FOLDS_TO_ANOTHER_KIND == "".join(
            char for char in changed if len(char.casefold()) == 1 and kind(char) != kind(char.casefold())
        )

    @pytest.mark.parametrize("text", ["Straße und Maße", "İstanbul et la Turquie", "Le ᾼ de la ͅ phrase", ""])
    def test_words_of_unusual_case(self, text: str) -> None:
        """Texts whose folding changes length or kind read the same words as folding word by word."""
        from natocorpus.extract.language import _folded_words
        from natocorpus.text import WORD

        assert [w.casefold() for w in WORD.findall(text)] == [w for w in _folded_words(text) if w]
