-- SPDX-License-Identifier: GPL-3.0-or-later
-- The reference of stats_unit: what `zicha-cli stats --unit CODE --json` prints, in SQL alone, for the
-- sqlite3 shell. Parameters: @today (YYYY-MM-DD), @unit (the unit's id). The light of an item is written out as SQL
-- (zc_light_compute and zc_light_next_review of src/core/zc-light.c), since the shell has no
-- zc_light() function.
WITH
  it AS (
    SELECT state, term_type, start_date, progress,
           CASE WHEN term_type = 'ongoing' AND review_dates IS NOT NULL THEN coalesce (
             (SELECT v FROM (SELECT trim (value) AS v, key AS k FROM json_each (
                '["' || replace (review_dates, ',', '","') || '"]'))
              WHERE date (v) IS v AND v >= @today ORDER BY k LIMIT 1),
             (SELECT v FROM (SELECT trim (value) AS v, key AS k FROM json_each (
                '["' || replace (review_dates, ',', '","') || '"]'))
              WHERE date (v) IS v ORDER BY k DESC LIMIT 1),
             deadline) ELSE deadline END AS d
    FROM item WHERE unit_id = @unit),
  lit AS (
    SELECT state, CASE
      WHEN state = 'closed' THEN 'green'
      WHEN d IS NULL OR date (d) IS NOT d THEN 'none'
      WHEN d < @today THEN 'red'
      WHEN state = 'awaiting_closeout' THEN 'green'
      WHEN julianday (d) - julianday (@today) <= (SELECT warning_days FROM campaign) THEN 'yellow'
      WHEN term_type <> 'ongoing' AND date (start_date) IS start_date
           AND julianday (d) > julianday (start_date) AND julianday (@today) > julianday (start_date)
           AND progress + 10 < 100.0 * (julianday (@today) - julianday (start_date))
                                      / (julianday (d) - julianday (start_date)) THEN 'yellow'
      ELSE 'green' END AS light
    FROM it),
  forms AS (SELECT f.state AS s, count(*) AS n FROM form f JOIN person p ON p.id = f.person_id WHERE p.unit_id = @unit GROUP BY f.state),
  items AS (SELECT state AS s, count(*) AS n FROM lit GROUP BY state),
  lights AS (SELECT light AS s, count(*) AS n FROM lit GROUP BY light),
  people AS (SELECT count(*) AS n FROM person WHERE unit_id = @unit)
SELECT json_object (
  'people', (SELECT n FROM people),
  'units', 1,
  'forms', json_object (
    'draft', coalesce ((SELECT n FROM forms WHERE s = 'draft'), 0),
    'submitted', coalesce ((SELECT n FROM forms WHERE s = 'submitted'), 0),
    'returned', coalesce ((SELECT n FROM forms WHERE s = 'returned'), 0),
    'approved', coalesce ((SELECT n FROM forms WHERE s = 'approved'), 0),
    'not_started', (SELECT n FROM people) - coalesce ((SELECT sum (n) FROM forms
      WHERE s IN ('draft', 'submitted', 'returned', 'approved')), 0)),
  'findings', (SELECT count(*) FROM finding fi LEFT JOIN form f ON f.id = fi.form_id
               WHERE fi.unit_id = @unit AND (fi.source <> 'self' OR f.state <> 'draft')),
  'problems', (SELECT count(*) FROM problem WHERE unit_id = @unit),
  'items', json_object (
    'planned', coalesce ((SELECT n FROM items WHERE s = 'planned'), 0),
    'in_progress', coalesce ((SELECT n FROM items WHERE s = 'in_progress'), 0),
    'awaiting_closeout', coalesce ((SELECT n FROM items WHERE s = 'awaiting_closeout'), 0),
    'closed', coalesce ((SELECT n FROM items WHERE s = 'closed'), 0)),
  'lights', json_object (
    'red', coalesce ((SELECT n FROM lights WHERE s = 'red'), 0),
    'yellow', coalesce ((SELECT n FROM lights WHERE s = 'yellow'), 0),
    'green', coalesce ((SELECT n FROM lights WHERE s = 'green'), 0)),
  'commitments_published', (SELECT count(*) FROM commitment WHERE unit_id = @unit AND state = 'published'),
  'orders_open', (SELECT count(*) FROM supervision_order WHERE unit_id = @unit AND state <> 'concluded'));
