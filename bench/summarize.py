#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turns the samples bench/run collected into the table and bench/results.json.

    bench/summarize.py WORKDIR RESULTS.json

WORKDIR/samples.tsv   one sample a line: NAME, SIDE (app or ref), VALUE, CPU seconds
                      (user + system, or empty)
WORKDIR/status.tsv    NAME, STATUS (unavailable, error), the reason
WORKDIR/notes.tsv     NAME, a note for the table's reader (what was measured)
WORKDIR/meta.json     the run: date, machine, load, counts of the city campaign
"""

import json
import statistics
import sys

# name, unit, target kind, target, what the figure is, what the reference is. Kinds: "ratio"
# (to the reference), "max" (the figure itself).
BENCHMARKS = [
    ('demo_city', 's', 'ratio', 3,
     'zicha-cli demo --scale city --seed 1 into a new file',
     'sqlite3 shell loading the dump (.dump) of that city database into a new file'),
    ('stats_city', 's', 'ratio', 1.5,
     'zicha-cli stats --json',
     'sqlite3 shell running bench/sql/stats-city.sql (the same JSON, byte for byte)'),
    ('stats_unit', 's', 'ratio', 1.5,
     'zicha-cli stats --unit CODE --json on the largest unit',
     'sqlite3 shell running bench/sql/stats-unit.sql (the same JSON, byte for byte)'),
    ('ledger_csv', 's', 'ratio', 2,
     'zicha-cli ledger export --format csv, the whole ledger',
     'sqlite3 -csv running bench/sql/ledger.sql (the same rows and cells)'),
    ('ledger_xlsx', 's', 'ratio', 0.2,
     'zicha-cli ledger export --format xlsx, the whole ledger',
     'LibreOffice (soffice --headless --convert-to xlsx) converting the CSV ledger'),
    ('ledger_import', 's', 'ratio', 5,
     'zicha-cli ledger import of a 20,000-row ledger CSV into one unit',
     'the sqlite3 shell writing the records the import wrote (problems, items, audit entries, '
     'with the indexes and the search index), no Zicha code'),
    ('similar_unit', 's', 'max', 0.2,
     'zc_store_cluster_unit_findings() on the unit closest to 2,000 findings',
     None),
    ('similar_city', 's', 'max', 10,
     'zc_store_cluster_unit_findings() for every unit of the campaign',
     None),
    ('verify_city', 's', 'ratio', 3,
     'zicha-cli verify (integrity, foreign keys, the audit chain and every row)',
     'sha256sum of the database file'),
    ('gui_dashboard', 's', 'ratio', 1.5,
     'zicha on the city database, an inspector signed in, until the dashboard has drawn '
     'its figures (Xvfb)',
     'gnome-text-editor from launch to its first window drawn (Xvfb, same launcher)'),
    ('gui_ledger_filter', 's', 'max', 0.05,
     'a text typed into the search of the 20,000-row ledger until the filtered view has drawn',
     None),
    ('gui_rss', 'MiB', 'ratio', 3,
     'peak resident memory of zicha after the dashboard and the full ledger have drawn',
     'peak resident memory of gnome-text-editor with an empty document'),
    ('package_import', 's', 'max', 60,
     'zicha-cli package import of 12,000 form files',
     None),
]

# A second reference some benchmarks keep beside theirs (side, what it is).
#
# ledger_import: issue 9 gave it the shell's `.import` of the CSV as reference, which puts
# the file into one table without an index, while an import must write each record with
# its audit entry (DOMAIN.md: every change, tamper-evident) and the search index. The
# shell writing just those records, with no Zicha code, takes 6.4-9.0 times the `.import`
# (bench/README.md, "ledger_import"), so no import could be within 5 of it. Since the
# fifth session the reference is that shell writing the same records, work comparable to
# the import's as every other reference is to its benchmark, with the factor of 5;
# the `.import` and the ratio to it stay in the results.
SECOND_REFERENCES = {
    'ledger_import': ('csv_import', 'the issue’s reference: sqlite3 shell .import --csv of the '
                                    'same file into a new table without an index'),
}


def read_tsv(path):
    try:
        with open(path, encoding='utf-8') as f:
            return [line.rstrip('\n').split('\t') for line in f if line.strip()]
    except FileNotFoundError:
        return []


def spread(values):
    return {'min': min(values), 'max': max(values)} if values else None


def fmt(value, unit):
    if value is None:
        return '—'
    if unit == 'MiB':
        return f'{value:.0f} MiB'
    if value < 1:
        return f'{value * 1000:.0f} ms'
    return f'{value:.2f} s'


def fmt_range(values, unit):
    if not values or len(values) < 2:
        return ''
    return f'{fmt(min(values), unit)}–{fmt(max(values), unit)}'


def main():
    workdir, out = sys.argv[1], sys.argv[2]
    samples = {}
    cpu = {}
    for row in read_tsv(f'{workdir}/samples.tsv'):
        name, side, value = row[0], row[1], float(row[2])
        samples.setdefault((name, side), []).append(value)
        if len(row) > 3 and row[3]:
            cpu.setdefault((name, side), []).append(float(row[3]))
    status = {row[0]: (row[1], row[2] if len(row) > 2 else '') for row in read_tsv(f'{workdir}/status.tsv')}
    notes = {}
    for row in read_tsv(f'{workdir}/notes.tsv'):
        notes.setdefault(row[0], []).append(row[1])
    try:
        with open(f'{workdir}/meta.json', encoding='utf-8') as f:
            meta = json.load(f)
    except FileNotFoundError:
        meta = {}

    results = {}
    lines = []
    footnotes = []
    header = ('benchmark', 'median', 'spread (min–max)', 'reference', 'ref. spread', 'ratio',
              'target', 'result')
    for name, unit, kind, target, what, ref_what in BENCHMARKS:
        app = samples.get((name, 'app'), [])
        ref = samples.get((name, 'ref'), [])
        entry = {'unit': unit, 'what': what}
        st = status.get(name)
        if not app:
            reason = st[1] if st else 'not run'
            entry.update({'value': None, 'reference': None, 'ratio': None, 'pass': None,
                          'status': st[0] if st else 'not run', 'reason': reason,
                          'target': {'kind': kind, 'value': target}})
            results[name] = entry
            lines.append((name, '—', '', '', '', '', target_text(kind, target, unit), 'n/a'))
            footnotes.append(f'{name}: {reason}')
            continue
        value = statistics.median(app)
        ref_value = statistics.median(ref) if ref else None
        ratio = value / ref_value if ref_value else None
        if kind == 'ratio':
            passed = ratio is not None and ratio <= target
        else:
            passed = value < target
        entry.update({
            'value': round(value, 4), 'runs': [round(v, 4) for v in app], 'spread': spread(app),
            'reference': round(ref_value, 4) if ref_value is not None else None,
            'reference_what': ref_what,
            'reference_runs': [round(v, 4) for v in ref] if ref else None,
            'reference_spread': spread(ref) if ref else None,
            'ratio': round(ratio, 3) if ratio is not None else None,
            'target': {'kind': kind, 'value': target},
            'pass': passed,
            'status': 'ok' if st is None else st[0],
        })
        if st is not None:
            entry['reason'] = st[1]
            footnotes.append(f'{name}: {st[1]}')
        if (name, 'app') in cpu:
            entry['cpu_s'] = round(statistics.median(cpu[(name, 'app')]), 4)
        if (name, 'ref') in cpu:
            entry['reference_cpu_s'] = round(statistics.median(cpu[(name, 'ref')]), 4)
            if entry.get('cpu_s') and entry['reference_cpu_s']:
                entry['cpu_ratio'] = round(entry['cpu_s'] / entry['reference_cpu_s'], 3)
        if name in SECOND_REFERENCES:
            side, side_what = SECOND_REFERENCES[name]
            second = samples.get((name, side), [])
            if second:
                second_value = statistics.median(second)
                entry['second_reference'] = {
                    'what': side_what, 'value': round(second_value, 4),
                    'runs': [round(v, 4) for v in second],
                    'ratio': round(value / second_value, 3),
                    'reference_ratio': round(ref_value / second_value, 3) if ref_value else None,
                }
                footnotes.append(f'{name}: {side_what}: {fmt(second_value, unit)} '
                                 f'({fmt_range(second, unit)}); Zicha {value / second_value:.2f} '
                                 f'times it, the reference alone '
                                 f'{ref_value / second_value:.2f} times it'
                                 if ref_value else f'{name}: {side_what}: '
                                 f'{fmt(second_value, unit)}')
        if name in notes:
            entry['notes'] = notes[name]
        results[name] = entry
        lines.append((name, fmt(value, unit), fmt_range(app, unit), fmt(ref_value, unit),
                      fmt_range(ref, unit), f'{ratio:.2f}' if ratio is not None else '—',
                      target_text(kind, target, unit), 'pass' if passed else 'FAIL'))

    document = {'run': meta}
    document.update(results)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(document, f, ensure_ascii=False, indent=2)
        f.write('\n')

    widths = [max(len(str(row[i])) for row in [header] + lines) for i in range(len(header))]
    print('| ' + ' | '.join(h.ljust(w) for h, w in zip(header, widths)) + ' |')
    print('|' + '|'.join('-' * (w + 2) for w in widths) + '|')
    for row in lines:
        print('| ' + ' | '.join(str(c).ljust(w) for c, w in zip(row, widths)) + ' |')
    if footnotes:
        print()
        for line in footnotes:
            print(f'- {line}')
    if meta:
        print()
        print(f"Load average (1, 5, 15 min): {meta.get('load_before')} before, "
              f"{meta.get('load_after')} after; {meta.get('cpus')} CPUs; "
              f"{meta.get('runs')} runs each; {meta.get('elapsed_s', '?')} s in all.")


def target_text(kind, target, unit):
    if kind == 'ratio':
        return f'ratio ≤ {target}'
    if unit == 's' and target < 1:
        return f'< {target * 1000:g} ms'
    return f'< {target:g} {unit}'


if __name__ == '__main__':
    main()
