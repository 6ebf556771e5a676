/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "zc-date.h"
#include "zc-error.h"
#include "zc-limits.h"

gboolean
zc_validate_text (const char  *value,
                  const char  *field,
                  guint        max_chars,
                  gboolean     required,
                  GError     **error)
{
  const char *p;
  gboolean blank = TRUE;

  if (value == NULL || *value == '\0')
    {
      if (required)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                       _("%s: this field is required"), field);
          return FALSE;
        }
      return TRUE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8"), field);
      return FALSE;
    }
  for (p = value; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      {
        blank = FALSE;
        break;
      }
  if (blank && required)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("%s: this field is required"), field);
      return FALSE;
    }
  if (max_chars > 0)
    {
      glong n = g_utf8_strlen (value, -1);

      if (n > (glong) max_chars)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                       _("%s: at most %u characters are allowed (this has %ld)"),
                       field, max_chars, n);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
zc_validate_date (const char  *value,
                  const char  *field,
                  gboolean     required,
                  GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      if (required)
        {
          g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                       _("%s: a date is required"), field);
          return FALSE;
        }
      return TRUE;
    }
  if (!zc_date_is_valid (value))
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("%s: ‘%s’ is not a date (write it as YYYY-MM-DD)"), field, value);
      return FALSE;
    }
  return TRUE;
}

gboolean
zc_validate_range (gint64       value,
                   const char  *field,
                   gint64       min,
                   gint64       max,
                   GError     **error)
{
  if (value < min || value > max)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("%s: must be between %" PRId64 " and %" PRId64
                     " (not %" PRId64 ")"),
                   field, min, max, value);
      return FALSE;
    }
  return TRUE;
}
