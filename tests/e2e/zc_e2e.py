# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared helpers for the end-to-end tests: the real window, driven through the
accessibility tree (AT-SPI, with dogtail) as a person with a screen reader would.

A test script looks like this:

    import zc_e2e

    class LedgerTests(zc_e2e.TestCase):
        def test_report(self):
            db = self.session.make_demo(phase='rectification')
            app = self.session.start(db)
            app.sign_in(zc_e2e.DEMO_LEAD)
            app.click('Ledger', role='list item')
            ...
            self.assertEqual(self.session.stats(db)['items']['closed'], 109)

    if __name__ == '__main__':
        zc_e2e.main()

Every test gets a scratch Session (settings, data and cache folders of its own, kept
between the app's starts within the test, so "closing and reopening" is real). On
failure the screen is saved as a PNG beside the test log and its path is printed.

Which binaries: the build tree by default (ZICHA_BUILD_DIR, set by tests/e2e/meson.build),
in English. Translations load only from an installed tree: with ZICHA_E2E_PREFIX=<prefix>
(e.g. _install, made by `build-aux/dev build`) the installed zicha and zicha-cli run, and
Session(lang='zh_CN') is possible; a Chinese session without it skips.

Run one script by hand:
    xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \\
        env ZICHA_BUILD_DIR=_build-x /usr/bin/python3 tests/e2e/test_employee.py -v
Without a display the tests skip (exit 77); without a session bus the script re-runs
itself under dbus-run-session.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import warnings

SKIP = 77  # what meson counts as a skipped test

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get('ZICHA_SOURCE_DIR', os.path.dirname(os.path.dirname(HERE)))
BUILD_DIR = os.environ.get('ZICHA_BUILD_DIR', os.path.join(SOURCE_DIR, '_build'))
PREFIX = os.environ.get('ZICHA_E2E_PREFIX')

# The demo campaign's people (src/core/zc-demo.h).
DEMO_INSPECTOR = 'JJ001'
DEMO_LEADER = 'JL002'
DEMO_LEAD = 'SJ001'
DEMO_EMPLOYEE = 'SJ002'
DEMO_PASSPHRASE = 'zicha-demo'
# A member of 社会救助处 who has not started a form and has no passphrase yet.
DEMO_NEWCOMER = 'SJ005'

# "Today" for every run, so that phases, deadlines and lights do not move with the calendar.
TODAY = '2026-05-20'

# Seconds to wait for the window to show something before a test fails.
TIMEOUT = float(os.environ.get('ZICHA_E2E_TIMEOUT', '20'))


def _ensure_display_and_bus():
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        print('1..0 # SKIP no display (run under xvfb-run)')
        sys.exit(SKIP)
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS') and not os.environ.get('ZC_E2E_REEXEC'):
        os.environ['ZC_E2E_REEXEC'] = '1'
        os.execvp('dbus-run-session',
                  ['dbus-run-session', '--', sys.executable] + sys.argv)


_ensure_display_and_bus()

# pyatspi calls deprecated Atspi functions on every query.
warnings.filterwarnings('ignore', category=DeprecationWarning)

from dogtail import config as _dogtail_config  # noqa: E402

# Set before tree is imported: there is no desktop setting to check in a private session.
_dogtail_config.config.checkForA11y = False
_dogtail_config.config.logDebugToFile = False
_dogtail_config.config.logDebugToStdOut = False
_dogtail_config.config.searchShowingOnly = True
_dogtail_config.config.actionDelay = 0.1
_dogtail_config.config.typingDelay = 0.02
_dogtail_config.config.defaultDelay = 0.2

from dogtail import rawinput, tree  # noqa: E402


def binaries():
    """(zicha, zicha-cli, schema dir) of the installed tree or of the build tree."""
    if PREFIX:
        return (os.path.join(PREFIX, 'bin', 'zicha'),
                os.path.join(PREFIX, 'bin', 'zicha-cli'),
                os.path.join(PREFIX, 'share', 'glib-2.0', 'schemas'))
    return (os.path.join(BUILD_DIR, 'src', 'zicha'),
            os.path.join(BUILD_DIR, 'src', 'cli', 'zicha-cli'),
            os.path.join(BUILD_DIR, 'data'))


def wait_until(predicate, timeout=None, interval=0.2, what='the window'):
    """Calls @predicate until it returns something true; returns that, or fails."""
    deadline = time.monotonic() + (timeout or TIMEOUT)
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception as e:  # nodes vanish while the window changes
            last_error = e
        if time.monotonic() > deadline:
            detail = f' (last error: {last_error})' if last_error else ''
            raise AssertionError(f'timed out waiting for {what}{detail}')
        time.sleep(interval)


def _name(node):
    try:
        return node.name or ''
    except Exception:
        return ''


def _role(node):
    try:
        return node.roleName
    except Exception:
        return ''


def _on_screen(node):
    try:
        width, height = node.size
        return width > 0 and height > 0
    except Exception:
        return False


def _walk_on_screen(node):
    """The descendants of @node that are on screen, in tree order. Nodes of no size are
    not on screen, but their children are still looked at: some accessibles are not
    widgets (the pages of a GtkStack) and report no size of their own."""
    try:
        children = list(node.children)
    except Exception:
        return
    for child in children:
        if _on_screen(child):
            yield child
        yield from _walk_on_screen(child)


class Session:
    """A scratch user: data, settings and cache folders that live as long as the test."""

    def __init__(self, lang='en', today=TODAY):
        if lang not in ('en', 'C') and not PREFIX:
            raise unittest.SkipTest(f'{lang} needs the installed tree: set ZICHA_E2E_PREFIX')
        self.lang = lang
        self.dir = tempfile.mkdtemp(prefix='zicha-e2e-')
        self.zicha, self.zicha_cli, schemas = binaries()
        env = dict(os.environ)
        # The window must speak to the accessibility bus; the widget tests switch it off.
        for key in ('GTK_A11Y', 'NO_AT_BRIDGE', 'G_DEBUG', 'ZC_E2E_REEXEC'):
            env.pop(key, None)
        env.update({
            'HOME': self.dir,
            'XDG_DATA_HOME': os.path.join(self.dir, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.dir, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.dir, 'cache'),
            # Settings that survive a restart of the window within the test.
            'GSETTINGS_BACKEND': 'keyfile',
            'GSETTINGS_SCHEMA_DIR': schemas,
            'GDK_DEBUG': 'gl-disable',
            'ADW_DISABLE_PORTAL': '1',
            'LANG': 'C.UTF-8',
            'LANGUAGE': lang,
            'ZICHA_TODAY': today,
        })
        if PREFIX:
            env['XDG_DATA_DIRS'] = (os.path.join(PREFIX, 'share') + ':' +
                                    env.get('XDG_DATA_DIRS', '/usr/local/share:/usr/share'))
        self.env = env
        self.apps = []

    def path(self, name):
        return os.path.join(self.dir, name)

    def cli(self, db, *args, as_=None, check=True):
        """Runs zicha-cli on @db; returns the CompletedProcess (text)."""
        argv = [self.zicha_cli, '--db', db]
        if as_:
            argv += ['--as', as_]
        argv += list(args)
        proc = subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=300)
        if check and proc.returncode != 0:
            raise AssertionError(f'{" ".join(argv)} failed ({proc.returncode}): {proc.stderr}')
        return proc

    def stats(self, db, unit=None):
        """`zicha-cli stats --json` as a dict."""
        args = ['stats', '--json'] + (['--unit', unit] if unit else [])
        return json.loads(self.cli(db, *args).stdout)

    def forms(self, db, as_=DEMO_INSPECTOR, unit=None):
        """`zicha-cli forms list` as a list of dicts keyed by its header."""
        args = ['forms', 'list'] + (['--unit', unit] if unit else [])
        lines = self.cli(db, *args, as_=as_).stdout.splitlines()
        header = lines[0].split('\t')
        return [dict(zip(header, line.split('\t'))) for line in lines[1:] if line]

    def make_demo(self, name='demo.db', phase=None):
        """The bureau demo campaign (generated once per test run and copied); @phase
        (e.g. 'inspection') is set by the demo's inspector."""
        cache = os.path.join(BUILD_DIR, 'tests', 'e2e', f'demo-{TODAY}.db')
        if not os.path.exists(cache):
            os.makedirs(os.path.dirname(cache), exist_ok=True)
            tmp = cache + f'.{os.getpid()}.part'
            self.cli(tmp, 'demo')
            # A checkpoint, so that the copy is the whole database in one file.
            self.cli(tmp, 'stats')
            os.replace(tmp, cache)
            for suffix in ('-wal', '-shm'):
                if os.path.exists(tmp + suffix):
                    os.unlink(tmp + suffix)
        db = self.path(name)
        shutil.copyfile(cache, db)
        if phase:
            self.cli(db, 'phase', 'set', phase, as_=DEMO_INSPECTOR)
        return db

    def start(self, db=None, *args):
        """Starts the window (on @db) and waits until it is on screen."""
        app = App(self, [db] if db else [], list(args))
        self.apps.append(app)
        return app

    def close(self):
        for app in self.apps:
            app.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


class App:
    """One running window. Find widgets by accessible name and role, click, type."""

    def __init__(self, session, files, args):
        self.session = session
        self.log_path = session.path(f'zicha-{len(session.apps)}.log')
        self.log = open(self.log_path, 'w')
        argv = [session.zicha] + args + files
        self.proc = subprocess.Popen(argv, env=session.env, stdout=self.log,
                                     stderr=subprocess.STDOUT)
        self.node = wait_until(self._find_application, what='the application on the '
                               'accessibility bus')
        self.frame = wait_until(lambda: self._showing_frame('Zicha'),
                                what='the main window')

    def _find_application(self):
        if self.proc.poll() is not None:
            raise AssertionError(f'zicha exited with {self.proc.returncode}: {self.output()}')
        for app in tree.root.applications():
            try:
                if app.get_process_id() == self.proc.pid:
                    return app
            except Exception:
                continue
        return None

    def _showing_frame(self, name=None):
        for child in self.node.children:
            if _role(child) == 'frame' and _on_screen(child) and (name is None or
                                                                  _name(child) == name):
                return child
        return None

    def output(self):
        self.log.flush()
        with open(self.log_path, errors='replace') as f:
            return f.read()

    # ---- finding ---------------------------------------------------------------------

    def windows(self):
        """The top-level windows on screen (the main one and dialogs)."""
        return [c for c in self.node.children if _role(c) in ('frame', 'dialog', 'alert')
                and _on_screen(c)]

    def find_all(self, name=None, role=None, within=None, contains=False):
        """Every node on screen whose accessible name is (or contains) @name, with @role.
        GTK 4.8 reports no SHOWING state; what is not on screen (the hidden pages of a
        stack, a folded sidebar) has an empty size."""
        def matches(node):
            if role is not None and _role(node) != role:
                return False
            if name is not None:
                text = _name(node)
                if not (name in text if contains else text == name):
                    return False
            return True
        roots = [within] if within is not None else self.windows()
        found = []
        for root in roots:
            found += [n for n in _walk_on_screen(root) if matches(n)]
        return found

    def find(self, name=None, role=None, within=None, contains=False, timeout=None):
        """The first node on screen that matches, in the top-most window that has one
        (dialogs open after, and on top of, the main window); waits for it to appear."""
        def look():
            roots = [within] if within is not None else reversed(self.windows())
            for root in roots:
                found = self.find_all(name, role, root, contains)
                if found:
                    return found[0]
            return None
        return wait_until(look, timeout, what=f'{role or "node"} “{name}”')

    def has(self, name=None, role=None, within=None, contains=False):
        return bool(self.find_all(name, role, within, contains))

    def wait_for_label(self, text, contains=True, timeout=None):
        return self.find(text, role='label', contains=contains, timeout=timeout)

    def wait_gone(self, name=None, role=None, contains=False, timeout=None):
        wait_until(lambda: not self.find_all(name, role, contains=contains), timeout,
                   what=f'{role or "node"} “{name}” to go')

    def labels(self, within=None):
        """The texts of the labels on screen, top to bottom as the tree has them."""
        return [_name(n) for n in self.find_all(role='label', within=within)]

    def dump(self, within=None, file=None):
        """Prints the on-screen tree (role, accessible name, actions): what a test can
        find. Handy while writing one."""
        def walk(node, depth):
            for child in node.children:
                if not _on_screen(child):
                    walk(child, depth)
                    continue
                try:
                    actions = ','.join(child.actions.keys())
                except Exception:
                    actions = ''
                print(f'{"  " * depth}{_role(child)} “{_name(child)}” {actions}',
                      file=file or sys.stderr)
                walk(child, depth + 1)
        for root in [within] if within is not None else self.windows():
            print(f'{_role(root)} “{_name(root)}”', file=file or sys.stderr)
            walk(root, 1)

    # ---- acting ------------------------------------------------------------------------

    def click(self, name, role='push button', within=None, contains=False, timeout=None):
        """Activates a button (or a toggle, a list row…) by its accessible name."""
        node = self.find(name, role, within, contains, timeout)
        wait_until(lambda: node.sensitive, timeout, what=f'“{name}” to be sensitive')
        actions = node.actions
        for action in ('click', 'activate', 'press', 'toggle', 'select'):
            if action in actions:
                node.doActionNamed(action)
                return node
        # Rows of a list box have no action of their own (and GTK 4.8 cannot grab the
        # focus through AT-SPI): click them with the pointer, as a person would.
        self.point_and_click(node)
        return node

    def point_and_click(self, node, button=1):
        """Clicks the middle of @node with the pointer. Under Xvfb there is no window
        manager: every window sits at 0,0, so window coordinates are screen coordinates."""
        x, y = node.position
        width, height = node.size
        rawinput.click(x + width // 2, y + height // 2, button)

    def action(self, name):
        """Runs a window action (the frame exposes them: 'win.sign-out', 'window.close')."""
        frame = self._showing_frame() or self.frame
        frame.doActionNamed(name)

    def type(self, target, text, role='text', replace=True, within=None):
        """Puts @text into an entry or text view (@target: its accessible name or a node).
        Through the EditableText interface, so Chinese needs no input method; the widget
        sees the change as typing."""
        node = target if not isinstance(target, str) else self.find(target, role, within)
        editable = node.queryEditableText()
        if replace:
            editable.setTextContents(text)
        else:
            editable.insertText(2 ** 30, text, len(text.encode()))
        return node

    def choose(self, combo, option, within=None):
        """Picks @option (the text of an entry) in a combo box (an AdwComboRow or a
        GtkDropDown, found by a part of its accessible name), with the pointer and the
        keyboard as a person would: open the list, move to the entry, press Enter."""
        node = combo if not isinstance(combo, str) else self.find(combo, role='combo box',
                                                                   within=within, contains=True)
        self.point_and_click(node)

        def popup_entries():
            # The open list is the one whose items carry the labels of every entry.
            for lst in self.find_all(role='list', within=node):
                items = [i for i in lst.children if _role(i) == 'list item']
                texts = [next((_name(l) for l in _walk_on_screen(i) if _role(l) == 'label'), '')
                         for i in items]
                if len(items) > 1 and option in texts:
                    return texts
            return None
        texts = wait_until(popup_entries, what=f'the entries of “{_name(node)}”')
        # The open list starts on the entry chosen now (the first when none is).
        current = wait_until(lambda: next((_name(l) for l in _walk_on_screen(node)
                                           if _role(l) == 'label' and _name(l) in texts), None),
                             what='the current entry')
        steps = texts.index(option) - texts.index(current)
        for _ in range(abs(steps)):
            rawinput.pressKey('Down' if steps > 0 else 'Up')
        rawinput.pressKey('Return')
        wait_until(lambda: any(_name(l) == option for l in _walk_on_screen(node)
                               if _role(l) == 'label'), what=f'“{option}” to be chosen')
        return node

    def key(self, combo):
        """Presses a key or a combination, e.g. 'Return', '<Control>s', 'F10'."""
        if combo.startswith('<'):
            rawinput.keyCombo(combo)
        else:
            rawinput.pressKey(combo)

    # ---- the person ------------------------------------------------------------------

    def sign_in(self, staff_code, passphrase=DEMO_PASSPHRASE, new_passphrase=False):
        """Signs in on the sign-in page: searches for @staff_code and picks the person
        (unless the computer remembered them), then enters the passphrase (twice, when
        @new_passphrase: the first sign-in sets it). Waits until the home page shows."""
        # The list of people, or the passphrase of the person this computer remembers.
        wait_until(lambda: self.find_all('Search people', role='entry') or
                   self.find_all('Someone Else', role='push button'),
                   what='the sign-in page')
        if self.find_all('Someone Else', role='push button'):
            if not self.find_all(staff_code, role='label', contains=True):
                self.click('Someone Else')
                self._pick_person(staff_code)
        else:
            self._pick_person(staff_code)
        if new_passphrase:
            self.type('New passphrase', passphrase, role='text')
            self.type('Repeat the passphrase', passphrase, role='text')
            self.click('Set Passphrase and Sign In')
        else:
            self.type('Passphrase', passphrase, role='text')
            self.click('Sign In')
        self.find('Home', role='list item', timeout=max(TIMEOUT, 30))

    def _pick_person(self, staff_code):
        self.type('Search people', staff_code, role='entry')
        # The list follows the search a moment later; pick the row once it has.
        wait_until(lambda: (lambda rows: rows and all(staff_code in _name(r) for r in rows))(
            self.find_all(role='list item', within=self.find('People', role='list'))),
            what=f'the people list to show {staff_code}')
        self.click(staff_code, role='list item', contains=True)

    def sign_out(self):
        self.action('win.sign-out')
        self.find('Search people', role='entry')

    # ---- ending ------------------------------------------------------------------------

    def close(self, timeout=None):
        """Closes the window as a person would (the window's close action) and waits for
        the process to end."""
        frame = self._showing_frame('Zicha') or self.frame
        try:
            frame.doActionNamed('window.close')
        except Exception:
            pass  # the window may go before it answers; what counts is that the process ends
        try:
            self.proc.wait(timeout or TIMEOUT)
        except subprocess.TimeoutExpired:
            raise AssertionError('the window did not close')

    def crash(self):
        """Ends the process the hard way, as a power cut would."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def problems(self):
        """CRITICAL lines the window printed (a failed assertion in GLib, GTK or Zicha)."""
        return [line for line in self.output().splitlines() if 'CRITICAL' in line]


def screenshot(path):
    """The whole virtual screen as a PNG (needs ImageMagick's import)."""
    if shutil.which('import') is None:
        return None
    subprocess.run(['import', '-window', 'root', path], capture_output=True, timeout=30)
    return path if os.path.exists(path) else None


class TestCase(unittest.TestCase):
    """A Session per test; a screenshot when a test fails; no CRITICAL from the window."""

    lang = 'en'

    def setUp(self):
        self.session = Session(lang=self.lang)
        self.addCleanup(self.session.close)

    def _callTestMethod(self, method):
        try:
            method()
        except BaseException:
            shots = os.path.join(BUILD_DIR, 'meson-logs', 'e2e-screenshots')
            os.makedirs(shots, exist_ok=True)
            path = screenshot(os.path.join(shots, f'{self.id()}.png'))
            if path:
                print(f'\nscreenshot of the failure: {path}', file=sys.stderr)
            for app in self.session.apps:
                print(f'\n--- output of the window ({app.log_path}) ---\n{app.output()}',
                      file=sys.stderr)
            raise
        for app in self.session.apps:
            problems = app.problems()
            self.assertEqual(problems, [], 'the window reported critical problems')


def main():
    unittest.main(verbosity=2)
