"""The front-matter fields of a practice file: one declaration used by the validator,
the editor documentation and the JSON Schema."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from ..problems import closest

Kind = Literal[
    "id",
    "slugs",
    "hash",
    "slug",
    "text",
    "texts",
    "code",
    "codes",
    "year",
    "date",
    "bool",
    "contact",
    "links",
    "criteria",
]


class Field(NamedTuple):
    name: str
    kind: Kind
    required: bool
    help: str
    vocabulary: str | None = None
    example: str = ""
    """A value shown to editors when the field is missing (in a Finnish file)."""
    example_sv: str = ""
    """The same in a Swedish file, where the value is in the file's language."""
    label: tuple[str, str] = ("", "")
    """The field's name in the web editor's form, in Finnish and Swedish."""
    hint: tuple[str, str] = ("", "")
    """The help under the field in the web editor's form, in Finnish and Swedish."""

    def example_in(self, lang: str) -> str:
        return self.example_sv if lang == "sv" and self.example_sv else self.example


LONG_TEXTS = frozenset({"summary"})
"""The text fields that may run over several lines: the web editor gives them a box of
several lines. Every other text is one line."""


FIELDS: tuple[Field, ...] = (
    Field(
        "id",
        "id",
        True,
        "Stable language-neutral id shared by the fi and sv files; never change it.",
        example="narpes-model",
        label=("Tunnus", "Kod"),
        hint=(
            "Pysyvä tunnus, sama molemmissa kielissä ja tiedostojen nimi: pieniä kirjaimia a–z, "
            "numeroita ja väliviivoja. Älä muuta julkaisun jälkeen.",
            "En bestående kod, densamma på båda språken och filernas namn: små bokstäver a–z, "
            "siffror och bindestreck. Ändra den inte efter publiceringen.",
        ),
    ),
    Field(
        "title",
        "text",
        True,
        "The practice's name in this language.",
        example="Närpiön malli",
        example_sv="Närpesmodellen",
        label=("Nimi", "Namn"),
        hint=("Käytännön nimi tällä kielellä.", "Exemplets namn på det här språket."),
    ),
    Field(
        "slug",
        "slug",
        True,
        "The last part of the page address in this language, e.g. narpion-malli.",
        example="narpion-malli",
        example_sv="narpesmodellen",
        label=("Osoite", "Adress"),
        hint=(
            "Sivun osoitteen loppuosa tällä kielellä, esimerkiksi narpion-malli.",
            "Slutet av sidans adress på det här språket, till exempel narpesmodellen.",
        ),
    ),
    Field(
        "summary",
        "text",
        True,
        "One or two sentences for listings and search results.",
        example="Yksi tai kaksi virkettä käytännöstä.",
        example_sv="En eller två meningar om exemplet.",
        label=("Tiivistelmä", "Sammanfattning"),
        hint=(
            "Yksi tai kaksi virkettä listoihin ja hakutuloksiin (enintään 300 merkkiä).",
            "En eller två meningar för listor och sökresultat (högst 300 tecken).",
        ),
    ),
    Field(
        "themes",
        "codes",
        True,
        "Theme codes from content/vocabulary.yaml.",
        "themes",
        example="[employment-entrepreneurship]",
        label=("Teemat", "Teman"),
        hint=("Valitse yksi tai useampi.", "Välj ett eller flera."),
    ),
    Field(
        "phases",
        "codes",
        True,
        "Phase codes of initial-stage integration.",
        "phases",
        example="[guidance-advice]",
        label=("Kotoutumisen vaiheet", "Integrationens skeden"),
        hint=("Valitse yksi tai useampi.", "Välj ett eller flera."),
    ),
    Field(
        "target_groups",
        "codes",
        True,
        "Target group codes.",
        "target_groups",
        example="[all-immigrants]",
        label=("Kohderyhmät", "Målgrupper"),
        hint=("Valitse yksi tai useampi.", "Välj en eller flera."),
    ),
    Field(
        "regions",
        "codes",
        True,
        "Region codes (or 'national').",
        "regions",
        example="[pohjanmaa]",
        label=("Alueet", "Regioner"),
        hint=("Maakunnat, tai valtakunnallinen.", "Landskapen, eller riksomfattande."),
    ),
    Field(
        "municipality",
        "text",
        False,
        "Municipality or municipalities, in this language.",
        example="Närpiö",
        example_sv="Närpes",
        label=("Kunta", "Kommun"),
        hint=("Kunta tai kunnat tällä kielellä.", "Kommunen eller kommunerna på det här språket."),
    ),
    Field(
        "organisations",
        "texts",
        True,
        "Organisations that run the practice, in this language.",
        example="[Närpiön kaupunki]",
        example_sv="[Närpes stad]",
        label=("Toteuttajat", "Genomförare"),
        hint=("Organisaatioiden nimet tällä kielellä.", "Organisationernas namn på det här språket."),
    ),
    Field(
        "practice_type",
        "code",
        True,
        "Practice type code.",
        "practice_types",
        example="new-operating-model",
        label=("Käytännön tyyppi", "Typ av praxis"),
        hint=("", ""),
    ),
    Field(
        "start_year",
        "year",
        True,
        "Year the practice started, e.g. 2016.",
        example="2016",
        label=("Alkuvuosi", "Startår"),
        hint=("Esimerkiksi 2016.", "Till exempel 2016."),
    ),
    Field(
        "end_year",
        "year",
        False,
        "Year the practice ended, if it has ended.",
        example="2019",
        label=("Päättymisvuosi", "Slutår"),
        hint=("Jos käytäntö on päättynyt.", "Om praxisen har upphört."),
    ),
    Field(
        "funding",
        "text",
        True,
        "How the practice is or was funded (free text).",
        example="Euroopan sosiaalirahasto",
        example_sv="Europeiska socialfonden",
        label=("Rahoitus", "Finansiering"),
        hint=("Miten käytäntö on rahoitettu.", "Hur praxisen har finansierats."),
    ),
    Field(
        "contact",
        "contact",
        False,
        "name, and optionally organisation, email and url.",
        example="{name: Kotouttamisyksikkö}",
        example_sv="{name: Integrationsenheten}",
        label=("Yhteystieto", "Kontakt"),
        hint=(
            "Nimi, ja halutessa organisaatio, sähköposti ja verkko-osoite.",
            "Namn, och vid behov organisation, e-post och webbadress.",
        ),
    ),
    Field(
        "links",
        "links",
        False,
        "A list of links to other sites' pages, each with text and url (a practice is linked in the text).",
        example='[{text: Lisätietoa, url: "https://example.fi/"}]',
        example_sv='[{text: Mer information, url: "https://example.fi/"}]',
        label=("Linkit", "Länkar"),
        hint=(
            "Muiden sivustojen sivuja, jokaisella teksti ja osoite (https://…). Toiseen käytäntöön "
            "linkitetään tekstissä: [Närpiön malli](practice:narpes-model).",
            "Sidor på andra webbplatser, var och en med text och adress (https://…). Ett annat exempel "
            "länkas i texten: [Närpesmodellen](practice:narpes-model).",
        ),
    ),
    Field(
        "published",
        "date",
        True,
        "Date the practice was published, YYYY-MM-DD.",
        example="2026-11-28",
        label=("Julkaistu", "Publicerad"),
        hint=("", ""),
    ),
    Field(
        "updated",
        "date",
        False,
        "Date of the last substantial update, YYYY-MM-DD.",
        example="2026-11-28",
        label=("Päivitetty", "Uppdaterad"),
        hint=(
            "Viimeisimmän olennaisen päivityksen päivä.",
            "Datum för den senaste väsentliga uppdateringen.",
        ),
    ),
    Field(
        "draft",
        "bool",
        False,
        "true keeps the practice off the site.",
        example="false",
        label=("Luonnos", "Utkast"),
        hint=("Päällä: käytäntö ei näy sivustolla.", "På: praxisen visas inte på webbplatsen."),
    ),
    Field(
        "aliases",
        "slugs",
        False,
        "Earlier slugs of this language version; their addresses keep leading here.",
        example="[vanha-osoite]",
        example_sv="[gammal-adress]",
        label=("Aiemmat osoitteet", "Tidigare adresser"),
        hint=(
            "Jos muutit osoitetta, lisää vanha tähän: vanhat linkit ohjautuvat uuteen sivuun.",
            "Om du ändrade adressen, lägg till den gamla här: gamla länkar leder till den nya sidan.",
        ),
    ),
    Field(
        "translation_pending",
        "bool",
        False,
        "true while the other language version is still being written.",
        example="true",
        label=("Toinen kieliversio tekeillä", "Den andra språkversionen på gång"),
        hint=(
            "Päällä, kun toinen kieliversio ei ole vielä valmis.",
            "På när den andra språkversionen inte ännu är klar.",
        ),
    ),
    Field(
        "criteria",
        "criteria",
        True,
        "Evidence for each of the six criteria (Markdown).",
        "criteria",
        example="{goal-oriented: ..., customer-responsive: ...}",
        label=("Arviointikriteerit", "Bedömningskriterier"),
        hint=("Näyttö kustakin kuudesta kriteeristä.", "Belägg för vart och ett av de sex kriterierna."),
    ),
    Field(
        "translated_from",
        "hash",
        False,
        "Set by `python build.py translated FILE`: the other language version this was translated from.",
        example="3f2a9c1d0b7e",
        label=("Käännetty versiosta", "Översatt från version"),
        hint=("", ""),
    ),
)

FIELDS_BY_NAME = {f.name: f for f in FIELDS}
FIELD_INDEX = {f.name: index for index, f in enumerate(FIELDS)}

CONTACT_LABELS = {
    "name": ("Nimi", "Namn"),
    "organisation": ("Organisaatio", "Organisation"),
    "email": ("Sähköposti", "E-post"),
    "url": ("Verkko-osoite", "Webbadress"),
}
LINK_LABELS = {"text": ("Teksti", "Text"), "url": ("Osoite", "Adress")}
"""A contact's and a link's fields, with their labels in Finnish and Swedish."""
CONTACT_KEYS = tuple(CONTACT_LABELS)
LINK_KEYS = tuple(LINK_LABELS)

FIELD_LABELS = {f.name: f.label for f in FIELDS}


def meant_field(
    name: object, labels: dict[str, tuple[str, str]], unknown: list[Any], missing: list[str]
) -> tuple[str | None, str]:
    """The field a name that is no field's stands for, and the end of the message that says so:
    the field whose Finnish or Swedish label it is (as the web editor shows it), else the one it
    most likely misspells, else, when it is the one name `unknown`, the one required field
    `missing`."""
    folded, names = str(name).casefold(), tuple(labels)
    labelled = next((field for field, pair in labels.items() if folded in (x.casefold() for x in pair)), None)
    close = closest(str(name), names)
    meant = labelled or close or (missing[0] if len(unknown) == len(missing) == 1 else None)
    if meant is None:
        return None, f"; the fields are: {', '.join(names)}"
    english = "" if close and not labelled else ": field names are the same English words in both languages"
    return meant, f"{english}; did you mean '{meant}'?"
