#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window starts on a demo campaign, is found on the accessibility bus, and closes."""

import zc_e2e


class SmokeTests(zc_e2e.TestCase):
    def test_start_and_close(self):
        db = self.session.make_demo()
        app = self.session.start(db)
        app.wait_for_label('临江市民政局')
        stats = self.session.stats(db)
        self.assertEqual(stats['people'], 200)
        app.close()


if __name__ == '__main__':
    zc_e2e.main()
