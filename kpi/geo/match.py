"""Matching boundary features to the register: which column holds the kelurahan, which feature is which
kelurahan, and every problem of the match (unmatched, conflicting, duplicated, empty or missing kelurahan)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from kpi.core.issues import Issue
from kpi.core.wilayah import Register, Resolution, normalise_name
from kpi.geo.store import polygonal

# Field names, tried case-insensitively: Kemendagri/BIG first, then BPS, then generic; names after codes.
CODE_FIELDS = (
    "KDEPUM",
    "kode_kelurahan",
    "kode_kemendagri",
    "kode_desa",
    "kd_desa",
    "KDEBPS",
    "kode_bps",
    "iddesa",
    "id_desa",
    "kode",
    "kode_wilayah",
)
NAME_FIELDS = ("WADMKD", "NAMOBJ", "nama_kelurahan", "kelurahan", "nama_desa", "desa", "nama", "name", "village")
KECAMATAN_FIELDS = ("WADMKC", "KDCPUM", "nama_kecamatan", "kecamatan", "kode_kecamatan", "kec", "district")
CODE_VALUE = re.compile(r"(id)?\d{10}|\d{2}\.\d{2}\.\d{2}\.\d{4}", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    """One feature (0-based) and the kelurahan it matched through `field`, or the reason it matched none;
    `conflict` when another of its fields holds an unknown code or names another kelurahan."""

    feature: int
    label: str
    kode: str | None
    field: str | None
    issue: Issue | None = None
    value: str = ""  # the text in `field` that matched
    conflict: Issue | None = None

    def record(self, register: Register) -> dict:
        """The match as a provenance record (feature numbered from 1)."""
        return {
            "feature": self.feature + 1,
            "label": self.label,
            "field": self.field,
            "value": self.value,
            "kode": self.kode,
            "nama": register.name(self.kode) if self.kode else None,
        }


def match_features(frame: pd.DataFrame, register: Register) -> tuple[str | None, dict[str, int], list[Match]]:
    """Match each feature to a kelurahan through the first field that resolves it: codes, then names, each
    class ordered by how many features it resolves. A filled code that resolves nothing, or two fields that resolve
    to two kelurahan, is a conflict on the match: fields that resolve no feature at all take no part.
    Return the leading field, every field's score and the matches."""
    code_fields, name_fields, kecamatan = _fields(frame)
    districts = [_text(v) for v in frame[kecamatan]] if kecamatan else [""] * len(frame)
    texts = {f: [_text(v) for v in frame[f]] for f in code_fields + name_fields}
    trials = {f: [_resolve(register, t, d) for t, d in zip(texts[f], districts, strict=True)] for f in texts}
    scores = {f: sum(r.kode is not None for r in trials[f]) for f in trials}
    ranked = lambda fields: sorted((f for f in fields if scores[f]), key=lambda f: -scores[f])
    order = ranked(code_fields) + ranked(name_fields) or list(trials)
    if not order:
        return None, scores, []
    labels = [
        next((texts[f][i] for f in [*name_fields, *texts] if texts[f][i]), f"fitur ke-{i + 1}")
        for i in range(len(frame))
    ]
    fields = _Fields(order, frozenset(code_fields), texts, trials, register)
    return order[0], scores, [_pick(i, labels[i], fields) for i in range(len(frame))]


def _fields(frame: pd.DataFrame) -> tuple[list[str], list[str], str | None]:
    """The code fields (known names, then code-like columns), the name fields, and a filled kecamatan field."""
    columns = [c for c in frame.columns if c != frame.geometry.name]
    by_lower = {str(c).lower(): c for c in columns}
    known = lambda names: [by_lower[n.lower()] for n in names if n.lower() in by_lower]
    codes, districts = known(CODE_FIELDS), known(KECAMATAN_FIELDS)
    codes += [c for c in columns if c not in codes + districts and _code_like(frame[c])]
    names = [c for c in known(NAME_FIELDS) if c not in codes]
    filled = [c for c in districts if frame[c].map(_text).ne("").any()]
    return codes, names, (filled[0] if filled else None)


def _code_like(values: pd.Series) -> bool:
    """Whether most filled values look like kelurahan codes (Kemendagri dotted, or ten digits, maybe 'id…')."""
    texts = [t for t in values.map(_text) if t]
    return bool(texts) and sum(bool(CODE_VALUE.fullmatch(t)) for t in texts) * 2 >= len(texts)


def _text(value: object) -> str:
    """A cell as stripped text; whole floats (codes read from a .dbf) lose their '.0'."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


def _resolve(register: Register, value: str, kecamatan: str) -> Resolution:
    """The register's resolution of a kelurahan value; an ambiguous name is settled by the kecamatan column."""
    found = register.resolve(value, "kelurahan")
    if found.kode or not kecamatan or found.issue.code != "wilayah_ambigu":
        return found
    parent = register.resolve(kecamatan, "kecamatan").kode
    key = normalise_name(value)[0]
    options = [
        u.kode
        for u in register.children(parent or "")
        if key in (normalise_name(u.nama)[0], normalise_name(u.nama_bps)[0])
    ]
    return Resolution(options[0]) if len(options) == 1 else found


@dataclass(frozen=True)
class _Fields:
    """The fields a match may use, in order, with every feature's text and resolution per field."""

    order: list[str]
    codes: frozenset[str]
    texts: dict[str, list[str]]
    trials: dict[str, list[Resolution]]
    register: Register


def _pick(i: int, label: str, fields: _Fields) -> Match:
    """The first field, in order, whose value resolves, with any conflict of the other fields; else the most
    telling reason."""
    trials, texts = fields.trials, fields.texts
    resolved = [f for f in fields.order if trials[f][i].kode]
    if not resolved:
        reasons = [trials[f][i].issue for f in fields.order if trials[f][i].issue.code != "wilayah_kosong"]
        return Match(i, label, None, None, reasons[0] if reasons else None)
    first = resolved[0]
    match = Match(i, label, trials[first][i].kode, first, value=texts[first][i])
    for field in fields.order:
        if field in fields.codes and texts[field][i] and not trials[field][i].kode:
            return replace(match, conflict=_unknown_code(match, field, texts[field][i], fields.register))
        if trials[field][i].kode not in (None, match.kode):
            other = Match(i, label, trials[field][i].kode, field, value=texts[field][i])
            return replace(match, conflict=_disagreement(match, other, fields.register))
    return match


def kelurahan_geometries(
    frame: gpd.GeoDataFrame, matches: list[Match], register: Register
) -> tuple[dict[str, shapely.Geometry], list[Issue], list[Issue]]:
    """One repaired (Multi)Polygon per kelurahan; problems for unmatched, conflicting, duplicated, empty or missing
    ones."""
    problems = [_unmatched(m) if m.kode is None else m.conflict for m in matches if m.kode is None or m.conflict]
    groups: dict[str, list[Match]] = {}
    for m in matches:
        if m.kode:
            groups.setdefault(m.kode, []).append(m)
    geometry = frame.geometry.to_numpy()
    fixed = [m.label for m in repaired(frame, matches)]
    notes = (
        [
            Issue(
                "geometri_diperbaiki",
                f"Geometri {len(fixed)} fitur tidak sah dan diperbaiki (make_valid): {', '.join(fixed)}.",
            )
        ]
        if fixed
        else []
    )
    geoms = {}
    for kode, group in sorted(groups.items()):
        parts = [polygonal(geometry[m.feature]) for m in group]
        problems += [_empty(m, register) for m, g in zip(group, parts, strict=True) if g is None]
        if len(group) > 1:
            problems.append(_duplicate(kode, group, register))
        elif parts[0] is not None:
            geoms[kode] = parts[0]
    problems += [_missing(u, register) for u in register.level("kelurahan") if u.kode not in groups]
    return geoms, notes, problems


def repaired(frame: gpd.GeoDataFrame, matches: list[Match]) -> list[Match]:
    """The matched features whose geometry is not valid, so that make_valid repairs it."""
    geometry = frame.geometry.to_numpy()
    return [m for m in matches if m.kode and geometry[m.feature] is not None and not geometry[m.feature].is_valid]


def no_field(frame: pd.DataFrame) -> Issue:
    """The problem when no column holds kelurahan codes or names."""
    columns = ", ".join(str(c) for c in frame.columns if c != frame.geometry.name) or "tidak ada"
    return Issue(
        "kolom_wilayah_tidak_ada",
        "Tidak ada kolom kode atau nama kelurahan yang dikenali. Kolom yang "
        f"ada: {columns}. Beri nama kolomnya mis. 'KDEPUM' (kode Kemendagri), 'kode_bps' atau 'nama'.",
    )


def _unmatched(m: Match) -> Issue:
    """The problem of a feature that matched no kelurahan."""
    reason = f" {m.issue.message}" if m.issue else ""
    return Issue(
        "fitur_tidak_cocok",
        f"Fitur ke-{m.feature + 1} '{m.label}' tidak cocok dengan kelurahan mana pun "
        f"di Kota Tangerang Selatan.{reason} Perbaiki kode atau namanya, atau hapus fitur itu bila bukan "
        "wilayah kota ini.",
        row=m.feature + 1,
        value=m.label,
    )


def _unknown_code(m: Match, field: str, value: str, register: Register) -> Issue:
    """The conflict of a feature whose code names no kelurahan while another field names one."""
    unit = register.get(m.kode or "")
    right = unit.kode_bps if re.fullmatch(r"(id)?\d{10}", value, re.IGNORECASE) else unit.kode
    return Issue(
        "identitas_bertentangan",
        f"Fitur ke-{m.feature + 1} '{m.label}': kolom {field} berisi '{value}', yang bukan kode kelurahan di "
        f"Kota Tangerang Selatan, padahal kolom {m.field} '{m.value}' menunjuk Kelurahan {unit.nama} ({unit.kode}). "
        "Kode dan nama satu fitur harus menunjuk kelurahan yang sama; fitur yang kodenya tidak dikenal tidak "
        f"dicocokkan lewat kolom lain. Perbaiki kolom {field} (kode Kelurahan {unit.nama}: {right}) atau kolom "
        f"{m.field}, lalu pasang ulang.",
        row=m.feature + 1,
        column=field,
        value=value,
    )


def _disagreement(m: Match, other: Match, register: Register) -> Issue:
    """The conflict of a feature whose fields name two different kelurahan (`m` through one, `other` another)."""
    return Issue(
        "identitas_bertentangan",
        f"Fitur ke-{m.feature + 1} '{m.label}': kolom {m.field} '{m.value}' menunjuk Kelurahan "
        f"{register.name(m.kode or '')} ({m.kode}), tetapi kolom {other.field} '{other.value}' menunjuk Kelurahan "
        f"{register.name(other.kode or '')} ({other.kode}). Kode dan nama satu fitur harus menunjuk kelurahan "
        f"yang sama. Periksa fitur itu, perbaiki kolom {m.field} atau kolom {other.field}, lalu pasang ulang.",
        row=m.feature + 1,
        column=other.field,
        value=other.value,
    )


def _features(group: list[Match]) -> str:
    """'ke-3 'Perigi'' and, when the match came from another column, that column's value."""
    return ", ".join(
        f"ke-{m.feature + 1} '{m.label}'" + (f" ({m.field} {m.value})" if m.value != m.label else "") for m in group
    )


def _duplicate(kode: str, group: list[Match], register: Register) -> Issue:
    """The problem of a kelurahan matched by more than one feature."""
    return Issue(
        "kelurahan_ganda",
        f"Kelurahan {register.name(kode)} ({kode}) muncul di {len(group)} fitur: "
        f"{_features(group)}. Setiap kelurahan harus tepat satu fitur: hapus duplikatnya, atau bila "
        "fitur-fitur itu bagian dari kelurahan yang sama, gabungkan dulu (dissolve) menjadi satu MultiPolygon.",
        row=group[1].feature + 1,
        value=register.name(kode),
    )


def _empty(m: Match, register: Register) -> Issue:
    """The problem of a matched feature without polygons."""
    return Issue(
        "geometri_kosong",
        f"Fitur ke-{m.feature + 1} '{m.label}' (Kelurahan {register.name(m.kode)}) "
        "tidak memiliki geometri poligon. Setiap kelurahan harus berupa Polygon atau MultiPolygon.",
        row=m.feature + 1,
        value=m.label,
    )


def _missing(unit, register: Register) -> Issue:
    """The problem of a kelurahan that no feature matched."""
    total = len(register.level("kelurahan"))
    return Issue(
        "kelurahan_hilang",
        f"Kelurahan {unit.nama} ({unit.kode}, Kecamatan {register.name(unit.kode_induk)}) "
        f"tidak ada di berkas. Berkas batas harus memuat ke-{total} kelurahan Kota Tangerang Selatan.",
        value=unit.nama,
    )
