"""The mapping step (issue 13, item 1): a file's columns are proposed a template column each by name, declared
spelling, import profile or close spelling; a close spelling waits for confirmation; profiles are shipped or saved,
named, and never skipped in silence."""

from __future__ import annotations

import pytest

from kpi.inputs.mapping import propose
from kpi.inputs.profiles import Profile, ProfileError, find_profile, load_profiles, save_profile
from kpi.inputs.records import load_records

CIATER = "36.74.01.1001"
# Three complaints as an SP4N-LAPOR! export names its columns (the headers issue 13 saw refused).
LAPOR = (
    "Tracking ID,Kelurahan,Sumber,Kategori,Tanggal Laporan,Tgl Tindak Lanjut Pertama\n"
    f"LPR-1,{CIATER},Website,Kebersihan,2026-10-01 09:00,2026-10-02 10:00\n"
    f"LPR-2,{CIATER},SMS,Kebersihan,2026-10-03 09:00,\n"
    f"LPR-3,{CIATER},Website,Perizinan,2026-10-05 09:00,2026-10-05 11:00\n"
).encode()


@pytest.fixture(autouse=True)
def own_store(tmp_path, monkeypatch):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path))


def _table(proposal):
    return {row[0]: (row[1], row[2]) for row in proposal.table().itertuples(index=False)}


def test_an_sp4n_lapor_export_maps_through_the_shipped_profile_and_loads():
    header = LAPOR.decode().splitlines()[0].split(",")
    proposal = propose(header, "aduan", load_profiles())
    assert proposal.profile == "Ekspor SP4N-LAPOR!"
    table = _table(proposal)
    assert table["id_aduan"] == ("Tracking ID", "profil Ekspor SP4N-LAPOR!")
    assert table["tindak_lanjut"] == ("Tgl Tindak Lanjut Pertama", "profil Ekspor SP4N-LAPOR!")
    assert table["kode_wilayah"] == ("Kelurahan", "nama lain yang dikenal")
    assert table["selesai"] == ("—", "tidak ada di berkas")
    result = load_records(LAPOR, "aduan", "lapor.csv")
    assert result.ok, [i.message for i in result.issues]
    assert result.frame["id_aduan"].tolist() == ["LPR-1", "LPR-2", "LPR-3"]
    assert result.frame["tindak_lanjut"].isna().tolist() == [False, True, False]
    assert result.mapping.profile == "Ekspor SP4N-LAPOR!"


def test_a_questionnaire_whose_respondent_column_is_no_loads():
    data = f"No,Kelurahan,Tanggal,U1,U2,U3,U4,U5,U6,U7,U8,U9\n1,{CIATER},2026-10-03,3,3,4,4,3,3,4,3,3\n".encode()
    result = load_records(data, "survei", "kuesioner.csv")
    assert result.ok, [i.message for i in result.issues]
    assert result.frame["id_responden"].astype(str).tolist() == ["1"]


def test_a_close_spelling_is_proposed_but_not_used_until_confirmed():
    data = f"id_aduan,kode_wilayah,Tanggal Diterimaa,tindak_lanjut\nA-1,{CIATER},2026-10-01 09:00,\n".encode()
    result = load_records(data, "aduan", "aduan.csv")
    assert not result.ok
    [issue] = result.issues
    # Headers are read in their matching form (tanggal_diterimaa), as the file's columns are named everywhere after.
    assert issue.code == "kolom_mirip" and issue.column == "diterima" and issue.value == "tanggal_diterimaa"
    assert '--kolom "diterima=tanggal_diterimaa"' in issue.message
    assert result.mapping.needs_confirmation()
    confirmed = result.mapping.with_choice("diterima", "tanggal_diterimaa")
    assert not confirmed.needs_confirmation()
    again = load_records(data, "aduan", "aduan.csv", mapping=confirmed)
    assert again.ok, [i.message for i in again.issues]
    assert str(again.frame["diterima"].iloc[0]) == "2026-10-01 09:00:00"


def test_choosing_a_file_column_takes_it_from_the_other_template_column():
    proposal = propose(["id", "kelurahan", "tanggal", "kategori"], "aduan")
    assert proposal.names()["diterima"] == "tanggal"
    moved = proposal.with_choice("selesai", "tanggal")
    assert "diterima" not in moved.names() and moved.names()["selesai"] == "tanggal"
    assert {c.target: c.basis for c in moved.choices}["selesai"] == "pengguna"
    with pytest.raises(KeyError):
        proposal.with_choice("no_such_column", "tanggal")


def test_a_saved_profile_maps_columns_and_values_and_is_found_by_name():
    header = ["Nomor Tiket Kami", "Kel", "Media", "Masuk", "Ditanggapi"]
    mapping = {
        "id_aduan": "Nomor Tiket Kami",
        "kode_wilayah": "Kel",
        "kanal": "Media",
        "diterima": "Masuk",
        "tindak_lanjut": "Ditanggapi",
    }
    path = save_profile(Profile("Ekspor Siaran Kota", "aduan", mapping, {"kanal": {"WA": "WhatsApp"}}))
    assert path.name == "ekspor_siaran_kota.yaml"
    assert find_profile("ekspor siaran KOTA").columns == mapping
    data = (",".join(header) + f"\nS-1,{CIATER},WA,2026-10-01 09:00,2026-10-01 10:00\n").encode()
    result = load_records(data, "aduan", "siaran.csv")
    assert result.ok, [i.message for i in result.issues]
    assert result.mapping.profile == "Ekspor Siaran Kota"
    assert result.frame["kanal"].tolist() == ["WhatsApp"]  # the profile's value spelling


def test_profiles_that_cannot_be_used_are_said_never_skipped(tmp_path):
    with pytest.raises(ProfileError, match="dipakai profil bawaan"):
        save_profile(Profile("Ekspor SP4N-LAPOR!", "aduan", {"id_aduan": "X"}))
    with pytest.raises(ProfileError, match="tidak ada. Profil yang ada: 'Ekspor SP4N-LAPOR!'"):
        find_profile("Ekspor Entah")
    folder = tmp_path / "profil_impor"
    folder.mkdir()
    (folder / "rusak.yaml").write_text("name: Rusak\nkind: aduan\ncolumns:\n  id_aduan: No\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="'columns.id_aduan' berisi False, bukan teks .* id_aduan: \"No\""):
        load_profiles()
    (folder / "rusak.yaml").write_text("name: Rusak\nkind: aduan\ncolumns:\n  id_tiket: Nomor\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="kolom templat 'id_tiket' tidak ada pada jenis 'aduan'"):
        load_profiles()
    result = load_records(LAPOR, "aduan", "lapor.csv")
    assert [i.code for i in result.issues] == ["profil_rusak"]
    assert "rusak.yaml" in result.issues[0].message


# ---------------------------------------------------------------- the command line


def _cli(capsys, *argv):
    from kpi.store.cli import main

    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_dry_run_shows_the_mapping_with_its_basis(tmp_path, capsys):
    path = tmp_path / "lapor.csv"
    path.write_bytes(LAPOR)
    code, out, _ = _cli(capsys, path, "--kind", "aduan")
    assert code == 0
    assert "Pemetaan kolom:" in out
    row = next(line for line in out.splitlines() if line.strip().startswith("id_aduan"))
    assert row.split() == ["id_aduan", "tracking_id", "profil", "Ekspor", "SP4N-LAPOR!"]  # header as read, and why
    assert "Validasi: tidak ada masalah." in out


def test_a_close_column_is_confirmed_with_kolom_and_the_mapping_saved_as_a_profile(tmp_path, capsys):
    path = tmp_path / "aduan.csv"
    path.write_text(f"id_aduan,kode_wilayah,Tanggal Diterimaa,tindak_lanjut\nA-1,{CIATER},2026-10-01 09:00,\n")
    code, out, _ = _cli(capsys, path, "--kind", "aduan")
    assert code == 1 and "[kolom_mirip]" in out
    code, out, _ = _cli(
        capsys, path, "--kind", "aduan", "--kolom", "diterima=Tanggal Diterimaa", "--simpan-profil", "Rekap Kel. A"
    )
    assert code == 0, out
    assert "Profil impor 'Rekap Kel. A' disimpan" in out
    assert find_profile("Rekap Kel. A").columns["diterima"] == "tanggal_diterimaa"
    code, out, _ = _cli(capsys, path, "--kind", "aduan", "--profile", "Rekap Kel. A")
    assert code == 0 and "profil Rekap Kel. A" in out


def test_a_wrong_profile_or_kolom_is_said_in_indonesian(tmp_path, capsys):
    path = tmp_path / "aduan.csv"
    path.write_bytes(LAPOR)
    code, _, err = _cli(capsys, path, "--kind", "aduan", "--profile", "Tidak Ada")
    assert code == 1 and "Profil impor 'Tidak Ada' tidak ada" in err
    with pytest.raises(SystemExit) as usage:
        _cli(capsys, path, "--kind", "aduan", "--kolom", "tanggal=Tgl")
    assert usage.value.code == 2
    assert "--kolom 'tanggal=Tgl' harus berbentuk TEMPLAT=BERKAS" in capsys.readouterr().err
    code, out, _ = _cli(capsys, path, "--kind", "aduan", "--kolom", "selesai=Tanggal Tutup")
    assert code == 1 and "[kolom_pemetaan_tidak_ada]" in out and "'Tanggal Tutup'" in out


def test_the_audit_log_keeps_the_profile_and_the_columns_a_user_chose(tmp_path):
    from kpi.store.batches import Store

    store = Store()
    plan = store.plan(LAPOR, "aduan", "lapor.csv")
    assert store.commit(plan).ok
    data = f"id_aduan,kode_wilayah,Tanggal Diterimaa,tindak_lanjut\nA-1,{CIATER},2026-10-01 09:00,\n".encode()
    first = store.plan(data, "aduan", "aduan.csv")
    confirmed = first.mapping.with_choice("diterima", "tanggal_diterimaa")
    assert store.commit(store.plan(data, "aduan", "aduan.csv", mapping=confirmed)).ok
    messages = store.audit()["pesan"].tolist()
    assert messages[0].endswith(" Pemetaan kolom: profil impor 'Ekspor SP4N-LAPOR!'.")
    assert messages[1].endswith(" Pemetaan kolom: dipilih pengguna diterima ← tanggal_diterimaa.")
    plain = f"id_aduan,kode_wilayah,diterima,tindak_lanjut\nA-2,{CIATER},2026-10-02 09:00,\n".encode()
    assert store.commit(store.plan(plain, "aduan", "biasa.csv")).ok
    assert "Pemetaan kolom" not in store.audit()["pesan"].iloc[-1]  # names found by themselves: nothing to keep


def test_a_close_spelling_never_takes_a_column_that_another_template_column_names_exactly(monkeypatch):
    # Two template columns, the first only close to the file's one column, the second named by it exactly: the exact
    # name wins, and the first stays empty (before, the first column, met first, took it as a close spelling).
    from dataclasses import replace as changed

    from kpi.inputs import mapping
    from kpi.inputs.kinds import KINDS, Column

    first = Column("kelurahan_asal", "text", True, True, "a", "a", "x")
    second = Column("kelurahan_asal_x", "text", True, True, "b", "b", "y")
    monkeypatch.setitem(mapping.KINDS, "uji", changed(KINDS["aduan"], kind="uji", columns=(first, second)))
    proposal = propose(["Kelurahan Asal X"], "uji")
    assert [(c.target, c.source, c.basis) for c in proposal.choices] == [
        ("kelurahan_asal", None, "tidak_ada"),
        ("kelurahan_asal_x", "Kelurahan Asal X", "nama"),
    ]
