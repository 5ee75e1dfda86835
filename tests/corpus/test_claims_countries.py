"""The claim linker's country finder: cut down to the forms a text can hold, it finds exactly
what one regex of every KB form finds."""

from __future__ import annotations

import re

from eventline.corpus import claims_link
from eventline.corpus.claims_link import _canon, _country_forms, countries_in


def _full_regex_countries(text: str) -> list[str]:
    """The finder as it was: one regex of every form, longest first."""
    table = _country_forms()
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in table.ordered)
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    found: list[str] = []
    for match in pattern.finditer(text):
        code = table.codes.get(claims_link.fold_text(match.group(0)))
        if code and code not in found:
            found.append(code)
    return found


def _texts() -> list[str]:
    forms = list(_country_forms().ordered)
    shapes = [str.lower, str.upper, str.title]
    out = []
    for start in range(0, len(forms), 7):
        chunk = forms[start : start + 7]
        words = [
            shapes[n % 3](f).replace(" ", " \n " if n % 2 else "  ") for n, f in enumerate(chunk)
        ]
        out.append(f"Officials of {words[0]}, said-{' and '.join(words[1:])}; (the {words[-1]}).")
        out.append("-".join(words))  # glued by hyphens: no form stands alone
    out += [
        "The Kremlin said Moscow and Tehran signed a deal with the United States.",
        "KYIV and the WHITE HOUSE; ſyria? İran’s north-korea, south korea",
        "nothing here at all",
        "",
    ]
    return out


def test_same_countries_as_one_regex_of_every_form() -> None:
    for text in _texts():
        assert countries_in(text) == _full_regex_countries(text), text


def test_canonical_text_keeps_length_and_folds_what_ignorecase_folds() -> None:
    text = "İſ ΣΑΣ K"
    canon = _canon(text)
    assert len(canon) == len(text)
    assert canon[1] == "s" and canon[0] == "i"
    assert _canon("ς") == _canon("σ") == _canon("Σ")
