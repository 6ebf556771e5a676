#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The unit lead's way through the window (issue 5), through the accessibility tree.

The lead of 殡仪馆 (BYG001, four submitted forms in the demo) signs in, returns one form
and approves another, merges three findings into a problem, plans a rectification item for
it, reports progress with an evidence file, asks for close-out, and publishes a new version
of the unit's public commitment; `zicha-cli` sees each result.
"""

import os

import zc_e2e

LEAD = 'BYG001'
UNIT = 'BYG'
PROBLEM = '殡葬服务窗口办事效率不高、群众等候时间长'
MEASURE = '推行殡葬服务“一窗受理、一次办结”，在大厅公示办理时限和监督电话'
PROGRESS = '已制定一窗受理工作规程并在服务大厅公示，正在培训窗口人员'
PLEDGE = '殡葬服务事项一次告知、一窗办结，办理时限在大厅公示，接受群众监督。'

# A PNG of one white pixel: the evidence file.
PNG = bytes.fromhex('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
                    '1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4d5'
                    '0000000049454e44ae426082')


def press(app, label, within=None):
    """Clicks the push button labelled @label: a button with a mnemonic is named after its
    label twice ("_Add Add"), so the name is compared without the underscore."""
    def matches():
        for node in app.find_all(role='push button', within=within):
            name = node.name or ''
            if name == label or name.replace('_', '') in (label, f'{label} {label}'):
                return node
        return None
    node = zc_e2e.wait_until(matches, what=f'the button “{label}”')
    zc_e2e.wait_until(lambda: node.sensitive, what=f'“{label}” to be sensitive')
    act(app, node)
    return node


def act(app, node):
    """Clicks @node: through its action, or with the pointer (a check box has no action in
    GTK 4.8)."""
    actions = node.actions
    for name in ('click', 'toggle', 'activate', 'press'):
        if name in actions:
            node.doActionNamed(name)
            return
    app.point_and_click(node)


def dialog(app):
    """The window on top of the main one (a dialog or a confirmation)."""
    def find():
        others = [w for w in app.windows() if w.name != 'Zicha']
        return others[-1] if others else None
    return zc_e2e.wait_until(find, what='a dialog')


def write(app, name, text, role='text', within=None):
    """Types @text into the field whose accessible name contains @name (an entry row is
    named after its label and its title)."""
    node = app.find(name, role=role, within=within, contains=True)
    return app.type(node, text)


class LeadTests(zc_e2e.TestCase):

    def setUp(self):
        super().setUp()
        # The database sits in a folder of its own: the file chooser opens in the home
        # folder, and a file chooser that looks into the database's folder reads the
        # database files, which drops SQLite's locks of the window's process (POSIX locks
        # go with any closed descriptor of the file) and lets zicha-cli remove the WAL.
        demo = self.session.make_demo()
        os.makedirs(self.session.path('campaign'))
        self.db = self.session.path(os.path.join('campaign', 'demo.db'))
        os.rename(demo, self.db)
        # Only the demo's lead of 社会救助处 has a passphrase; this lead sets one here.
        self.session.env['ZICHA_NEW_PASSPHRASE'] = zc_e2e.DEMO_PASSPHRASE
        self.session.cli(self.db, 'passphrase', 'set', as_=LEAD)
        del self.session.env['ZICHA_NEW_PASSPHRASE']

    def forms(self):
        return {f['staff code']: f['state'] for f in self.session.forms(self.db, unit=UNIT)}

    def ledger_rows(self):
        """`zicha-cli ledger list` of the unit as {measure: row}."""
        out = self.session.cli(self.db, 'ledger', 'list', '--unit', UNIT, as_=LEAD).stdout
        lines = out.splitlines()
        header = lines[0].split('\t')
        rows = [dict(zip(header, line.split('\t'))) for line in lines[1:] if line]
        return {row['measure']: row for row in rows}

    def ledger(self):
        """`zicha-cli ledger list` of the unit as {measure: state}."""
        return {measure: row['state'] for measure, row in self.ledger_rows().items()}

    def wait_for_state(self, measure, state):
        try:
            zc_e2e.wait_until(lambda: self.ledger().get(measure) == state,
                              what=f'the item in the state “{state}”')
        except AssertionError:
            print(self.session.cli(self.db, 'ledger', 'list', '--unit', UNIT, as_=LEAD).stdout)
            raise

    def test_from_forms_to_a_published_commitment(self):
        db = self.db
        forms_before = self.forms()
        submitted = sorted(code for code, state in forms_before.items() if state == 'Submitted')
        self.assertGreaterEqual(len(submitted), 2)
        stats_before = self.session.stats(db, unit=UNIT)

        app = self.session.start(db)
        app.sign_in(LEAD)

        # ---- review: return the first form waiting, approve the next ----
        app.click('Review Forms', role='list item')
        app.wait_for_label('forms waiting for review', contains=True)
        first = app.find('Comment on problem 1', role='text', contains=True)
        app.type(first, '请把具体事例写清楚：时间、地点、涉及的群众。')
        # The comment goes with the decision.
        press(app, 'Return…')
        app.wait_for_label('Return This Form?')
        write(app, 'What needs to change', '原因分析还不够深入，请对照岗位职责再查一查。')
        press(app, 'Return', within=dialog(app))
        zc_e2e.wait_until(lambda: 'Returned' in [self.forms()[c] for c in submitted],
                          what='the returned form')
        press(app, 'Approve…')
        app.wait_for_label('Approve This Form?')
        press(app, 'Approve', within=dialog(app))
        zc_e2e.wait_until(lambda: 'Approved' in [self.forms()[c] for c in submitted],
                          what='the approved form')

        forms = self.forms()
        changed = {code: forms[code] for code in submitted if forms[code] != 'Submitted'}
        self.assertEqual(sorted(changed.values()), ['Approved', 'Returned'])

        # ---- aggregation: three findings merged into one problem ----
        app.click('Problem List', role='list item')
        app.wait_for_label('not yet on the problem list', contains=True)
        boxes = [node for node in app.find_all(role='check box')
                 if 'Show findings' not in node.name]
        self.assertGreaterEqual(len(boxes), 3)
        for box in boxes[:3]:
            act(app, box)
        app.wait_for_label('3 findings selected')
        press(app, 'Merge…')
        write(app, 'Problem title', PROBLEM)
        press(app, 'Merge')
        zc_e2e.wait_until(lambda: self.session.stats(db, unit=UNIT)['problems'] ==
                          stats_before['problems'] + 1, what='the new problem')

        # ---- ledger: a measure for the new problem (the dialog proposes it) ----
        app.click('Rectification Ledger', role='list item')
        press(app, 'New Item…')
        # The dialog's window is not marked as showing on the bus: look from the top.
        write(app, 'Measure', MEASURE, within=app.node)
        press(app, 'Add', within=app.node)
        self.wait_for_state(MEASURE, 'Planned')

        # The new item's details open beside the ledger: progress with an evidence file.
        evidence = self.session.path('evidence-one-window.png')
        with open(evidence, 'wb') as f:
            f.write(PNG)
        app.wait_for_label(MEASURE)
        press(app, 'Report Progress…')
        percent = app.find('Percent done', role='spin button', within=app.node, contains=True)
        percent.queryValue().currentValue = 40.0
        write(app, 'What was done', PROGRESS, within=app.node)
        self.add_evidence(app, evidence)
        app.find(os.path.basename(evidence), within=app.node, contains=True)
        press(app, 'Report', within=app.node)
        self.wait_for_state(MEASURE, 'In progress')
        self.assertEqual(self.ledger_rows()[MEASURE]['progress'], '40%')

        press(app, 'Ask for Close-out…')
        app.wait_for_label('Ask for the Close-out', contains=True)
        press(app, 'Ask for Close-out', within=dialog(app))
        self.wait_for_state(MEASURE, 'Awaiting close-out')

        # ---- public commitment: a new version with one more pledge, published ----
        published_before = self.session.stats(db)['commitments_published']
        app.click('Public Commitment', role='list item')
        press(app, 'Amend…')
        press(app, 'Add Pledge')
        pledges = [node for node in app.find_all(role='text')
                   if node.name.startswith('Pledge ')]
        app.type(pledges[-1], PLEDGE)
        press(app, 'Publish…')
        app.wait_for_label('Publish the Commitment?')
        press(app, 'Publish', within=dialog(app))
        zc_e2e.wait_until(lambda: self.session.stats(db)['commitments_published'] ==
                          published_before + 1, what='the published commitment')
        app.close()

        letter = self.session.path('letter.pdf')
        self.session.cli(db, 'letter', '-o', letter, '--unit', UNIT)
        self.assertTrue(os.path.getsize(letter) > 0)

    def add_evidence(self, app, path):
        """Adds @path through the file chooser (the GTK one: no portal here)."""
        press(app, 'Add Files…')
        zc_e2e.wait_until(lambda: any(c.name == 'Choose Evidence Files' for c in app.node.children),
                          what='the file chooser')
        # Typing a path that starts with "/" opens the chooser's location field; Enter
        # chooses the file and attaches it. (Keys, not AT-SPI: the path is ASCII.)
        zc_e2e.time.sleep(1)
        zc_e2e.rawinput.typeText(path)
        zc_e2e.time.sleep(0.5)
        app.key('Return')
        zc_e2e.wait_until(lambda: not any(c.name == 'Choose Evidence Files'
                                          for c in app.node.children),
                          what='the file chooser to close')

if __name__ == '__main__':
    zc_e2e.main()
