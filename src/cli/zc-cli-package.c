/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Exchange files (docs/exchange-format.md): package export and package import.
 */

#define G_LOG_DOMAIN "zicha-cli"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "zc-cli.h"
#include "zc-exchange.h"

#define PASSPHRASE_HELP \
  N_("Signing needs the acting person’s passphrase: it is read from the environment variable " \
     "ZICHA_PASSPHRASE, else from the first line of standard input when that is not a " \
     "terminal, else asked for on the terminal.")

/* The passphrase of --as: ZICHA_PASSPHRASE, a line on stdin, or a prompt on the terminal. */
static char *
read_passphrase (const char *name)
{
  const char *env = g_getenv ("ZICHA_PASSPHRASE");
  char line[1024];
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char *result = NULL;

  if (env != NULL)
    return g_strdup (env);
  if (tty)
    {
      g_printerr (_("Passphrase of %s: "), name);
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~ECHO;
          tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
        }
      else
        tty = FALSE;
    }
  if (fgets (line, sizeof line, stdin) != NULL)
    {
      line[strcspn (line, "\r\n")] = '\0';
      result = g_strdup (line);
    }
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  sodium_memzero (line, sizeof line);
  return result;
}

static void
free_passphrase (char *passphrase)
{
  if (passphrase == NULL)
    return;
  sodium_memzero (passphrase, strlen (passphrase));
  g_free (passphrase);
}

int
zc_cli_cmd_package_export (ZcCli  *cli,
                           int     argc,
                           char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *unit_code = NULL;
  g_autofree char *description = NULL;
  char *passphrase = NULL;
  g_autofree char *fingerprint = NULL;
  ZcExchangeKind kind;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("What to write: campaign, decisions (inspectors), unit (a lead), form (your own form "
         "and suggestions), suggestions (your anonymous suggestions)"), N_("KIND") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write"), N_("FILE") },
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &unit_code,
      N_("unit: the unit (default: yours); decisions: only this unit’s (default: every "
         "unit’s)"), N_("CODE") },
    { NULL }
  };

  context = zc_cli_context_new (NULL, _("Write an exchange file for another installation of "
                                        "the campaign. Campaign and decisions files are signed "
                                        "with the campaign key the inspectors hold, the others "
                                        "with the acting person’s own key; anonymous "
                                        "suggestions are not signed."));
  description = g_strdup (_(PASSPHRASE_HELP));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);
  if (kind_text == NULL || !zc_exchange_kind_from_string (kind_text, &kind))
    return zc_cli_usage_error (context, _("name what to write: --kind campaign, form, unit, "
                                          "decisions or suggestions"));
  if (output == NULL)
    return zc_cli_usage_error (context, _("name the file to write: -o FILE"));

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN | ZC_CLI_READS_AS);
  if (status != ZC_CLI_EXIT_OK)
    return status;
  if (cli->actor == NULL)
    return zc_cli_refuse (_("‘%s’ writes a file in a person’s name: name them with --as "
                            "STAFF_CODE"), cli->command);
  if (unit_code != NULL && (unit = zc_cli_lookup_unit (cli, unit_code)) == NULL)
    return ZC_CLI_EXIT_REFUSED;

  if (kind != ZC_EXCHANGE_KIND_SUGGESTIONS)
    {
      passphrase = read_passphrase (zc_person_get_name (cli->actor));
      if (passphrase == NULL)
        return zc_cli_refuse (_("no passphrase given: set ZICHA_PASSPHRASE or give it on "
                                "standard input"));
    }
  ok = zc_exchange_export (cli->store, cli->actor, kind,
                           unit != NULL ? zc_record_get_id (ZC_RECORD (unit)) : 0, passphrase,
                           output, NULL, NULL, NULL, &error);
  free_passphrase (passphrase);
  if (!ok)
    return zc_cli_refuse_error (error);

  if (kind == ZC_EXCHANGE_KIND_SUGGESTIONS)
    g_print (_("Wrote the anonymous suggestions to %s (not signed, no author)\n"), output);
  else
    {
      g_autoptr(ZcPerson) signer = zc_store_get_person (cli->store,
                                                        zc_record_get_id (ZC_RECORD (cli->actor)),
                                                        NULL);

      gboolean campaign_key = kind == ZC_EXCHANGE_KIND_CAMPAIGN ||
                              kind == ZC_EXCHANGE_KIND_DECISIONS;

      fingerprint = campaign_key
                    ? zc_exchange_campaign_fingerprint (cli->store)
                    : zc_exchange_fingerprint (signer ? zc_person_get_pubkey (signer) : NULL);
      /* Translators: "Wrote the form file to F.zip (by 杨洋, YL02; signed with key ab12 …)" */
      g_print (campaign_key ? _("Wrote the %s file to %s (by %s, %s; signed with the campaign "
                                "key %s)\n")
                            : _("Wrote the %s file to %s (by %s, %s; signed with their key "
                                "%s)\n"),
               kind_text, output, zc_person_get_name (cli->actor),
               zc_person_get_staff_code (cli->actor), fingerprint ? fingerprint : "?");
    }
  return ZC_CLI_EXIT_OK;
}

/* Files imported between two commits when several are given. */
#define IMPORT_BATCH 200

static void
print_import_report (const char       *path,
                     ZcExchangeReport *report)
{
  for (guint i = 0; i < report->notes->len; i++)
    g_print ("%s\n", (const char *) report->notes->pdata[i]);
  for (guint i = 0; i < report->not_merged->len; i++)
    g_printerr (_("not merged: %s\n"), (const char *) report->not_merged->pdata[i]);
  if (report->signer_name)
    g_print (_("%s: %s file of %s (%s), key %s\n"), path,
             zc_exchange_kind_to_string (report->kind), report->signer_name,
             report->signer_code ? report->signer_code : "?",
             report->fingerprint ? report->fingerprint : "?");
  else
    g_print (_("%s: %s file, anonymous and unsigned\n"), path,
             zc_exchange_kind_to_string (report->kind));
  if (!report->changed)
    g_print (_("Nothing new: the database is unchanged\n"));
  else
    g_print (_("%u created, %u updated, %u unchanged, %u older than here, %u removed, "
               "%u not merged\n"),
             report->n_created, report->n_updated, report->n_unchanged, report->n_older,
             report->n_deleted, report->not_merged->len);
}

static void
on_imported (const char       *path,
             ZcExchangeReport *report,
             const GError     *error,
             gpointer          user_data)
{
  int *result = user_data;

  if (report != NULL)
    print_import_report (path, report);
  else
    *result = zc_cli_refuse_error (error);
}

int
zc_cli_cmd_package_import (ZcCli  *cli,
                           int     argc,
                           char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  int result = ZC_CLI_EXIT_OK;

  context = zc_cli_context_new (_("FILE…"),
                                _("Read exchange files into this database, one after the "
                                  "other: all of each file or, when anything is wrong with it, "
                                  "nothing of it. Importing the same file twice changes "
                                  "nothing. A campaign file opens a new, empty database."));
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc < 2)
    return zc_cli_usage_error (context, _("no file given"));

  /* Before a new database is created for them. */
  for (int i = 1; i < argc; i++)
    if (!g_file_test (argv[i], G_FILE_TEST_IS_REGULAR))
      return zc_cli_refuse (_("no file ‘%s’"), argv[i]);
  status = zc_cli_open (cli, ZC_CLI_CREATES | ZC_CLI_WRITES);
  if (status != ZC_CLI_EXIT_OK)
    return status;

  /* Several files: read and checked ahead in a thread, 200 to a transaction. */
  if (!zc_exchange_import_files (cli->store, cli->actor, (const char * const *) argv + 1,
                                 argc - 1, IMPORT_BATCH, on_imported, &result, NULL, &error))
    return zc_cli_refuse_error (error);
  return result;
}

int
zc_cli_cmd_package_reenrol (ZcCli  *cli,
                            int     argc,
                            char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZcPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = zc_cli_context_new (_("STAFF_CODE"),
                                _("Forget the key pinned for a person (inspectors), so that the "
                                  "next file they sign, from a new computer say, pins their new "
                                  "key."));
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc != 2)
    return zc_cli_usage_error (context, _("name the person: STAFF_CODE"));

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN | ZC_CLI_WRITES);
  if (status != ZC_CLI_EXIT_OK)
    return status;
  person = zc_store_get_person_by_code (cli->store, argv[1], &error);
  if (person == NULL)
    return zc_cli_refuse_error (error);
  if (!zc_exchange_reenrol (cli->store, cli->actor, person, &error))
    return zc_cli_refuse_error (error);
  g_print (_("%s (%s): the next file they sign pins their new key\n"),
           zc_person_get_name (person), zc_person_get_staff_code (person));
  return ZC_CLI_EXIT_OK;
}

int
zc_cli_cmd_passphrase_set (ZcCli  *cli,
                           int     argc,
                           char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ZcPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  char *current = NULL;
  char *new_passphrase = NULL;
  const char *env = g_getenv ("ZICHA_NEW_PASSPHRASE");
  gboolean ok;
  int status;

  context = zc_cli_context_new (NULL,
                                _("Set the acting person’s passphrase on this computer; the "
                                  "first one also creates their signing key. The new passphrase "
                                  "is read from ZICHA_NEW_PASSPHRASE, else from standard input; "
                                  "the current one, when there is one, as for package export."));
  if (!zc_cli_parse (context, &argc, &argv))
    return ZC_CLI_EXIT_USAGE;
  if (argc > 1)
    return zc_cli_usage_error (context, _("unexpected argument ‘%s’"), argv[1]);

  status = zc_cli_open (cli, ZC_CLI_NEEDS_CAMPAIGN | ZC_CLI_READS_AS);
  if (status != ZC_CLI_EXIT_OK)
    return status;
  if (cli->actor == NULL)
    return zc_cli_refuse (_("name the person with --as STAFF_CODE"));

  if (zc_person_get_has_passphrase (cli->actor))
    current = read_passphrase (zc_person_get_name (cli->actor));
  new_passphrase = env != NULL ? g_strdup (env) : read_passphrase (zc_person_get_name (cli->actor));
  if (new_passphrase == NULL)
    {
      free_passphrase (current);
      return zc_cli_refuse (_("no new passphrase given: set ZICHA_NEW_PASSPHRASE or give it on "
                              "standard input"));
    }
  ok = zc_store_set_passphrase (cli->store, cli->actor, current, new_passphrase, &error);
  free_passphrase (current);
  free_passphrase (new_passphrase);
  if (!ok)
    return zc_cli_refuse_error (error);
  person = zc_store_get_person (cli->store, zc_record_get_id (ZC_RECORD (cli->actor)), NULL);
  fingerprint = zc_exchange_fingerprint (person ? zc_person_get_pubkey (person) : NULL);
  g_print (_("Passphrase set for %s; signing key %s\n"), zc_person_get_name (cli->actor),
           fingerprint ? fingerprint : "?");
  return ZC_CLI_EXIT_OK;
}
