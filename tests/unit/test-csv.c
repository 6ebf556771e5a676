/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gstdio.h>

#include "zc-csv.h"
#include "zc-error.h"

static ZcCsv *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  ZcCsv *csv = zc_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static ZcCsvRow *
row_at (ZcCsv *csv,
        guint  i)
{
  g_assert_cmpuint (i, <, csv->rows->len);
  return g_ptr_array_index (csv->rows, i);
}

static void
assert_parse_error (const char *text,
                    gsize       length,
                    const char *expected_fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCsv) csv = NULL;

  if (length == (gsize) -1)
    length = strlen (text);
  csv = zc_csv_parse (text, length, &error);
  g_assert_null (csv);
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  if (strstr (error->message, expected_fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, expected_fragment);
}

static void
test_csv_basic (void)
{
  g_autoptr(ZcCsv) csv = parse ("code,name,parent_code\nA,局机关,\nB,办公室,A\n");

  g_assert_cmpuint (csv->header->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (csv->header, 1), ==, "name");
  g_assert_cmpuint (csv->rows->len, ==, 2);
  g_assert_cmpuint (row_at (csv, 0)->line, ==, 2);
  g_assert_cmpuint (row_at (csv, 1)->line, ==, 3);
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 1), 1), ==, "办公室");
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 0), 2), ==, "");
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 0), 7), ==, "");
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 0), -1), ==, "");
}

static void
test_csv_bom_crlf (void)
{
  g_autoptr(ZcCsv) csv = parse ("\xEF\xBB\xBF序号,问题\r\n1,窗口服务态度生硬\r\n2,\"办事效率低\"\r\n");

  g_assert_cmpstr (g_ptr_array_index (csv->header, 0), ==, "序号");
  g_assert_cmpuint (csv->rows->len, ==, 2);
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 0), 1), ==, "窗口服务态度生硬");
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 1), 1), ==, "办事效率低");
  g_assert_cmpuint (row_at (csv, 1)->line, ==, 3);
}

static void
test_csv_multiline (void)
{
  const char *text =
    "序号,问题,整改措施\r\n"
    "1,\"第一行\r\n第二行，含逗号\r\n第三行\",\"措施一\n措施二\"\r\n"
    "\r\n"
    "2,\"他说\"\"不行\"\"就走了\",措施\r\n";
  g_autoptr(ZcCsv) csv = parse (text);

  g_assert_cmpuint (csv->rows->len, ==, 2);
  g_assert_cmpuint (row_at (csv, 0)->line, ==, 2);
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 0), 1), ==, "第一行\r\n第二行，含逗号\r\n第三行");
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 0), 2), ==, "措施一\n措施二");
  /* the blank line 6 is skipped; the record starts on line 7 */
  g_assert_cmpuint (row_at (csv, 1)->line, ==, 7);
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 1), 1), ==, "他说\"不行\"就走了");
}

static void
test_csv_trim (void)
{
  g_autoptr(ZcCsv) csv = parse (" 问题 ,\t整改\n时限\n"
                                "\xE3\x80\x80全角空格包围\xE3\x80\x80, \" 引号内 \" \n");

  g_assert_cmpstr (g_ptr_array_index (csv->header, 0), ==, "问题");
  g_assert_cmpuint (csv->rows->len, ==, 2);
  /* "时限" is a row of its own here (the break is not quoted) */
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 1), 0), ==, "全角空格包围");
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 1), 1), ==, "引号内");
}

static void
test_csv_empty_rows (void)
{
  g_autoptr(ZcCsv) csv = parse ("a,b,c\n1,2,3\n,,\n\n4,5,6\n,,\n  ,\xE3\x80\x80,\n\n");

  g_assert_cmpuint (csv->rows->len, ==, 2);
  g_assert_cmpuint (row_at (csv, 1)->line, ==, 5);
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 1), 2), ==, "6");
}

static void
test_csv_empty_file (void)
{
  g_autoptr(ZcCsv) csv = parse ("");
  g_autoptr(ZcCsv) bom_only = parse ("\xEF\xBB\xBF\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCsv) null_data = zc_csv_parse (NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (csv->header->len, ==, 0);
  g_assert_cmpuint (csv->rows->len, ==, 0);
  g_assert_cmpuint (bom_only->header->len, ==, 0);
  g_assert_cmpuint (null_data->rows->len, ==, 0);
}

static void
test_csv_no_final_newline (void)
{
  g_autoptr(ZcCsv) csv = parse ("a,b\n1,\"x\ny\"");

  g_assert_cmpuint (csv->rows->len, ==, 1);
  g_assert_cmpstr (zc_csv_cell (row_at (csv, 0), 1), ==, "x\ny");
}

static void
test_csv_broken_quoting (void)
{
  /* a quote inside an unquoted cell */
  assert_parse_error ("a,b\n1,2\n3,4\"5\n", -1, "Line 3 ");
  /* text after a closing quote */
  assert_parse_error ("a,b\n\"1\"x,2\n", -1, "Line 2 ");
  /* a quote opened on line 3 and never closed */
  assert_parse_error ("a,b\n1,2\n3,\"4\n5\n6\n", -1, "Line 3 ");
  assert_parse_error ("a,b\n\"1\n2\n3,\"4\n5\n6\n", -1, "Line 4 ");
}

static void
test_csv_invalid_utf8 (void)
{
  const char gbk[] = "a,b\n1,2\n3,\xB4\xB0\xBF\xDA\n";   /* "窗口" in GBK */
  const char nul[] = "a,b\n1,\0\n";

  assert_parse_error (gbk, sizeof gbk - 1, "Line 3 ");
  assert_parse_error (nul, sizeof nul - 1, "Line 2 ");
}

static void
test_csv_column (void)
{
  g_autoptr(ZcCsv) csv = parse ("序号,问题类别,\"问题\n描述\",整改 时限,问题\n");
  const char * const problem[] = { "问题", "存在问题", "问题描述", NULL };
  const char * const description[] = { "具体问题", "问题描述", NULL };
  const char * const deadline[] = { "整改时限", "时限", NULL };
  const char * const missing[] = { "责任人", NULL };

  g_assert_cmpint (zc_csv_column (csv, problem), ==, 4);
  g_assert_cmpint (zc_csv_column (csv, description), ==, 2);
  g_assert_cmpint (zc_csv_column (csv, deadline), ==, 3);
  g_assert_cmpint (zc_csv_column (csv, missing), ==, -1);
}

static void
test_csv_append_round_trip (void)
{
  const char *cells[] = { "plain", "有,逗号", "有\"引号\"", "两行\r\n文字", "", NULL, "尾" };
  g_autoptr(GString) out = g_string_new ("h1,h2,h3,h4,h5,h6,h7\r\n");
  g_autoptr(ZcCsv) csv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    zc_csv_append_cell (out, cells[i], i + 1 == G_N_ELEMENTS (cells));
  g_assert_true (g_str_has_suffix (out->str, ",尾\r\n"));
  g_assert_nonnull (strstr (out->str, "plain,\"有,逗号\",\"有\"\"引号\"\"\",\"两行\r\n文字\",,,"));

  csv = parse (out->str);
  g_assert_cmpuint (csv->rows->len, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_assert_cmpstr (zc_csv_cell (row_at (csv, 0), i), ==, cells[i] != NULL ? cells[i] : "");
}

static void
test_csv_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zicha-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "t.csv", NULL);
  g_autoptr(ZcCsv) csv = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "a,b\n1,2\n", -1, &error));
  g_assert_no_error (error);

  csv = zc_csv_parse_file (path, 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (csv->rows->len, ==, 1);

  g_assert_null (zc_csv_parse_file (path, 4, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (zc_csv_parse_file (dir, 0, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_IO);
  g_clear_error (&error);

  g_remove (path);
  g_assert_null (zc_csv_parse_file (path, 0, &error));
  g_assert_error (error, ZC_ERROR, ZC_ERROR_IO);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/basic", test_csv_basic);
  g_test_add_func ("/csv/bom-crlf", test_csv_bom_crlf);
  g_test_add_func ("/csv/multiline", test_csv_multiline);
  g_test_add_func ("/csv/trim", test_csv_trim);
  g_test_add_func ("/csv/empty-rows", test_csv_empty_rows);
  g_test_add_func ("/csv/empty-file", test_csv_empty_file);
  g_test_add_func ("/csv/no-final-newline", test_csv_no_final_newline);
  g_test_add_func ("/csv/broken-quoting", test_csv_broken_quoting);
  g_test_add_func ("/csv/invalid-utf8", test_csv_invalid_utf8);
  g_test_add_func ("/csv/column", test_csv_column);
  g_test_add_func ("/csv/append-round-trip", test_csv_append_round_trip);
  g_test_add_func ("/csv/file", test_csv_file);

  return g_test_run ();
}
