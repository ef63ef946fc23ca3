"""Property: any plan survives save → load unchanged, and a second save changes no byte."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwriter import planfile
from planwriter.model import (
    Direction,
    Disposition,
    Family,
    Indicator,
    Item,
    Kind,
    Level,
    Meta,
    ParentRef,
    Plan,
    Signature,
)

# Vietnamese letters (NFC), digits, punctuation, quotes and backslashes that TOML must escape.
_ALPHABET = (
    string.ascii_letters
    + string.digits
    + " .,;:-/()%\"'\\#[]="
    + "ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵỦỨ"
)
texts = st.text(alphabet=_ALPHABET, max_size=40)
nonempty = st.text(alphabet=_ALPHABET, min_size=1, max_size=30)
numbers = st.one_of(
    st.integers(min_value=0, max_value=10_000),
    st.floats(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False),
)
dates = st.one_of(
    st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
)

_counter = iter(range(10**9))


@st.composite
def indicators(draw: st.DrawFn) -> Indicator:
    return Indicator(
        id=f"ind-{next(_counter)}",
        name=draw(nonempty),
        value=draw(numbers),
        unit=draw(texts),
        comparator=draw(st.sampled_from(["đạt", "trên", "tối thiểu", "ít nhất", "≥"])),
        year=draw(st.one_of(st.none(), st.integers(2000, 2100))),
        direction=draw(st.sampled_from(list(Direction))),
    )


@st.composite
def items(draw: st.DrawFn, depth: int = 0) -> Item:
    disposition = draw(st.one_of(st.none(), st.sampled_from(list(Disposition))))
    origin = (
        []
        if disposition in (None, Disposition.ADDED)
        else draw(
            st.lists(st.sampled_from(["a", "b", "c.1", "d-2"]), min_size=1, max_size=2, unique=True)
        )
    )
    children = draw(st.lists(items(depth + 1), max_size=3)) if depth < 3 else []
    return Item(
        id=f"item-{next(_counter)}",
        kind=draw(st.sampled_from([k for k in Kind if depth == 0 or k is not Kind.APPENDIX])),
        title=draw(texts),
        text=draw(texts),
        indicators=draw(st.lists(indicators(), max_size=2)),
        lead=draw(texts),
        partners=draw(st.lists(nonempty, max_size=3)),
        deadline=draw(texts),
        output=draw(texts),
        attached=draw(texts),
        header=draw(st.lists(st.lists(texts, min_size=1, max_size=3), max_size=2)),
        rows=draw(st.lists(st.lists(texts, min_size=1, max_size=3), max_size=3)),
        origin=origin,
        disposition=disposition,
        reason=draw(nonempty) if disposition is Disposition.DROPPED else draw(texts),
        children=children,
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    parent = draw(
        st.one_of(
            st.none(),
            st.builds(
                ParentRef, ref=st.just(""), number=nonempty, date=dates, issuer=texts, title=texts
            ),
        )
    )
    meta = Meta(
        level=draw(st.sampled_from(list(Level))),
        family=draw(st.sampled_from(list(Family))),
        doc_type=draw(nonempty),
        number=draw(texts),
        issuer_symbol=draw(nonempty),
        superior_body=draw(texts),
        issuing_body=draw(nonempty),
        place=draw(nonempty),
        date=draw(dates),
        summary=draw(texts),
        parent=parent,
        recipients=draw(st.lists(nonempty, max_size=4)),
        signature=draw(st.builds(Signature, on_behalf=texts, title=texts, name=texts)),
        tasks_in_appendix=draw(st.booleans()),
        numbering=draw(st.sampled_from([["I.", "1.", "1.1.", "a)"], ["I-", "1.", "a)"]])),
        source=draw(texts),
    )
    return Plan(meta=meta, items=draw(st.lists(items(), max_size=4)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_survives_save_and_load(plan: Plan) -> None:
    text = planfile.dumps(plan)
    loaded = planfile.loads(text)
    assert loaded == plan
    # Saving what was loaded changes nothing.
    assert (
        planfile.PlanFile(path=Path("x.toml"), plan=loaded, doc=planfile.parse_doc(text)).dumps()
        == text
    )


@settings(max_examples=50, deadline=None)
@given(plans(), plans())
def test_rewriting_one_plan_into_another_file(first: Plan, second: Plan) -> None:
    """Syncing a file written for one plan to another plan gives a file that reads as the second."""
    text = planfile.dumps(first)
    pf = planfile.PlanFile(path=Path("x.toml"), plan=second, doc=planfile.parse_doc(text))
    assert planfile.loads(pf.dumps()) == second


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")),
                        max_size=30))
def test_a_new_file_is_written_as_tomlkit_would(plan: Plan, header: str) -> None:
    """``emit`` (new files, no tomlkit document) writes byte for byte what syncing an empty
    tomlkit document writes, so a later edit through tomlkit changes only what it changes."""
    import tomlkit

    from planwriter.planfile.emit import emit

    doc = tomlkit.document()
    for line in header.splitlines():
        doc.add(tomlkit.comment(line))
    planfile.sync(doc, plan)
    assert emit(plan, header) == tomlkit.dumps(doc)
