"""The current language of the interface and its texts: the words live in one catalogue, kpi/core/texts.py."""

from __future__ import annotations

from kpi.core.texts import LANGS, tr
from ui import state


def lang() -> str:
    """The current language code: the switch's value (kept in the URL as ?lang=en), else Bahasa Indonesia."""
    return state.current("lang", list(LANGS), "id")


def t(key: str, language: str | None = None) -> str:
    """The text for a key in the current (or the given) language."""
    return tr(key, language or lang())


def labeller(fn):
    """A format_func with the language fixed now: AppTest calls format funcs outside the script run, where the
    current language cannot be read; fixing it at draw time gives the same labels in the app and in tests."""
    language = lang()
    return lambda value: fn(value, language)
