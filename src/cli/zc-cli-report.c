/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading a campaign: its figures, the forms, and the integrity check.
 */

#define G_LOG_DOMAIN "zicha-cli"

#include <glib/gi18n.h>

#include "zc-cli.h"

/* ---- stats --------------------------------------------------------------------------- */

/* "label N, label N, …" for @n values of @enum_type, in the locale's way. */
static char *
describe_counts (GType        enum_type,
                 const int   *values,
                 const guint *counts,
                 guint        n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* TRANSLATORS: separates the parts of "draft 3, submitted 5" */
        g_string_append (text, _(", "));
      g_string_append_printf (text, "%s %u", zc_enum_label (enum_type, values[i]), counts[i]);
    }

  return g_string_free (text, FALSE);
}

static void
print_stats (ZcCli         *cli,
             ZcUnit        *unit,
             const ZcStats *stats)
{
  static const int form_states[] = {
    ZC_FORM_STATE_NOT_STARTED, ZC_FORM_STATE_DRAFT, ZC_FORM_STATE_SUBMITTED,
    ZC_FORM_STATE_RETURNED, ZC_FORM_STATE_APPROVED
  };
  static const int item_states[] = {
    ZC_ITEM_STATE_PLANNED, ZC_ITEM_STATE_IN_PROGRESS, ZC_ITEM_STATE_AWAITING_CLOSEOUT,
    ZC_ITEM_STATE_CLOSED
  };
  static const int lights[] = { ZC_LIGHT_RED, ZC_LIGHT_YELLOW, ZC_LIGHT_GREEN };
  g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (cli->store, NULL);
  guint form_counts[G_N_ELEMENTS (form_states)];
  guint item_counts[G_N_ELEMENTS (item_states)];
  guint light_counts[G_N_ELEMENTS (lights)];
  g_autofree char *forms = NULL;
  g_autofree char *items = NULL;
  g_autofree char *light_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (form_states); i++)
    form_counts[i] = stats->forms[form_states[i]];
  for (guint i = 0; i < G_N_ELEMENTS (item_states); i++)
    item_counts[i] = stats->items[item_states[i]];
  for (guint i = 0; i < G_N_ELEMENTS (lights); i++)
    light_counts[i] = stats->lights[lights[i]];
  forms = describe_counts (ZC_TYPE_FORM_STATE, form_states, form_counts,
                           G_N_ELEMENTS (form_states));
  items = describe_counts (ZC_TYPE_ITEM_STATE, item_states, item_counts,
                           G_N_ELEMENTS (item_states));
  light_text = describe_counts (ZC_TYPE_LIGHT, lights, light_counts, G_N_ELEMENTS (lights));

  if (campaign != NULL)
    {
      ZcPhase phase = zc_campaign_get_phase (campaign);

      g_print (_("Campaign: %s\n"), zc_campaign_get_title (campaign));
      g_print (_("Phase: %s (%s)\n"), zc_enum_label (ZC_TYPE_PHASE, phase),
               zc_enum_to_string (ZC_TYPE_PHASE, phase));
    }
  if (unit != NULL)
    g_print (_("Unit: %s (%s)\n"), zc_unit_get_name (unit), zc_unit_get_code (unit));

  g_print (_("People: %u\n"), stats->people);
  g_print (_("Units: %u\n"), stats->units);
  g_print (_("Self-inspection forms: %s\n"), forms);
  g_print (_("Findings: %u\n"), stats->findings);
  g_print (_("Problems: %u\n"), stats->problems);
  g_print (_("Rectification items: %s\n"), items);
  g_print (_("Lights: %s\n"), light_text);
  g_print (_("Published commitments: %u\n"), stats->commitments_published);
  g_print (_("Open supervision orders: %u\n"), stats->orders_open);
}

int
zc_cli_cmd_stats (ZcCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unit_code = NULL;
  gboolean json = FALSE;
  ZcStats stats = { 0, };
  int status;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &unit_code,
      N_("Only this unit’s figures"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object (the keys of CLI.md)"), NULL },
    { NULL }
  };

  context = zc_cli_context_new (NULL, _("Show the campaign’s figures."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN);
  if (status != ZC_CLI_EXIT_OK)
    return status;
  if (unit_code != NULL && (unit = zc_cli_lookup_unit (cli, unit_code)) == NULL)
    return ZC_CLI_EXIT_REFUSED;

  if (!zc_store_get_stats (cli->store, cli->actor,
                           unit != NULL ? zc_record_get_id (ZC_RECORD (unit)) : 0,
                           &stats, &error))
    return zc_cli_refuse_error (error);

  if (json)
    {
      g_autofree char *text = zc_stats_to_json (&stats);

      zc_cli_write_raw (text);
      if (!g_str_has_suffix (text, "\n"))
        zc_cli_write_raw ("\n");
    }
  else
    {
      print_stats (cli, unit, &stats);
    }

  return ZC_CLI_EXIT_OK;
}

/* ---- forms ----------------------------------------------------------------------------- */

static int
print_participation (ZcCli    *cli,
                     gint64    unit_id,
                     gboolean  skip_unreadable)
{
  g_autoptr(GListModel) forms = NULL;
  g_autoptr(GError) error = NULL;

  forms = zc_store_list_participation (cli->store, cli->actor, unit_id, &error);
  if (forms == NULL)
    {
      if (skip_unreadable && g_error_matches (error, ZC_ERROR, ZC_ERROR_PERMISSION))
        return ZC_CLI_EXIT_OK;
      return zc_cli_refuse_error (error);
    }

  for (guint i = 0; i < g_list_model_get_n_items (forms); i++)
    {
      g_autoptr(ZcForm) form = g_list_model_get_item (forms, i);
      const char *unit_name = zc_form_get_unit_name (form);
      const char *submitted = zc_form_get_submitted_at (form);

      g_print ("%s\t%s\t%s\t%s\t%d\t%s\n",
               zc_form_get_staff_code (form),
               zc_form_get_person_name (form),
               unit_name != NULL ? unit_name : "",
               zc_enum_label (ZC_TYPE_FORM_STATE, zc_form_get_state (form)),
               zc_form_get_finding_count (form),
               submitted != NULL ? submitted : "");
    }

  return ZC_CLI_EXIT_OK;
}

int
zc_cli_cmd_forms_list (ZcCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  g_autofree char *unit_code = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &unit_code,
      N_("Only this unit’s people (default: every unit you may read)"), N_("CODE") },
    { NULL }
  };

  context = zc_cli_context_new (NULL, _("List every person’s self-inspection form and its "
                                        "state, tab-separated."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN | ZC_CLI_READS_AS);
  if (status != ZC_CLI_EXIT_OK)
    return status;
  if (unit_code != NULL && (unit = zc_cli_lookup_unit (cli, unit_code)) == NULL)
    return ZC_CLI_EXIT_REFUSED;

  g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", _("staff code"), _("name"), _("unit"), _("state"),
           _("findings"), _("submitted"));
  if (unit != NULL)
    return print_participation (cli, zc_record_get_id (ZC_RECORD (unit)), FALSE);

  /* The core lists one unit at a time; show every unit the person may read. */
  {
    g_autoptr(GListModel) units = zc_store_list_units (cli->store);

    for (guint i = 0; i < g_list_model_get_n_items (units); i++)
      {
        g_autoptr(ZcUnit) each = g_list_model_get_item (units, i);

        status = print_participation (cli, zc_record_get_id (ZC_RECORD (each)), TRUE);
        if (status != ZC_CLI_EXIT_OK)
          return status;
      }
  }

  return ZC_CLI_EXIT_OK;
}

/* ---- verify ---------------------------------------------------------------------------- */

int
zc_cli_cmd_verify (ZcCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  context = zc_cli_context_new (NULL, _("Check the database’s integrity, the audit log’s hash "
                                        "chain, and that every record matches its log. Exit "
                                        "status 3 and what is broken on stderr when the check "
                                        "fails."));
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);

  if (!g_file_test (cli->db_path, G_FILE_TEST_EXISTS))
    return zc_cli_refuse (_("no database at ‘%s’"), cli->db_path);

  /* Not zc_cli_open (): a database too damaged to open is an integrity failure too. */
  cli->store = zc_store_open (cli->db_path, &error);
  if (cli->store == NULL)
    {
      zc_cli_refuse_error (error);
      return g_error_matches (error, ZC_ERROR, ZC_ERROR_CORRUPT)
             ? ZC_CLI_EXIT_INTEGRITY : ZC_CLI_EXIT_REFUSED;
    }

  ok = zc_store_verify (cli->store, &problems, &error);
  if (problems != NULL && problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        zc_cli_refuse ("%s", (const char *) g_ptr_array_index (problems, i));

      return ZC_CLI_EXIT_INTEGRITY;
    }
  if (!ok)
    {
      zc_cli_refuse_error (error);
      return g_error_matches (error, ZC_ERROR, ZC_ERROR_CORRUPT)
             ? ZC_CLI_EXIT_INTEGRITY : ZC_CLI_EXIT_REFUSED;
    }

  g_print (_("%s: the database and its audit log are intact\n"), cli->db_path);

  return ZC_CLI_EXIT_OK;
}
