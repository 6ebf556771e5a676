/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The rectification ledger (整改台账): import, export and a listing with the lights.
 */

#define G_LOG_DOMAIN "zicha-cli"

#include <glib/gi18n.h>

#include "zc-cli.h"
#include "zc-ledger-csv.h"
#include "zc-light.h"
#include "zc-xlsx.h"

int
zc_cli_cmd_ledger_import (ZcCli  *cli,
                          int     argc,
                          char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZcImportReport) report = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unit_code = NULL;
  int status;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &unit_code,
      N_("The unit whose ledger this is"), N_("CODE") },
    { NULL }
  };

  context = zc_cli_context_new (_("FILE.csv"),
                                _("Import an existing rectification ledger (UTF-8 CSV with the "
                                  "column names real ledgers use). Rows that cannot be used "
                                  "stop the import; what cannot be read is kept as written and "
                                  "listed as a warning."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc < 2)
    return zc_cli_usage_error (context, _("no file given"));
  if (argc > 2)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[2]);
  if (unit_code == NULL)
    return zc_cli_usage_error (context, _("name the ledger’s unit: --unit CODE"));

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN | ZC_CLI_WRITES);
  if (status != ZC_CLI_EXIT_OK)
    return status;
  unit = zc_cli_lookup_unit (cli, unit_code);
  if (unit == NULL)
    return ZC_CLI_EXIT_REFUSED;

  ok = zc_store_import_ledger_csv (cli->store, cli->actor, zc_record_get_id (ZC_RECORD (unit)),
                                   argv[1], &report, &error);

  return zc_cli_finish_import (argv[1], ok, report, error, FALSE);
}

int
zc_cli_cmd_ledger_export (ZcCli  *cli,
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
      N_("The file format: csv or xlsx (default: csv)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write"), N_("FILE") },
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &unit_code,
      N_("Only this unit’s ledger (default: every unit you may read)"), N_("CODE") },
    { NULL }
  };

  context = zc_cli_context_new (NULL, _("Export the rectification ledger with the Chinese "
                                        "column names; an exported ledger imports again "
                                        "unchanged."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "xlsx"))
    return zc_cli_usage_error (context, _("unknown format ‘%s’; use csv or xlsx"), format);
  if (output == NULL)
    return zc_cli_usage_error (context, _("name the file to write: -o FILE"));
#ifdef ZC_CLI_LIGHT
  if (format != NULL && g_str_equal (format, "xlsx"))
    return zc_cli_run_full (cli, argc, argv);
#endif

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN | ZC_CLI_READS_AS);
  if (status != ZC_CLI_EXIT_OK)
    return status;
  if (unit_code != NULL && (unit = zc_cli_lookup_unit (cli, unit_code)) == NULL)
    return ZC_CLI_EXIT_REFUSED;

  if (format != NULL && g_str_equal (format, "xlsx"))
    {
#ifdef ZC_CLI_LIGHT
      g_assert_not_reached ();   /* zicha-cli-full writes it */
#else
      if (!zc_xlsx_export_ledger (cli->store, cli->actor,
                                  unit != NULL ? zc_record_get_id (ZC_RECORD (unit)) : 0,
                                  output, NULL, NULL, NULL, &error))
        return zc_cli_refuse_error (error);
#endif
    }
  else if (!zc_store_export_ledger_csv (cli->store, cli->actor,
                                        unit != NULL ? zc_record_get_id (ZC_RECORD (unit)) : 0,
                                        output, &error))
    return zc_cli_refuse_error (error);

  g_print (_("Wrote the ledger to %s\n"), output);

  return ZC_CLI_EXIT_OK;
}

/* The deadline column as a person reads it. */
static char *
describe_deadline (ZcStore *store,
                   ZcItem  *item)
{
  ZcTermType term_type = zc_item_get_term_type (item);
  const char *deadline = zc_item_get_deadline (item);
  const char *as_written = zc_item_get_deadline_text (item);

  if (term_type == ZC_TERM_TYPE_ONGOING && zc_item_get_review_dates (item) != NULL)
    {
      g_autofree char *today = zc_store_today (store);
      g_autofree char *next = zc_light_next_review (zc_item_get_review_dates (item), today);

      return g_strdup_printf ("%s %s", zc_enum_label (ZC_TYPE_TERM_TYPE, term_type),
                              next != NULL ? next : "");
    }
  if (deadline != NULL)
    return g_strdup (deadline);
  if (as_written != NULL)
    return g_strdup (as_written);
  if (term_type != ZC_TERM_TYPE_NONE)
    return g_strdup (zc_enum_label (ZC_TYPE_TERM_TYPE, term_type));

  return g_strdup ("");
}

static char *
flatten (const char *text)
{
  if (text == NULL)
    return g_strdup ("");

  return g_strdelimit (g_strdup (text), "\t\r\n", ' ');
}

int
zc_cli_cmd_ledger_list (ZcCli  *cli,
                        int     argc,
                        char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unit_code = NULL;
  g_autofree char *state = NULL;
  g_autofree char *light = NULL;
  g_autofree char *search_arg = NULL;
  g_autofree char *search = NULL;
  ZcItemQuery query = ZC_ITEM_QUERY_INIT;
  int limit = 0;
  int status;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &unit_code,
      N_("Only this unit’s items"), N_("CODE") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state,
      N_("planned, in_progress, awaiting_closeout or closed"), N_("STATE") },
    { "light", 0, 0, G_OPTION_ARG_STRING, &light,
      N_("red, yellow, green or none"), N_("LIGHT") },
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &search_arg,
      N_("Only items whose text contains TEXT"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("At most N items"), N_("N") },
    { NULL }
  };

  context = zc_cli_context_new (NULL, _("List rectification items with their lights, "
                                        "tab-separated."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);
  if (state != NULL && !zc_enum_from_string (ZC_TYPE_ITEM_STATE, state, &query.state))
    return zc_cli_usage_error (context, _("unknown state ‘%s’"), state);
  if (light != NULL && !zc_enum_from_string (ZC_TYPE_LIGHT, light, &query.light))
    return zc_cli_usage_error (context, _("unknown light ‘%s’"), light);
  if (limit < 0)
    return zc_cli_usage_error (context, _("--limit must not be negative"));
  search = zc_cli_text_arg (search_arg);
  if (search_arg != NULL && search == NULL)
    return zc_cli_usage_error (context, _("the arguments are not valid text"));

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN | ZC_CLI_READS_AS);
  if (status != ZC_CLI_EXIT_OK)
    return status;
  if (unit_code != NULL && (unit = zc_cli_lookup_unit (cli, unit_code)) == NULL)
    return ZC_CLI_EXIT_REFUSED;

  query.unit_id = unit != NULL ? zc_record_get_id (ZC_RECORD (unit)) : 0;
  query.text = search;
  query.limit = (guint) limit;
  items = zc_store_list_items (cli->store, cli->actor, &query, &error);
  if (items == NULL)
    return zc_cli_refuse_error (error);

  g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("number"), _("unit"), _("state"), _("light"),
           _("deadline"), _("progress"), _("measure"));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ZcItem) item = g_list_model_get_item (items, i);
      g_autofree char *deadline = describe_deadline (cli->store, item);
      g_autofree char *measure = flatten (zc_item_get_measure (item));
      g_autofree char *unit_name = flatten (zc_item_get_unit_name (item) != NULL
                                            ? zc_item_get_unit_name (item)
                                            : zc_item_get_unit_text (item));

      g_print ("%d\t%s\t%s\t%s\t%s\t%d%%\t%s\n",
               zc_item_get_number (item),
               unit_name,
               zc_enum_label (ZC_TYPE_ITEM_STATE, zc_item_get_state (item)),
               zc_enum_label (ZC_TYPE_LIGHT, zc_store_item_light (cli->store, item)),
               deadline,
               zc_item_get_progress (item),
               measure);
    }

  return ZC_CLI_EXIT_OK;
}
