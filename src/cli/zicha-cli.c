/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * zicha-cli: the command line of CLI.md. This file parses the global options, finds the
 * command and holds the helpers every command shares; the commands live in zc-cli-*.c.
 */

#define G_LOG_DOMAIN "zicha-cli"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zc-cli.h"

typedef int (*ZcCliRun) (ZcCli *cli, int argc, char **argv);

typedef struct
{
  const char *name;
  const char *sub;       /* NULL: the command takes no subcommand word */
  ZcCliRun    run;
  const char *synopsis;
  const char *summary;
} ZcCliCommand;

/*
 * zicha-cli is built twice. The commands that write PDF and XLSX documents or exchange
 * files need cairo, Pango, libxlsxwriter and libarchive, about forty shared libraries that
 * take 13 ms to load before any command runs; `zicha-cli` is built without them
 * (ZC_CLI_LIGHT) and runs `zicha-cli-full` in its place, with the same arguments, for
 * those commands. Scripts see one command line.
 */
#ifdef ZC_CLI_LIGHT
#define FULL(run) zc_cli_run_full
#else
#define FULL(run) run
#endif

static const ZcCliCommand commands[] = {
  { "init", NULL, zc_cli_cmd_init,
    "init --title TEXT [--start YYYY-MM-DD]",
    N_("Create a campaign in a new database file") },
  { "units", "import", zc_cli_cmd_units_import,
    "units import FILE.csv",
    N_("Import units (code,name,parent_code,kind,focus)") },
  { "units", "list", zc_cli_cmd_units_list,
    "units list",
    N_("List the units in tree order") },
  { "people", "import", zc_cli_cmd_people_import,
    "people import FILE.csv",
    N_("Import people (staff_code,name,unit_code,post,roles,focus_post[,in_charge])") },
  { "people", "list", zc_cli_cmd_people_list,
    "people list [--unit CODE] [--search TEXT]",
    N_("List people") },
  { "phase", NULL, zc_cli_cmd_phase,
    "phase [show|advance|set NAME]",
    N_("Show the campaign’s phase, or move it (inspectors)") },
  { "demo", NULL, zc_cli_cmd_demo,
    "demo [--scale bureau|city] [--seed N]",
    N_("Fill a new database with a demo campaign") },
  { "stats", NULL, zc_cli_cmd_stats,
    "stats [--unit CODE] [--json]",
    N_("Show the campaign’s figures") },
  { "forms", "list", zc_cli_cmd_forms_list,
    "forms list [--unit CODE]",
    N_("List the self-inspection forms and who has not started") },
  { "ledger", "import", zc_cli_cmd_ledger_import,
    "ledger import FILE.csv --unit CODE",
    N_("Import an existing rectification ledger") },
  { "ledger", "export", zc_cli_cmd_ledger_export,
    "ledger export --format csv|xlsx -o FILE [--unit CODE]",
    N_("Export the rectification ledger") },
  { "ledger", "list", zc_cli_cmd_ledger_list,
    "ledger list [--unit CODE] [--state STATE] [--light LIGHT]",
    N_("List rectification items with their lights") },
  { "report", NULL, FULL (zc_cli_cmd_report),
    "report --format pdf -o FILE [--unit CODE]",
    N_("Write the campaign report (PDF)") },
  { "letter", NULL, FULL (zc_cli_cmd_letter),
    "letter -o FILE.pdf [--unit CODE] [--id ID]",
    N_("Write public commitment letters (PDF)") },
  { "notice", NULL, FULL (zc_cli_cmd_notice),
    "notice -o FILE.html",
    N_("Write the public notice page (HTML)") },
  { "package", "export", FULL (zc_cli_cmd_package_export),
    "package export --kind campaign|form|unit|decisions|suggestions -o FILE [--unit CODE]",
    N_("Write a signed exchange file for another computer (passphrase from ZICHA_PASSPHRASE "
       "or standard input)") },
  { "package", "import", FULL (zc_cli_cmd_package_import),
    "package import FILE",
    N_("Read an exchange file into this database (all or nothing)") },
  { "package", "reenrol", FULL (zc_cli_cmd_package_reenrol),
    "package reenrol STAFF_CODE",
    N_("Forget a person’s pinned key so that their new one is pinned (inspectors)") },
  { "passphrase", "set", FULL (zc_cli_cmd_passphrase_set),
    "passphrase set",
    N_("Set your passphrase here; the first one creates your signing key") },
  { "verify", NULL, zc_cli_cmd_verify,
    "verify",
    N_("Check the database and the audit log’s hash chain") },
};

/* ---- output helpers ------------------------------------------------------------------ */

/* GLib converts output to the console's charset, and in the C locale (ASCII) that turns
 * every Chinese name into "???". Nothing can be gained by that: write UTF-8 there, and
 * convert only to a real legacy charset such as GB18030. */
static void
print_to (FILE       *stream,
          const char *string)
{
  const char *charset = NULL;

  if (g_get_console_charset (&charset)
      || g_ascii_strcasecmp (charset, "ANSI_X3.4-1968") == 0
      || g_ascii_strcasecmp (charset, "ASCII") == 0
      || g_ascii_strcasecmp (charset, "US-ASCII") == 0)
    {
      fputs (string, stream);
    }
  else
    {
      g_autofree char *converted = g_convert_with_fallback (string, -1, charset, "UTF-8", "?",
                                                            NULL, NULL, NULL);

      fputs (converted != NULL ? converted : string, stream);
    }
  fflush (stream);
}

static void
on_print (const char *string)
{
  print_to (stdout, string);
}

static void
on_printerr (const char *string)
{
  print_to (stderr, string);
}

/* Core messages are one line; a cell quoted into one might not be. */
static char *
one_line (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      g_string_append_c (out, *p == '\n' ? ' ' : *p);
    }

  return g_string_free (out, FALSE);
}

static void
print_refusal (const char *message)
{
  g_autofree char *line = one_line (message);

  g_printerr ("zicha-cli: %s\n", line);
}

int
zc_cli_refuse (const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_refusal (message);

  return ZC_CLI_EXIT_REFUSED;
}

int
zc_cli_refuse_error (const GError *error)
{
  print_refusal (error != NULL ? error->message : _("unknown error"));

  return ZC_CLI_EXIT_REFUSED;
}

int
zc_cli_usage_error (GOptionContext *context,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_refusal (message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("\n%s", help);
    }

  return ZC_CLI_EXIT_USAGE;
}

char *
zc_cli_text_arg (const char *arg)
{
  if (arg == NULL)
    return NULL;
  /* Options are read as filenames (bytes) so that UTF-8 text survives a C locale. */
  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);

  return g_locale_to_utf8 (arg, -1, NULL, NULL, NULL);
}

int
zc_cli_finish_import (const char     *path,
                      gboolean        ok,
                      ZcImportReport *report,
                      const GError   *error,
                      gboolean        dry_run)
{
  guint n_errors = report != NULL && report->errors != NULL ? report->errors->len : 0;
  guint n_warnings = report != NULL && report->warnings != NULL ? report->warnings->len : 0;

  if (!ok || n_errors > 0)
    {
      for (guint i = 0; i < n_errors; i++)
        {
          const ZcImportIssue *issue = g_ptr_array_index (report->errors, i);

          zc_cli_refuse (_("%s: row %u: %s"), path, issue->row, issue->message);
        }
      if (n_errors == 0)
        zc_cli_refuse_error (error);

      return ZC_CLI_EXIT_REFUSED;
    }

  for (guint i = 0; i < n_warnings; i++)
    {
      const ZcImportIssue *issue = g_ptr_array_index (report->warnings, i);
      g_autofree char *message = one_line (issue->message);

      g_printerr (_("row %u: %s\n"), issue->row, message);
    }

  if (report == NULL)
    g_print (_("%s: imported\n"), path);
  else if (dry_run)
    g_print (_("%s: %u rows checked, no errors, %u warnings; nothing was written\n"),
             path, report->rows, n_warnings);
  else
    g_print (_("%s: %u rows read, %u created, %u updated, %u warnings\n"),
             path, report->rows, report->created, report->updated, n_warnings);

  return ZC_CLI_EXIT_OK;
}

void
zc_cli_write_raw (const char *text)
{
  fputs (text, stdout);
  fflush (stdout);
}

GOptionContext *
zc_cli_context_new (const char *parameter_string,
                    const char *summary)
{
  GOptionContext *context = g_option_context_new (parameter_string);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);

  return context;
}

gboolean
zc_cli_parse (GOptionContext  *context,
              int             *argc,
              char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      zc_cli_usage_error (context, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* ---- opening the database ------------------------------------------------------------ */

int
zc_cli_open (ZcCli      *cli,
             ZcCliNeeds  needs)
{
  g_autoptr(GError) error = NULL;
  gboolean exists = g_file_test (cli->db_path, G_FILE_TEST_EXISTS);

  if (!exists && !(needs & ZC_CLI_CREATES))
    return zc_cli_refuse (_("no database at ‘%s’ (create one with ‘zicha-cli init’)"),
                          cli->db_path);

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (cli->db_path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          return zc_cli_refuse (_("cannot create the folder ‘%s’: %s"),
                                dir, g_strerror (saved_errno));
        }
    }

  cli->store = zc_store_open (cli->db_path, &error);
  if (cli->store == NULL)
    return zc_cli_refuse_error (error);
  cli->created = !exists;

  if ((needs & ZC_CLI_NEEDS_CAMPAIGN) && !zc_store_has_campaign (cli->store))
    return zc_cli_refuse (_("‘%s’ holds no campaign (create one with ‘zicha-cli init’)"),
                          cli->db_path);

  /* init and demo work on an empty database: there is nobody to act as. */
  if (cli->as_code != NULL && zc_store_has_campaign (cli->store))
    {
      cli->actor = zc_store_get_person_by_code (cli->store, cli->as_code, &error);
      if (cli->actor == NULL)
        {
          if (g_error_matches (error, ZC_ERROR, ZC_ERROR_NOT_FOUND))
            return zc_cli_refuse (_("no person with staff code ‘%s’"), cli->as_code);
          return zc_cli_refuse_error (error);
        }
    }

  /* Set-up (init, units import, people import, demo) runs without --as while the campaign
   * lists nobody: the first inspector sets things up. */
  if ((needs & ZC_CLI_WRITES) && cli->actor == NULL
      && zc_store_has_campaign (cli->store) && zc_store_count_people (cli->store) > 0)
    return zc_cli_refuse (_("‘%s’ changes the campaign: name the acting person with "
                            "--as STAFF_CODE"),
                          cli->command);

  /* The core shows nobody's ledger or forms to nobody: say so instead of printing nothing. */
  if ((needs & ZC_CLI_READS_AS) && cli->actor == NULL
      && zc_store_has_campaign (cli->store) && zc_store_count_people (cli->store) > 0)
    return zc_cli_refuse (_("‘%s’ shows what only some people may read: name the reading "
                            "person with --as STAFF_CODE"),
                          cli->command);

  return ZC_CLI_EXIT_OK;
}

void
zc_cli_discard_created (ZcCli *cli)
{
  if (!cli->created)
    return;

  g_clear_object (&cli->actor);
  g_clear_object (&cli->store);
  zc_store_remove_files (cli->db_path);
  cli->created = FALSE;
}

ZcUnit *
zc_cli_lookup_unit (ZcCli      *cli,
                    const char *code)
{
  g_autoptr(GError) error = NULL;
  ZcUnit *unit = zc_store_get_unit_by_code (cli->store, code, &error);

  if (unit == NULL)
    {
      if (g_error_matches (error, ZC_ERROR, ZC_ERROR_NOT_FOUND))
        zc_cli_refuse (_("no unit with code ‘%s’"), code);
      else
        zc_cli_refuse_error (error);
    }

  return unit;
}

/* ---- the command table --------------------------------------------------------------- */

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %s\n      %s\n", commands[i].synopsis,
                            _(commands[i].summary));
  g_string_append_printf (text, "  %s\n      %s\n", "help", _("Show this help"));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Commands that change data need --as STAFF_CODE once the campaign "
                           "lists people.\nExit status: 0 done, 1 refused, 2 usage error, "
                           "3 integrity failure (verify)."));

  return g_string_free (text, FALSE);
}

static char *
describe_subcommands (const char *name)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", commands[i].sub);

  return g_string_free (text, FALSE);
}

static const ZcCliCommand *
find_command (const char *name,
              const char *sub,
              gboolean   *name_known)
{
  *name_known = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (commands[i].name, name))
        continue;
      *name_known = TRUE;
      if (commands[i].sub == NULL || (sub != NULL && g_str_equal (commands[i].sub, sub)))
        return &commands[i];
    }

  return NULL;
}

#ifdef ZC_CLI_LIGHT
/* The arguments as main() received them, for zicha-cli-full. */
static char **original_argv;

int
zc_cli_run_full (ZcCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *path = NULL;

  /* Beside this program in a build tree, else where it was installed. */
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);

      path = g_build_filename (dir, "zicha-cli-full", NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        g_clear_pointer (&path, g_free);
    }
  if (path == NULL)
    path = g_build_filename (ZC_LIBEXECDIR, "zicha-cli-full", NULL);

  execv (path, original_argv);
  return zc_cli_refuse (_("cannot run %s: %s"), path, g_strerror (errno));
}
#endif

static void
zc_cli_clear (ZcCli *cli)
{
  g_clear_object (&cli->actor);
  g_clear_object (&cli->store);
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->as_code, g_free);
  g_clear_pointer (&cli->command, g_free);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *as_code = NULL;
  g_autofree char *prgname = NULL;
  g_autofree char *default_path = zc_store_default_path ();
  g_autofree char *db_help = NULL;
  gboolean version = FALSE;
  const ZcCliCommand *command;
  const char *sub;
  gboolean name_known;
  int skip;
  int status;
  ZcCli cli = { NULL, };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, NULL, N_("PATH") },
    { "as", 0, 0, G_OPTION_ARG_FILENAME, &as_code,
      N_("The staff code of the person who acts"), N_("STAFF_CODE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

#ifdef ZC_CLI_LIGHT
  original_argv = g_strdupv (argv);
#endif
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("zicha-cli");
  g_set_print_handler (on_print);
  g_set_printerr_handler (on_printerr);

  /* Translated, so only now that gettext is set up. */
  db_help = g_strdup_printf (_("The campaign database (default: %s)"), default_path);
  entries[0].description = db_help;

  context = zc_cli_context_new (_("COMMAND [ARGUMENTS…]"),
                                _("Run a conduct self-inspection campaign from the command "
                                  "line."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Global options come before the command; the rest belongs to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;

  if (version)
    {
      g_print ("zicha-cli %s\n", PACKAGE_VERSION);
      return ZC_CLI_EXIT_OK;
    }

  if (argc < 2)
    return zc_cli_usage_error (context, _("no command given"));

  if (g_str_equal (argv[1], "help"))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return ZC_CLI_EXIT_OK;
    }

  sub = argc > 2 ? argv[2] : NULL;
  command = find_command (argv[1], sub, &name_known);
  if (command == NULL && !name_known)
    return zc_cli_usage_error (context, _("unknown command ‘%s’"), argv[1]);
  if (command == NULL)
    {
      g_autofree char *subs = describe_subcommands (argv[1]);

      if (sub == NULL)
        return zc_cli_usage_error (context, _("‘%s’ needs one of: %s"), argv[1], subs);
      return zc_cli_usage_error (context, _("‘%s %s’ is not a command; ‘%s’ takes: %s"),
                                 argv[1], sub, argv[1], subs);
    }

  cli.db_path = db_path != NULL ? g_steal_pointer (&db_path) : g_steal_pointer (&default_path);
  cli.as_code = g_steal_pointer (&as_code);
  cli.command = command->sub != NULL
                ? g_strdup_printf ("%s %s", command->name, command->sub)
                : g_strdup (command->name);

  /* The command parses its own options; its usage line names it. */
  prgname = g_strdup_printf ("zicha-cli %s", cli.command);
  g_set_prgname (prgname);

  skip = command->sub != NULL ? 2 : 1;
  status = command->run (&cli, argc - skip, argv + skip);

  zc_cli_clear (&cli);
#ifdef ZC_CLI_LIGHT
  g_strfreev (original_argv);
#endif

  return status;
}
