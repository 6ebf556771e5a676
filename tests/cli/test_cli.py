#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of zicha-cli: the real binary on scratch databases.

Usage: test_cli.py ZICHA_CLI [TestClass[.test_name] ...]

Each test runs the command line exactly as a script would and checks what CLI.md
promises: exit statuses, one refusal line on stderr, the CSV headers, the keys of
`stats --json`, the ledger round trip and `verify` catching tampering made with the
sqlite3 shell.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'data')
CLI = None  # set from argv in main

# "Today" for every run, so that deadlines and lights do not move with the calendar.
TODAY = '2024-05-15'
START = '2024-03-01'

STATS_KEYS = {
    'people', 'units', 'forms', 'findings', 'problems', 'items', 'lights',
    'commitments_published', 'orders_open',
}
STATS_NESTED = {
    'forms': {'draft', 'submitted', 'returned', 'approved', 'not_started'},
    'items': {'planned', 'in_progress', 'awaiting_closeout', 'closed'},
    'lights': {'red', 'yellow', 'green'},
}

INSPECTOR = 'JJ0001'
EMPLOYEE = 'SJ0002'
LEAD_SHJZ = 'SJ0001'
LEAD_YLFW = 'YL0001'


def data(name):
    return os.path.join(DATA, name)


def count_rows(path):
    """Data rows of a fixture (its records, not its lines)."""
    import csv
    with open(path, encoding='utf-8-sig', newline='') as f:
        return sum(1 for _ in csv.reader(f)) - 1


class CliTestCase(unittest.TestCase):
    """A scratch folder per test and a helper that runs the binary."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='zicha-cli-test-')
        self.db = os.path.join(self.tmp, 'campaign.db')
        self.env = dict(os.environ)
        self.env.update({
            'LANG': 'C.UTF-8',
            'LC_ALL': 'C.UTF-8',
            'ZICHA_TODAY': TODAY,
            'HOME': self.tmp,
            'XDG_DATA_HOME': os.path.join(self.tmp, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.tmp, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.tmp, 'cache'),
        })
        self.env.pop('LANGUAGE', None)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_cli(self, *args, db=None, actor=None, stdin=None):
        argv = [CLI]
        if db is not False:
            argv += ['--db', db or self.db]
        if actor is not None:
            argv += ['--as', actor]
        argv += list(args)
        proc = subprocess.run(argv, env=self.env, input=stdin, capture_output=True,
                              timeout=300)
        out = proc.stdout.decode('utf-8')
        err = proc.stderr.decode('utf-8')
        return proc.returncode, out, err

    def ok(self, *args, **kwargs):
        code, out, err = self.run_cli(*args, **kwargs)
        self.assertEqual(code, 0, 'zicha-cli %s failed (%d):\n%s' % (' '.join(args), code, err))
        return out, err

    def refused(self, *args, status=1, **kwargs):
        """Runs a command that must be refused: @status and exactly one stderr line."""
        code, out, err = self.run_cli(*args, **kwargs)
        self.assertEqual(code, status, 'zicha-cli %s: expected exit %d, got %d\nstdout: %s\n'
                         'stderr: %s' % (' '.join(args), status, code, out, err))
        lines = err.splitlines()
        self.assertEqual(len(lines), 1, 'expected one stderr line, got:\n%s' % err)
        self.assertTrue(lines[0].startswith('zicha-cli: '), lines[0])
        return lines[0]

    def usage_error(self, *args, **kwargs):
        code, out, err = self.run_cli(*args, **kwargs)
        self.assertEqual(code, 2, 'zicha-cli %s: expected exit 2, got %d\n%s'
                         % (' '.join(args), code, err))
        self.assertTrue(err.startswith('zicha-cli: '), err)
        self.assertIn('Usage:', err)
        self.assertEqual(out, '')
        return err

    def stats(self, *args, actor=INSPECTOR, db=None):
        out, _ = self.ok('stats', '--json', *args, actor=actor, db=db)
        return json.loads(out)

    def set_up_campaign(self, db=None):
        """init + units + people, as the first inspector does it (no --as yet)."""
        self.ok('init', '--title', '2024年江州市民政局作风效能建设专项活动', '--start', START,
                db=db)
        self.ok('units', 'import', data('units.csv'), db=db)
        self.ok('people', 'import', data('people.csv'), db=db)


class UsageTests(CliTestCase):

    def test_no_command(self):
        self.usage_error()

    def test_unknown_command(self):
        err = self.usage_error('frobnicate')
        self.assertIn('frobnicate', err.splitlines()[0])

    def test_group_without_subcommand(self):
        self.usage_error('ledger')
        self.usage_error('units', 'delete')

    def test_help(self):
        out, _ = self.ok('--help', db=False)
        for command in ('init', 'units import', 'people import', 'phase', 'demo', 'stats',
                        'ledger import', 'ledger export', 'verify'):
            self.assertIn(command, out)
        out, _ = self.ok('help', db=False)
        self.assertIn('verify', out)
        out, _ = self.ok('ledger', 'import', '--help')
        self.assertIn('--unit', out)

    def test_bad_options(self):
        self.usage_error('init')                           # no --title
        self.usage_error('init', '--title', 'x', 'extra')
        self.usage_error('--bogus', 'stats')
        self.usage_error('stats', '--bogus')
        self.usage_error('phase', 'set', 'bogus')
        self.usage_error('phase', 'jump')
        self.usage_error('ledger', 'import', data('ledger.csv'))  # no --unit
        self.usage_error('ledger', 'export', '--format', 'csv')   # no -o
        self.usage_error('demo', '--scale', 'country')
        self.usage_error('demo', '--seed', 'abc')
        # None of them created a database.
        self.assertFalse(os.path.exists(self.db))

    def test_missing_database(self):
        line = self.refused('stats')
        self.assertIn(self.db, line)
        self.assertFalse(os.path.exists(self.db))


class SetupTests(CliTestCase):

    def test_init_refuses_existing_campaign(self):
        out, _ = self.ok('init', '--title', '作风效能建设专项活动', '--start', START)
        self.assertIn('作风效能建设专项活动', out)
        line = self.refused('init', '--title', '另一个活动')
        self.assertIn('作风效能建设专项活动', line)

    def test_init_bad_date(self):
        line = self.refused('init', '--title', '作风效能建设专项活动', '--start', '2024-02-30')
        self.assertIn('2024-02-30', line)
        # A refused init leaves no file behind.
        self.assertEqual(os.listdir(self.tmp), [])
        self.refused('init', '--title', '')
        self.assertEqual(os.listdir(self.tmp), [])

    def test_default_database(self):
        self.ok('init', '--title', '作风效能建设专项活动', db=False)
        out, _ = self.ok('phase', db=False)
        self.assertIn('mobilization', out)
        # The default database lives in the user's data folder, not beside the test.
        found = [os.path.join(d, f) for d, _, files in os.walk(self.env['XDG_DATA_HOME'])
                 for f in files]
        self.assertTrue(found, 'no database under XDG_DATA_HOME')

    def test_units_people_and_phases(self):
        self.set_up_campaign()

        out, _ = self.ok('units', 'list')
        rows = [line.split('\t') for line in out.splitlines()[1:]]
        self.assertEqual(len(rows), count_rows(data('units.csv')))
        self.assertEqual(rows[0][0], 'MZJ')
        self.assertIn(['SHJZ', '社会救助处'], [r[:2] for r in rows])

        out, _ = self.ok('people', 'list')
        self.assertEqual(len(out.splitlines()) - 1, count_rows(data('people.csv')))
        out, _ = self.ok('people', 'list', '--unit', 'SHJZ')
        codes = sorted(line.split('\t')[0] for line in out.splitlines()[1:])
        self.assertEqual(codes, ['SJ0001', 'SJ0002', 'SJ0003'])

        out, _ = self.ok('phase', 'show')
        self.assertIn('(mobilization)', out)
        out2, _ = self.ok('phase')
        self.assertEqual(out, out2)

        # Once the campaign has people, changing it needs --as.
        line = self.refused('phase', 'advance')
        self.assertIn('--as', line)
        line = self.refused('units', 'import', data('units.csv'))
        self.assertIn('--as', line)
        # An unknown staff code is named.
        line = self.refused('phase', 'advance', actor='XX9999')
        self.assertEqual(line, 'zicha-cli: no person with staff code ‘XX9999’')
        # An employee may not move the campaign.
        self.refused('phase', 'advance', actor=EMPLOYEE)
        self.refused('phase', 'set', 'rectification', actor=LEAD_SHJZ)
        out, _ = self.ok('phase', 'show')
        self.assertIn('(mobilization)', out)

        out, _ = self.ok('phase', 'advance', actor=INSPECTOR)
        self.assertIn('(inspection)', out)
        out, _ = self.ok('phase', 'set', 'rectification', actor=INSPECTOR)
        self.assertIn('(rectification)', out)
        out, _ = self.ok('phase', actor=EMPLOYEE)
        self.assertIn('(rectification)', out)

        # The figures and the roster need no --as; what the permission table restricts does.
        self.ok('stats')
        self.ok('units', 'list')
        self.ok('verify')
        line = self.refused('forms', 'list')
        self.assertIn('--as', line)
        out, _ = self.ok('forms', 'list', actor=INSPECTOR)
        rows = [line.split('\t') for line in out.splitlines()[1:]]
        self.assertEqual(len(rows), count_rows(data('people.csv')))
        out, _ = self.ok('forms', 'list', '--unit', 'SHJZ', actor=LEAD_SHJZ)
        self.assertEqual(sorted(line.split('\t')[0] for line in out.splitlines()[1:]),
                         ['SJ0001', 'SJ0002', 'SJ0003'])

    def test_c_locale_keeps_chinese(self):
        self.set_up_campaign()
        self.env.update({'LANG': 'C', 'LC_ALL': 'C'})
        out, _ = self.ok('units', 'list')
        self.assertIn('社会救助处', out)
        out, _ = self.ok('phase')
        self.assertIn('2024年江州市民政局作风效能建设专项活动', out)
        line = self.refused('phase', 'advance', actor='王五')
        self.assertIn('王五', line)

    def test_bad_people_row_refuses_the_file(self):
        self.ok('init', '--title', '作风效能建设专项活动', '--start', START)
        self.ok('units', 'import', data('units.csv'))
        line = self.refused('people', 'import', data('people-bad.csv'))
        # Line 5 of the file (the header is line 1) names a unit that does not exist.
        self.assertIn('row 5', line)
        self.assertIn('XXC', line)
        # Nothing of that file was imported.
        out, _ = self.ok('people', 'list')
        self.assertEqual(out.splitlines()[1:], [])
        # A dry run lists the same row and writes nothing either.
        line = self.refused('people', 'import', '--dry-run', data('people-bad.csv'))
        self.assertIn('row 5', line)
        self.ok('people', 'import', '--dry-run', data('people.csv'))
        out, _ = self.ok('people', 'list')
        self.assertEqual(out.splitlines()[1:], [])

    def test_bad_unit_row(self):
        self.ok('init', '--title', '作风效能建设专项活动', '--start', START)
        bad = os.path.join(self.tmp, 'units-bad.csv')
        with open(bad, 'w', encoding='utf-8') as f:
            f.write('code,name,parent_code,kind,focus\n'
                    'MZJ,江州市民政局,,bureau,0\n'
                    'BGS,办公室,MZJ,office,0\n')
        line = self.refused('units', 'import', bad)
        self.assertIn('row 3', line)
        self.assertIn('office', line)
        out, _ = self.ok('units', 'list')
        self.assertEqual(out.splitlines()[1:], [])

    def test_missing_file(self):
        self.ok('init', '--title', '作风效能建设专项活动', '--start', START)
        line = self.refused('units', 'import', os.path.join(self.tmp, 'nowhere.csv'))
        self.assertIn('nowhere.csv', line)


class StatsTests(CliTestCase):

    def test_json_keys(self):
        self.set_up_campaign()
        stats = self.stats()
        self.assertTrue(STATS_KEYS <= set(stats), set(stats) ^ STATS_KEYS)
        for key, nested in STATS_NESTED.items():
            self.assertIsInstance(stats[key], dict, key)
            self.assertTrue(nested <= set(stats[key]), (key, set(stats[key]) ^ nested))
            for value in stats[key].values():
                self.assertIsInstance(value, int)
        for key in STATS_KEYS - set(STATS_NESTED):
            self.assertIsInstance(stats[key], int, key)
        self.assertEqual(stats['people'], count_rows(data('people.csv')))
        self.assertEqual(stats['units'], count_rows(data('units.csv')))
        self.assertEqual(stats['findings'], 0)
        self.assertEqual(stats['problems'], 0)
        self.assertEqual(sum(stats['items'].values()), 0)
        self.assertEqual(stats['forms']['not_started'], stats['people'])

        # The same figures without --as, and for one unit.
        self.assertEqual(self.stats(actor=None), stats)
        unit = self.stats('--unit', 'SHJZ')
        self.assertEqual(unit['people'], 3)

    def test_unknown_unit(self):
        self.set_up_campaign()
        line = self.refused('stats', '--unit', 'NOPE', actor=INSPECTOR)
        self.assertIn('NOPE', line)

    def test_human_output(self):
        self.set_up_campaign()
        out, _ = self.ok('stats', actor=INSPECTOR)
        self.assertIn('2024年江州市民政局作风效能建设专项活动', out)
        self.assertIn(str(count_rows(data('people.csv'))), out)
        self.assertNotIn('{', out)


class LedgerTests(CliTestCase):

    def rectification_campaign(self, db=None):
        self.set_up_campaign(db=db)
        self.ok('phase', 'set', 'rectification', actor=INSPECTOR, db=db)

    def test_import_warnings_and_round_trip(self):
        self.rectification_campaign()

        # Importing changes data: it needs --as.
        line = self.refused('ledger', 'import', data('ledger.csv'), '--unit', 'SHJZ')
        self.assertIn('--as', line)
        self.refused('ledger', 'import', data('ledger.csv'), '--unit', 'NOPE',
                     actor=LEAD_SHJZ)

        out, err = self.ok('ledger', 'import', data('ledger.csv'), '--unit', 'SHJZ',
                           actor=LEAD_SHJZ)
        warnings = err.splitlines()
        for line in warnings:
            self.assertRegex(line, r'^row \d+: ')
        # Line 7: a responsible person who is not in the campaign and a deadline that
        # cannot be read ("下半年"); both kept as written.
        row7 = ' '.join(w for w in warnings if w.startswith('row 7:'))
        self.assertIn('王小二', row7)
        self.assertIn('下半年', row7)
        self.assertIn('ledger.csv', out)

        stats = self.stats()
        rows = count_rows(data('ledger.csv'))
        self.assertEqual(stats['problems'], rows)
        # Row 5 has no measure: a problem still waiting for its measures.
        self.assertEqual(sum(stats['items'].values()), rows - 1)

        out, _ = self.ok('ledger', 'list', '--unit', 'SHJZ', actor=INSPECTOR)
        self.assertEqual(len(out.splitlines()) - 1, rows - 1)

        first = os.path.join(self.tmp, 'first.csv')
        line = self.refused('ledger', 'export', '-o', first)
        self.assertIn('--as', line)
        self.assertFalse(os.path.exists(first))
        out, _ = self.ok('ledger', 'export', '--format', 'csv', '-o', first, '--unit', 'SHJZ',
                         actor=INSPECTOR)
        self.assertIn(first, out)
        with open(first, 'rb') as f:
            exported = f.read()
        self.assertTrue(exported.startswith(b'\xef\xbb\xbf'), 'no BOM')
        text = exported.decode('utf-8-sig')
        header = text.splitlines()[0]
        for column in ('序号', '整改措施', '责任单位', '责任人'):
            self.assertIn(column, header)
        # The texts exactly as written, the hand-written deadline and names included.
        for kept in ('低保审核中“一刀切”，对材料不全的申请人简单拒绝，未一次性告知所需材料',
                     '王小二', '下半年', '1. 压缩审批环节至3个；\n2. 对急难型救助实行先行救助、事后补审'):
            self.assertIn(kept, text.replace('\r\n', '\n'))

        # The exported ledger imports into a fresh campaign and exports unchanged.
        other = os.path.join(self.tmp, 'other.db')
        self.rectification_campaign(db=other)
        self.ok('ledger', 'import', first, '--unit', 'SHJZ', actor=LEAD_SHJZ, db=other)
        second = os.path.join(self.tmp, 'second.csv')
        self.ok('ledger', 'export', '-o', second, '--unit', 'SHJZ', actor=INSPECTOR, db=other)
        with open(second, 'rb') as f:
            self.assertEqual(f.read(), exported)
        self.assertEqual(self.stats(db=other), stats)

        self.ok('verify')
        self.ok('verify', db=other)

    def test_bad_row_refuses_the_file(self):
        self.rectification_campaign()
        before = self.stats()
        line = self.refused('ledger', 'import', data('ledger-bad.csv'), '--unit', 'YLFW',
                            actor=LEAD_YLFW)
        self.assertIn('row 3', line)
        self.assertEqual(self.stats(), before)

    def test_other_units_lead_is_refused(self):
        self.rectification_campaign()
        before = self.stats()
        self.refused('ledger', 'import', data('ledger.csv'), '--unit', 'SHJZ', actor=LEAD_YLFW)
        self.refused('ledger', 'import', data('ledger.csv'), '--unit', 'SHJZ', actor=EMPLOYEE)
        self.assertEqual(self.stats(), before)

    @unittest.skipUnless(shutil.which('sqlite3'), 'the sqlite3 shell is not installed')
    def test_verify_catches_tampering(self):
        self.rectification_campaign()
        self.ok('ledger', 'import', data('ledger.csv'), '--unit', 'SHJZ', actor=LEAD_SHJZ)
        out, err = self.ok('verify')
        self.assertEqual(err, '')
        pristine = os.path.join(self.tmp, 'pristine.db')
        shutil.copy(self.db, pristine)

        def broken():
            code, out, err = self.run_cli('verify')
            self.assertEqual(code, 3, 'verify: expected exit 3, got %d\n%s%s'
                             % (code, out, err))
            self.assertTrue(err.strip())
            for line in err.splitlines():
                self.assertTrue(line.startswith('zicha-cli: '), line)
            return err

        subprocess.run(['sqlite3', self.db, "UPDATE item SET measure='x' WHERE id=1"],
                       check=True)
        self.assertIn('item', broken())

        shutil.copy(pristine, self.db)
        self.ok('verify')
        subprocess.run(['sqlite3', self.db, 'DELETE FROM audit WHERE id = 5'], check=True)
        self.assertIn('audit', broken().lower())

    def test_export_format(self):
        self.rectification_campaign()
        self.ok('ledger', 'import', data('ledger.csv'), '--unit', 'SHJZ', actor=LEAD_SHJZ)
        xlsx = os.path.join(self.tmp, 'ledger.xlsx')
        self.ok('ledger', 'export', '--format', 'xlsx', '-o', xlsx, actor=INSPECTOR)
        with open(xlsx, 'rb') as f:
            self.assertEqual(f.read(2), b'PK')
        self.usage_error('ledger', 'export', '--format', 'pdf', '-o',
                         os.path.join(self.tmp, 'x.pdf'))


class DemoTests(CliTestCase):

    def test_demo_bureau(self):
        out, err = self.ok('demo')
        # Progress goes to a terminal only.
        self.assertEqual(err, '')
        self.assertIn(self.db, out)
        stats = self.stats(actor=None)
        self.assertGreater(stats['people'], 100)
        self.assertGreater(stats['units'], 10)
        for state in ('draft', 'submitted', 'returned', 'approved'):
            self.assertGreater(stats['forms'][state], 0, state)
        for state in STATS_NESTED['items']:
            self.assertGreater(stats['items'][state], 0, state)
        for light in STATS_NESTED['lights']:
            self.assertGreater(stats['lights'][light], 0, light)
        self.assertGreater(stats['findings'], 0)
        self.assertGreater(stats['problems'], 0)
        self.assertGreater(stats['commitments_published'], 0)
        self.assertGreater(stats['orders_open'], 0)
        self.ok('verify')

        # A demo never overwrites a campaign.
        self.refused('demo')
        self.assertEqual(self.stats(actor=None), stats)

    def test_demo_is_deterministic(self):
        other = os.path.join(self.tmp, 'other.db')
        self.ok('demo', '--seed', '3')
        self.ok('demo', '--seed', '3', db=other)
        self.assertEqual(self.stats(actor=None), self.stats(actor=None, db=other))

    def test_demo_refuses_initialised_database(self):
        self.ok('init', '--title', '作风效能建设专项活动')
        line = self.refused('demo')
        self.assertIn(self.db, line)


class DemoSeedTests(CliTestCase):
    """Any seed gives a campaign (zc-demo.h: deterministic for a given seed)."""

    def test_seeds(self):
        for seed in range(6):
            with self.subTest(seed=seed):
                db = os.path.join(self.tmp, 'seed-%d.db' % seed)
                self.ok('demo', '--seed', str(seed), db=db)
                self.ok('verify', db=db)


@unittest.skipUnless(shutil.which('sqlite3'), 'the sqlite3 shell is not installed')
class VerifyTests(CliTestCase):
    """verify passes on an untouched campaign and fails (exit 3) after tampering."""

    pristine = None
    pristine_dir = None

    @classmethod
    def setUpClass(cls):
        cls.pristine_dir = tempfile.mkdtemp(prefix='zicha-cli-demo-')
        cls.pristine = os.path.join(cls.pristine_dir, 'demo.db')
        env = dict(os.environ, LANG='C.UTF-8', LC_ALL='C.UTF-8', ZICHA_TODAY=TODAY)
        proc = subprocess.run([CLI, '--db', cls.pristine, 'demo', '--seed', '11'], env=env,
                              capture_output=True, timeout=300)
        if proc.returncode != 0:
            raise RuntimeError('demo failed: %s' % proc.stderr.decode())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.pristine_dir, ignore_errors=True)

    def setUp(self):
        super().setUp()
        # The demo's process has closed the database: no -wal file is left to copy.
        for suffix in ('', '-wal', '-shm'):
            if os.path.exists(self.pristine + suffix):
                shutil.copy(self.pristine + suffix, self.db + suffix)

    def sqlite(self, sql):
        subprocess.run(['sqlite3', self.db, sql], check=True, capture_output=True)

    def broken(self):
        code, out, err = self.run_cli('verify')
        self.assertEqual(code, 3, 'verify: expected exit 3, got %d\n%s%s' % (code, out, err))
        self.assertTrue(err.strip(), 'verify says nothing about what is broken')
        for line in err.splitlines():
            self.assertTrue(line.startswith('zicha-cli: '), line)
        return err

    def test_intact(self):
        out, err = self.ok('verify')
        self.assertEqual(err, '')

    def test_edited_finding(self):
        self.sqlite("UPDATE finding SET phenomenon='x' WHERE id=1")
        err = self.broken()
        self.assertIn('finding', err)

    def test_deleted_audit_entry(self):
        self.sqlite('DELETE FROM audit WHERE id = (SELECT id FROM audit ORDER BY id '
                    'LIMIT 1 OFFSET 10)')
        err = self.broken()
        self.assertIn('audit', err.lower())

    def test_edited_audit_entry(self):
        self.sqlite("UPDATE audit SET fields='{}' WHERE id = (SELECT max(id) FROM audit)")
        self.broken()

    def test_not_a_database(self):
        with open(self.db, 'wb') as f:
            f.write(b'this is not a campaign\n' * 100)
        for suffix in ('-wal', '-shm'):
            if os.path.exists(self.db + suffix):
                os.unlink(self.db + suffix)
        code, _, err = self.run_cli('verify')
        self.assertIn(code, (1, 3))
        self.assertEqual(len(err.splitlines()), 1, err)


def main():
    global CLI
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    CLI = os.path.abspath(sys.argv[1])
    names = sys.argv[2:]
    loader = unittest.defaultTestLoader
    module = sys.modules[__name__]
    if names:
        suite = loader.loadTestsFromNames(names, module)
    else:
        suite = loader.loadTestsFromModule(module)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    return 0 if result.wasSuccessful() else 1


if __name__ == '__main__':
    sys.exit(main())
