/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The documents people hand on: the ledger as XLSX (read back by LibreOffice when it is
 * installed, cell by cell), the letter and the report as PDF, the notice page as HTML; with
 * their permissions, progress, cancellation and atomic writing.
 */

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "zc-csv.h"
#include "zc-ledger-csv.h"
#include "zc-notice.h"
#include "zc-pdf.h"
#include "zc-test-util.h"
#include "zc-xlsx.h"

#define NASTY "<b>“引号”</b> & 'x' =SUM(A1)"

/* ---- a small ledger ------------------------------------------------------------------- */

typedef struct
{
  ZcItem *sj_a;    /* red by 2026-03-25, with evidence */
  ZcItem *sj_b;    /* nasty text, ongoing without review dates: no light */
  ZcItem *yl;      /* green */
} Ledger;

static void
ledger_clear (Ledger *l)
{
  g_clear_object (&l->sj_a);
  g_clear_object (&l->sj_b);
  g_clear_object (&l->yl);
}

static void
make_ledger (ZcFixture *fx,
             Ledger    *l)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcProgress) progress = NULL;
  g_autoptr(ZcCommitment) letter = zc_commitment_new ();
  g_autofree char *evidence = zc_fixture_write (fx, "整改情况说明.txt", "已完成。");
  const char *evidence_paths[] = { evidence, NULL };
  const char *pledges[] = { "群众咨询一次性告知。", "承诺 " NASTY, NULL };

  l->sj_a = zc_fixture_item (fx, fx->sj_lead, fx->sj_emp, "2026-03-20");
  l->sj_b = zc_item_new ();
  zc_item_set_problem_id (l->sj_b, zc_item_get_problem_id (l->sj_a));
  zc_item_set_measure (l->sj_b, "长期坚持 " NASTY);
  zc_item_set_term_type (l->sj_b, ZC_TERM_TYPE_ONGOING);
  g_assert_true (zc_store_save_item (fx->store, fx->sj_lead, l->sj_b, &error));
  g_assert_no_error (error);
  l->yl = zc_fixture_item (fx, fx->yl_lead, fx->yl_emp, "2026-12-31");

  progress = zc_store_report_progress (fx->store, fx->sj_emp, l->sj_a, 40, "正在制作清单",
                                       evidence_paths, &error);
  g_assert_no_error (error);

  zc_commitment_set_title (letter, "社会救助处公开承诺书");
  zc_commitment_set_opening (letter, "针对查摆出的问题，现郑重承诺如下：");
  zc_commitment_set_closing (letter, "以上承诺，恳请监督。");
  zc_commitment_set_contact_phone (letter, "0571-12345678");
  zc_commitment_set_contact_email (letter, "jiandu@example.org");
  g_assert_true (zc_store_save_commitment (fx->store, fx->sj_lead, letter, &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_set_pledges (fx->store, fx->sj_lead, letter, pledges, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_publish_commitment (fx->store, fx->sj_lead, letter, &error));
  g_assert_no_error (error);

  /* Item A is now past its deadline. */
  zc_store_set_today (fx->store, "2026-03-25");
}

/* ---- helpers ----------------------------------------------------------------------------- */

typedef struct
{
  GArray       *fractions;
  GCancellable *cancel_at_start;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  g_array_append_val (p->fractions, fraction);
  if (p->cancel_at_start != NULL)
    g_cancellable_cancel (p->cancel_at_start);
}

static void
assert_progress_sane (Progress *p)
{
  g_assert_cmpuint (p->fractions->len, >=, 2);
  g_assert_cmpfloat (g_array_index (p->fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (p->fractions, double, p->fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < p->fractions->len; i++)
    g_assert_cmpfloat (g_array_index (p->fractions, double, i), >=,
                       g_array_index (p->fractions, double, i - 1));
}

/* The names in @dir, sorted. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  {
    g_auto(GStrv) strv = (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);

    return g_strjoinv (" ", strv);
  }
}

/* No half-written file (.NAME.XXXXXX) is left beside the output. */
static void
assert_no_temp_files (const char *dir)
{
  g_autofree char *names = list_dir (dir);
  g_auto(GStrv) parts = g_strsplit (names, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (parts[i], "."));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, &error));
  g_assert_no_error (error);
  return data;
}

/* ---- LibreOffice read-back ---------------------------------------------------------------- */

typedef struct
{
  char      *name;
  GPtrArray *rows;   /* GStrv */
} Sheet;

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->name);
  g_ptr_array_unref (sheet->rows);
  g_free (sheet);
}

static GStrv
row_strv (GPtrArray *cells)
{
  GStrv strv = g_new0 (char *, cells->len + 1);

  for (guint i = 0; i < cells->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (cells, i));
  return strv;
}

/* Converts @path with LibreOffice into one CSV per sheet and reads them: sheet name → Sheet.
 * NULL when LibreOffice is not installed (the test says so and checks less). */
static GHashTable *
read_back_xlsx (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_url = NULL;
  g_autofree char *out = NULL;
  g_autofree char *base = NULL;
  g_autofree char *stem = NULL;
  g_auto(GStrv) env = NULL;
  g_autoptr(GDir) d = NULL;
  GHashTable *sheets;
  const char *name;
  int status;

  if (soffice == NULL)
    {
      g_test_message ("soffice is not installed: %s is not read back", path);
      return NULL;
    }
  dir = g_dir_make_tmp ("zicha-lo-XXXXXX", &error);
  g_assert_no_error (error);
  profile = g_build_filename (dir, "profile", NULL);
  out = g_build_filename (dir, "out", NULL);
  profile_url = g_filename_to_uri (profile, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *env_arg = g_strconcat ("-env:UserInstallation=", profile_url, NULL);
    /* Every sheet (-1), as shown, UTF-8 (76), comma and double quote. */
    const char *argv[] = {
      soffice, env_arg, "--headless", "--norestore", "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
      "--outdir", out, path, NULL
    };

    env = g_get_environ ();
    env = g_environ_setenv (env, "HOME", dir, TRUE);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL |
                                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                                 &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }

  base = g_path_get_basename (path);
  stem = g_strndup (base, strlen (base) - strlen (".xlsx"));
  sheets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, sheet_free);
  d = g_dir_open (out, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (out, name, NULL);
      g_autoptr(ZcCsv) csv = NULL;
      Sheet *sheet;

      if (!g_str_has_prefix (name, stem) || !g_str_has_suffix (name, ".csv"))
        continue;
      csv = zc_csv_parse_file (file, 64 * 1024 * 1024, &error);
      g_assert_no_error (error);
      sheet = g_new0 (Sheet, 1);
      sheet->name = g_strndup (name + strlen (stem) + 1,
                               strlen (name) - strlen (stem) - 1 - strlen (".csv"));
      sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_ptr_array_add (sheet->rows, row_strv (csv->header));
      for (guint i = 0; i < csv->rows->len; i++)
        g_ptr_array_add (sheet->rows,
                         row_strv (((ZcCsvRow *) g_ptr_array_index (csv->rows, i))->cells));
      g_hash_table_insert (sheets, sheet->name, sheet);
      g_unlink (file);
    }
  g_rmdir (out);
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);

    g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  }
  return sheets;
}

static const char *
cell (Sheet *sheet,
      guint  row,
      guint  col)
{
  GStrv cells;

  g_assert_cmpuint (row, <, sheet->rows->len);
  cells = g_ptr_array_index (sheet->rows, row);
  return col < g_strv_length (cells) ? cells[col] : "";
}

static Sheet *
get_sheet (GHashTable *sheets,
           const char *name)
{
  Sheet *sheet = g_hash_table_lookup (sheets, name);

  if (sheet == NULL)
    g_error ("no sheet ‘%s’ in the workbook", name);
  return sheet;
}

/* ---- sheet names ------------------------------------------------------------------------- */

static void
test_sheet_names (void)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *summary = zc_xlsx_sheet_name ("汇总", taken);
  g_autofree char *clash = zc_xlsx_sheet_name ("汇总", taken);
  g_autofree char *forbidden = zc_xlsx_sheet_name ("办公室/信访科[窗口]: *?\\", taken);
  g_autofree char *quotes = zc_xlsx_sheet_name ("'机关党委'", taken);
  g_autofree char *empty = zc_xlsx_sheet_name ("  ", taken);
  g_autofree char *ascii1 = zc_xlsx_sheet_name ("Office", taken);
  g_autofree char *ascii2 = zc_xlsx_sheet_name ("OFFICE", taken);
  g_autofree char *history = zc_xlsx_sheet_name ("history", taken);
  g_autofree char *control = zc_xlsx_sheet_name ("第一\n窗口", taken);
  const char *long_name = "临江市民政局基层政权建设和社区治理处城乡社区服务与治理科室第一小组";
  g_autofree char *long1 = zc_xlsx_sheet_name (long_name, taken);
  g_autofree char *long2 = zc_xlsx_sheet_name (long_name, taken);
  g_autofree char *long3 = zc_xlsx_sheet_name (long_name, taken);
  g_autofree char *wide = zc_xlsx_sheet_name ("𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀", taken);

  g_assert_cmpstr (summary, ==, "汇总");
  g_assert_cmpstr (clash, ==, "汇总 (2)");
  g_assert_cmpstr (forbidden, ==, "办公室／信访科［窗口］： ＊？＼");
  g_assert_cmpstr (quotes, ==, "机关党委");
  g_assert_cmpstr (empty, ==, "单位");
  g_assert_cmpstr (ascii1, ==, "Office");
  g_assert_cmpstr (ascii2, ==, "OFFICE (2)");
  g_assert_cmpstr (history, ==, "history (1)");
  g_assert_cmpstr (control, ==, "第一 窗口");
  g_assert_cmpint (g_utf8_strlen (long1, -1), ==, 31);
  g_assert_true (g_str_has_prefix (long_name, long1));
  g_assert_cmpint (g_utf8_strlen (long2, -1), ==, 31);
  g_assert_true (g_str_has_suffix (long2, " (2)"));
  g_assert_true (g_str_has_suffix (long3, " (3)"));
  g_assert_cmpstr (long2, !=, long3);
  /* Characters outside the BMP count twice, as in Excel: 15 of them fill 30 units. */
  g_assert_cmpint (g_utf8_strlen (wide, -1), ==, 15);
}

/* ---- the ledger as XLSX ---------------------------------------------------------------- */

static void
test_xlsx_ledger (ZcFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) sheets = NULL;
  g_autoptr(GHashTable) lead_sheets = NULL;
  g_autoptr(ZcCsv) csv = NULL;
  g_autofree char *out_dir = g_build_filename (fx->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "台账.xlsx", NULL);
  g_autofree char *lead_path = g_build_filename (out_dir, "lead.xlsx", NULL);
  g_autofree char *csv_path = g_build_filename (fx->dir, "ledger.csv", NULL);
  g_autofree char *head = NULL;
  Progress p = { g_array_new (FALSE, FALSE, sizeof (double)), NULL };
  Ledger l = { NULL, };
  const char * const *columns = zc_xlsx_ledger_columns ();
  Sheet *summary, *sj, *yl;
  ZcStats stats;

  make_ledger (fx, &l);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (zc_xlsx_export_ledger (fx->store, fx->inspector, 0, path, NULL, on_progress, &p,
                                        &error));
  g_assert_no_error (error);
  assert_progress_sane (&p);
  assert_no_temp_files (out_dir);
  head = read_file (path);
  g_assert_true (g_str_has_prefix (head, "PK"));

  /* A lead reads only the own unit. */
  g_assert_true (zc_xlsx_export_ledger (fx->store, fx->sj_lead, 0, lead_path, NULL, NULL, NULL,
                                        &error));
  g_assert_no_error (error);

  /* Refused: another unit's ledger; nothing is written. */
  {
    g_autofree char *refused = g_build_filename (out_dir, "refused.xlsx", NULL);

    g_assert_false (zc_xlsx_export_ledger (fx->store, fx->sj_lead, fx->yl, refused, NULL, NULL,
                                           NULL, &error));
    g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
    assert_no_temp_files (out_dir);
  }

  sheets = read_back_xlsx (path);
  lead_sheets = read_back_xlsx (lead_path);
  if (sheets == NULL)
    {
      g_test_skip ("LibreOffice is not installed: the cells were not read back");
      g_array_unref (p.fractions);
      ledger_clear (&l);
      return;
    }

  /* The summary first: every readable unit in tree order, counts as formulas' values. */
  g_assert_cmpuint (g_hash_table_size (sheets), ==, 3);
  summary = get_sheet (sheets, "汇总");
  g_assert_cmpstr (cell (summary, 0, 0), ==, "2026年作风效能建设专项活动整改台账汇总表");
  g_assert_cmpstr (cell (summary, 1, 0), ==, "导出日期：2026年3月25日");
  g_assert_cmpstr (cell (summary, 2, 0), ==, "序号");
  g_assert_cmpstr (cell (summary, 2, 1), ==, "单位");
  g_assert_cmpstr (cell (summary, 2, 8), ==, "销号率");
  g_assert_cmpstr (cell (summary, 2, 9), ==, "红灯");
  {
    /* 序号 单位 问题数 整改事项 未开始 整改中 已完成待销号 已销号 销号率 红灯 黄灯 绿灯 */
    const char *expected[][12] = {
      { "1", "临江市民政局", "0", "0", "0", "0", "0", "0", "0.0%", "0", "0", "0" },
      { "2", "社会救助处", "1", "2", "1", "1", "0", "0", "0.0%", "1", "0", "0" },
      { "3", "养老服务处", "1", "1", "1", "0", "0", "0", "0.0%", "0", "0", "1" },
      { "4", "婚姻登记窗口", "0", "0", "0", "0", "0", "0", "0.0%", "0", "0", "0" },
      { "5", "办公室", "0", "0", "0", "0", "0", "0", "0.0%", "0", "0", "0" },
      { "", "合计", "2", "3", "2", "1", "0", "0", "0.0%", "1", "0", "1" },
    };

    g_assert_cmpuint (summary->rows->len, ==, 3 + G_N_ELEMENTS (expected));
    for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
      for (guint c = 0; c < 12; c++)
        g_assert_cmpstr (cell (summary, 3 + r, c), ==, expected[r][c]);
  }
  g_assert_true (zc_store_get_stats (fx->store, fx->inspector, 0, &stats, &error));
  g_assert_cmpuint (stats.lights[ZC_LIGHT_RED], ==, 1);
  g_assert_cmpuint (stats.items[ZC_ITEM_STATE_PLANNED], ==, 2);

  /* The unit sheets: title, the line under it, the header, then the rows. */
  sj = get_sheet (sheets, "社会救助处");
  g_assert_cmpstr (cell (sj, 0, 0), ==, "社会救助处问题整改台账");
  g_assert_true (g_str_has_prefix (cell (sj, 1, 0), "专项活动：2026年作风效能建设专项活动"));
  for (guint c = 0; columns[c] != NULL; c++)
    g_assert_cmpstr (cell (sj, 2, c), ==, columns[c]);
  g_assert_cmpuint (sj->rows->len, ==, 5);
  g_assert_cmpstr (cell (sj, 3, 0), ==, "1");
  g_assert_cmpstr (cell (sj, 3, 1), ==, "窗口服务态度生硬");
  g_assert_cmpstr (cell (sj, 3, 3), ==, "制定一次性告知清单并上墙公示");
  g_assert_cmpstr (cell (sj, 3, 4), ==, "限期整改");
  g_assert_cmpstr (cell (sj, 3, 6), ==, "社会救助处");
  g_assert_cmpstr (cell (sj, 3, 7), ==, "张伟");
  g_assert_cmpstr (cell (sj, 3, 8), ==, "2026-03-20");
  g_assert_cmpstr (cell (sj, 3, 9), ==, "正在制作清单");
  g_assert_cmpstr (cell (sj, 3, 10), ==, "整改中");
  g_assert_cmpstr (cell (sj, 3, 11), ==, "红灯");
  g_assert_cmpstr (cell (sj, 3, 12), ==, "整改情况说明.txt");
  /* Text that looks like markup or a formula stays text. */
  g_assert_cmpstr (cell (sj, 4, 3), ==, "长期坚持 " NASTY);
  g_assert_cmpstr (cell (sj, 4, 4), ==, "长期坚持");
  g_assert_cmpstr (cell (sj, 4, 8), ==, "长期坚持");
  g_assert_cmpstr (cell (sj, 4, 10), ==, "未开始");
  yl = get_sheet (sheets, "养老服务处");
  g_assert_cmpuint (yl->rows->len, ==, 4);
  g_assert_cmpstr (cell (yl, 3, 8), ==, "2026-12-31");
  g_assert_cmpstr (cell (yl, 3, 11), ==, "绿灯");

  /* The same cells as the CSV export (which has no 佐证材料 column), row by row. */
  g_assert_true (zc_store_export_ledger_csv (fx->store, fx->inspector, 0, csv_path, &error));
  g_assert_no_error (error);
  csv = zc_csv_parse_file (csv_path, 1024 * 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (csv->header->len, ==, 12);
  for (guint c = 0; c < csv->header->len; c++)
    g_assert_cmpstr (g_ptr_array_index (csv->header, c), ==, columns[c]);
  g_assert_cmpuint (csv->rows->len, ==, 3);
  for (guint r = 0; r < csv->rows->len; r++)
    {
      ZcCsvRow *row = g_ptr_array_index (csv->rows, r);
      Sheet *sheet = r < 2 ? sj : yl;
      guint sheet_row = 3 + (r < 2 ? r : 0);

      for (guint c = 0; c < 12; c++)
        g_assert_cmpstr (cell (sheet, sheet_row, c), ==, zc_csv_cell (row, c));
    }

  /* The lead's workbook: the summary and the own unit only. */
  g_assert_cmpuint (g_hash_table_size (lead_sheets), ==, 2);
  summary = get_sheet (lead_sheets, "汇总");
  g_assert_cmpuint (summary->rows->len, ==, 5);
  g_assert_cmpstr (cell (summary, 3, 1), ==, "社会救助处");
  g_assert_cmpstr (cell (summary, 4, 1), ==, "合计");
  g_assert_cmpstr (cell (summary, 4, 3), ==, "2");
  get_sheet (lead_sheets, "社会救助处");

  g_array_unref (p.fractions);
  ledger_clear (&l);
}

static void
test_xlsx_cancel (ZcFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out_dir = g_build_filename (fx->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "ledger.xlsx", NULL);
  g_autofree char *report = g_build_filename (out_dir, "report.pdf", NULL);
  g_autofree char *letters = g_build_filename (out_dir, "letters.pdf", NULL);
  g_autofree char *notice = g_build_filename (out_dir, "notice.html", NULL);
  g_autofree char *listing = NULL;
  Progress p = { g_array_new (FALSE, FALSE, sizeof (double)), cancellable };
  Ledger l = { NULL, };

  make_ledger (fx, &l);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);

  /* Cancelled as soon as it starts (from the progress callback, as a window would). */
  g_assert_false (zc_xlsx_export_ledger (fx->store, fx->inspector, 0, path, cancellable,
                                         on_progress, &p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  g_assert_false (zc_pdf_export_report (fx->store, fx->inspector, 0, report, cancellable,
                                        on_progress, &p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  g_assert_false (zc_pdf_export_letters (fx->store, fx->inspector, 0, 0, letters, cancellable,
                                         on_progress, &p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  g_assert_false (zc_notice_export (fx->store, fx->inspector, notice, cancellable, on_progress,
                                    &p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Nothing written, nothing half-written. */
  listing = list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "");

  /* An existing file stays as it was when an export is refused. */
  g_assert_true (g_file_set_contents (path, "before", -1, NULL));
  g_assert_false (zc_xlsx_export_ledger (fx->store, fx->sj_emp, fx->yl, path, NULL, NULL, NULL,
                                         &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);
  {
    g_autofree char *contents = read_file (path);

    g_assert_cmpstr (contents, ==, "before");
  }
  g_unlink (path);

  /* A folder that does not exist: an I/O error naming the file. */
  {
    g_autofree char *missing = g_build_filename (fx->dir, "no-such-dir", "ledger.xlsx", NULL);

    g_assert_false (zc_xlsx_export_ledger (fx->store, fx->inspector, 0, missing, NULL, NULL,
                                           NULL, &error));
    g_assert_error (error, ZC_ERROR, ZC_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "ledger.xlsx"));
    g_clear_error (&error);
  }

  g_array_unref (p.fractions);
  ledger_clear (&l);
}

/* ---- PDF ---------------------------------------------------------------------------------- */

static ZcCommitment *
letter_with (guint  n_pledges,
             guint  pledge_chars,
             GListStore **pledges)
{
  ZcCommitment *c = zc_commitment_new ();
  GString *text = g_string_new (NULL);

  zc_commitment_set_title (c, "临江市民政局基层政权建设和社区治理处主要负责人作风建设公开承诺书");
  zc_commitment_set_opening (c, "为深入贯彻落实全市作风效能建设大会精神，现郑重承诺如下：");
  zc_commitment_set_closing (c, "以上承诺，恳请全体干部职工和社会各界监督。");
  zc_commitment_set_contact_phone (c, "0712-82615110");
  zc_commitment_set_signature (c, "基层政权建设和社区治理处处长 郭嘉");
  zc_commitment_set_unit_name (c, "基层政权建设和社区治理处");
  zc_commitment_set_sign_date (c, "2026-10-10");
  zc_commitment_set_state (c, ZC_COMMITMENT_STATE_PUBLISHED);
  for (guint i = 0; i < pledge_chars; i++)
    g_string_append (text, i % 17 == 16 ? "，" : "承");
  *pledges = g_list_store_new (ZC_TYPE_PLEDGE);
  for (guint i = 0; i < n_pledges; i++)
    {
      g_autoptr(ZcPledge) pledge = zc_pledge_new ();

      zc_pledge_set_text (pledge, text->str);
      g_list_store_append (*pledges, pledge);
    }
  g_string_free (text, TRUE);
  return c;
}

static void
draw_all_pages (ZcLetterLayout *layout,
                double          width,
                double          height)
{
  guint n = zc_letter_n_pages (layout, width, height);

  for (guint page = 0; page < n; page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);

      zc_letter_draw_page (layout, cr, page, width, height);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_letter_layout (void)
{
  g_autoptr(GListStore) short_pledges = NULL;
  g_autoptr(GListStore) long_pledges = NULL;
  g_autoptr(ZcCommitment) short_letter = letter_with (3, 40, &short_pledges);
  g_autoptr(ZcCommitment) long_letter = letter_with (50, 1000, &long_pledges);
  g_autoptr(ZcLetterLayout) small = zc_letter_layout_new (short_letter,
                                                          G_LIST_MODEL (short_pledges));
  g_autoptr(ZcLetterLayout) big = zc_letter_layout_new (long_letter, G_LIST_MODEL (long_pledges));
  guint a4, a5, again;

  g_assert_cmpuint (zc_letter_n_pages (small, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT), ==, 1);
  draw_all_pages (small, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);

  /* 50 pledges of 1,000 characters (the limits) run over many pages, more on A5 paper;
   * the layout follows the paper it is asked for and comes back to the same pages. */
  a4 = zc_letter_n_pages (big, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
  g_assert_cmpuint (a4, >, 40);
  a5 = zc_letter_n_pages (big, 419.53, 595.28);
  g_assert_cmpuint (a5, >, a4);
  again = zc_letter_n_pages (big, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
  g_assert_cmpuint (again, ==, a4);
  draw_all_pages (big, 419.53, 595.28);
  draw_all_pages (big, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
}

/* Occurrences of @needle in @len bytes of @data (a PDF holds NUL bytes). */
static guint
count_bytes (const char *data,
             gsize       len,
             const char *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      count++;
  return count;
}

static void
assert_pdf (const char *path,
            guint       min_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &pdf, &len, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  /* A4 on every page: cairo writes the media box in points. */
  g_assert_cmpuint (count_bytes (pdf, len, "/Type /Page %"), >=, min_pages);
  g_assert_cmpuint (count_bytes (pdf, len, "/MediaBox [ 0 0 595.2756 841.8898 ]"), ==,
                    count_bytes (pdf, len, "/Type /Page %"));
  /* The fonts are embedded. */
  g_assert_cmpuint (count_bytes (pdf, len, "/FontFile"), >, 0);
}

static void
test_pdf_exports (ZcFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) commitments = NULL;
  g_autoptr(ZcCommitment) draft = zc_commitment_new ();
  g_autofree char *out_dir = g_build_filename (fx->dir, "out", NULL);
  g_autofree char *report = g_build_filename (out_dir, "report.pdf", NULL);
  g_autofree char *unit_report = g_build_filename (out_dir, "report-sj.pdf", NULL);
  g_autofree char *letters = g_build_filename (out_dir, "letters.pdf", NULL);
  g_autofree char *draft_path = g_build_filename (out_dir, "draft.pdf", NULL);
  g_autofree char *refused = g_build_filename (out_dir, "refused.pdf", NULL);
  Progress p = { g_array_new (FALSE, FALSE, sizeof (double)), NULL };
  Ledger l = { NULL, };
  const char *texts[] = { "草稿承诺。", NULL };

  make_ledger (fx, &l);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);

  g_assert_true (zc_pdf_export_report (fx->store, fx->inspector, 0, report, NULL, on_progress,
                                       &p, &error));
  g_assert_no_error (error);
  assert_progress_sane (&p);
  assert_pdf (report, 1);

  g_assert_true (zc_pdf_export_report (fx->store, fx->sj_lead, fx->sj, unit_report, NULL, NULL,
                                       NULL, &error));
  g_assert_no_error (error);
  assert_pdf (unit_report, 1);

  /* The whole campaign is for inspectors; another unit's report is refused. */
  g_assert_false (zc_pdf_export_report (fx->store, fx->sj_lead, 0, refused, NULL, NULL, NULL,
                                        &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (zc_pdf_export_report (fx->store, fx->sj_lead, fx->yl, refused, NULL, NULL, NULL,
                                        &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  /* Published letters are public: anyone, even nobody, may print them. */
  g_array_set_size (p.fractions, 0);
  g_assert_true (zc_pdf_export_letters (fx->store, NULL, 0, 0, letters, NULL, on_progress, &p,
                                        &error));
  g_assert_no_error (error);
  assert_progress_sane (&p);
  assert_pdf (letters, 1);

  /* A draft: its unit's lead may print it; an employee of another unit may not. */
  zc_commitment_set_title (draft, "养老服务处公开承诺书（草稿）");
  zc_commitment_set_contact_phone (draft, "0571-12345678");
  g_assert_true (zc_store_save_commitment (fx->store, fx->yl_lead, draft, &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_set_pledges (fx->store, fx->yl_lead, draft, texts, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zc_pdf_export_letters (fx->store, fx->yl_lead,
                                        zc_record_get_id (ZC_RECORD (draft)), 0, draft_path, NULL,
                                        NULL, NULL, &error));
  g_assert_no_error (error);
  assert_pdf (draft_path, 1);
  g_assert_false (zc_pdf_export_letters (fx->store, fx->sj_emp,
                                         zc_record_get_id (ZC_RECORD (draft)), 0, refused, NULL,
                                         NULL, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A unit without a published commitment has nothing to print. */
  g_assert_false (zc_pdf_export_letters (fx->store, fx->inspector, 0, fx->yl, refused, NULL,
                                         NULL, NULL, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  assert_no_temp_files (out_dir);

  g_array_unref (p.fractions);
  ledger_clear (&l);
}

/* ---- the notice page ----------------------------------------------------------------------- */

typedef struct
{
  guint      elements;
  guint      items;
} MarkupCheck;

static void
on_start (GMarkupParseContext  *context,
          const char           *name,
          const char          **attribute_names,
          const char          **attribute_values,
          gpointer              user_data,
          GError              **error)
{
  MarkupCheck *check = user_data;

  check->elements++;
  g_assert_cmpstr (name, !=, "script");
  g_assert_cmpstr (name, !=, "img");
  g_assert_cmpstr (name, !=, "link");
  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      /* No external resources: links only within the page or to call and write to. */
      g_assert_cmpstr (attribute_names[i], !=, "src");
      if (g_str_equal (attribute_names[i], "href"))
        g_assert_true (g_str_has_prefix (attribute_values[i], "#") ||
                       g_str_has_prefix (attribute_values[i], "tel:") ||
                       g_str_has_prefix (attribute_values[i], "mailto:"));
      if (g_str_equal (attribute_names[i], "class") && g_str_has_prefix (attribute_values[i], "light "))
        check->items++;
    }
}

static void
test_notice (ZcFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) parser = NULL;
  g_autofree char *html = NULL;
  g_autofree char *lead_html = NULL;
  g_autofree char *out_dir = g_build_filename (fx->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "notice.html", NULL);
  g_autofree char *written = NULL;
  GMarkupParser callbacks = { on_start, NULL, NULL, NULL, NULL };
  MarkupCheck check = { 0, 0 };
  Progress p = { g_array_new (FALSE, FALSE, sizeof (double)), NULL };
  Ledger l = { NULL, };
  const char *body;

  make_ledger (fx, &l);
  html = zc_notice_render (fx->store, fx->inspector, NULL, on_progress, &p, &error);
  g_assert_no_error (error);
  assert_progress_sane (&p);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\" />"));
  g_assert_nonnull (strstr (html, "name=\"viewport\" content=\"width=device-width"));
  g_assert_nonnull (strstr (html, "<style>"));
  g_assert_null (strstr (html, "url("));
  g_assert_null (strstr (html, "@import"));
  g_assert_null (strstr (html, "http"));

  /* Texts from the database are escaped, never markup. */
  g_assert_null (strstr (html, NASTY));
  g_assert_nonnull (strstr (html, "&lt;b&gt;“引号”&lt;/b&gt; &amp; &apos;x&apos; =SUM(A1)"));

  /* The commitment with its pledges and contact; the units and their items with lights. */
  g_assert_nonnull (strstr (html, "社会救助处公开承诺书"));
  g_assert_nonnull (strstr (html, "群众咨询一次性告知。"));
  g_assert_nonnull (strstr (html, "href=\"tel:0571-12345678\""));
  g_assert_nonnull (strstr (html, "href=\"mailto:jiandu@example.org\""));
  g_assert_nonnull (strstr (html, "id=\"u-SJ\""));
  g_assert_nonnull (strstr (html, "<span class=\"light red\">红灯</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"light green\">绿灯</span>"));

  /* Well-formed: GMarkup (an XML subset) reads the whole page. */
  body = strstr (html, "<html");
  parser = g_markup_parse_context_new (&callbacks, 0, &check, NULL);
  g_assert_true (g_markup_parse_context_parse (parser, body, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (parser, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check.elements, >, 50);
  g_assert_cmpuint (check.items, ==, 3);

  /* A lead sees the own unit's items and every published commitment. */
  lead_html = zc_notice_render (fx->store, fx->yl_lead, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (lead_html, "id=\"u-YL\""));
  g_assert_nonnull (strstr (lead_html, "社会救助处公开承诺书"));
  g_assert_null (strstr (lead_html, "<span class=\"light red\">"));

  /* The file is the page. */
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (zc_notice_export (fx->store, fx->inspector, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  written = read_file (path);
  g_assert_cmpstr (written, ==, html);
  assert_no_temp_files (out_dir);

  g_array_unref (p.fractions);
  ledger_clear (&l);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/documents/xlsx/sheet-names", test_sheet_names);
  g_test_add ("/documents/xlsx/ledger", ZcFixture, NULL, zc_fixture_setup, test_xlsx_ledger,
              zc_fixture_teardown);
  g_test_add ("/documents/cancel-and-refuse", ZcFixture, NULL, zc_fixture_setup,
              test_xlsx_cancel, zc_fixture_teardown);
  g_test_add_func ("/documents/pdf/letter-layout", test_letter_layout);
  g_test_add ("/documents/pdf/exports", ZcFixture, NULL, zc_fixture_setup, test_pdf_exports,
              zc_fixture_teardown);
  g_test_add ("/documents/notice", ZcFixture, NULL, zc_fixture_setup, test_notice,
              zc_fixture_teardown);

  return g_test_run ();
}
