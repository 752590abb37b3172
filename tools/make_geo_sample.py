"""Generate the ILLUSTRATIVE problem-layer sample data for Kabupaten Tegal (not official data).

Run from the repository root::

    .venv/bin/python tools/make_geo_sample.py

It reads the bundled boundaries in ``src/smartcity_assess/sample/geo/`` and writes beside them:

* ``tegal-dbd-2024.csv`` — dengue (DBD) cases per kecamatan for 2024 with the population of
  each kecamatan. The **cases are invented**. The **population is real but old**: the 2013
  figures of BPS "Kabupaten Tegal dalam Angka 2013" as quoted in table 2.6 of the RPJMD
  (mirror: https://adoc.pub/tabel-26-jumlah-dan-kepadatan-penduduk-per-kecamatan-di-kabu.html);
  the 18 figures add up to the published total 1,415,009.
* ``tegal-banjir-2024.geojson`` — 64 invented flood events as points in desa of the northern
  lowland kecamatan.
* ``tegal-aduan-2024.csv`` — 743 invented complaints received January–September 2024, one
  per row, in the layout of a complaints export. Only the totals follow published figures:
  743 complaints through Lapor Bupati Tegal in January–September 2024, 348 by the app (97 %
  resolved), 344 by WhatsApp (82 %) and 51 by social media (84.3 %), roads the most common
  topic (https://suarabaru.id/2024/10/11/sebanyak-743-pengaduan-masyarakat-masuk-lewat-kanal-lapor-bupati-tegal).
  Dates, places, topics, days to close and answers are invented.

Every row or feature says ``ILUSTRATIF`` in a ``keterangan`` column/property. One
``random.Random(2024)`` drives every draw, so a rerun writes byte-identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from smartcity_assess.geo.read import read_boundaries  # noqa: E402

OUT = ROOT / "src" / "smartcity_assess" / "sample" / "geo"
NOTE = "ILUSTRATIF - bukan data resmi"

# BPS, Kabupaten Tegal dalam Angka 2013 (RPJMD table 2.6): residents per kecamatan, 2013.
POPULATION_2013 = {
    "Margasari": 95_150, "Bumijawa": 83_943, "Bojong": 61_675, "Balapulang": 81_485,
    "Pagerbarang": 52_341, "Lebaksiu": 83_487, "Jatinegara": 53_833, "Kedungbanteng": 40_214,
    "Pangkah": 100_086, "Slawi": 70_574, "Dukuhwaru": 59_006, "Adiwerna": 119_083,
    "Dukuhturi": 88_530, "Talang": 99_490, "Tarub": 77_320, "Kramat": 107_666,
    "Suradadi": 81_169, "Warureja": 59_957,
}
assert sum(POPULATION_2013.values()) == 1_415_009

# Invented dengue incidence per 100,000 (higher in the dense lowland around Slawi and Kota
# Tegal, lower in the highland south).
LOWLAND = {"Adiwerna", "Talang", "Dukuhturi", "Slawi", "Kramat", "Tarub", "Pangkah",
           "Dukuhwaru", "Suradadi", "Warureja"}
FLOOD_KECAMATAN = {"Kramat": 14, "Suradadi": 11, "Warureja": 12, "Dukuhturi": 9,
                   "Talang": 7, "Tarub": 6, "Adiwerna": 5}

CHANNELS = (("Aplikasi Lapor Bupati", 348, 338), ("WhatsApp", 344, 282),
            ("Media sosial", 51, 43))
"""(channel, complaints, resolved): 338/348 = 97.1 %, 282/344 = 82.0 %, 43/51 = 84.3 %."""
TOPICS = (("Jalan rusak", 0.26), ("Penerangan jalan umum", 0.11), ("Sampah", 0.09),
          ("Drainase dan banjir", 0.09), ("Administrasi kependudukan", 0.1),
          ("Air bersih", 0.06), ("Bantuan sosial", 0.1), ("Kesehatan", 0.07),
          ("Pendidikan", 0.05), ("Lainnya", 0.07))


def _point_in(shape: object, rng: random.Random) -> tuple[float, float]:
    import shapely

    west, south, east, north = shapely.bounds(shape)
    while True:
        x, y = rng.uniform(west, east), rng.uniform(south, north)
        if shapely.contains_xy(shape, x, y):
            return round(x, 5), round(y, 5)


def dengue(rng: random.Random) -> bytes:
    kecamatan = read_boundaries(OUT / "tegal-kecamatan.geojson")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["kode", "kecamatan", "tahun", "kasus", "penduduk", "tahun_penduduk",
                     "keterangan"])
    for area in kecamatan.areas:
        incidence = rng.lognormvariate(math.log(55 if area.name in LOWLAND else 25), 0.35)
        people = POPULATION_2013[area.name]
        writer.writerow([area.code, area.name, 2024, round(people * incidence / 100_000),
                         people, 2013, NOTE])
    return buffer.getvalue().encode("utf-8")


def floods(rng: random.Random) -> bytes:
    desa = read_boundaries(OUT / "tegal-desa.geojson")
    lines = []
    number = 0
    for kecamatan, count in FLOOD_KECAMATAN.items():
        villages = [a for a in desa.areas if a.parent == kecamatan]
        for _ in range(count):
            village = rng.choice(villages)
            lon, lat = _point_in(village.geometry, rng)
            number += 1
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.choice(
                [rng.randrange(0, 90), rng.randrange(300, 366)]))
            feature = {"type": "Feature",
                       "properties": {"id": f"BJR-{number:03d}", "tanggal": day.isoformat(),
                                      "desa": village.name, "kecamatan": kecamatan,
                                      "keterangan": NOTE},
                       "geometry": {"type": "Point", "coordinates": [lon, lat]}}
            lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    return ('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines)
            + "\n]}\n").encode("utf-8")


def complaints(rng: random.Random) -> bytes:
    desa = read_boundaries(OUT / "tegal-desa.geojson")
    weights = []
    for area in desa.areas:
        siblings = sum(1 for a in desa.areas if a.parent == area.parent)
        weights.append(POPULATION_2013[area.parent or ""] / siblings)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["nomor_tiket", "tanggal_laporan", "kanal", "kategori", "kode_desa",
                     "desa", "kecamatan", "lintang", "bujur", "status", "tanggal_selesai",
                     "dijawab", "keterangan"])
    rows = []
    start = dt.date(2024, 1, 1)
    days_in_period = (dt.date(2024, 9, 30) - start).days + 1
    for channel, total, resolved in CHANNELS:
        closed_flags = [True] * resolved + [False] * (total - resolved)
        rng.shuffle(closed_flags)
        for closed in closed_flags:
            received = start + dt.timedelta(days=rng.randrange(days_in_period))
            village = rng.choices(desa.areas, weights=weights)[0]
            topic = rng.choices([t for t, _ in TOPICS], weights=[w for _, w in TOPICS])[0]
            lat = lon = ""
            if channel.startswith("Aplikasi"):  # the app sends the phone's position
                x, y = _point_in(village.geometry, rng)
                lon, lat = f"{x:.5f}", f"{y:.5f}"
            if closed:
                days = max(0, round(rng.lognormvariate(math.log(6), 0.8)))
                finished = min(received + dt.timedelta(days=days), dt.date(2024, 9, 30))
                status, closed_on = "Selesai", finished.isoformat()
                answered = "ya" if rng.random() < 0.93 else "tidak"
            else:
                status = rng.choice(["Proses", "Proses", "Belum Terverifikasi"])
                closed_on = ""
                answered = "ya" if rng.random() < 0.35 else "tidak"
            rows.append([received.isoformat(), channel, topic, village.code or "",
                         village.name, village.parent or "", lat, lon, status, closed_on,
                         answered])
    rows.sort(key=lambda r: (r[0], r[1], r[4]))
    for number, row in enumerate(rows, start=1):
        writer.writerow([f"LB-2024-{number:04d}", *row, NOTE])
    return buffer.getvalue().encode("utf-8")


def main() -> None:
    files = {"tegal-dbd-2024.csv": dengue(random.Random(2024)),
             "tegal-banjir-2024.geojson": floods(random.Random(2025)),
             "tegal-aduan-2024.csv": complaints(random.Random(2026))}
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"wrote {OUT / name} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
