#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes the ledger of ledger_import from an exported city ledger.

    bench/make-ledger.py EXPORTED.csv ROWS OUT.csv

Takes the first ROWS rows of a ledger written by `zicha-cli ledger export --format csv` and
writes them as a city's combined ledger looks when it reaches one unit: each problem names
its responsible unit (the same problem text raised in two units is two problems), rows are
numbered 1…ROWS, and a measure repeated for the same problem is told apart by its number,
so that every row becomes one rectification item and none is skipped as imported already.
"""

import csv
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, rows, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(source, encoding='utf-8-sig', newline='') as f:
        reader = csv.reader(f)
        header = next(reader)
        data = [row for row, _ in zip(reader, range(rows))]
    if len(data) < rows:
        sys.exit(f'{source} has {len(data)} rows, fewer than {rows}')
    col = {name: i for i, name in enumerate(header)}
    seen = {}
    with open(out, 'w', encoding='utf-8', newline='') as f:
        writer = csv.writer(f, lineterminator='\r\n')
        f.write('\ufeff')
        writer.writerow(header)
        for n, row in enumerate(data, 1):
            row = list(row)
            row[col['序号']] = str(n)
            row[col['问题描述']] = f"{row[col['问题描述']]}（{row[col['责任单位']]}）"
            key = (row[col['问题描述']], row[col['整改措施']])
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                row[col['整改措施']] = f"{row[col['整改措施']]}（第{seen[key]}项）"
            writer.writerow(row)


if __name__ == '__main__':
    main()
