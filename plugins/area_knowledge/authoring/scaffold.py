"""The text of a new entry, built from the schema: front matter and body sections.

`scripts/new.py` writes it to a file; the site's "Share your practice" page
offers it to copy, and its form fills the same sections.
"""

from __future__ import annotations

from typing import Any

from ..contract.schema import (
    HUBS,
    IMPACT_FIELDS,
    PHASES,
    PRACTITIONERS,
    SCHOOLS_FILE,
    SUMMARY_LIMIT,
    THEMES_FILE,
    Collection,
    Field,
    Kind,
)
from .yaml_text import yaml_text

# Each section heading of a new entry's body, with one line of guidance for its writer.
SECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "case-study": (
        (
            "Context",
            "Your school or schools, the pupils involved and the problem you set out to solve, "
            "with figures where you have them.",
        ),
        (
            "What we did",
            "What you did, step by step, so that another school could try it: who did it, "
            "how often, and the time and cost involved.",
        ),
        (
            "Impact and how we measured it",
            "What changed, in figures, and how you know (your own data, an external evaluation "
            "or what staff saw); put the main figures under impact: above too.",
        ),
        (
            "What we would do differently",
            "What did not work, and what you would change if you started again.",
        ),
        (
            "Contact",
            "Who to ask and what they can help with; list them under contacts: above, "
            "and give work contact details only.",
        ),
    ),
    "hub": (
        (
            "What we do",
            "What the hub works on, what it has made or changed, and how and where it meets.",
        ),
        (
            "Who it is for",
            "The staff and schools the hub is for: roles, phases, and any cost or commitment.",
        ),
        (
            "How to join",
            "What a school does to join, whom to contact, and when new members start.",
        ),
    ),
    "practitioner": (
        (
            "Experience",
            "Your role, your school and the experience behind your expertise, in two or three "
            "sentences written in the third person.",
        ),
        (
            "What schools can ask for",
            "The support you offer (visits, training, coaching, peer review) and how much time "
            "you can give.",
        ),
    ),
}


def kind_hint(spec: Field, content: str) -> str:
    """What a field's value looks like, in a contributor's words."""
    each = "s" if spec.many else ""
    hints = {
        Kind.THEME: f"theme id{each} or aliases from {content}/{THEMES_FILE}",
        Kind.SCHOOL: f"URN{each} from {content}/{SCHOOLS_FILE}",
        Kind.HUB: f"a hub id: a file name in {content}/{HUBS.folder}/ without .md",
        Kind.PRACTITIONER: (
            f"practitioner id{each}: file name{each} in "
            f"{content}/{PRACTITIONERS.folder}/ without .md"
        ),
        Kind.PHASE: "from " + ", ".join(PHASES),
        Kind.CHOICE: ("any of " if spec.many else "one of ") + ", ".join(spec.choices),
        Kind.DATE: "YYYY-MM-DD",
        Kind.EMAIL: "e.g. name@school.sch.uk",
        Kind.TEXT_OR_URL: "text or a link",
        Kind.SUMMARY: f"at most {SUMMARY_LIMIT} characters",
    }
    hint = hints.get(spec.kind, "")
    # A field's help may already say what its kind says ("URN"); say it once.
    parts = [hint] if hint else []
    if spec.help and spec.help.lower() not in hint.lower():
        parts.insert(0, spec.help)
    if spec.default not in (None, ()):
        parts.append(f"default {spec.default}")
    return "; ".join(parts)


def yaml_field(name: str, value: object) -> str:
    """One field as YAML, quoted only where YAML needs it."""
    plain = list(value) if isinstance(value, tuple) else value
    return yaml_text({name: plain})


def commented_field(spec: Field, content: str) -> str:
    """An empty field, with what to write in it: written out if required, else a comment.

    A required field left empty fails validation ("is required, but it is
    empty"), so that an untouched file is never published.
    """
    listed = (
        "; one per line, each starting '  - '" if spec.many and spec.kind is not Kind.IMPACT else ""
    )
    if spec.required:
        hint = f"{kind_hint(spec, content)}{listed}"
        return f"{spec.name}:  # required{': ' + hint if hint else ''}\n"
    line = f"# {spec.name}:  # {kind_hint(spec, content)}{listed}\n"
    if spec.kind is not Kind.IMPACT:
        return line
    example = [f"{sub.name}: {kind_hint(sub, content)}" for sub in IMPACT_FIELDS]
    return line + "".join(
        f"#   {'- ' if index == 0 else '  '}{text}\n" for index, text in enumerate(example)
    )


def entry_text(collection: Collection, values: dict[str, Any], content: str) -> str:
    """A new entry: front matter in the contract's order, then the body's sections."""
    front = [
        f"# A new {collection.label.lower()}. Fill in every field marked required;\n",
        "# lines starting '#' are optional fields: remove the '# ' to fill one in.\n",
    ]
    for spec in collection.fields:
        if spec.name in values:
            front.append(yaml_field(spec.name, values[spec.name]))
        else:
            front.append(commented_field(spec, content))
    body = [
        f"## {heading}\n\n<!-- {guidance} -->\n" for heading, guidance in SECTIONS[collection.name]
    ]
    return "---\n" + "".join(front) + "---\n\n" + "\n".join(body)
