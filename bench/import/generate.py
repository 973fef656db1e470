#!/usr/bin/env python3
"""Writes a synthetic file in OGP's current commitments layout, for the import benchmark.

    python3 bench/import/generate.py 60000 /tmp/ogp-60k.csv [seed]

Deterministic from the seed. Shaped like OGP's real export (tests/TestData): 300 members in the four
regions, 10 plans each of 20 commitments (60,000 by default), long full texts, policy-area flags, IRM
values of both generations with ND/NR/NA placeholders, and dates in the shapes OGP's data has.
"""
import csv
import random
import sys

COLUMNS = [
    "Commitment Unique Identifier", "Country/Locality", "Action Plan Number", "Commitment Number", "Code", "Region",
    "National Or Local", "Year Of Submission", "Action Plan End Year", "Action Plan Duration (Years)", "Theme",
    "Commitment Title", "Short Title", "Full Text", "Start Date", "End Date", "Lead Institution", "Supporting Institution(s)",
    "Anti-Corruption and Integrity", "Open Contracting", "Right To Information", "Fiscal Openness", "Open Data", "Open Parliaments",
    "Specificity", "Verifiable", "OGP Value Access To Information", "OGP Value Civic Participation",
    "OGP Value Public Accountability", "OGP Value Technology", "Potential Impact", "Completion (Progress Report)",
    "Starred (Current Formula) Progress Report", "Potential for Results", "Completion (End Of Term)", "Early Results",
    "Did It Open Government (Overall)", "Starred (Current Formula) End of Term", "CHECKSUM", "URL", "Action Plan ID",
]
REGIONS = ["Africa and the Middle East", "Americas", "Asia and the Pacific", "Europe"]
WORDS = ("open data budget transparency procurement parliament citizens participation justice access information "
         "integrity lobbying register beneficial ownership climate health education municipal portal").split()


def letters(n):
    code = ""
    for _ in range(3):
        code = chr(ord("A") + n % 26) + code
        n //= 26
    return code


def main():
    total = int(sys.argv[1])
    path = sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2011)
    per_plan, plans_per_member = 20, 10
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        n = 0
        member = 0
        while n < total:
            code = letters(member)
            data_code = "X" + code
            region = REGIONS[member % 4]
            for plan in range(1, plans_per_member + 1):
                year = 2011 + (plan - 1) * 2 % 14
                duration = 4 if plan % 5 == 0 else 2
                for number in range(1, per_plan + 1):
                    if n >= total:
                        break
                    n += 1
                    ident = f"{code}{(plan - 1) * per_plan + number:04d}"
                    title = " ".join(rnd.choice(WORDS) for _ in range(8)).capitalize()
                    text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(60, 400)))
                    legacy = year < 2020
                    start = rnd.choice([f"{rnd.randint(1, 12)}/1/{year}", f"July {year}", "NA", f"{year}"])
                    end = rnd.choice([f"12/31/{year + duration}", f"31/12/{year + duration}", "NA", f"June {year + duration}"])
                    pick = lambda *values: rnd.choice(values)
                    writer.writerow([
                        ident, f"Member {code}", plan, number, data_code, region, "National", year, year + duration, duration,
                        pick("Transparency", "Participation", "NA"), title, title[:40], text, start, end,
                        f"Ministry of {rnd.choice(WORDS).capitalize()}", pick("Civil society forum", "NA", ""),
                        pick(0, 1), pick(0, 1), pick(0, 1), pick(0, 1), pick(0, 1), pick(0, 1),
                        pick("Low", "Medium", "High", "None") if legacy else pick("ND", "NR"),
                        pick("Yes", "No", "NR"), pick(0, 1), pick(0, 1), pick(0, 1, "ND"), pick(0, 1, "NR"),
                        pick("Minor", "Moderate", "Transformative", "None") if legacy else "ND",
                        pick("Not Started", "Limited", "Substantial", "Complete", "NA", "ND"), pick(0, 1, "ND", "NA"),
                        "ND" if legacy else pick("Unclear", "Modest", "Substantial"),
                        pick("Limited", "Substantial", "Complete", "NR", "ND"), "ND" if legacy else pick("No notable results", "Moderate", "Significant", "ND"),
                        pick("Marginal", "Major", "Outstanding", "Did Not Change", "NR"), pick(0, 1, "ND"),
                        rnd.randint(0, 5), f"https://example.org/{ident.lower()}", f"AP_{data_code}{plan:02d}",
                    ])
            member += 1


if __name__ == "__main__":
    main()
