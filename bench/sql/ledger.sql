-- SPDX-License-Identifier: GPL-3.0-or-later
-- The reference of ledger_csv: the columns of `zicha-cli ledger export --format csv` (one row
-- per rectification item, and one per problem still waiting for its measures, in the same
-- order), written by the sqlite3 shell in its csv mode. Parameters: @today (YYYY-MM-DD).
-- The words (立行立改, 整改中, 红灯 …) and the light are written out as SQL.
.headers on
.mode csv
WITH
  category (code, zh) AS (VALUES ('thinking', '思想观念'), ('style', '工作作风'),
    ('efficiency', '效率效能'), ('service', '服务态度'), ('ability', '能力本领'),
    ('discipline', '纪律规矩'), ('integrity', '廉洁自律'), ('unity', '团结协作'),
    ('initiative', '担当作为')),
  rows AS (
    SELECT pu.position AS pos, pr.unit_id AS unit, pr.number AS pnum, pr.id AS pid,
           i.number AS inum, i.id AS iid, pr.title, pr.description,
           coalesce (le.label, (SELECT zh FROM category WHERE code = le.code), le.code) AS cat,
           i.measure, i.term_type, i.deadline, i.deadline_text, i.state, i.state_text,
           i.progress, i.progress_text, i.start_date,
           coalesce (l.name, i.leader_text) AS leader, coalesce (i.unit_text, u.name) AS unit_name,
           coalesce (pe.name, i.person_text) AS person,
           CASE WHEN i.term_type = 'ongoing' AND i.review_dates IS NOT NULL THEN coalesce (
             (SELECT v FROM (SELECT trim (value) AS v, key AS k FROM json_each (
                '["' || replace (i.review_dates, ',', '","') || '"]'))
              WHERE date (v) IS v AND v >= @today ORDER BY k LIMIT 1),
             (SELECT v FROM (SELECT trim (value) AS v, key AS k FROM json_each (
                '["' || replace (i.review_dates, ',', '","') || '"]'))
              WHERE date (v) IS v ORDER BY k DESC LIMIT 1),
             i.deadline) ELSE i.deadline END AS d
    FROM problem pr JOIN unit pu ON pu.id = pr.unit_id
    LEFT JOIN item i ON i.problem_id = pr.id
    LEFT JOIN unit u ON u.id = i.unit_id
    LEFT JOIN person l ON l.id = i.leader_id
    LEFT JOIN person pe ON pe.id = i.person_id
    LEFT JOIN list_entry le ON le.id = pr.category_id)
SELECT
  CASE WHEN iid IS NOT NULL THEN inum END AS "序号",
  CASE WHEN description IS NOT NULL AND title LIKE '%…' THEN description ELSE title END
    AS "问题描述",
  cat AS "问题类别",
  measure AS "整改措施",
  CASE term_type WHEN 'immediate' THEN '立行立改' WHEN 'deadline' THEN '限期整改'
    WHEN 'ongoing' THEN '长期坚持' ELSE '' END AS "整改类型",
  leader AS "责任领导", unit_name AS "责任单位", person AS "责任人",
  coalesce (deadline, deadline_text, CASE term_type WHEN 'immediate' THEN '立行立改'
    WHEN 'ongoing' THEN '长期坚持' END) AS "整改时限",
  progress_text AS "整改进展",
  coalesce (state_text, CASE state WHEN 'in_progress' THEN '整改中'
    WHEN 'awaiting_closeout' THEN '已完成' WHEN 'closed' THEN '已销号'
    WHEN 'planned' THEN '未开始' END) AS "完成情况",
  CASE
    WHEN iid IS NULL THEN ''
    WHEN state = 'closed' THEN '绿灯'
    WHEN d IS NULL OR date (d) IS NOT d THEN ''
    WHEN d < @today THEN '红灯'
    WHEN state = 'awaiting_closeout' THEN '绿灯'
    WHEN julianday (d) - julianday (@today) <= (SELECT warning_days FROM campaign) THEN '黄灯'
    WHEN term_type <> 'ongoing' AND date (start_date) IS start_date
         AND julianday (d) > julianday (start_date) AND julianday (@today) > julianday (start_date)
         AND progress + 10 < 100.0 * (julianday (@today) - julianday (start_date))
                                    / (julianday (d) - julianday (start_date)) THEN '黄灯'
    ELSE '绿灯' END AS "红黄绿灯"
FROM rows
ORDER BY pos, unit, pnum, pid, inum, iid;
