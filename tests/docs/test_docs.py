#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The documents Zicha hands on, checked the way their readers see them.

Usage: test_docs.py ZICHA_CLI [TestClass[.test_name] ...]

The demo campaign is exported with zicha-cli, then:
- every XLSX is read back by LibreOffice headless into one CSV per sheet and compared cell by
  cell with the ledger's CSV export, the summary with the campaign's figures;
- every PDF is checked with poppler: A4 on every page, the page count, the fonts embedded,
  and the Chinese text there and in order (pdftotext);
- the notice page parses as HTML (strictly: every element closed and nested) and as XML,
  and loads nothing from outside.

A check whose tool is missing is skipped, with the Debian package to install.
Set ZICHA_CITY_DB to a city-scale demo database (zicha-cli demo --scale city) to time the
city's ledger export too.
"""

import csv
import glob
import html.parser
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET
from fractions import Fraction

CLI = None  # set from argv in main

# "Today" for every run, so that deadlines and lights do not move with the calendar.
TODAY = '2026-11-20'
INSPECTOR = 'JJ001'
LEAD = 'SJ001'

LEDGER_COLUMNS = ['序号', '问题描述', '问题类别', '整改措施', '整改类型', '责任领导', '责任单位',
                  '责任人', '整改时限', '整改进展', '完成情况', '红黄绿灯', '佐证材料']
SUMMARY_COLUMNS = ['序号', '单位', '问题数', '整改事项', '未开始', '整改中', '已完成待销号',
                   '已销号', '销号率', '红灯', '黄灯', '绿灯']
# The default categories of DOMAIN.md: the ledger writes them in Chinese in every locale.
CATEGORIES = {'思想观念', '工作作风', '效率效能', '服务态度', '能力本领', '纪律规矩', '廉洁自律',
              '团结协作', '担当作为'}
STATE_WORDS = ['未开始', '整改中', '已完成', '已销号']
LIGHT_WORDS = ['红灯', '黄灯', '绿灯']

# LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1, cells as shown
# (token 9: dates and percentages as the reader sees them), every sheet (token 12: -1, one
# file per sheet, LibreOffice 7.2 and later).
LO_CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'


def need(program, package):
    if shutil.which(program) is None:
        raise unittest.SkipTest('%s is not installed (Debian package %s)' % (program, package))


def squeeze(text):
    """Text without white space: pdftotext breaks lines where the layout did."""
    return re.sub(r'\s+', '', text)


def env():
    e = dict(os.environ)
    e['ZICHA_TODAY'] = TODAY
    e['LANG'] = 'C.UTF-8'
    e.pop('LANGUAGE', None)
    return e


def zicha(db, *args, as_code=INSPECTOR):
    cmd = [CLI, '--db', db]
    if as_code:
        cmd += ['--as', as_code]
    cmd += list(args)
    r = subprocess.run(cmd, capture_output=True, text=True, env=env())
    if r.returncode != 0:
        raise AssertionError('%s failed (%d): %s' % (' '.join(cmd), r.returncode, r.stderr))
    return r.stdout


class Demo:
    """One demo campaign per test class: it takes a few seconds to make."""

    dir = None
    db = None

    @classmethod
    def make(cls):
        if cls.db is None:
            cls.dir = tempfile.mkdtemp(prefix='zicha-docs-')
            cls.db = os.path.join(cls.dir, 'demo.db')
            zicha(cls.db, 'demo', '--seed', '7', as_code=None)
        return cls.db

    @classmethod
    def clean(cls):
        if cls.dir:
            shutil.rmtree(cls.dir, ignore_errors=True)
        cls.dir = cls.db = None


def sql(db, query, *args):
    con = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


def units_in_order(db):
    """(id, code, name) of every unit, parents before children, by position."""
    rows = sql(db, 'SELECT id, code, name, parent_id, position FROM unit')
    children = {}
    for r in rows:
        children.setdefault(r[3], []).append(r)
    out = []

    def walk(parent):
        for r in sorted(children.get(parent, []), key=lambda r: (r[4], r[0])):
            out.append((r[0], r[1], r[2]))
            walk(r[0])
    walk(None)
    return out


def read_back(paths, outdir):
    """LibreOffice's reading of each workbook: {path: {sheet name: [rows]}}."""
    need('soffice', 'libreoffice-calc-nogui')
    home = tempfile.mkdtemp(prefix='zicha-lo-')
    try:
        e = dict(os.environ)
        e['HOME'] = home
        subprocess.run(['soffice', '-env:UserInstallation=file://' + home + '/profile',
                        '--headless', '--norestore', '--convert-to', LO_CSV, '--outdir', outdir]
                       + list(paths), check=True, capture_output=True, env=e, timeout=600)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    books = {}
    for path in paths:
        stem = os.path.splitext(os.path.basename(path))[0]
        sheets = {}
        for f in glob.glob(os.path.join(outdir, glob.escape(stem) + '-*.csv')):
            name = os.path.basename(f)[len(stem) + 1:-len('.csv')]
            with open(f, encoding='utf-8', newline='') as fh:
                sheets[name] = list(csv.reader(fh))
        books[path] = sheets
    return books


def percent(part, whole):
    """What a spreadsheet shows for part/whole in the format 0.0% (halves away from zero)."""
    if whole == 0:
        return '0.0%'
    tenths = (Fraction(part * 1000, whole) + Fraction(1, 2)).__floor__()
    return '%d.%d%%' % (tenths // 10, tenths % 10)


def read_csv(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.reader(f))


class DocsTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Demo.make()
        cls.out = tempfile.mkdtemp(prefix='zicha-docs-out-')

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.out, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.out, name)


class XlsxTests(DocsTestCase):
    def test_ledger_as_libreoffice_reads_it(self):
        xlsx = self.path('台账.xlsx')
        lead_xlsx = self.path('lead.xlsx')
        ledger_csv = self.path('ledger.csv')
        zicha(self.db, 'ledger', 'export', '--format', 'xlsx', '-o', xlsx)
        zicha(self.db, 'ledger', 'export', '--format', 'xlsx', '-o', lead_xlsx, as_code=LEAD)
        zicha(self.db, 'ledger', 'export', '--format', 'csv', '-o', ledger_csv)
        with open(xlsx, 'rb') as f:
            self.assertEqual(f.read(2), b'PK')
        self.assertEqual([f for f in os.listdir(self.out) if f.startswith('.')], [])

        books = read_back([xlsx, lead_xlsx], os.path.join(self.out, 'lo'))
        sheets = books[xlsx]
        units = units_in_order(self.db)
        with_rows = {r[0] for r in sql(self.db, 'SELECT DISTINCT unit_id FROM problem')}
        names = [n for (i, c, n) in units if i in with_rows]
        self.assertEqual(set(sheets), {'汇总'} | set(names))

        # The unit sheets in tree order are the CSV export, cell by cell, plus 佐证材料.
        expected = read_csv(ledger_csv)
        self.assertEqual(expected[0], LEDGER_COLUMNS[:12])
        got = []
        campaign = sql(self.db, 'SELECT title FROM campaign')[0][0]
        for name in names:
            rows = sheets[name]
            self.assertEqual(rows[0][0], name + '问题整改台账')
            self.assertEqual(rows[0][1:], [''] * 12)
            self.assertEqual(rows[1][0], '专项活动：%s　　填报单位：%s　　导出日期：2026年11月20日'
                             % (campaign, name))
            self.assertEqual(rows[2], LEDGER_COLUMNS)
            for row in rows[3:]:
                self.assertEqual(len(row), 13)
                got.append(row)
        self.assertEqual(len(got), len(expected) - 1)
        evidence = 0
        for i, (g, e) in enumerate(zip(got, expected[1:])):
            for c in range(12):
                if c == 2 and e[c]:
                    # The CSV follows the interface language; the workbook is Chinese always.
                    self.assertIn(g[c], CATEGORIES, 'row %d' % (i + 1))
                else:
                    self.assertEqual(g[c], e[c], 'row %d, %s' % (i + 1, LEDGER_COLUMNS[c]))
            if g[12]:
                evidence += 1
        self.assertGreater(evidence, 0)

        # The summary: every unit in tree order; its formulas' values are the sheets' counts
        # and, in total, the campaign's figures.
        summary = sheets['汇总']
        self.assertEqual(summary[0][0], campaign + '整改台账汇总表')
        self.assertEqual(summary[1][0], '导出日期：2026年11月20日')
        self.assertEqual(summary[2], SUMMARY_COLUMNS)
        body = summary[3:-1]
        self.assertEqual([r[1] for r in body], [n for (i, c, n) in units])
        self.assertEqual([r[0] for r in body], [str(k + 1) for k in range(len(units))])
        for r in body:
            rows = sheets.get(r[1], [[], [], []])[3:]
            items = [x for x in rows if x[0]]
            self.assertEqual(int(r[3]), len(items), r[1])
            for k, word in enumerate(STATE_WORDS):
                self.assertEqual(int(r[4 + k]), sum(1 for x in items if x[10] == word), r[1])
            for k, word in enumerate(LIGHT_WORDS):
                self.assertEqual(int(r[9 + k]), sum(1 for x in items if x[11] == word), r[1])
            self.assertEqual(r[8], percent(int(r[7]), len(items)), r[1])
        total = summary[-1]
        self.assertEqual(total[1], '合计')
        stats = json.loads(zicha(self.db, 'stats', '--json'))
        self.assertEqual([int(x) for x in total[4:8]],
                         [stats['items'][k] for k in ('planned', 'in_progress',
                                                      'awaiting_closeout', 'closed')])
        self.assertEqual([int(x) for x in total[9:12]],
                         [stats['lights'][k] for k in ('red', 'yellow', 'green')])
        self.assertEqual(int(total[3]), sum(stats['items'].values()))
        self.assertEqual(int(total[2]), stats['problems'])

        # A lead's workbook holds the own unit only.
        lead_sheets = books[lead_xlsx]
        self.assertEqual(set(lead_sheets), {'汇总', '社会救助处'})
        self.assertEqual([r[1] for r in lead_sheets['汇总'][3:]], ['社会救助处', '合计'])

    def test_refusals(self):
        out = self.path('refused.xlsx')
        r = subprocess.run([CLI, '--db', self.db, '--as', LEAD, 'ledger', 'export', '--format',
                            'xlsx', '--unit', 'YL', '-o', out], capture_output=True, text=True,
                           env=env())
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1)
        self.assertFalse(os.path.exists(out))
        r = subprocess.run([CLI, '--db', self.db, '--as', LEAD, 'ledger', 'export', '--format',
                            'ods', '-o', out], capture_output=True, text=True, env=env())
        self.assertEqual(r.returncode, 2)


def pdfinfo(path):
    need('pdfinfo', 'poppler-utils')
    info = subprocess.run(['pdfinfo', '-f', '1', '-l', '100000', path], capture_output=True,
                          text=True, check=True).stdout
    pages = int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))
    sizes = re.findall(r'^Page\s+\d+ size:\s+(.*)$', info, re.M)
    return pages, sizes


def pdftext(path):
    """The text as laid out on the page: a chart's labels and a table's rows in order."""
    need('pdftotext', 'poppler-utils')
    return subprocess.run(['pdftotext', '-layout', '-enc', 'UTF-8', path, '-'],
                          capture_output=True, text=True, check=True).stdout


def assert_in_order(test, text, needles):
    at = 0
    for needle in needles:
        found = text.find(squeeze(needle), at)
        test.assertGreaterEqual(found, 0, '“%s” is missing or out of order' % needle)
        at = found + len(squeeze(needle))


class PdfTests(DocsTestCase):
    def check_a4(self, path, min_pages):
        pages, sizes = pdfinfo(path)
        self.assertGreaterEqual(pages, min_pages)
        self.assertEqual(len(sizes), pages)
        for s in sizes:
            self.assertEqual(s, '595.276 x 841.89 pts (A4)')
        need('pdffonts', 'poppler-utils')
        fonts = subprocess.run(['pdffonts', path], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        self.assertTrue(fonts)
        for line in fonts:
            # name type encoding emb sub uni: every font embedded, with a Unicode map.
            self.assertRegex(line, r'\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$', line)
        return pages

    def test_report(self):
        path = self.path('report.pdf')
        zicha(self.db, 'report', '--format', 'pdf', '-o', path)
        pages = self.check_a4(path, 4)
        text = squeeze(pdftext(path))
        stats = json.loads(zicha(self.db, 'stats', '--json'))
        units = [n for (i, c, n) in units_in_order(self.db)]
        assert_in_order(self, text, [
            '整改落实情况报告', '一、总体情况', '干部职工', str(stats['people']),
            '截至2026年11月20日，全局共有干部职工%d人' % stats['people'],
            '二、整改进展', '（一）各单位整改事项状态'] + units + [
            '（二）各单位红黄绿灯'] + units + [
            # Names may wrap in a table's cell: their beginnings are in order.
            '三、各单位考核情况'] + [n[:4] for n in units] + [
            '四、逾期事项（红灯）清单', '共%d项' % stats['lights']['red'],
            '五、在办督办事项', '六、公开承诺情况'])
        for k in range(1, pages + 1):
            self.assertIn('第%d页共%d页' % (k, pages), text)

        # The overdue list is the red items, those overdue the longest first (at most 100
        # in a report on the whole campaign).
        overdue = zicha(self.db, 'ledger', 'list', '--light', 'red').splitlines()[1:]
        self.assertEqual(len(overdue), stats['lights']['red'])
        self.assertLessEqual(len(overdue), 100)
        section = text[text.find('四、逾期事项'):text.find('五、在办督办事项')]
        for line in overdue:
            self.assertIn(line.split('\t')[6][:12], section)
        deadlines = re.findall(r'\d{4}-\d{2}-\d{2}', section)
        self.assertEqual(len(deadlines), len(overdue))
        self.assertEqual(deadlines, sorted(deadlines))

    def test_unit_report(self):
        path = self.path('report-sj.pdf')
        zicha(self.db, 'report', '--unit', 'SJ', '-o', path, as_code=LEAD)
        self.check_a4(path, 1)
        text = squeeze(pdftext(path))
        stats = json.loads(zicha(self.db, 'stats', '--unit', 'SJ', '--json', as_code=LEAD))
        assert_in_order(self, text, [
            '社会救助处', '整改落实情况报告', '一、总体情况',
            '截至2026年11月20日，社会救助处共有干部职工%d人' % stats['people'],
            '（一）各问题类别整改事项状态', '三、考核情况', '社会救助处', '四、逾期事项'])
        # The whole campaign is for inspectors.
        r = subprocess.run([CLI, '--db', self.db, '--as', LEAD, 'report', '-o',
                            self.path('refused.pdf')], capture_output=True, text=True, env=env())
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(self.path('refused.pdf')))

    def test_letters(self):
        path = self.path('letters.pdf')
        zicha(self.db, 'letter', '-o', path, as_code=None)
        # Each unit's current published commitment, in the units' order.
        current = {}
        for cid, unit_id, version in sql(self.db, "SELECT id, unit_id, version FROM commitment "
                                                  "WHERE state = 'published'"):
            if unit_id not in current or version > current[unit_id][1]:
                current[unit_id] = (cid, version)
        order = [(i, n) for (i, c, n) in units_in_order(self.db) if i in current]
        pages = self.check_a4(path, len(order))
        text = squeeze(pdftext(path))
        needles = []
        for unit_id, name in order:
            cid = current[unit_id][0]
            title, signature = sql(self.db, 'SELECT title, signature FROM commitment WHERE id = ?',
                                   cid)[0]
            needles.append(title)
            for (pledge,) in sql(self.db, 'SELECT text FROM pledge WHERE commitment_id = ? '
                                          'ORDER BY position', cid):
                needles.append(pledge)
            needles += ['承诺单位', name, signature.split()[-1]]
        assert_in_order(self, text, needles)
        self.assertIn('—1—', text)

        # One unit's letter: an amended commitment says which version it is.
        one = self.path('letter-sj.pdf')
        zicha(self.db, 'letter', '--unit', 'SJ', '-o', one, as_code=None)
        self.check_a4(one, 1)
        version = sql(self.db, "SELECT max(version) FROM commitment c JOIN unit u ON "
                               "u.id = c.unit_id WHERE u.code = 'SJ' AND state = 'published'")[0][0]
        if version > 1:
            self.assertIn('（第%d版）' % version, squeeze(pdftext(one)))


class StrictHTML(html.parser.HTMLParser):
    """Every element closed in order (void elements excepted); collects ids, links, text."""

    VOID = {'meta', 'br', 'hr', 'img', 'input', 'link', 'wbr', 'col', 'area', 'base',
            'source', 'track', 'embed'}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.ids = set()
        self.links = []
        self.tags = set()
        self.lang = None
        self.viewport = False
        self.light_counts = {}
        self.unit = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        if tag == 'html':
            self.lang = a.get('lang')
        if tag == 'meta' and a.get('name') == 'viewport':
            self.viewport = 'width=device-width' in a.get('content', '')
        if 'id' in a:
            if a['id'] in self.ids:
                self.errors.append('duplicate id %s' % a['id'])
            self.ids.add(a['id'])
            if a['id'].startswith('u'):
                self.unit = a['id']
        for k in ('href', 'src', 'action', 'data', 'poster', 'srcset'):
            if k in a:
                self.links.append((k, a[k]))
        if tag == 'span' and (a.get('class') or '').startswith('light '):
            key = (self.unit, a['class'].split()[1])
            self.light_counts[key] = self.light_counts.get(key, 0) + 1
        if tag not in self.VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        if tag not in self.VOID:
            self.errors.append('<%s/> is not a void element' % tag)
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.VOID:
            self.errors.append('</%s> closes a void element' % tag)
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append('</%s> at %s closes %s' % (tag, self.getpos(),
                                                         self.stack[-1] if self.stack else None))
            return
        self.stack.pop()


class NoticeTests(DocsTestCase):
    def test_notice_page(self):
        path = self.path('notice.html')
        zicha(self.db, 'notice', '-o', path)
        with open(path, encoding='utf-8') as f:
            data = f.read()
        self.assertTrue(data.startswith('<!DOCTYPE html>\n'))

        parser = StrictHTML()
        parser.feed(data)
        parser.close()
        self.assertEqual(parser.errors, [])
        self.assertEqual(parser.stack, [])
        self.assertEqual(parser.lang, 'zh-CN')
        self.assertTrue(parser.viewport)
        self.assertFalse(parser.tags & {'script', 'img', 'link', 'iframe', 'object', 'embed'})
        for kind, url in parser.links:
            self.assertEqual(kind, 'href')
            self.assertTrue(url.startswith(('#', 'tel:', 'mailto:')), url)
            if url.startswith('#'):
                self.assertIn(url[1:], parser.ids)
        self.assertNotIn('url(', data)
        self.assertNotIn('@import', data)

        # Also well-formed XML: any parser reads it the same.
        ET.fromstring(data[data.index('<html'):])

        # Every unit, its items with their lights as the ledger has them.
        units = units_in_order(self.db)
        for unit_id, code, name in units:
            self.assertIn('id="u-%s"' % code, data)
            stats = json.loads(zicha(self.db, 'stats', '--unit', code, '--json'))
            for light in ('red', 'yellow', 'green'):
                self.assertEqual(parser.light_counts.get(('u-' + code, light), 0),
                                 stats['lights'][light], '%s %s' % (name, light))

        # The published commitments with their pledges; drafts never.
        for title, state in sql(self.db, 'SELECT title, state FROM commitment'):
            if state == 'published':
                self.assertIn(title, data)
        for (text,) in sql(self.db, "SELECT p.text FROM pledge p JOIN commitment c ON "
                                    "c.id = p.commitment_id WHERE c.state = 'published'"):
            self.assertIn(text.replace('&', '&amp;').replace('<', '&lt;')
                          .replace('>', '&gt;').replace('"', '&quot;')
                          .replace("'", '&apos;'), data)
        drafts = sql(self.db, "SELECT c.title FROM commitment c WHERE c.state = 'draft' AND "
                              "NOT EXISTS (SELECT 1 FROM commitment p WHERE p.state = "
                              "'published' AND p.title = c.title)")
        for (title,) in drafts:
            self.assertNotIn(title, data)


class CityTests(unittest.TestCase):
    """The city's ledger in seconds (needs ZICHA_CITY_DB: making the city takes minutes)."""

    def test_city_ledger_in_seconds(self):
        db = os.environ.get('ZICHA_CITY_DB')
        if not db:
            raise unittest.SkipTest('set ZICHA_CITY_DB to a `zicha-cli demo --scale city` '
                                    'database to time the city')
        out = tempfile.mkdtemp(prefix='zicha-city-')
        try:
            xlsx = os.path.join(out, 'city.xlsx')
            start = time.monotonic()
            zicha(db, 'ledger', 'export', '--format', 'xlsx', '-o', xlsx)
            took = time.monotonic() - start
            print('city ledger: %.2f s, %d bytes' % (took, os.path.getsize(xlsx)))
            self.assertLess(took, 10)
            stats = json.loads(zicha(db, 'stats', '--json'))
            self.assertGreaterEqual(sum(stats['items'].values()), 20000)
            summary = read_back([xlsx], os.path.join(out, 'lo'))[xlsx]['汇总']
            total = summary[-1]
            self.assertEqual(int(total[3]), sum(stats['items'].values()))
            self.assertEqual([int(x) for x in total[9:12]],
                             [stats['lights'][k] for k in ('red', 'yellow', 'green')])

            # The campaign report names the 100 items overdue the longest, not all of them.
            report = os.path.join(out, 'city.pdf')
            zicha(db, 'report', '--format', 'pdf', '-o', report)
            text = squeeze(pdftext(report))
            self.assertGreater(stats['lights']['red'], 100)
            self.assertIn('共%d项，下表列出逾期最久的100项' % stats['lights']['red'], text)
            section = text[text.find('四、逾期事项'):text.find('五、在办督办事项')]
            deadlines = re.findall(r'\d{4}-\d{2}-\d{2}', section)
            self.assertEqual(len(deadlines), 100)
            self.assertEqual(deadlines, sorted(deadlines))
        finally:
            shutil.rmtree(out, ignore_errors=True)


def main():
    global CLI
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    CLI = os.path.abspath(sys.argv[1])
    try:
        result = unittest.main(argv=[sys.argv[0]] + sys.argv[2:], verbosity=2,
                               exit=False).result
    finally:
        Demo.clean()
    if not result.wasSuccessful():
        sys.exit(1)
    # Everything skipped (a tool missing): say so to meson, which shows SKIP.
    if result.testsRun > 0 and len(result.skipped) == result.testsRun:
        sys.exit(77)


if __name__ == '__main__':
    main()
