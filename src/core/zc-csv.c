/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <string.h>

#include <csv.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "zc-csv.h"
#include "zc-error.h"

/*
 * libcsv is a push parser that does not count lines, so the data is fed one physical line
 * (up to and including its '\n') at a time. That gives the line of a parse error directly,
 * and the line where each record starts: the first non-blank line fed since the previous
 * record ended.
 */

typedef struct
{
  GPtrArray *rows;         /* ZcCsvRow* */
  ZcCsvRow  *current;      /* the record being assembled, or NULL */
  guint      line;         /* the physical line being fed */
  guint      row_start;    /* the line where the record being assembled starts, or 0 */
} ParseState;

static void
zc_csv_row_free (gpointer data)
{
  ZcCsvRow *row = data;

  if (row == NULL)
    return;
  g_clear_pointer (&row->cells, g_ptr_array_unref);
  g_free (row);
}

void
zc_csv_free (ZcCsv *csv)
{
  if (csv == NULL)
    return;
  g_clear_pointer (&csv->header, g_ptr_array_unref);
  g_clear_pointer (&csv->rows, g_ptr_array_unref);
  g_free (csv);
}

/* Trims white space of any script (U+3000 IDEOGRAPHIC SPACE, NO-BREAK SPACE, tabs, line
 * breaks) from both ends, and a stray BOM (U+FEFF), which spreadsheets sometimes leave in
 * the first cell. */
static gboolean
is_trimmable (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B;
}

static char *
trim_cell (const char *text,
           gsize       len)
{
  const char *start = text;
  const char *end = text + len;

  while (start < end && is_trimmable (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !is_trimmable (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static void
on_field_cb (void   *field,
             size_t  len,
             void   *data)
{
  ParseState *state = data;

  if (state->current == NULL)
    {
      state->current = g_new0 (ZcCsvRow, 1);
      state->current->cells = g_ptr_array_new_with_free_func (g_free);
      state->current->line = state->row_start != 0 ? state->row_start : state->line;
    }

  g_ptr_array_add (state->current->cells, trim_cell (field != NULL ? field : "", len));
}

static gboolean
row_is_empty (ZcCsvRow *row)
{
  for (guint i = 0; i < row->cells->len; i++)
    if (*(const char *) g_ptr_array_index (row->cells, i) != '\0')
      return FALSE;
  return TRUE;
}

static void
on_row_cb (int   c,
           void *data)
{
  ParseState *state = data;
  ZcCsvRow *row = g_steal_pointer (&state->current);

  state->row_start = 0;

  if (row == NULL)
    return;

  /* Spreadsheets write rows of empty cells (",,,,") below the data and between blocks. */
  if (row_is_empty (row))
    {
      zc_csv_row_free (row);
      return;
    }

  g_ptr_array_add (state->rows, row);
}

static gboolean
line_is_blank (const char *line,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n')
      return FALSE;
  return TRUE;
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/**
 * zc_csv_parse:
 * @data: the file's bytes
 * @length: their number
 * @error: where to report invalid UTF-8 or broken quoting
 *
 * Parses a CSV file: an optional UTF-8 BOM, a header row, then data rows. Records may end
 * with LF or CRLF; quoted cells may hold commas, quotes ("") and line breaks. Every cell is
 * trimmed of surrounding white space (U+3000 included). Rows whose cells are all empty are
 * dropped.
 *
 * Returns: (transfer full): the header and the rows, or %NULL with %ZC_ERROR_INVALID
 * naming the line.
 */
ZcCsv *
zc_csv_parse (const char *data,
              gsize       length,
              GError    **error)
{
  struct csv_parser parser;
  g_autoptr(GPtrArray) rows = NULL;
  ParseState state = { 0, };
  const char *end = NULL;
  const char *p;
  const char *limit;
  g_autoptr(ZcCsv) csv = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";

  if (!g_utf8_validate (data, length, &end))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Line %u is not valid UTF-8 text; save the file as CSV UTF-8 and try again"),
                   line_of_offset (data, end - data));
      return NULL;
    }

  /* UTF-8 byte order mark */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    {
      g_set_error_literal (error, ZC_ERROR, ZC_ERROR_IO, _("Out of memory while reading the file"));
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func (zc_csv_row_free);
  state.rows = rows;

  p = data;
  limit = data + length;
  while (p < limit)
    {
      const char *nl = memchr (p, '\n', limit - p);
      gsize len = (nl != NULL ? nl + 1 : limit) - p;

      state.line++;
      if (state.current == NULL && state.row_start == 0 && !line_is_blank (p, len))
        state.row_start = state.line;

      if (csv_parse (&parser, p, len, on_field_cb, on_row_cb, &state) != len)
        {
          int err = csv_error (&parser);

          g_clear_pointer (&state.current, zc_csv_row_free);
          csv_free (&parser);
          if (err == CSV_EPARSE)
            g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                         _("Line %u has a quotation mark in the wrong place: a cell with "
                           "quotes must start and end with one, and quotes inside it are "
                           "written twice"),
                         state.line);
          else
            g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("Could not read line %u: %s"),
                         state.line, csv_strerror (err));
          return NULL;
        }
      p += len;
    }

  if (csv_fini (&parser, on_field_cb, on_row_cb, &state) != 0)
    {
      guint start = state.row_start != 0 ? state.row_start : state.line;

      g_clear_pointer (&state.current, zc_csv_row_free);
      csv_free (&parser);
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Line %u opens a quoted cell that is never closed: a closing quotation "
                     "mark is missing"),
                   start);
      return NULL;
    }
  csv_free (&parser);
  g_assert (state.current == NULL);

  csv = g_new0 (ZcCsv, 1);
  if (rows->len == 0)
    {
      csv->header = g_ptr_array_new_with_free_func (g_free);
    }
  else
    {
      ZcCsvRow *header_row = g_ptr_array_steal_index (rows, 0);

      csv->header = g_steal_pointer (&header_row->cells);
      zc_csv_row_free (header_row);
    }
  csv->rows = g_steal_pointer (&rows);

  return g_steal_pointer (&csv);
}

/**
 * zc_csv_parse_file:
 * @path: the file
 * @max_size: the largest size accepted, in bytes (0: no limit)
 * @error: where to report a file that cannot be read or parsed
 *
 * Reads and parses a CSV file (see zc_csv_parse()).
 *
 * Returns: (transfer full): the parsed file, or %NULL with @error set
 */
ZcCsv *
zc_csv_parse_file (const char *path,
                   gsize       max_size,
                   GError    **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("Could not read “%s”: %s"),
                   display, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("“%s” is not a file"), display);
      return NULL;
    }
  if (max_size > 0 && (guint64) g_file_info_get_size (info) > max_size)
    {
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("“%s” is larger than the limit of %s for a file to import"),
                   display, limit);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("Could not read “%s”: %s"),
                   display, local_error->message);
      return NULL;
    }
  /* The file may have grown between the two looks. */
  if (max_size > 0 && length > max_size)
    {
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("“%s” is larger than the limit of %s for a file to import"),
                   display, limit);
      return NULL;
    }

  return zc_csv_parse (contents, length, error);
}

/* Header cells from spreadsheets often carry line breaks or spaces inside ("整改\n时限"):
 * compare with all white space removed. */
static char *
squeeze_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_trimmable (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * zc_csv_column:
 * @csv: a parsed file
 * @names: (array zero-terminated=1): accepted header names, preferred first
 *
 * Finds a column by its header. Headers are compared after trimming, and then with white
 * space inside them ignored.
 *
 * Returns: the index of the column whose header is the first of @names found, or -1
 */
int
zc_csv_column (ZcCsv              *csv,
               const char * const *names)
{
  g_autoptr(GPtrArray) squeezed = NULL;

  g_return_val_if_fail (csv != NULL, -1);
  g_return_val_if_fail (names != NULL, -1);

  for (guint n = 0; names[n] != NULL; n++)
    for (guint i = 0; i < csv->header->len; i++)
      if (g_strcmp0 (g_ptr_array_index (csv->header, i), names[n]) == 0)
        return (int) i;

  squeezed = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < csv->header->len; i++)
    g_ptr_array_add (squeezed, squeeze_space (g_ptr_array_index (csv->header, i)));

  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autofree char *name = squeeze_space (names[n]);

      for (guint i = 0; i < squeezed->len; i++)
        if (g_strcmp0 (g_ptr_array_index (squeezed, i), name) == 0)
          return (int) i;
    }

  return -1;
}

/**
 * zc_csv_cell:
 * @row: a data row
 * @column: a column index (may be -1)
 *
 * Returns: (transfer none): the trimmed cell, or "" when the row is shorter or @column
 * is -1
 */
const char *
zc_csv_cell (ZcCsvRow *row,
             int       column)
{
  g_return_val_if_fail (row != NULL, "");

  if (column < 0 || (guint) column >= row->cells->len)
    return "";
  return g_ptr_array_index (row->cells, column);
}

/**
 * zc_csv_append_cell:
 * @out: the text being written
 * @cell: (nullable): the cell's text
 * @last: whether it ends the record
 *
 * Appends one cell and its separator (a comma, or CRLF after the last cell), quoted when
 * it holds a comma, a quotation mark, a line break, or white space at either end.
 */
void
zc_csv_append_cell (GString    *out,
                    const char *cell,
                    gboolean    last)
{
  gboolean quote = FALSE;

  g_return_if_fail (out != NULL);

  if (cell == NULL)
    cell = "";

  if (cell[0] != '\0')
    {
      gsize len = strlen (cell);

      quote = strpbrk (cell, ",\"\r\n") != NULL
              || cell[0] == ' ' || cell[0] == '\t'
              || cell[len - 1] == ' ' || cell[len - 1] == '\t';
    }

  if (quote)
    {
      g_string_append_c (out, '"');
      for (const char *p = cell; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append (out, cell);
    }

  g_string_append (out, last ? "\r\n" : ",");
}
