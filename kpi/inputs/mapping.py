"""The mapping step of an import: which column of a file fills which column of the template, and on what basis.

A proposal is made from the file's header alone, in this order for each template column: the column's own name,
one of its declared spellings (kpi.inputs.kinds), a column named in an import profile (kpi.inputs.profiles: a
shipped export layout such as SP4N-LAPOR!, or one a user saved), then a close spelling (difflib on the matching
key, ratio ≥ CLOSE). A file column fills one template column at most. Nothing is guessed silently: the dry run shows
the mapping with the basis of every row, a close spelling is marked for the user to confirm, and the user may change
any row (`with_choice`) before the file is checked again with that mapping.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from kpi.core.texts import tr
from kpi.inputs.kinds import KINDS, key
from kpi.inputs.profiles import Profile

CLOSE = 0.84  # difflib ratio on matching keys from which a spelling is proposed as "close" (to be confirmed)
BASES = ("nama", "sinonim", "profil", "mirip", "pengguna", "tidak_ada")  # labels: texts mapping.basis.<basis>


@dataclass(frozen=True)
class Choice:
    """One template column, the file column proposed or chosen for it (None: none), and why."""

    target: str
    source: str | None
    basis: str


@dataclass(frozen=True)
class Proposal:
    """The mapping of one file's columns to a kind's template, and the profile it came from (if any)."""

    kind: str
    choices: tuple[Choice, ...]
    profile: str | None = None
    values: Mapping[str, Mapping[str, str]] | None = None  # template column → {file text: template value}
    header: tuple[str, ...] = ()  # the file's columns, as read

    def names(self) -> dict[str, str]:
        """Template column → file column, for the columns that have one."""
        return {c.target: c.source for c in self.choices if c.source is not None}

    def needs_confirmation(self) -> bool:
        """True when a row rests on a close spelling only: the user should look before the file is saved."""
        return any(c.basis == "mirip" for c in self.choices)

    def with_choice(self, target: str, source: str | None) -> Proposal:
        """The proposal with one template column filled from another file column (None: left empty) by the user;
        a file column chosen here is taken away from any other template column."""
        if target not in {c.target for c in self.choices}:
            raise KeyError(target)
        changed = []
        for c in self.choices:
            if c.target == target:
                changed.append(Choice(target, source, "pengguna" if source is not None else "tidak_ada"))
            elif source is not None and c.source == source:
                changed.append(Choice(c.target, None, "tidak_ada"))
            else:
                changed.append(c)
        return replace(self, choices=tuple(changed))

    def with_values(self, target: str, replacements: Mapping[str, str]) -> Proposal:
        """The proposal with cell texts of one template column replaced before the checks (e.g. a suggested code
        accepted by the user for a misspelt kelurahan); earlier replacements of the column are kept."""
        values = {k: dict(v) for k, v in (self.values or {}).items()}
        values.setdefault(target, {}).update(replacements)
        return replace(self, values=values)

    def target_of(self, source: str) -> str | None:
        """The template column a file column fills, if any."""
        return next((c.target for c in self.choices if c.source == source), None)

    def to_profile(self, name: str) -> Profile:
        """This mapping as a named profile to save: the template columns that have a file column, and the values."""
        values = {k: dict(v) for k, v in (self.values or {}).items()}
        return Profile(name.strip(), self.kind, self.names(), values)

    def describe(self, lang: str = "id") -> str:
        """The mapping as the audit log keeps it: the profile used and the columns a user chose ('' when every
        column was found by its name or a declared spelling)."""
        parts = [tr("mapping.audit_profile", lang, profile=self.profile)] if self.profile else []
        chosen = [f"{c.target} ← {c.source or '—'}" for c in self.choices if c.basis == "pengguna"]
        if chosen:
            parts.append(tr("mapping.audit_user", lang, pairs=", ".join(chosen)))
        replaced = [f"{t} '{a}' → {b}" for t, pairs in (self.values or {}).items() for a, b in pairs.items()]
        if replaced and not self.profile:  # a profile's own value spellings are named by the profile
            parts.append(tr("mapping.audit_values", lang, pairs=", ".join(replaced)))
        return tr("mapping.audit", lang, parts="; ".join(parts)) if parts else ""

    def unused(self) -> list[str]:
        """The file's columns that fill no template column (they are not imported)."""
        used = set(self.names().values())
        return [h for h in self.header if h not in used]

    def table(self, lang: str = "id") -> pd.DataFrame:
        """The mapping for people: template column, file column ('—' when none), basis; then the unused columns."""
        rows = [
            (c.target, c.source or "—", tr(f"mapping.basis.{c.basis}", lang, profile=self.profile or ""))
            for c in self.choices
        ]
        rows += [("—", h, tr("mapping.basis.dipakai_tidak", lang)) for h in self.unused()]
        heads = [tr(f"mapping.col.{c}", lang) for c in ("target", "source", "basis")]
        return pd.DataFrame(rows, columns=heads)


def _close(wanted: Iterable[str], free: list[str]) -> str | None:
    """The free file column whose matching key is closest to one of the wanted spellings, if close enough."""
    best, score = None, CLOSE
    for spelling in wanted:
        for column in free:
            ratio = difflib.SequenceMatcher(None, key(spelling), key(column)).ratio()
            if ratio >= score and (best is None or ratio > score):
                best, score = column, ratio
    return best


def propose(
    header: Iterable[str], kind: str, profiles: Iterable[Profile] = (), forced: Profile | None = None
) -> Proposal:
    """The proposed mapping of a file's header to the template of `kind` (see the module docstring); `forced` is a
    profile the user named, used whatever its score."""
    spec = KINDS[kind]
    columns = [str(h) for h in header]
    by_key: dict[str, str] = {}
    for column in columns:
        by_key.setdefault(key(column), column)
    profile = forced if forced is not None else _best_profile(columns, kind, profiles)
    taken: set[str] = set()
    exact: dict[str, tuple[str, str]] = {}
    for column in spec.columns:  # names, declared spellings and the profile first, for every column
        hit = _found(column.name, column.aliases, profile, by_key, taken)
        if hit is not None:
            exact[column.name] = hit
            taken.add(hit[0])
    choices: list[Choice] = []
    for column in spec.columns:  # then close spellings, among the file's columns nobody named
        found = exact.get(column.name)
        if found is None:
            close = _close((column.name, *column.aliases), [c for c in columns if c not in taken])
            found = (close, "mirip") if close is not None else (None, "tidak_ada")
            if close is not None:
                taken.add(close)
        choices.append(Choice(column.name, *found))
    used = profile if forced is not None or any(c.basis == "profil" for c in choices) else None
    values = dict(used.values) if used and used.values else None
    return Proposal(kind, tuple(choices), used.name if used else None, values, tuple(columns))


@dataclass(frozen=True)
class Request:
    """A mapping asked for before the file's header is known (the command line): a profile by name, and template
    columns chosen by hand (template column → the file's header, spelled as in the file)."""

    profile: Profile | None = None
    columns: Mapping[str, str] = field(default_factory=dict)

    def resolve(self, header: Iterable[str], kind: str, profiles: Iterable[Profile]) -> tuple[Proposal, list[str]]:
        """The proposal for this header with the request applied, and the requested file columns it lacks."""
        proposal = propose(header, kind, profiles, forced=self.profile)
        by_key = {key(h): h for h in proposal.header}
        missing = []
        for target, source in self.columns.items():
            found = by_key.get(key(source))
            if found is None:
                missing.append(source)
            else:
                proposal = proposal.with_choice(target, found)
        return proposal, missing


def _found(
    name: str, aliases: tuple[str, ...], profile: Profile | None, by_key: dict[str, str], taken: set[str]
) -> tuple[str, str] | None:
    """(file column, basis) by the column's name, a declared spelling or the profile; None when none is free."""
    candidates = [(name, "nama"), *((a, "sinonim") for a in aliases)]
    if profile is not None and name in profile.columns:
        candidates.insert(0, (profile.columns[name], "profil"))
    for spelling, basis in candidates:
        column = by_key.get(key(spelling))
        if column is not None and column not in taken:
            return column, basis
    return None


def _best_profile(columns: list[str], kind: str, profiles: Iterable[Profile]) -> Profile | None:
    """The profile of this kind that names most of the file's columns (at least two), if any."""
    keys = {key(c) for c in columns}
    scored = [(sum(key(s) in keys for s in p.columns.values()), p) for p in profiles if p.kind == kind and p.columns]
    scored = [(n, p) for n, p in scored if n >= 2]
    return max(scored, key=lambda s: s[0])[1] if scored else None


def apply_values(frame: pd.DataFrame, proposal: Proposal) -> pd.DataFrame:
    """The frame with the profile's value spellings written as template values in the mapped columns (e.g. an
    export's 'Website' as 'SP4N-LAPOR!'), so the ordinary checks read them; other cells unchanged."""
    if not proposal.values:
        return frame
    names = proposal.names()
    out = frame.copy()
    for target, spellings in proposal.values.items():
        column = names.get(target)
        if column is None or column not in out:
            continue
        out[column] = _respelled(out[column], {key(k): v for k, v in spellings.items()})
    return out


def _respelled(cells: pd.Series, table: Mapping[str, str]) -> pd.Series:
    """The cells with every text whose matching key is in `table` replaced by its template value."""
    return cells.map(lambda v: table.get(key(v), v) if isinstance(v, str) else v).astype(cells.dtype)
