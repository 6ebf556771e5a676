#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The inspector's way through the window (issue 6), through the accessibility tree.

The demo's inspector signs in, imports a roster whose third row names a unit that does not
exist (the preview names the row and nothing can be imported), issues a supervision order
on a red item from the dashboard, closes out one item of the close-out queue with a note
and rejects the next with a reason; `zicha-cli` sees each result.
"""

import zc_e2e

# The header is row 1: the bad row is row 3.
ROSTER = ('staff_code,name,unit_code,post,roles,focus_post\n'
          'SJ901,测试甲,SJ,科员,employee,0\n'
          'SJ902,测试乙,NOWHERE,科员,employee,0\n'
          'SJ903,测试丙,SJ,科员,employee,1\n')

ORDER = '该事项已逾期，请于一周内说明原因并报送整改计划。'
NOTE = '现场核查整改台账和佐证材料，制度已印发执行，整改到位。'
REASON = '佐证材料不全，缺少整改前后的对比照片，请补充后再申请销号。'


def measure_of(row):
    """The measure of an item row: its accessible name reads "measure. No. 3 · unit …"."""
    return zc_e2e._name(row).split('. No. ')[0]


def unit_of(row):
    """The unit of an item row ("… No. 3 · 社会救助处 · …")."""
    return zc_e2e._name(row).split('. No. ')[1].split(' · ')[1]


def top_level(app, name):
    """A window of the application by its title. GTK 4.8 exposes the file chooser and an
    AdwWindow as fillers, which App.windows() leaves out."""
    return zc_e2e.wait_until(lambda: next((c for c in app.node.children
                                           if zc_e2e._name(c) == name and zc_e2e._on_screen(c)),
                                          None),
                             what=f'the window “{name}”')


class InspectorTests(zc_e2e.TestCase):

    def unit_codes(self, db):
        lines = self.session.cli(db, 'units', 'list').stdout.splitlines()
        return {line.split('\t')[1]: line.split('\t')[0] for line in lines[1:] if line}

    def ledger(self, db, state):
        """The measures of the items in @state, from `zicha-cli ledger list`."""
        lines = self.session.cli(db, 'ledger', 'list', '--state', state,
                                 as_=zc_e2e.DEMO_INSPECTOR).stdout.splitlines()
        return [line.split('\t')[-1] for line in lines[1:] if line]

    def wait_for_stats(self, db, predicate):
        """Waits until `zicha-cli stats --json` satisfies @predicate (what the window did is
        written a moment after the click)."""
        zc_e2e.wait_until(lambda: predicate(self.session.stats(db)), what='zicha-cli stats')

    def test_roster_order_closeout(self):
        db = self.session.make_demo()
        roster = self.session.path('roster.csv')
        with open(roster, 'w', encoding='utf-8') as f:
            f.write(ROSTER)
        before = self.session.stats(db)

        app = self.session.start(db)
        app.sign_in(zc_e2e.DEMO_INSPECTOR)

        # -- A roster with a bad row: the preview names the row, nothing can be imported.
        app.click('Campaign Set-up', role='list item')
        app.click('3. People', role='list item')
        app.click('Choose People CSV…')
        chooser = top_level(app, 'Choose the People CSV')
        app.key('<Control>l')
        app.type(app.find('GtkFileChooserEntry', role='text', within=chooser), roster)
        app.click('Check', contains=True, within=chooser)
        app.wait_for_label('People from “roster.csv”')
        app.wait_for_label('Rows that cannot be imported: 1')
        app.find('Cannot be imported: Row 3: ', role='list item', contains=True)
        app.wait_for_label('NOWHERE')
        self.assertFalse(app.find('Import 3 Rows', contains=True).sensitive)
        self.assertEqual(self.session.stats(db)['people'], before['people'])

        # -- An order on a red item: the dashboard's red number opens the overdue items.
        app.click('Dashboard', role='list item')
        app.click('Overdue (red): ', contains=True, timeout=60)
        app.wait_for_label('Overdue items')
        rows = zc_e2e.wait_until(
            lambda: [r for r in app.find_all(role='list item', contains=True, name='. Red')
                     if ' days overdue' in zc_e2e._name(r)],
            what='the overdue items')
        red = rows[0]
        unit = unit_of(red)
        code = self.unit_codes(db)[unit]
        unit_before = self.session.stats(db, unit=code)
        app.click(zc_e2e._name(red), role='list item')
        dialog = zc_e2e.wait_until(lambda: app.windows()[-1] if len(app.windows()) > 1 else None,
                                   what='the item')
        app.click('Issue Order', contains=True, within=dialog)
        order_dialog = top_level(app, 'New Supervision Order')
        app.type(app.find('Reason', role='text', within=order_dialog), ORDER)
        app.click('Issue', contains=True, within=order_dialog)
        # The order is written when the dialog goes (a refusal would keep it open).
        zc_e2e.wait_until(lambda: not zc_e2e._on_screen(order_dialog), what='the order dialog')
        after = self.session.stats(db)
        self.assertEqual(after['orders_open'], before['orders_open'] + 1)
        self.assertEqual(self.session.stats(db, unit=code)['orders_open'],
                         unit_before['orders_open'] + 1)

        # -- Close out the first item of the queue, reject the next.
        app.click('Close-out', role='list item')
        queue = zc_e2e.wait_until(
            lambda: [r for r in app.find_all(role='list item', contains=True, name='. No. ')
                     if ' · ' in zc_e2e._name(r)],
            what='the close-out queue')
        first, second = measure_of(queue[0]), measure_of(queue[1])
        app.click(zc_e2e._name(queue[0]), role='list item')
        app.type(app.find('Verification note', role='text'), NOTE)
        app.click('Close Out…', contains=True)
        app.wait_for_label(f'Close Out No.', contains=True)
        app.click('Close Out', contains=True, within=app.windows()[-1])
        self.wait_for_stats(db, lambda s: s['items']['closed'] == before['items']['closed'] + 1)

        # The next item is shown: send it back to the unit with the reason.
        app.wait_for_label(second)
        app.click('Reject…', contains=True)
        app.wait_for_label('Reject the Close-out of', contains=True)
        rejection = app.windows()[-1]
        app.type(app.find('Reason for the rejection', role='text', within=rejection), REASON)
        app.click('Reject', contains=True, within=rejection)
        self.wait_for_stats(db, lambda s: s['items']['in_progress'] ==
                            before['items']['in_progress'] + 1)
        app.close()

        after = self.session.stats(db)
        self.assertEqual(after['items']['awaiting_closeout'],
                         before['items']['awaiting_closeout'] - 2)
        self.assertEqual(after['items']['closed'], before['items']['closed'] + 1)
        self.assertEqual(after['items']['in_progress'], before['items']['in_progress'] + 1)
        self.assertIn(first, self.ledger(db, 'closed'))
        self.assertIn(second, self.ledger(db, 'in_progress'))
        self.assertNotIn(second, self.ledger(db, 'awaiting_closeout'))


if __name__ == '__main__':
    zc_e2e.main()
