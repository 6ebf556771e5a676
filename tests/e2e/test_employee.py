#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The employee's way through the window (issue 4), through the accessibility tree.

A member of 社会救助处 who has never signed in sets a passphrase, writes a problem through
the steps of the method, closes the window mid-way, opens it again and finds the draft
intact, finishes the form, submits it, and `zicha-cli` sees it submitted.
"""

import zc_e2e

PASSPHRASE = 'mein-eigenes-kennwort'

PHENOMENON = '群众来窗口咨询低保政策时，我多次以“不归我们管”为由推脱，没有告诉对方该找哪个部门。'
EXAMPLE = '今年三月，一位老人为临时救助跑了三趟，我每次只说材料不全，没有一次性告知缺哪些材料。'
GAP = '服务标准要求一次性告知全部所需材料，我却分两三次告知，让群众多跑了路。'
CAUSE = '宗旨意识淡薄，把窗口当成收表格的柜台，而不是为群众服务的地方。'
MEASURE = '从下周起，第一次接待时就给申请人一份书面的缺件清单，并留下联系电话。'


class EmployeeTests(zc_e2e.TestCase):

    def test_self_inspection_survives_a_closed_window(self):
        db = self.session.make_demo(phase='inspection')
        before = self.session.stats(db)['forms']

        # First sign-in: the newcomer sets a passphrase, then lands on the home page.
        app = self.session.start(db)
        app.sign_in(zc_e2e.DEMO_NEWCOMER, PASSPHRASE, new_passphrase=True)
        app.wait_for_label('Not started')
        app.click('Start')

        # 1 摆现象: category, phenomenon and a concrete example.
        app.find('List Problems', role='label')
        app.choose('Problem 1: category', 'Service attitude')
        app.type('Problem 1: phenomenon', PHENOMENON)
        app.type('Problem 1: concrete example', EXAMPLE)
        app.find('Draft saved', role='status bar')

        # 2 找差距: the benchmark and the gap; the window closes right after the typing,
        # before the pause that saves a draft: closing saves it.
        app.click('Step 2: Measure the Gap')
        app.find('Measure the Gap', role='label')
        app.choose('Problem 1: benchmark', 'Post duties')
        app.type('Problem 1: gap', GAP)
        app.close()

        # The computer remembers who uses it: the passphrase is asked right away.
        app = self.session.start(db)
        app.sign_in(zc_e2e.DEMO_NEWCOMER, PASSPHRASE)
        app.wait_for_label('Draft')
        app.click('Continue')

        # Everything typed before the window closed is there, as the reviewer will read it.
        app.click('Step 5: Review and Submit')
        for text in (PHENOMENON, EXAMPLE, GAP):
            app.wait_for_label(text)
        app.wait_for_label('Problem 1: a cause is missing')

        # 3 查原因: one cause with its dimension.
        app.click('Step 3: Find Causes')
        app.click('Problem 1: add a cause', contains=True)
        app.choose('Cause 1: dimension', 'Sense of purpose')
        app.type('Cause 1: why the gap exists', CAUSE)

        # 4 定措施: the measure and its term type.
        app.click('Step 4: Propose Measures')
        app.type('Problem 1: measure', MEASURE)
        app.choose('Problem 1: term type', 'Immediate')

        # 5 审阅提交: complete, confirmed, submitted.
        app.click('Step 5: Review and Submit')
        app.wait_for_label('Every problem has its phenomenon, gap, cause and measure')
        app.wait_for_label(CAUSE)
        app.wait_for_label(MEASURE)
        app.click('Submit for Review…')
        # The confirmation (an AdwMessageDialog): its buttons are named after their
        # mnemonic labels.
        app.wait_for_label('Submit Your Self-Inspection Form?')
        app.click('Submit', contains=True, within=app.windows()[-1])
        app.wait_for_label('Your self-inspection form was submitted for review')
        app.wait_for_label('You submitted this form', contains=True)
        app.close()

        after = self.session.stats(db)['forms']
        self.assertEqual(after['submitted'], before['submitted'] + 1)
        self.assertEqual(after['not_started'], before['not_started'] - 1)
        forms = {f['staff code']: f for f in self.session.forms(db, unit='SJ')}
        self.assertEqual(forms[zc_e2e.DEMO_NEWCOMER]['state'], 'Submitted')
        self.assertEqual(forms[zc_e2e.DEMO_NEWCOMER]['findings'], '1')


if __name__ == '__main__':
    zc_e2e.main()
