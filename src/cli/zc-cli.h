/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zc-store.h"

G_BEGIN_DECLS

/* The exit statuses of CLI.md. */
typedef enum
{
  ZC_CLI_EXIT_OK        = 0,
  ZC_CLI_EXIT_REFUSED   = 1,
  ZC_CLI_EXIT_USAGE     = 2,
  ZC_CLI_EXIT_INTEGRITY = 3,
} ZcCliExit;

/* What a command needs before it runs. */
typedef enum
{
  ZC_CLI_NEEDS_NOTHING  = 0,
  ZC_CLI_NEEDS_CAMPAIGN = 1 << 0,  /* an existing database holding a campaign */
  ZC_CLI_CREATES        = 1 << 1,  /* may create the database file */
  ZC_CLI_WRITES         = 1 << 2,  /* changes data: --as once the campaign has people */
  ZC_CLI_READS_AS       = 1 << 3,  /* shows what the permission table restricts: --as too */
} ZcCliNeeds;

typedef struct
{
  char     *db_path;     /* --db, or the default path */
  char     *as_code;     /* --as, or NULL */
  char     *command;     /* "ledger import", for messages */
  ZcStore  *store;       /* after zc_cli_open () */
  ZcPerson *actor;       /* the --as person, or NULL */
  gboolean  created;     /* zc_cli_open () created the database file */
} ZcCli;

/* Prints "zicha-cli: MESSAGE" as one line on stderr. Returns ZC_CLI_EXIT_REFUSED. */
int         zc_cli_refuse      (const char   *format,
                                ...) G_GNUC_PRINTF (1, 2);
/* The same for a core refusal: the GError's message. */
int         zc_cli_refuse_error (const GError *error);
/* Prints "zicha-cli: MESSAGE" and @context's help on stderr. Returns ZC_CLI_EXIT_USAGE. */
int         zc_cli_usage_error (GOptionContext *context,
                                const char     *format,
                                ...) G_GNUC_PRINTF (2, 3);
/* A command's option context, with its translation domain and summary. */
GOptionContext *zc_cli_context_new (const char *parameter_string,
                                    const char *summary);
/* Parses a command's options; on failure prints the usage and returns FALSE. */
gboolean    zc_cli_parse       (GOptionContext  *context,
                                int             *argc,
                                char          ***argv);
/* Opens the database as @needs says and resolves --as. Returns ZC_CLI_EXIT_OK or the
 * status to exit with (the refusal has been printed). */
int         zc_cli_open        (ZcCli          *cli,
                                ZcCliNeeds      needs);
/* Closes and removes a database file that zc_cli_open () created, after a failed init or
 * demo: a refused command leaves nothing behind. */
void        zc_cli_discard_created (ZcCli  *cli);
/* Looks up a unit by code; prints the refusal and returns NULL when there is none. */
ZcUnit     *zc_cli_lookup_unit (ZcCli          *cli,
                                const char     *code);
/* A text argument as UTF-8 (arguments arrive in the locale's encoding); NULL when it
 * cannot be read. */
char       *zc_cli_text_arg    (const char     *arg);
/* Prints what an import reported: every error row as a refusal line, every warning as
 * "row N: message" on stderr, and on success a summary on stdout. Returns the status. */
int         zc_cli_finish_import (const char     *path,
                                  gboolean        ok,
                                  ZcImportReport *report,
                                  const GError   *error,
                                  gboolean        dry_run);
/* Writes @text to stdout as it is (machine output: JSON, CSV). */
void        zc_cli_write_raw   (const char     *text);

/* Runs zicha-cli-full in place of this program with the arguments it was given (see
 * zicha-cli.c). Returns only when it cannot be run, with the refusal printed. */
int         zc_cli_run_full    (ZcCli          *cli,
                                int             argc,
                                char          **argv);

/* Commands: each gets the arguments after its name (argv[0] is the command name). */
int zc_cli_cmd_init          (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_units_import  (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_units_list    (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_people_import (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_people_list   (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_phase         (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_demo          (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_stats         (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_forms_list    (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_ledger_import (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_ledger_export (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_ledger_list   (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_report        (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_letter        (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_notice        (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_package_export (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_package_import (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_package_reenrol (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_passphrase_set (ZcCli *cli, int argc, char **argv);
int zc_cli_cmd_verify        (ZcCli *cli, int argc, char **argv);

G_END_DECLS
