/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-format.h"
#include "zc-preferences-window.h"
#include "zc-store.h"

struct _ZcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  GtkSwitch            *remember_switch;
  AdwActionRow         *database_row;
  AdwActionRow         *last_database_row;

  GSettings            *settings;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ZcPreferencesWindow, zc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of the style list, in order, as values of the "color-scheme" key. */
static const char *const style_nicks[] = { "default", "force-light", "force-dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_nicks); i++)
    if (g_str_equal (nick, style_nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (style_nicks))
    return NULL;
  return g_variant_new_string (style_nicks[selected]);
}

static void
on_remember_changed_cb (ZcPreferencesWindow *self)
{
  /* Forgetting means forgetting now, not only from the next sign-in on. */
  if (!gtk_switch_get_active (self->remember_switch))
    g_settings_set_string (self->settings, "remembered-person", "");
}

static void
update_storage_rows (ZcPreferencesWindow *self)
{
  g_autofree char *default_path = zc_store_default_path ();
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");
  g_autofree char *default_text = default_path ? zc_format_path (default_path) : g_strdup ("");
  g_autofree char *last_text = last[0] ? zc_format_path (last) : g_strdup (_("None"));

  adw_action_row_set_subtitle (self->database_row, default_text);
  adw_action_row_set_subtitle (self->last_database_row, last_text);
}

static void
zc_preferences_window_constructed (GObject *object)
{
  ZcPreferencesWindow *self = ZC_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (zc_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "remember-person",
                   self->remember_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->remember_switch, "notify::active",
                           G_CALLBACK (on_remember_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::last-database",
                           G_CALLBACK (update_storage_rows), self, G_CONNECT_SWAPPED);
  update_storage_rows (self);
}

static void
zc_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ZcPreferencesWindow *self = ZC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_preferences_window_dispose (GObject *object)
{
  ZcPreferencesWindow *self = ZC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zc_preferences_window_parent_class)->dispose (object);
}

static void
zc_preferences_window_class_init (ZcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zc_preferences_window_constructed;
  object_class->set_property = zc_preferences_window_set_property;
  object_class->dispose = zc_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, ZcPreferencesWindow, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, ZcPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, ZcPreferencesWindow, last_database_row);
}

static void
zc_preferences_window_init (ZcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ZcPreferencesWindow *
zc_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (ZC_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
