/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-format.h"
#include "zc-new-campaign-dialog.h"

struct _ZcNewCampaignDialog
{
  AdwWindow       parent_instance;

  AdwEntryRow    *title_row;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkWidget      *create_button;
};

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcNewCampaignDialog, zc_new_campaign_dialog, ADW_TYPE_WINDOW)

static void
update_date_button (ZcNewCampaignDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = zc_format_date_time (date);

  gtk_menu_button_set_label (self->date_button, text);
}

static void
on_title_changed_cb (ZcNewCampaignDialog *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *stripped = g_strstrip (g_strdup (title));

  gtk_widget_set_sensitive (self->create_button, stripped[0] != '\0');
}

static void
on_day_selected_cb (ZcNewCampaignDialog *self)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (self->date_button));

  update_date_button (self);
  gtk_widget_set_visible (popover, FALSE);
}

static void
on_create_clicked_cb (ZcNewCampaignDialog *self)
{
  g_autofree char *title = NULL;
  g_autofree char *start_date = NULL;

  if (!gtk_widget_get_sensitive (self->create_button))
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  start_date = zc_new_campaign_dialog_get_start_date (self);

  /* Keep this dialog alive while the handlers run. */
  g_object_ref (self);
  g_signal_emit (self, signals[CREATE], 0, title, start_date);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
zc_new_campaign_dialog_class_init (ZcNewCampaignDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * ZcNewCampaignDialog::create:
   * @title: the campaign's title, trimmed
   * @start_date: the start date as YYYY-MM-DD
   */
  signals[CREATE] = g_signal_new ("create",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2,
                                  G_TYPE_STRING,
                                  G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-new-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcNewCampaignDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZcNewCampaignDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, ZcNewCampaignDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, ZcNewCampaignDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zc_new_campaign_dialog_init (ZcNewCampaignDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A title to start from; most bureaus name the campaign after its year. */
  /* Translators: the suggested title of a new campaign; %d is the year */
  title = g_strdup_printf (_("%d Work-Style Campaign"), g_date_time_get_year (now));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);

  gtk_calendar_select_day (self->calendar, now);
  update_date_button (self);
  on_title_changed_cb (self);
}

ZcNewCampaignDialog *
zc_new_campaign_dialog_new (void)
{
  return g_object_new (ZC_TYPE_NEW_CAMPAIGN_DIALOG, NULL);
}

const char *
zc_new_campaign_dialog_get_title (ZcNewCampaignDialog *self)
{
  g_return_val_if_fail (ZC_IS_NEW_CAMPAIGN_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->title_row));
}

char *
zc_new_campaign_dialog_get_start_date (ZcNewCampaignDialog *self)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (ZC_IS_NEW_CAMPAIGN_DIALOG (self), NULL);

  date = gtk_calendar_get_date (self->calendar);
  return g_date_time_format (date, "%Y-%m-%d");
}
