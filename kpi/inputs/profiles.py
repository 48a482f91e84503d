"""Import profiles: a named column layout of another system's export (and optional value spellings), so a file of
that layout maps to a template without asking every time. Shipped profiles are data/profil_impor/*.yaml; a user's
confirmed mapping is saved as a profile in the store folder (settings.saved_profiles_dir()) and reused by name from
the Impor Data page and `python -m kpi.importer --profile NAME`.

A profile file:

    name: Ekspor SP4N-LAPOR!      # shown to people and used with --profile
    kind: aduan                   # permohonan, aduan or survei
    columns:                      # the template's column: the export's header
      id_aduan: Tracking ID
    values:                       # optional: per template column, the export's text: the template's value
      kanal: {Website: SP4N-LAPOR!}
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kpi import settings
from kpi.inputs.kinds import KINDS, key


class ProfileError(ValueError):
    """A profile that cannot be used; the message says which file, what is wrong and how to fix it (Indonesian)."""


@dataclass(frozen=True)
class Profile:
    """A named mapping of an export's headers (and cell texts) to a kind's template."""

    name: str
    kind: str
    columns: Mapping[str, str]
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    shipped: bool = False


def _text_map(raw: object, where: str, what: str) -> dict[str, str]:
    """A YAML mapping of texts; ProfileError naming the entry that is not text (YAML reads No, Yes, 1 as values)."""
    if not isinstance(raw, dict):
        raise ProfileError(f"{where}: '{what}' harus berisi pasangan teks 'kolom: nama', mis. 'id_aduan: Tracking ID'.")
    for k, v in raw.items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise ProfileError(
                f"{where}: '{what}.{k}' berisi {v!r}, bukan teks (YAML membaca No, Yes, On, angka sebagai nilai). "
                f'Beri tanda kutip, mis. {k}: "{v if not isinstance(v, bool) else ("Yes" if v else "No")}".'
            )
    return {k.strip(): v.strip() for k, v in raw.items()}


def parse_profile(doc: object, where: str, shipped: bool = False) -> Profile:
    """A profile from its YAML document; ProfileError naming the file, the field and the fix."""
    if not isinstance(doc, dict):
        raise ProfileError(f"{where}: isi berkas profil harus berupa name, kind, columns (lihat data/profil_impor).")
    name, kind = doc.get("name"), doc.get("kind")
    if not isinstance(name, str) or not name.strip():
        raise ProfileError(f"{where}: 'name' wajib diisi dengan nama profil, mis. 'Ekspor SP4N-LAPOR!'.")
    if kind not in KINDS:
        raise ProfileError(f"{where}: 'kind' '{kind}' tidak dikenal. Pilih salah satu: {', '.join(KINDS)}.")
    columns = _text_map(doc.get("columns"), where, "columns")
    known = [c.name for c in KINDS[kind].columns]
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise ProfileError(
            f"{where}: kolom templat {', '.join(repr(u) for u in unknown)} tidak ada pada jenis '{kind}'. "
            f"Kolom yang ada: {', '.join(known)}."
        )
    values = {}
    for target, spellings in (doc.get("values") or {}).items():
        if target not in known:
            raise ProfileError(f"{where}: 'values' menyebut kolom '{target}', yang tidak ada pada jenis '{kind}'.")
        values[target] = _text_map(spellings, where, f"values.{target}")
    return Profile(name.strip(), kind, columns, values, shipped)


def _read(path: Path, shipped: bool) -> Profile:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ProfileError(f"Profil impor {path.name} tidak dapat dibaca ({type(exc).__name__}).") from exc
    return parse_profile(doc, f"Profil impor {path.name}", shipped)


def load_profiles() -> list[Profile]:
    """The shipped profiles, then the saved ones, by name; a saved profile never hides a shipped one's name.
    ProfileError for a file that cannot be used (a profile is never skipped in silence)."""
    found: dict[str, Profile] = {}
    for folder, shipped in ((settings.PROFILE_DIR, True), (settings.saved_profiles_dir(), False)):
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            profile = _read(path, shipped)
            found.setdefault(key(profile.name), profile)
    return list(found.values())


def find_profile(name: str) -> Profile:
    """The profile of this name (spelled loosely); ProfileError listing the known names when there is none."""
    profiles = load_profiles()
    for profile in profiles:
        if key(profile.name) == key(name):
            return profile
    known = ", ".join(f"'{p.name}'" for p in profiles) or "belum ada"
    raise ProfileError(f"Profil impor '{name}' tidak ada. Profil yang ada: {known}.")


def _file_name(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return f"{slug or 'profil'}.yaml"


def save_profile(profile: Profile) -> Path:
    """Write a user's profile to the saved-profiles folder (replacing a saved one of the same name); ProfileError
    when the name is a shipped profile's."""
    if any(p.shipped and key(p.name) == key(profile.name) for p in load_profiles()):
        raise ProfileError(f"Nama '{profile.name}' dipakai profil bawaan. Pilih nama lain untuk profil Anda.")
    folder = settings.saved_profiles_dir()
    folder.mkdir(parents=True, exist_ok=True)
    doc = {"name": profile.name, "kind": profile.kind, "columns": dict(profile.columns)}
    if profile.values:
        doc["values"] = {k: dict(v) for k, v in profile.values.items()}
    path = folder / _file_name(profile.name)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
