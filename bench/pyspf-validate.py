#!/usr/bin/env python3
"""The pyspf anchor of `spfkit-bench cli`: offline validation of one SPF record per line.

Each record goes through pyspf's own check (spf.query.check with the record given), which parses and
validates every term as a receiver would (RFC 7208 syntax, macros, CIDR lengths) and reports permerror
for a broken one. DNS is replaced with an empty answer for every question, so the run is offline and
deterministic: includes and a/mx resolve to nothing. Prints the count of records and of permerrors.
"""
import sys

import spf


def no_answer(name, qtype, strict=True, timeout=20):
    """pyspf's DNS hook: every question is answered with no records."""
    return []


def main(path):
    spf.DNSLookup = no_answer
    records = permerrors = 0
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            record = line.rstrip("\n")
            if not record:
                continue
            records += 1
            query = spf.query(i="192.0.2.1", s="postmaster@example.com", h="mail.example.com", querytime=0)
            result, _, _ = query.check(spf=record)
            if result == "permerror":
                permerrors += 1
    print(f"{records} records, {permerrors} permerror")


if __name__ == "__main__":
    main(sys.argv[1])
