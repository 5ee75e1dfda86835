"""Line breaks end sentences: `eventline_line_breaks_v1`, placed before the parser.

News bodies keep a headline or standfirst on its own line, often without a final full stop
("Putin hosts Iran's foreign minister as Tehran weighs response\\nRussian President ...").
The statistical parser reads such a line and the lead sentence after it as one sentence, so
the lead's subject, verb and events are lost inside a run-on parse. A token that follows a
line break starts a sentence, and so does the first token after a wire dateline at a line's
start; spaCy's parser keeps sentence starts set before it runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventline.clean.metadata import dateline_end

FACTORY = "eventline_line_breaks_v1"
_DATELINE_CHARS = 160  # a dateline is a short prefix; the pattern never needs more


class LineBreaks:
    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy rebuilds it from every token on each access: read it once
        starts = [0]  # character offsets where a line starts
        if "\n" in text:  # each token is made once, as the one before the next
            before = None
            for tok in doc:
                if before is not None and (
                    "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)
                ):
                    tok.is_sent_start = True
                    starts.append(tok.idx)
                before = tok
        for start in starts:
            _after_dateline(doc, text, start)
        return doc


def _after_dateline(doc: Doc, text: str, start: int) -> None:
    """A wire dateline ("NAIROBI, May 14 (Reuters) - ") ends where the lead's own sentence
    starts: parsed as one, the city became the lead's subject and the parties its appositions."""
    end = dateline_end(text[start : start + _DATELINE_CHARS])
    if end is None:
        return
    token = doc.char_span(start + end, start + end + 1, alignment_mode="expand")
    if token is not None and token.start > 0:
        doc[token.start].is_sent_start = True


@Language.factory("eventline_line_breaks_v1", requires=[], assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    """Registry entry: `nlp.add_pipe("eventline_line_breaks_v1", before="parser")`."""
    return LineBreaks()
