"""Line breaks end sentences: `eventline_line_breaks_v1`, placed before the parser.

News bodies keep a headline or standfirst on its own line, often without a final full stop
("Putin hosts Iran's foreign minister as Tehran weighs response\\nRussian President ...").
The statistical parser reads such a line and the lead sentence after it as one sentence, so
the lead's subject, verb and events are lost inside a run-on parse. A token that follows a
line break starts a sentence; spaCy's parser keeps sentence starts set before it runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "eventline_line_breaks_v1"


class LineBreaks:
    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[1:]:
            before = doc[tok.i - 1]
            if "\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
                tok.is_sent_start = True
        return doc


@Language.factory("eventline_line_breaks_v1", requires=[], assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    """Registry entry: `nlp.add_pipe("eventline_line_breaks_v1", before="parser")`."""
    return LineBreaks()
