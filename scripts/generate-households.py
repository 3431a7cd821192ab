#!/usr/bin/env python3
"""Generates the demo master data: config/households.csv and config/supply-lots.csv.

Deterministic (fixed seed): running it again gives the same files. The people are invented; the shape
follows the article in ../shared/seed/story.md: Linyin Tea (保靖黄金茶) buys from 1,435 households in 7
villages, Xiangxi Yunlai buys ponkan (grades A and B) and kiwi from about 1,000 households; about 60%
are registered poor households (建档立卡户). Capacities are kg, prices yuan per kg, dates in the 2026 season.

Usage: python3 scripts/generate-households.py [output-dir]   (default: config)
"""
import csv
import datetime
import os
import random
import sys

SEED = 20260315
SURNAMES = "彭向田龙石吴张杨梁麻王李符贾覃胡舒滕唐宋刘陈黄谭姚欧邓"
GIVEN = "桂金秀兰玉英明华云海春生德福贵荣志国建平忠长顺明清松林山水花芳美丽香成安祥"

# Linyin Tea: the golden-tea villages around 吕洞山镇 and the former 夯沙乡 / 葫芦镇 (7 villages).
TEA_VILLAGES = [
    ("HJ", "黄金村", 260),
    ("HS", "夯沙村", 230),
    ("LD", "吕洞村", 210),
    ("PB", "排拔村", 200),
    ("ST", "梳头溪村", 185),
    ("JL", "金落河村", 180),
    ("JY", "尖岩村", 170),
]
# Yunlai: ponkan villages along the You river (迁陵镇, 比耳镇, 毛沟镇, 清水坪镇) and kiwi villages of 普戎镇.
FRUIT_VILLAGES = [
    ("BE", "比耳村", 170, "ponkan"),
    ("MG", "毛沟村", 160, "ponkan"),
    ("DX", "洞溪村", 140, "ponkan"),
    ("QS", "清水坪村", 150, "ponkan"),
    ("SH", "水田河村", 130, "ponkan"),
    ("PR", "普戎村", 130, "kiwi"),
    ("BZ", "补点村", 120, "kiwi"),
]


def name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))


def day(start, rng, span):
    return (start + datetime.timedelta(days=rng.randrange(span))).isoformat()


def yuan(rng, low, high):
    return f"{rng.randrange(int(low * 100), int(high * 100) + 1, 10) / 100:.2f}"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "config"
    rng = random.Random(SEED)
    households = []
    lots = []

    for code, village, count in TEA_VILLAGES:
        for n in range(1, count + 1):
            hid = f"BJ-{code}-{n:04d}"
            poor = rng.random() < 0.60
            members = rng.choice([2, 3, 3, 4, 4, 4, 5, 5, 6]) if poor else rng.choice([1, 2, 3, 3, 4, 4, 5])
            households.append([hid, name(rng), village, f"{code}-TEA-COOP", f"{code}-TEA-BASE-{1 + n % 3}",
                               "1" if poor else "0", members, "1" if rng.random() < 0.15 else "0"])
            harvest = day(datetime.date(2026, 3, 12), rng, 24)  # 明前: before Qingming (5 April)
            capacity = rng.randrange(40, 401, 5) / 10  # kg of made tea
            lots.append([f"LY-TEA-{code}-{n:04d}", hid, "linyin", "golden-tea", "明前", f"{capacity:.1f}",
                         yuan(rng, 600, 900), harvest, harvest, ""])

    for code, village, count, product in FRUIT_VILLAGES:
        for n in range(1, count + 1):
            hid = f"BJ-{code}-{n:04d}"
            poor = rng.random() < 0.60
            members = rng.choice([2, 3, 3, 4, 4, 5, 5, 6]) if poor else rng.choice([1, 2, 3, 4, 4, 5])
            households.append([hid, name(rng), village, f"{code}-FRUIT-COOP", f"{code}-BASE-{1 + n % 2}",
                               "1" if poor else "0", members, "1" if rng.random() < 0.15 else "0"])
            if product == "ponkan":
                harvest = day(datetime.date(2026, 11, 1), rng, 40)
                total = rng.randrange(800, 6001, 50)
                share_a = rng.randrange(45, 71) / 100
                a = int(total * share_a / 10) * 10
                lots.append([f"YL-PG-{code}-{n:04d}-A", hid, "yunlai", "ponkan", "A", str(a), yuan(rng, 2.8, 3.6),
                             harvest, harvest, ""])
                lots.append([f"YL-PG-{code}-{n:04d}-B", hid, "yunlai", "ponkan", "B", str(total - a), yuan(rng, 1.8, 2.6),
                             harvest, harvest, ""])
            else:
                harvest = day(datetime.date(2026, 9, 20), rng, 30)
                lots.append([f"YL-KW-{code}-{n:04d}", hid, "yunlai", "kiwi", "A", str(rng.randrange(300, 3001, 50)),
                             yuan(rng, 4.0, 7.0), harvest, harvest, ""])

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "households.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["household_id", "name", "village", "cooperative", "base", "registered_poor", "members", "show_name"])
        w.writerows(households)
    with open(os.path.join(out, "supply-lots.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["lot_id", "household_id", "enterprise", "product", "grade", "capacity_kg", "price_yuan_per_kg",
                    "harvest_date", "available_from", "available_to"])
        w.writerows(lots)
    poor = sum(1 for h in households if h[5] == "1")
    print(f"{len(households)} households ({poor} registered poor), {len(lots)} lots -> {out}/")


if __name__ == "__main__":
    main()
