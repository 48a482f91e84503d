"""Paths and settings: where the data, the sample, the templates and the store live.

The one module that reads environment variables; everything else asks here, at call time, so a changed
variable (a test's, an operator's) is honoured without a restart. Nothing is read from disk at import time.

    TANGSEL_KPI_STORE      folder of the import store (kpi.duckdb), installed boundaries and the commands' log
                           (logs/kpi.log); default <repo>/.store
    TANGSEL_KPI_CATALOGUE  the indicator catalogue (YAML) the whole app reads; default <repo>/data/indicators.yaml
    TANGSEL_KPI_SAMPLE     folder of the synthetic sample shown while the store is empty (observasi.csv,
                           penduduk_sampel.csv, …) and where `python -m kpi.sample` writes; default <repo>/data/sample
    TANGSEL_KPI_FAULT      test-only fault injection of the store (see kpi.store.sql.fault); unset in normal use

The constants below (INDICATORS_FILE, SAMPLE_DIR, …) name the shipped files; code that loads the catalogue or the
sample calls indicators_file() / sample_dir() instead, so the two variables above take effect.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
SAMPLE_DIR = DATA_DIR / "sample"
TEMPLATE_DIR = DATA_DIR / "templates"
PROFILE_DIR = DATA_DIR / "profil_impor"  # shipped import profiles: column layouts of other systems' exports

INDICATORS_FILE = DATA_DIR / "indicators.yaml"
BANDS_FILE = DATA_DIR / "bands.yaml"
HARI_LIBUR_FILE = DATA_DIR / "hari_libur.csv"
POPULATION_FILE = DATA_DIR / "penduduk.csv"
SAMPLE_POPULATION_FILE = SAMPLE_DIR / "penduduk_sampel.csv"
SAMPLE_OBSERVATIONS_FILE = SAMPLE_DIR / "observasi.csv"

STORE_ENV = "TANGSEL_KPI_STORE"
CATALOGUE_ENV = "TANGSEL_KPI_CATALOGUE"
SAMPLE_ENV = "TANGSEL_KPI_SAMPLE"
FAULT_ENV = "TANGSEL_KPI_FAULT"
STORE_FILE_NAME = "kpi.duckdb"
LOG_FILE_NAME = "kpi.log"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def store_dir() -> Path:
    """$TANGSEL_KPI_STORE, else <repo>/.store: the import store and the installed boundaries."""
    return Path(os.environ.get(STORE_ENV, ROOT / ".store"))


def store_file() -> Path:
    """The DuckDB file of the import store."""
    return store_dir() / STORE_FILE_NAME


def indicators_file() -> Path:
    """$TANGSEL_KPI_CATALOGUE, else the shipped data/indicators.yaml."""
    return Path(os.environ.get(CATALOGUE_ENV) or INDICATORS_FILE)


def sample_dir() -> Path:
    """$TANGSEL_KPI_SAMPLE, else the shipped data/sample: the synthetic sample's folder."""
    return Path(os.environ.get(SAMPLE_ENV) or SAMPLE_DIR)


def sample_observations_file() -> Path:
    """The sample's observations (observasi.csv)."""
    return sample_dir() / SAMPLE_OBSERVATIONS_FILE.name


def sample_population_file() -> Path:
    """The sample's synthetic population (penduduk_sampel.csv)."""
    return sample_dir() / SAMPLE_POPULATION_FILE.name


def boundaries_dir() -> Path:
    """Where installed official boundaries live."""
    return store_dir() / "boundaries"


def saved_profiles_dir() -> Path:
    """Where import profiles saved by users live (the shipped ones are in PROFILE_DIR)."""
    return store_dir() / "profil_impor"


def log_file() -> Path:
    """The commands' log: the tracebacks behind their one-line Indonesian messages."""
    return store_dir() / "logs" / LOG_FILE_NAME


class _LogFile(logging.FileHandler):
    """A log file opened at the first record (a command that logs nothing creates nothing), its folder made then; a
    record that cannot be written (no such folder, no permission) is dropped quietly, never printed to the terminal."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
            super().emit(record)
        except OSError:
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def command_logging() -> Path | None:
    """For a command line (python -m kpi.importer, kpi.geo, briefing): send this process's log records, tracebacks
    included, to log_file() instead of the terminal, where only the one-line Indonesian message belongs. Returns the
    file; does nothing and returns None when logging is configured otherwise (a test, a program calling main())."""
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, _LogFile):
            return Path(handler.baseFilename)
    if root.handlers:
        return None
    path = log_file()
    handler = _LogFile(path, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    return path


def fault_point() -> str | None:
    """The test-only fault injection point, if one is set."""
    return os.environ.get(FAULT_ENV)
