"""The one country model (analysis.countries): codes, names, regions, former states."""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import importlib.util
import json
import shutil
from pathlib import Path

import pandas as pd
import pycountry
import pytest

from analysis import countries as ac
from analysis._data import package_file, write_checksums
from analysis.countries import model
from analysis.errors import (
    AmbiguousCountryError,
    BadInputError,
    DataFileError,
    UnknownCountryError,
)

# ------------------------------------------------------------------ codes and names


@pytest.mark.parametrize(
    "value", ["Kosovo", "kosovo", "XKX", "xkx", "XK", "KOS", "Republic of Kosovo"]
)
def test_kosovo_is_xkx_everywhere(value: str) -> None:
    assert ac.resolve(value).code == "XKX"


def test_kosovo_record_and_natural_earth() -> None:
    kosovo = ac.get("XKX")
    assert (kosovo.alpha2, kosovo.numeric, kosovo.status) == ("XK", None, "disputed")
    assert ac.from_natural_earth("KOS", "-99", "-99") == "XKX"
    assert "KOS" not in ac.codes()  # Natural Earth's code is an input, never an output
    assert (kosovo.region, kosovo.subregion) == ("Europe", "Southern Europe")
    assert "M49" in kosovo.region_basis and kosovo.in_asia == "no"


def test_congo_is_ambiguous_and_never_guessed() -> None:
    with pytest.raises(AmbiguousCountryError) as err:
        ac.resolve("Congo")
    assert set(err.value.candidates) == {"COG", "COD"}
    assert isinstance(err.value, UnknownCountryError)
    msg = str(err.value)
    assert "Republic of the Congo (COG)" in msg and "DR Congo (COD)" in msg
    assert msg.endswith("give a code") and "\n" not in msg
    with pytest.raises(AmbiguousCountryError):
        ac.resolve("Congolese", forms=True)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Republic of the Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("DR Congo", "COD"),
        ("DRC", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("congo kinshasa", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("CG", "COG"),
        ("180", "COD"),  # numeric: the current code wins over Zaire's (ZAR)
    ],
)
def test_congo_names_that_decide(value: str, code: str) -> None:
    assert ac.resolve(value).code == code


def test_korea_alone_is_ambiguous_but_georgia_and_guinea_are_not() -> None:
    with pytest.raises(AmbiguousCountryError) as err:
        ac.resolve("Korea")
    assert err.value.candidates == ("KOR", "PRK")
    assert ac.resolve("South Korea").code == "KOR" and ac.resolve("DPRK").code == "PRK"
    assert ac.resolve("Georgia").code == "GEO"
    assert ac.resolve("Guinea").code == "GIN"
    assert {ac.resolve(n).code for n in ("Guinea-Bissau", "Equatorial Guinea", "PNG")} == {
        "GNB",
        "GNQ",
        "PNG",
    }


def test_every_iso_3166_1_country_resolves_by_every_code_and_name() -> None:
    for c in pycountry.countries:
        expected = c.alpha_3
        assert ac.resolve(c.alpha_3).code == expected, c
        assert ac.resolve(c.alpha_2).code == expected, c
        assert ac.resolve(c.numeric).code == expected, c
        assert ac.get(c.alpha_2.lower()).code == expected, c
        for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if name == "Congo":  # ISO's short name for COG, deliberately ambiguous here
                with pytest.raises(AmbiguousCountryError) as err:
                    ac.resolve(name)
                assert expected in err.value.candidates
            elif name:
                assert ac.resolve(name).code == expected, (name, c)
        country = ac.get(expected)
        assert (country.alpha2, country.numeric) == (c.alpha_2, c.numeric)
        assert country.status != "former"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Russia", "RUS"),
        ("the Russian Federation", "RUS"),
        ("South Korea", "KOR"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("turkiye", "TUR"),
        ("the Netherlands", "NLD"),
        ("Holland", "NLD"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Britain", "GBR"),
        ("US", "USA"),
        ("u.s.a.", "USA"),
        ("America", "USA"),
        ("DPRK", "PRK"),
        ("Burma", "MMR"),
        ("Ivory Coast", "CIV"),
        ("COTE D’IVOIRE", "CIV"),
        ("Czechia", "CZE"),
        ("Czech Republic", "CZE"),
        ("the Gambia", "GMB"),
        ("Guinea Bissau", "GNB"),
        ("Sao Tome & Principe", "STP"),
        ("  taiwan ", "TWN"),
        ("Palestine", "PSE"),
        ("Western Sahara", "ESH"),
        ("Somaliland", "SOL"),
        ("Northern Cyprus", "CYN"),
        ("Bir Tawil", "BRT"),
        ("Siachen Glacier", "KAS"),
        ("Baikonur", "KAB"),
        ("Cyprus UN buffer zone", "CNM"),
        ("Akrotiri", "WSB"),
        ("Dhekelia", "ESB"),
        ("West Germany", "DEU"),
        ("East Timor", "TLS"),  # current names win over ISO 3166-3's
    ],
)
def test_news_names_aliases_and_disputed_entities(value: str, code: str) -> None:
    assert ac.resolve(value).code == code


def test_forms_resolve_only_when_asked() -> None:
    assert ac.resolve("Finnish", forms=True).code == "FIN"
    assert ac.resolve("the Kremlin", forms=True).code == "RUS"
    assert ac.resolve("Tokyo", forms=True).code == "JPN"
    with pytest.raises(UnknownCountryError):
        ac.resolve("Tokyo")


def test_unknown_values_get_up_to_three_suggestions_on_one_line() -> None:
    with pytest.raises(UnknownCountryError) as err:
        ac.resolve("Rusia")
    assert not isinstance(err.value, AmbiguousCountryError)
    assert err.value.suggestions[0] == "Russia (RUS)"
    assert "did you mean Russia (RUS)?" in str(err.value)
    for bad in ("Atlantis", "Finlnd", "QQ", "999", "Rus\nsia", "", "Korean"):
        with pytest.raises(UnknownCountryError) as err:
            ac.resolve(bad)
        assert len(err.value.suggestions) <= 3
        assert "\n" not in str(err.value)
    with pytest.raises(UnknownCountryError) as err:
        ac.get("Russia")  # get takes codes only
    assert "Russia (RUS)" in str(err.value)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: ac.resolve(643), "value"),  # type: ignore[arg-type]
        (lambda: ac.get(None), "code"),  # type: ignore[arg-type]
        (lambda: ac.from_natural_earth(None), "adm0_a3"),  # type: ignore[arg-type]
        (lambda: ac.from_natural_earth("FRA", -99), "iso_a3"),  # type: ignore[arg-type]
    ],
)
def test_non_strings_are_bad_input_naming_the_argument(call, argument: str) -> None:
    with pytest.raises(BadInputError) as err:
        call()
    assert str(err.value).startswith(argument) and "\n" not in str(err.value)


def test_ambiguous_former_codes() -> None:
    with pytest.raises(AmbiguousCountryError) as err:
        ac.get("CS")  # ISO 3166-3 alpha-2 of both Czechoslovakia and Serbia and Montenegro
    assert err.value.candidates == ("CSK", "SCG")
    assert ac.get("ATF").name == "French Southern Territories"  # current wins
    assert ac.get("FQHH").status == "former"  # the former ATF, by its alpha-4
    assert ac.get("suhh").code == "SUN"


# ------------------------------------------------------------------ Natural Earth


def test_every_natural_earth_feature_maps_to_a_known_code() -> None:
    from analysis.geo.layers import countries as ne_layer

    world = ne_layer("10m")
    mapped = [
        ac.from_natural_earth(a, i, e)
        for a, i, e in zip(world["adm0_a3"], world["iso_a3"], world["iso_a3_eh"], strict=True)
    ]
    for code in mapped:
        assert ac.get(code).status != "former"
    assert len(set(mapped)) == len(mapped)  # one code per feature
    assert list(world["iso3"]) == mapped  # geo takes its codes from the country model
    assert world.set_index("adm0_a3").loc["KOS", "iso3"] == "XKX"
    for scale in ("50m", "110m"):
        coarse = ne_layer(scale)
        for adm0 in coarse["adm0_a3"]:
            assert ac.get(ac.from_natural_earth(adm0)).code


def test_natural_earth_codes_of_default_view_features() -> None:
    assert [ac.from_natural_earth(c) for c in ("SOL", "CYN", "KAS", "KAB", "CNM")] == [
        "SOL",
        "CYN",
        "KAS",
        "KAB",
        "CNM",
    ]
    assert ac.from_natural_earth("SAH", "ESH", "ESH") == "ESH"
    assert ac.from_natural_earth("ALD", "ALA", "ALA") == "ALA"
    assert ac.from_natural_earth("NOR", "-99", "NOR") == "NOR"
    with pytest.raises(UnknownCountryError):
        ac.from_natural_earth("ZZZ", "-99", "-99")


def test_our_own_codes_never_collide_with_iso() -> None:
    iso3 = {c.alpha_3 for c in pycountry.countries} | {
        h.alpha_3 for h in pycountry.historic_countries
    }
    ours = [c for c in ac.codes() if not pycountry.countries.get(alpha_3=c)]
    assert "XKX" in ours and "SOL" in ours
    assert not set(ours) & iso3
    assert all(ac.get(c).status in {"disputed", "territory", "other"} for c in ours)


# ------------------------------------------------------------------ regions and in_asia


def test_every_current_country_has_an_m49_region() -> None:
    frame = ac.countries().set_index("code")
    iso = [c.alpha_3 for c in pycountry.countries]
    missing = sorted(c for c in iso if pd.isna(frame.loc[c, "region"]))
    assert missing == ["ATA"]  # Antarctica is in no M49 region
    not_m49 = sorted(c for c in iso if frame.loc[c, "region_basis"] != "UN M49")
    assert not_m49 == ["ATA", "TWN"]
    assert set(frame["region"].dropna()) == {"Africa", "Americas", "Asia", "Europe", "Oceania"}
    assert frame.loc["RUS", "subregion"] == "Eastern Europe"
    assert frame.loc["ETH", "intermediate_region"] == "Eastern Africa"


def test_in_asia_judgement() -> None:
    frame = ac.countries().set_index("code")
    for code in ("GEO", "AZE", "TUR", "ARM", "CYP", "CYN"):
        assert frame.loc[code, "in_asia"] == "contested", code
    assert (
        frame.loc["RUS", "in_asia"] == "no" and "Eastern Europe" in frame.loc["RUS", "asia_basis"]
    )
    assert frame.loc["KAZ", "in_asia"] == "yes" and frame.loc["JPN", "in_asia"] == "yes"
    assert frame.loc["ESH", "in_asia"] == "no"
    assert frame["in_asia"].dropna().isin(["yes", "no", "contested"]).all()
    assert frame["asia_basis"][frame["in_asia"].notna()].str.len().gt(0).all()


# ------------------------------------------------------------------ former states


def test_former_states_dates_and_parts() -> None:
    fs = ac.former_states().set_index("code")
    assert set(fs.index) == {"SUN", "YUG", "CSK", "SCG", "DDR"}
    for code, row in fs.iterrows():
        assert row["valid_from"] < row["valid_to"], code
        assert row["source"] and row["url"] and all(u.startswith("https://") for u in row["url"])
        for part in row["parts"]:
            assert ac.get(part).status != "former", (code, part)
    assert len(fs.loc["SUN", "parts"]) == 15 and "RUS" in fs.loc["SUN", "parts"]
    assert set(fs.loc["YUG", "parts"]) == {"SVN", "HRV", "BIH", "SRB", "MNE", "MKD", "XKX"}
    assert (str(fs.loc["YUG", "valid_from"]), str(fs.loc["YUG", "valid_to"])) == (
        "1945-11-29",
        "1992-04-27",
    )
    assert fs.loc["CSK", "parts"] == ("CZE", "SVK")
    assert str(fs.loc["CSK", "valid_to"]) == "1992-12-31"
    assert set(fs.loc["SCG", "parts"]) == {"SRB", "MNE", "XKX"}
    assert str(fs.loc["SCG", "valid_to"]) == "2006-06-03"
    assert fs.loc["DDR", "parts"] == () and "West Germany" in fs.loc["DDR", "note"]


def test_state_parts() -> None:
    assert ac.state_parts("CSK") == ("CZE", "SVK")
    assert (
        ac.state_parts("the Soviet Union")
        == ac.former_states().set_index("code").loc["SUN", "parts"]
    )
    assert ac.state_parts("FIN") == ("FIN",)
    assert ac.state_parts("IOA") == ("CCK", "CXR")
    with pytest.raises(BadInputError, match="East Germany .DDR. is not a union"):
        ac.state_parts("DDR")
    with pytest.raises(BadInputError, match="not a union"):
        ac.state_parts("ZAR")  # Zaire: a former code, no parts compiled


def test_former_entries_come_from_iso_3166_3() -> None:
    former = ac.countries(include_former=True).query("status == 'former'")
    assert len(former) == len(pycountry.historic_countries)
    assert {"SUN", "YUG", "CSK", "SCG", "DDR", "ZAR", "FQHH"} <= set(former["code"])
    sun = ac.get("SUN")
    assert sun.name == "Soviet Union" and sun.alpha4 == "SUHH" and sun.in_asia is None
    assert sun.official_name == "USSR, Union of Soviet Socialist Republics"  # pycountry's
    assert ac.resolve("Dahomey").code == "DHY"  # a pycountry-only former name


# ------------------------------------------------------------------ surface forms


def test_surface_forms() -> None:
    forms = ac.surface_forms()
    known = set(ac.codes(include_former=True))
    assert all(set(f.codes) <= known and f.kind in ac.KINDS for f in forms)
    by_form = {(f.form, f.kind): f.codes for f in forms}
    assert by_form[("Congo", "name")] == ("COD", "COG")
    assert by_form[("Korean", "demonym")] == ("KOR", "PRK")
    assert by_form[("Soviet Union", "name")] == ("SUN",)
    assert by_form[("Zhongnanhai", "seat")] == ("CHN",)
    assert by_form[("Élysée", "seat")] == ("FRA",)
    assert by_form[("Finns", "demonym")] == ("FIN",)
    assert by_form[("Turkey", "name")] == ("TUR",)
    assert not any(f.form == "Wake Island" for f in forms)  # ISO 3166-3 names stay out
    live = {
        ac.fold(f.form) for f in forms if not {"SUN", "YUG", "CSK", "SCG", "DDR"} & set(f.codes)
    }
    former = {ac.fold(f.form) for f in forms if {"SUN", "YUG", "CSK", "SCG", "DDR"} & set(f.codes)}
    assert not live & former
    assert ac.context_cues()["Yoon"] == ("KOR",)


# ------------------------------------------------------------------ immutability


def test_results_cannot_be_mutated_into_the_cache() -> None:
    df = ac.countries()
    df.loc[df["code"] == "RUS", "name"] = "Mutated"
    df["aliases"] = None
    fresh = ac.countries()
    assert fresh.set_index("code").loc["RUS", "name"] == "Russia"
    assert fresh["aliases"].map(len).sum() > 0
    fs = ac.former_states()
    fs.loc[0, "parts"] = ("XXX",)
    assert "XXX" not in ac.former_states().loc[0, "parts"]
    russia = ac.get("RUS")
    with pytest.raises(dataclasses.FrozenInstanceError):
        russia.name = "x"  # type: ignore[misc]
    assert isinstance(russia.aliases, tuple) and isinstance(russia.seats, tuple)
    with pytest.raises(TypeError):
        ac.context_cues()["Yoon"] = ("PRK",)  # type: ignore[index]
    assert isinstance(ac.surface_forms(), tuple)
    assert ac.resolve("Russia") is ac.get("RUS")


def test_frame_has_one_row_per_entity_and_every_field() -> None:
    df = ac.countries(include_former=True)
    assert list(df.columns) == [f.name for f in dataclasses.fields(ac.Country)]
    assert df["code"].is_unique
    assert set(df["status"]) == set(ac.STATUSES)
    assert (df["status"] == "sovereign").sum() == 194  # 193 UN members and the Holy See


# ------------------------------------------------------------------ data files


def _copy_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(package_file("countries", "data"), folder)
    monkeypatch.setattr(model, "DATA_DIR", folder)
    return folder


def test_edited_data_file_fails_its_checksum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_data(tmp_path, monkeypatch)
    gaz = folder / "gazetteer.csv"
    gaz.write_text(gaz.read_text(encoding="utf-8").replace("Kremlin", "Kreml"), encoding="utf-8")
    with pytest.raises(DataFileError, match="corrupt"):
        model._build()


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("gazetteer.csv", "XKX,disputed", "XKX,sovereign", "not an ISO code"),
        ("gazetteer.csv", "ATA,other", "ATA,unknown", "status"),
        ("former_states.csv", "CZE|SVK", "CZE|SVK|ZZZ", "not present-day codes"),
        ("gazetteer.csv", "CCK|CXR", "CCK|SUN", "not present-day codes"),
        ("gazetteer.csv", ",SAH,", ",KOS,", "Natural Earth code KOS is also given"),
        (
            "gazetteer.csv",
            "FIN,sovereign,,,Finnish|Finn|Finns,Helsinki,,,,",
            "FIN,sovereign,,,Finnish|Finn|Finns,Helsinki,,,,FI",
            "its alpha-2 comes from pycountry",
        ),
        ("former_states.csv", "1918-10-28", "1993-10-28", "valid_from after valid_to"),
        ("former_states.csv", "1918-10-28", "28 Oct 1918", "not a YYYY-MM-DD date"),
    ],
)
def test_invalid_data_is_refused_with_the_row(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    old: str,
    new: str,
    message: str,
) -> None:
    folder = _copy_data(tmp_path, monkeypatch)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    write_checksums(folder)
    with pytest.raises(DataFileError, match=message):
        model._build()


def test_vendored_m49_matches_its_record() -> None:
    folder = package_file("countries", "data")
    record = json.loads((folder / "m49.source.json").read_text(encoding="utf-8"))
    data = (folder / "m49.csv").read_bytes()
    assert hashlib.sha256(data).hexdigest() == record["sha256"]
    assert record["commit"] and len(record["commit"]) == 40
    assert "CC BY-SA 4.0" in record["licence"] and len(record["source_sha256"]) == 64
    assert record["rows"] == len(data.decode("utf-8").splitlines()) - 1 == 249


def _vendor_module():  # tools/ is not a package: load the script by path
    path = Path(__file__).resolve().parents[1] / "tools" / "vendor_countries.py"
    spec = importlib.util.spec_from_file_location("vendor_countries", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vendor_script_keeps_only_what_pycountry_lacks(tmp_path: Path) -> None:
    vendor = _vendor_module()
    head = (
        "name,alpha-2,alpha-3,country-code,iso_3166-2,region,sub-region,intermediate-region,"
        "region-code,sub-region-code,intermediate-region-code\n"
    )
    rows = vendor.convert(
        head
        + "Japan,JP,JPN,392,ISO 3166-2:JP,Asia,Eastern Asia,,142,030,\n"
        + "Angola,AO,AGO,024,ISO 3166-2:AO,Africa,Sub-Saharan Africa,Middle Africa,002,202,017\n"
    )
    assert [r["alpha3"] for r in rows] == ["AGO", "JPN"]
    assert "name" not in rows[0] and rows[0]["intermediate_region"] == "Middle Africa"
    digest = vendor.write_rows(rows, tmp_path / "m49.csv")
    assert digest == hashlib.sha256((tmp_path / "m49.csv").read_bytes()).hexdigest()
    shipped = (package_file("countries", "data") / "m49.csv").read_text(encoding="utf-8")
    assert "JPN,Asia,Eastern Asia,,142,030," in shipped.splitlines()
    with pytest.raises(ValueError, match="not an ISO 3166-1"):
        vendor.convert(head + "Atlantis,AT,ATL,999,,Europe,,,150,,\n")
    with pytest.raises(ValueError, match="lacks columns"):
        vendor.convert("name,alpha-3\nJapan,JPN\n")


def test_vendor_script_end_to_end_on_a_local_snapshot(tmp_path: Path) -> None:
    """The script reads a commit of a git snapshot and records what it took."""
    import doctest
    import subprocess

    vendor = _vendor_module()
    assert doctest.testmod(vendor).failed == 0
    repo = tmp_path / "snapshot"
    (repo / "all").mkdir(parents=True)
    source = (
        "name,alpha-2,alpha-3,country-code,iso_3166-2,region,sub-region,intermediate-region,"
        "region-code,sub-region-code,intermediate-region-code\n"
        "Finland,FI,FIN,246,ISO 3166-2:FI,Europe,Northern Europe,,150,154,\n"
    )
    (repo / "all" / "all.csv").write_text(source, encoding="utf-8")
    (repo / "LICENSE.md").write_text("https://creativecommons.org/licenses/by-sa/4.0/\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(repo)]
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run(git + args, check=True, capture_output=True)
    out = tmp_path / "out"
    out.mkdir()
    assert (
        vendor.main(["--git-dir", str(repo / ".git"), "--commit", "HEAD", "--folder", str(out)])
        == 0
    )
    record = json.loads((out / "m49.source.json").read_text(encoding="utf-8"))
    head = subprocess.run(git + ["rev-parse", "HEAD"], check=True, capture_output=True, text=True)
    assert record["commit"] == head.stdout.strip() and record["rows"] == 1
    assert record["source_sha256"] == hashlib.sha256(source.encode()).hexdigest()
    assert (out / "m49.csv").read_text(encoding="utf-8").splitlines()[1] == (
        "FIN,Europe,Northern Europe,,150,154,"
    )
    listing = (out / "SHA256SUMS").read_text(encoding="utf-8")
    assert record["sha256"] in listing and "m49.source.json" in listing


# ------------------------------------------------------------------ the layer rule


def test_countries_package_imports_only_errors_data_and_third_party() -> None:
    folder = package_file("countries")
    allowed = {"analysis.errors", "analysis._data"}
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.startswith("analysis"):
                    assert name in allowed or name.startswith("analysis.countries"), (path, name)
