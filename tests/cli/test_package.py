#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A package round trip through zicha-cli, as two computers would do it.

Usage: test_package.py ZICHA_CLI

The inspector's computer holds the demo campaign and exports the campaign file; a fresh
database imports it. The employee exports their form (passphrase from ZICHA_PASSPHRASE)
and the lead imports it; the same file twice changes nothing.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI = None
TODAY = '2026-05-20'
PASSPHRASE = 'zicha-demo'      # ZC_DEMO_PASSPHRASE
INSPECTOR = 'JJ001'
LEAD = 'SJ001'
EMPLOYEE = 'SJ002'


class PackageTests(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='zicha-package-')
        self.env = dict(os.environ, ZICHA_TODAY=TODAY, LANGUAGE='C', LC_ALL='C.UTF-8')
        self.env.pop('ZICHA_PASSPHRASE', None)
        self.inspector_db = self.path('inspector.db')
        self.run_cli(self.inspector_db, None, 'demo')

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def run_cli(self, db, actor, *args, passphrase=None, status=0):
        command = [CLI, '--db', db]
        if actor:
            command += ['--as', actor]
        env = dict(self.env)
        if passphrase is not None:
            env['ZICHA_PASSPHRASE'] = passphrase
        result = subprocess.run(command + list(args), env=env, capture_output=True, text=True,
                                stdin=subprocess.DEVNULL, timeout=240)
        self.assertEqual(result.returncode, status,
                         '%s\nstdout: %s\nstderr: %s' % (' '.join(command + list(args)),
                                                         result.stdout, result.stderr))
        return result

    def stats(self, db):
        return json.loads(self.run_cli(db, None, 'stats', '--json').stdout)

    def test_round_trip(self):
        campaign = self.path('campaign.zip')
        self.run_cli(self.inspector_db, INSPECTOR, 'package', 'export', '--kind', 'campaign',
                     '-o', campaign, passphrase=PASSPHRASE)
        with open(campaign, 'rb') as f:
            self.assertEqual(f.read(4), b'PK\x03\x04')

        # A new computer: the campaign file creates its database.
        lead_db = self.path('lead.db')
        self.run_cli(lead_db, None, 'package', 'import', campaign)
        before = self.stats(lead_db)
        inspector = self.stats(self.inspector_db)
        self.assertEqual(before['people'], inspector['people'])
        self.assertEqual(before['units'], inspector['units'])

        # The employee's form, signed with their key, goes to the lead.
        form = self.path('form.zip')
        self.run_cli(self.inspector_db, EMPLOYEE, 'package', 'export', '--kind', 'form',
                     '-o', form, passphrase=PASSPHRASE)
        first = self.run_cli(lead_db, LEAD, 'package', 'import', form)
        self.assertIn(EMPLOYEE, first.stdout)
        after = self.stats(lead_db)
        self.assertGreater(after['findings'], before['findings'])

        # The same file twice changes nothing.
        again = self.run_cli(lead_db, LEAD, 'package', 'import', form)
        self.assertIn('Nothing new', again.stdout)
        self.assertEqual(self.stats(lead_db), after)

        # A wrong passphrase signs nothing and writes no file.
        refused = self.path('refused.zip')
        self.run_cli(self.inspector_db, EMPLOYEE, 'package', 'export', '--kind', 'form',
                     '-o', refused, passphrase='wrong', status=1)
        self.assertFalse(os.path.exists(refused))

    def test_several_files(self):
        campaign = self.path('campaign.zip')
        form = self.path('form.zip')
        damaged = self.path('damaged.zip')
        self.run_cli(self.inspector_db, INSPECTOR, 'package', 'export', '--kind', 'campaign',
                     '-o', campaign, passphrase=PASSPHRASE)
        self.run_cli(self.inspector_db, EMPLOYEE, 'package', 'export', '--kind', 'form',
                     '-o', form, passphrase=PASSPHRASE)
        with open(form, 'rb') as f:
            data = bytearray(f.read())
        data[len(data) // 2] ^= 1
        with open(damaged, 'wb') as f:
            f.write(data)

        # One after the other into a new database: the damaged file alone is refused.
        lead_db = self.path('lead.db')
        result = self.run_cli(lead_db, None, 'package', 'import', campaign, damaged, form,
                              status=1)
        self.assertIn('damaged.zip', result.stderr)
        self.assertIn(EMPLOYEE, result.stdout)
        after = self.stats(lead_db)
        self.assertGreater(after['findings'], 0)

        # The same file twice in one call: the second changes nothing.
        again = self.run_cli(lead_db, LEAD, 'package', 'import', form, form)
        self.assertEqual(again.stdout.count('Nothing new'), 2)
        self.assertEqual(self.stats(lead_db), after)

        # A missing file: nothing is read.
        self.run_cli(lead_db, LEAD, 'package', 'import', form, self.path('missing.zip'),
                     status=1)


def main():
    global CLI
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    CLI = os.path.abspath(sys.argv[1])
    program = unittest.main(argv=[sys.argv[0]] + sys.argv[2:], exit=False, verbosity=2)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == '__main__':
    sys.exit(main())
