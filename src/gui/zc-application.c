/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-application.h"
#include "zc-dashboard-page.h"
#include "zc-preferences-window.h"
#include "zc-window.h"

struct _ZcApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GFile          *pending_file;   /* from --db, opened at the first activation */
};

G_DEFINE_FINAL_TYPE (ZcApplication, zc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the campaign database at PATH"), N_("PATH") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static ZcWindow *
get_or_create_window (ZcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (ZC_IS_WINDOW (window))
    return ZC_WINDOW (window);
  return zc_window_new (self);
}

static void
on_quit_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  ZcApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets each save its size; the application ends with the last. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static void
on_preferences_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ZcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ZcPreferencesWindow *preferences = zc_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
on_about_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ZcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "Zicha developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Zicha"),
                        "developer-name", _("Zicha developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Conduct self-inspection campaigns for government bureaus: "
                                      "find problems, rectify them, and close them out in the open."),
                        "website", "https://github.com/zicha/zicha",
                        "issue-url", "https://github.com/zicha/zicha/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 Zicha developers"),
                        "developers", developers,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", "0.1.0",
                        "release-notes",
                        /* The notes follow the release of the AppStream metainfo. */
                        "<p>The first release lays the foundation:</p><ul>"
                        "<li>A welcome screen to create a campaign, open a database or try "
                        "the demo campaign</li>"
                        "<li>A demo campaign of a civil-affairs bureau, generated on this "
                        "computer</li>"
                        "<li>Preferences for the style and for remembering who uses this "
                        "computer</li>"
                        "<li>The zicha-cli command-line tool for administrators and scripts</li>"
                        "<li>A complete Simplified Chinese translation</li></ul>",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_cb },
  { "preferences", on_preferences_cb },
  { "about", on_about_cb },
};

/* The database the command line names ("zicha FILE" or "--db FILE"), or NULL. */
static char *
database_argument (char **arguments)
{
  for (guint i = 1; arguments[i] != NULL; i++)
    {
      const char *arg = arguments[i];

      if (g_str_equal (arg, "--"))
        return arguments[i + 1] != NULL ? g_strdup (arguments[i + 1]) : NULL;
      if ((g_str_equal (arg, "--db") || g_str_equal (arg, "-d")) && arguments[i + 1] != NULL)
        return g_strdup (arguments[i + 1]);
      if (g_str_has_prefix (arg, "--db="))
        return g_strdup (arg + strlen ("--db="));
      if (arg[0] != '-')
        return g_strdup (arg);
    }
  return NULL;
}

/* Before GTK starts: the campaign's figures for an inspector's dashboard are counted while
 * GTK and the window are made (zc_dashboard_page_prefetch_file()). A launch that hands the
 * file to a Zicha already running leaves the count unfinished when it exits. */
static gboolean
zc_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  g_autofree char *arg = database_argument (*arguments);

  if (arg != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *today = zc_store_today (NULL);

      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        zc_dashboard_page_prefetch_file (path, today);
    }
  return G_APPLICATION_CLASS (zc_application_parent_class)->local_command_line (app, arguments,
                                                                               exit_status);
}

static int
zc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autofree char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("zicha %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* "--db PATH" does what giving PATH as an argument does: a running instance opens it,
   * or this one opens it when it activates. */
  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      ZcApplication *self = ZC_APPLICATION (app);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_application_open (app, &file, 1, "");
          return 0;
        }
      g_set_object (&self->pending_file, file);
    }

  return G_APPLICATION_CLASS (zc_application_parent_class)->handle_local_options (app, options);
}

static void
zc_application_startup (GApplication *app)
{
  ZcApplication *self = ZC_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *sign_out_accels[] = { "<Control><Shift>l", NULL };

  G_APPLICATION_CLASS (zc_application_parent_class)->startup (app);

  /* Not earlier: "zicha --version" and "--help" work without the schema installed. */
  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open-database",
                                         open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-campaign",
                                         new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.sign-out",
                                         sign_out_accels);

  /* Follows the system unless the person chose a style in the preferences. */
  g_settings_bind (self->settings, "color-scheme",
                   adw_style_manager_get_default (), "color-scheme",
                   G_SETTINGS_BIND_GET);
}

static void
zc_application_activate (GApplication *app)
{
  ZcApplication *self = ZC_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);
      ZcWindow *new_window = zc_window_new (self);

      if (file != NULL)
        zc_window_open_file (new_window, file);
      else
        zc_window_open_startup_database (new_window);
      window = GTK_WINDOW (new_window);
    }
  gtk_window_present (window);
}

static void
zc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  ZcApplication *self = ZC_APPLICATION (app);
  ZcWindow *window;

  if (n_files > 1)
    g_warning ("Zicha opens one database at a time; opening the first of %d", n_files);

  window = get_or_create_window (self);
  if (n_files > 0)
    zc_window_open_file (window, files[0]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
zc_application_dispose (GObject *object)
{
  ZcApplication *self = ZC_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->pending_file);

  G_OBJECT_CLASS (zc_application_parent_class)->dispose (object);
}

static void
zc_application_class_init (ZcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = zc_application_dispose;

  app_class->local_command_line = zc_application_local_command_line;
  app_class->handle_local_options = zc_application_handle_local_options;
  app_class->startup = zc_application_startup;
  app_class->activate = zc_application_activate;
  app_class->open = zc_application_open;
}

static void
zc_application_init (ZcApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Conduct self-inspection campaigns."));
}

ZcApplication *
zc_application_new (void)
{
  return g_object_new (ZC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/zicha/Zicha",
                       NULL);
}

GSettings *
zc_application_get_settings (ZcApplication *self)
{
  g_return_val_if_fail (ZC_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  return self->settings;
}
