"""How answers speak of the person a user is helping: "your dad", "your dad's", "they"."""

from __future__ import annotations

from skill.i18n import strings_for

strings = strings_for("skill")


def person_words(locale: str, relationship: str) -> dict[str, str]:
    """``person``, ``owner`` and ``them`` for ``relationship`` (an id such as ``FATHER``).

    The host's ``person.<ID>`` strings name each relationship; ``person.<ID>.owner`` and
    ``person.<ID>.them`` override the possessive and object forms where they differ
    ("they", "their", "them"). ``owner`` is a whole phrase from ``person.owner``, which a
    string places where its language puts it: "{owner} doctor" in English, "el médico
    {owner}" in Spanish, where ``person.owner`` is "de {person}" ("de su papá").
    """
    key = f"person.{relationship}"
    if not strings.has(locale, key):
        key = "person.THEM"
    person = strings.get(locale, key)
    owner_key, them_key = f"{key}.owner", f"{key}.them"
    owner = (
        strings.get(locale, owner_key)
        if strings.has(locale, owner_key)
        else strings.get(locale, "person.owner", person=person)
    )
    them = strings.get(locale, them_key) if strings.has(locale, them_key) else person
    return {"person": person, "owner": owner, "them": them}
