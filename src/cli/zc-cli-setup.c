/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Setting a campaign up: init, units, people, phases and the demo campaign.
 */

#define G_LOG_DOMAIN "zicha-cli"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "zc-cli.h"
#include "zc-demo.h"

/* ---- init ------------------------------------------------------------------------------ */

int
zc_cli_cmd_init (ZcCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title_arg = NULL;
  g_autofree char *start_arg = NULL;
  g_autofree char *title = NULL;
  g_autofree char *start = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title_arg,
      N_("The campaign’s title"), N_("TEXT") },
    { "start", 0, 0, G_OPTION_ARG_FILENAME, &start_arg,
      N_("The day mobilization starts (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  context = zc_cli_context_new (NULL, _("Create a campaign in a new database file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);
  if (title_arg == NULL)
    return zc_cli_usage_error (context, _("the campaign needs a title: --title TEXT"));

  title = zc_cli_text_arg (title_arg);
  start = zc_cli_text_arg (start_arg);
  if (title == NULL || (start_arg != NULL && start == NULL))
    return zc_cli_usage_error (context, _("the arguments are not valid text"));

  status = zc_cli_open (cli, ZC_CLI_CREATES);
  if (status != ZC_CLI_EXIT_OK)
    return status;

  if (zc_store_has_campaign (cli->store))
    {
      g_autoptr(ZcCampaign) existing = zc_store_get_campaign (cli->store, NULL);

      return zc_cli_refuse (_("‘%s’ already holds the campaign ‘%s’"), cli->db_path,
                            existing != NULL ? zc_campaign_get_title (existing) : "");
    }

  campaign = zc_store_init_campaign (cli->store, title, start, &error);
  if (campaign == NULL)
    {
      zc_cli_discard_created (cli);
      return zc_cli_refuse_error (error);
    }

  g_print (_("Created the campaign ‘%s’ in %s\n"), zc_campaign_get_title (campaign),
           cli->db_path);

  return ZC_CLI_EXIT_OK;
}

/* ---- units and people -------------------------------------------------------------------- */

typedef gboolean (*ImportFunc)  (ZcStore *, ZcPerson *, const char *, ZcImportReport **,
                                 GError **);
typedef gboolean (*PreviewFunc) (ZcStore *, const char *, ZcImportReport **, GError **);

static int
run_import (ZcCli       *cli,
            int          argc,
            char       **argv,
            const char  *summary,
            ImportFunc   import,
            PreviewFunc  preview)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dry_run = FALSE;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and list its problems without importing"), NULL },
    { NULL }
  };

  context = zc_cli_context_new (_("FILE.csv"), summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc < 2)
    return zc_cli_usage_error (context, _("no file given"));
  if (argc > 2)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[2]);

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN | (dry_run ? 0 : ZC_CLI_WRITES));
  if (status != ZC_CLI_EXIT_OK)
    return status;

  if (dry_run)
    ok = preview (cli->store, argv[1], &report, &error);
  else
    ok = import (cli->store, cli->actor, argv[1], &report, &error);

  return zc_cli_finish_import (argv[1], ok, report, error, dry_run);
}

int
zc_cli_cmd_units_import (ZcCli  *cli,
                         int     argc,
                         char  **argv)
{
  return run_import (cli, argc, argv,
                     _("Import units from a CSV file with the header "
                       "code,name,parent_code,kind,focus (kind: bureau, division, "
                       "subordinate, window; focus: 0/1). All rows or none."),
                     zc_store_import_units_csv, zc_store_preview_units_csv);
}

int
zc_cli_cmd_people_import (ZcCli  *cli,
                          int     argc,
                          char  **argv)
{
  return run_import (cli, argc, argv,
                     _("Import people from a CSV file with the header "
                       "staff_code,name,unit_code,post,roles,focus_post and, for leaders, "
                       "in_charge (roles and unit codes joined by ‘;’; roles: employee, lead, "
                       "leader, inspector). All rows or none."),
                     zc_store_import_people_csv, zc_store_preview_people_csv);
}

int
zc_cli_cmd_units_list (ZcCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GListModel) units = NULL;
  int status;

  context = zc_cli_context_new (NULL, _("List the units in tree order, tab-separated."));
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN);
  if (status != ZC_CLI_EXIT_OK)
    return status;

  units = zc_store_list_units (cli->store);
  g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", _("code"), _("name"), _("kind"), _("parent"),
           _("focus"), _("people"));
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      const char *parent = zc_unit_get_parent_code (unit);

      g_print ("%s\t%s\t%s\t%s\t%s\t%d\n",
               zc_unit_get_code (unit),
               zc_unit_get_name (unit),
               zc_enum_label (ZC_TYPE_UNIT_KIND, zc_unit_get_kind (unit)),
               parent != NULL ? parent : "",
               zc_unit_get_focus (unit) ? _("focus unit") : "",
               zc_unit_get_people_count (unit));
    }

  return ZC_CLI_EXIT_OK;
}

int
zc_cli_cmd_people_list (ZcCli  *cli,
                        int     argc,
                        char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  g_autofree char *unit_code = NULL;
  g_autofree char *search_arg = NULL;
  g_autofree char *search = NULL;
  int limit = 0;
  int status;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &unit_code,
      N_("Only the people of this unit"), N_("CODE") },
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &search_arg,
      N_("Only people whose name, staff code or unit contains TEXT"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("At most N people"), N_("N") },
    { NULL }
  };

  context = zc_cli_context_new (NULL, _("List people, tab-separated."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);
  if (limit < 0)
    return zc_cli_usage_error (context, _("--limit must not be negative"));
  search = zc_cli_text_arg (search_arg);
  if (search_arg != NULL && search == NULL)
    return zc_cli_usage_error (context, _("the arguments are not valid text"));

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN);
  if (status != ZC_CLI_EXIT_OK)
    return status;

  if (unit_code != NULL && (unit = zc_cli_lookup_unit (cli, unit_code)) == NULL)
    return ZC_CLI_EXIT_REFUSED;

  people = zc_store_list_people (cli->store, unit != NULL ? zc_record_get_id (ZC_RECORD (unit)) : 0,
                                 search, (guint) limit);
  g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", _("staff code"), _("name"), _("unit"), _("post"),
           _("roles"), _("focus post"));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ZcPerson) person = g_list_model_get_item (people, i);
      g_autofree char *roles = zc_roles_label (zc_person_get_roles (person));
      const char *unit_name = zc_person_get_unit_name (person);
      const char *post = zc_person_get_post (person);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\n",
               zc_person_get_staff_code (person),
               zc_person_get_name (person),
               unit_name != NULL ? unit_name : "",
               post != NULL ? post : "",
               roles,
               zc_person_get_focus_post (person) ? _("focus post") : "");
    }

  return ZC_CLI_EXIT_OK;
}

/* ---- phase ----------------------------------------------------------------------------- */

static void
print_phase (ZcCli      *cli,
             ZcCampaign *campaign)
{
  ZcPhase phase = zc_campaign_get_phase (campaign);
  int days_left = zc_store_days_left_in_phase (cli->store);

  g_print (_("Campaign: %s\n"), zc_campaign_get_title (campaign));
  g_print (_("Phase: %s (%s)\n"), zc_enum_label (ZC_TYPE_PHASE, phase),
           zc_enum_to_string (ZC_TYPE_PHASE, phase));
  if (days_left >= 0)
    g_print (ngettext ("%d day left in this phase\n", "%d days left in this phase\n",
                       (unsigned long) days_left),
             days_left);
}

static char *
phase_names (void)
{
  GString *names = g_string_new (NULL);

  for (int phase = ZC_PHASE_MOBILIZATION; phase <= ZC_PHASE_CLOSED; phase++)
    g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                            zc_enum_to_string (ZC_TYPE_PHASE, phase));

  return g_string_free (names, FALSE);
}

int
zc_cli_cmd_phase (ZcCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = phase_names ();
  g_autofree char *summary = NULL;
  const char *action;
  int phase = 0;
  int status;
  gboolean ok;

  summary = g_strdup_printf (_("Show the campaign’s phase, move it to the next one, or set it "
                               "(inspectors). Phases: %s."), names);
  context = zc_cli_context_new (_("[show|advance|set NAME]"), summary);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;

  action = argc > 1 ? argv[1] : "show";
  if (g_str_equal (action, "show") || g_str_equal (action, "advance"))
    {
      if (argc > 2)
        return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[2]);
    }
  else if (g_str_equal (action, "set"))
    {
      if (argc < 3)
        return zc_cli_usage_error (context, _("‘phase set’ needs a phase: %s"), names);
      if (argc > 3)
        return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[3]);
      if (!zc_enum_from_string (ZC_TYPE_PHASE, argv[2], &phase))
        return zc_cli_usage_error (context, _("unknown phase ‘%s’; phases: %s"), argv[2],
                                   names);
    }
  else
    {
      return zc_cli_usage_error (context, _("unknown action ‘%s’; use show, advance or set"),
                                 action);
    }

  g_free (cli->command);
  cli->command = g_strdup_printf ("phase %s", action);
  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN
                             | (g_str_equal (action, "show") ? 0 : ZC_CLI_WRITES));
  if (status != ZC_CLI_EXIT_OK)
    return status;

  if (g_str_equal (action, "advance"))
    ok = zc_store_advance_phase (cli->store, cli->actor, &error);
  else if (g_str_equal (action, "set"))
    ok = zc_store_set_phase (cli->store, cli->actor, (ZcPhase) phase, &error);
  else
    ok = TRUE;
  if (!ok)
    return zc_cli_refuse_error (error);

  campaign = zc_store_get_campaign (cli->store, &error);
  if (campaign == NULL)
    return zc_cli_refuse_error (error);
  print_phase (cli, campaign);

  return ZC_CLI_EXIT_OK;
}

/* ---- demo -------------------------------------------------------------------------------- */

static void
on_demo_progress (double   fraction,
                  gpointer data)
{
  int *last = data;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100.0 + 0.5);

  if (percent == *last)
    return;
  *last = percent;
  g_printerr ("\r%s %3d%%", _("Generating the demo campaign…"), percent);
}

int
zc_cli_cmd_demo (ZcCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scale_arg = NULL;
  g_autofree char *seed_arg = NULL;
  ZcDemoScale scale = ZC_DEMO_BUREAU;
  guint64 seed = 1;
  gboolean tty = isatty (fileno (stderr));
  int last_percent = -1;
  int status;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_arg,
      N_("bureau (about 20 units, 200 people) or city (about 60 units, 12,000 people)"),
      N_("bureau|city") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_arg,
      N_("The random seed; the same seed gives the same campaign (default: 1)"), N_("N") },
    { NULL }
  };

  context = zc_cli_context_new (NULL, _("Fill a new, empty database with a realistic demo "
                                        "campaign in Chinese."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);
  if (scale_arg != NULL && g_str_equal (scale_arg, "city"))
    scale = ZC_DEMO_CITY;
  else if (scale_arg != NULL && !g_str_equal (scale_arg, "bureau"))
    return zc_cli_usage_error (context, _("unknown scale ‘%s’; use bureau or city"), scale_arg);
  if (seed_arg != NULL
      && !g_ascii_string_to_unsigned (seed_arg, 10, 0, G_MAXUINT32, &seed, NULL))
    return zc_cli_usage_error (context, _("the seed must be a whole number from 0 to %u"),
                               G_MAXUINT32);

  status = zc_cli_open (cli, ZC_CLI_CREATES);
  if (status != ZC_CLI_EXIT_OK)
    return status;

  if (zc_store_has_campaign (cli->store) || zc_store_count_people (cli->store) > 0)
    return zc_cli_refuse (_("‘%s’ already holds a campaign; the demo needs a new database"),
                          cli->db_path);

  ok = zc_demo_generate (cli->store, scale, (guint32) seed,
                         tty ? on_demo_progress : NULL, &last_percent, &error);
  if (tty && last_percent >= 0)
    g_printerr ("\n");
  if (!ok)
    {
      zc_cli_discard_created (cli);
      return zc_cli_refuse_error (error);
    }

  units = zc_store_list_units (cli->store);
  g_print (_("Wrote the demo campaign to %s: %u units, %u people\n"), cli->db_path,
           g_list_model_get_n_items (units), zc_store_count_people (cli->store));

  return ZC_CLI_EXIT_OK;
}
