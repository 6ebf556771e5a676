/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Documents people hand on: the campaign report (PDF), the public commitment letters (PDF)
 * and the public notice page (HTML). The ledger's XLSX is `ledger export --format xlsx`.
 */

#define G_LOG_DOMAIN "zicha-cli"

#include <glib/gi18n.h>

#include "zc-cli.h"
#include "zc-notice.h"
#include "zc-pdf.h"

int
zc_cli_cmd_report (ZcCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *unit_code = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The file format (default: pdf)"), N_("pdf") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write"), N_("FILE") },
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &unit_code,
      N_("Only this unit (default: the whole campaign, for inspectors)"), N_("CODE") },
    { NULL }
  };

  context = zc_cli_context_new (NULL, _("Write the campaign report: the figures, charts of "
                                        "the items’ states and lights, the assessment, the "
                                        "overdue items, the open supervision orders and the "
                                        "published commitments, as an A4 PDF in Chinese."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);
  if (format != NULL && !g_str_equal (format, "pdf"))
    return zc_cli_usage_error (context, _("unknown format ‘%s’; this version writes pdf"),
                               format);
  if (output == NULL)
    return zc_cli_usage_error (context, _("name the file to write: -o FILE"));

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN | ZC_CLI_READS_AS);
  if (status != ZC_CLI_EXIT_OK)
    return status;
  if (unit_code != NULL && (unit = zc_cli_lookup_unit (cli, unit_code)) == NULL)
    return ZC_CLI_EXIT_REFUSED;

  if (!zc_pdf_export_report (cli->store, cli->actor,
                             unit != NULL ? zc_record_get_id (ZC_RECORD (unit)) : 0,
                             output, NULL, NULL, NULL, &error))
    return zc_cli_refuse_error (error);

  g_print (_("Wrote the report to %s\n"), output);

  return ZC_CLI_EXIT_OK;
}

int
zc_cli_cmd_letter (ZcCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *unit_code = NULL;
  gint64 commitment_id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write"), N_("FILE") },
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &unit_code,
      N_("Only this unit’s current commitments (default: every unit’s)"), N_("CODE") },
    { "id", 0, 0, G_OPTION_ARG_INT64, &commitment_id,
      N_("One commitment by its id, a draft too when you may read it"), N_("ID") },
    { NULL }
  };

  context = zc_cli_context_new (NULL, _("Write public commitment letters (公开承诺书) as an "
                                        "A4 PDF for the notice board: each unit’s current "
                                        "published commitment, or one commitment."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);
  if (output == NULL)
    return zc_cli_usage_error (context, _("name the file to write: -o FILE"));
  if (commitment_id < 0)
    return zc_cli_usage_error (context, _("--id must be a commitment’s id"));

  /* Published commitments are public: --as is needed only for a draft. */
  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN);
  if (status != ZC_CLI_EXIT_OK)
    return status;
  if (unit_code != NULL && (unit = zc_cli_lookup_unit (cli, unit_code)) == NULL)
    return ZC_CLI_EXIT_REFUSED;

  if (!zc_pdf_export_letters (cli->store, cli->actor, commitment_id,
                              unit != NULL ? zc_record_get_id (ZC_RECORD (unit)) : 0,
                              output, NULL, NULL, NULL, &error))
    return zc_cli_refuse_error (error);

  g_print (_("Wrote the commitment letters to %s\n"), output);

  return ZC_CLI_EXIT_OK;
}

int
zc_cli_cmd_notice (ZcCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The HTML file to write"), N_("FILE.html") },
    { NULL }
  };

  context = zc_cli_context_new (NULL, _("Write the public notice page: one self-contained "
                                        "HTML file with the published commitments and the "
                                        "state of each unit’s rectification items."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);
  if (output == NULL)
    return zc_cli_usage_error (context, _("name the file to write: -o FILE.html"));

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN | ZC_CLI_READS_AS);
  if (status != ZC_CLI_EXIT_OK)
    return status;

  if (!zc_notice_export (cli->store, cli->actor, output, NULL, NULL, NULL, &error))
    return zc_cli_refuse_error (error);

  g_print (_("Wrote the notice page to %s\n"), output);

  return ZC_CLI_EXIT_OK;
}
