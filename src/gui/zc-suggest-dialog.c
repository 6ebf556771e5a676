/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-entry-model.h"
#include "zc-suggest-dialog.h"
#include "zc-text-area.h"

/* Colleagues shown at most while searching. */
#define MAX_PEOPLE 8

enum {
  TARGET_PERSON,
  TARGET_UNIT,
};

struct _ZcSuggestDialog
{
  AdwWindow        parent_instance;

  /* template children */
  GtkButton       *send_button;
  AdwComboRow     *target_row;
  GtkWidget       *person_box;
  GtkSearchEntry  *person_entry;
  GtkListBox      *people_list;
  AdwComboRow     *unit_row;
  AdwComboRow     *category_row;
  ZcTextArea      *text_area;
  GtkSwitch       *anonymous_switch;
  GtkLabel        *anonymity_label;
  GtkLabel        *error_label;

  ZcStore         *store;
  ZcPerson        *actor;
  ZcEntryModel    *categories;
  GArray          *unit_ids;     /* gint64, parallel to the unit row's model */
  ZcPerson        *person;       /* the colleague chosen */
};

enum {
  SIGNAL_SUGGESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcSuggestDialog, zc_suggest_dialog, ADW_TYPE_WINDOW)

static void
show_error (ZcSuggestDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
about_person (ZcSuggestDialog *self)
{
  return adw_combo_row_get_selected (self->target_row) == TARGET_PERSON;
}

static void
update_send (ZcSuggestDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (zc_text_area_get_text (self->text_area)));
  gboolean whom = about_person (self) ? self->person != NULL
                                      : adw_combo_row_get_selected (self->unit_row) > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), whom && *text != '\0');
}

static void
update_anonymity (ZcSuggestDialog *self)
{
  if (gtk_switch_get_active (self->anonymous_switch))
    gtk_label_set_text (self->anonymity_label,
                        _("Anonymous means that Zicha keeps no record of who wrote this: not "
                          "with the suggestion, not in the operation log, nowhere. Nobody can "
                          "find out later, not an inspector and not you. For the same reason "
                          "you cannot change or withdraw it once it is sent."));
  else
    gtk_label_set_text (self->anonymity_label,
                        _("Your name goes with the suggestion: the colleague or the unit it is "
                          "about, and their lead, see that it came from you."));
}

static GtkWidget *
person_row_new (ZcPerson *person)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zc_person_get_name (person));
  /* Translators: a colleague's staff code and unit, in the suggestion dialog */
  subtitle = g_strdup_printf (_("%s · %s"), zc_person_get_staff_code (person),
                              zc_person_get_unit_name (person) ? zc_person_get_unit_name (person)
                                                               : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  label = g_strdup_printf (_("%s, %s"), zc_person_get_name (person), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (row), "zc-person", g_object_ref (person), g_object_unref);
  return row;
}

static void
fill_people (ZcSuggestDialog *self)
{
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->person_entry))));
  g_autoptr(GListModel) people = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  g_clear_object (&self->person);

  people = *search ? zc_store_list_people (self->store, 0, search, MAX_PEOPLE + 1) : NULL;
  n = people ? g_list_model_get_n_items (people) : 0;
  for (guint i = 0, shown = 0; i < n && shown < MAX_PEOPLE; i++)
    {
      g_autoptr(ZcPerson) person = g_list_model_get_item (people, i);

      if (zc_record_get_id (ZC_RECORD (person)) == zc_record_get_id (ZC_RECORD (self->actor)))
        continue;
      gtk_list_box_append (self->people_list, person_row_new (person));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->people_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->people_list)) != NULL);
  update_send (self);
}

static void
update_target (ZcSuggestDialog *self)
{
  gboolean person = about_person (self);

  gtk_widget_set_visible (self->person_box, person);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), !person);
  update_send (self);
}

/* ---- signal callbacks ------------------------------------------------------------------ */

static void
on_target_changed_cb (ZcSuggestDialog *self)
{
  update_target (self);
}

static void
on_person_search_changed_cb (ZcSuggestDialog *self)
{
  fill_people (self);
}

static void
on_person_selected_cb (ZcSuggestDialog *self,
                       GtkListBoxRow   *row)
{
  g_clear_object (&self->person);
  if (row != NULL)
    self->person = g_object_ref (g_object_get_data (G_OBJECT (row), "zc-person"));
  update_send (self);
}

static void
on_changed_cb (ZcSuggestDialog *self)
{
  show_error (self, NULL);
  update_send (self);
}

static void
on_anonymous_changed_cb (ZcSuggestDialog *self)
{
  update_anonymity (self);
}

static void
on_cancel_clicked_cb (ZcSuggestDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_send_clicked_cb (ZcSuggestDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFinding) finding = NULL;
  g_autofree char *text = g_strstrip (g_strdup (zc_text_area_get_text (self->text_area)));
  gint64 person_id = 0;
  gint64 unit_id = 0;

  if (about_person (self))
    person_id = self->person ? zc_record_get_id (ZC_RECORD (self->person)) : 0;
  else
    {
      guint position = adw_combo_row_get_selected (self->unit_row);

      if (position < self->unit_ids->len)
        unit_id = g_array_index (self->unit_ids, gint64, position);
    }

  finding = zc_store_suggest (self->store, self->actor, person_id, unit_id,
                              zc_entry_model_get_id (self->categories,
                                                     adw_combo_row_get_selected (self->category_row)),
                              text, gtk_switch_get_active (self->anonymous_switch), &error);
  if (finding == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SUGGESTED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- vfuncs ------------------------------------------------------------------------------ */

static void
zc_suggest_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ZC_TYPE_SUGGEST_DIALOG);

  G_OBJECT_CLASS (zc_suggest_dialog_parent_class)->dispose (object);
}

static void
zc_suggest_dialog_finalize (GObject *object)
{
  ZcSuggestDialog *self = ZC_SUGGEST_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->person);
  g_clear_pointer (&self->categories, zc_entry_model_free);
  g_clear_pointer (&self->unit_ids, g_array_unref);

  G_OBJECT_CLASS (zc_suggest_dialog_parent_class)->finalize (object);
}

static void
zc_suggest_dialog_class_init (ZcSuggestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_suggest_dialog_dispose;
  object_class->finalize = zc_suggest_dialog_finalize;

  /**
   * ZcSuggestDialog::suggested:
   *
   * The core took the suggestion; the dialog closes.
   */
  signals[SIGNAL_SUGGESTED] =
    g_signal_new ("suggested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ZC_TYPE_TEXT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-suggest-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcSuggestDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, ZcSuggestDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, ZcSuggestDialog, person_box);
  gtk_widget_class_bind_template_child (widget_class, ZcSuggestDialog, person_entry);
  gtk_widget_class_bind_template_child (widget_class, ZcSuggestDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, ZcSuggestDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, ZcSuggestDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, ZcSuggestDialog, text_area);
  gtk_widget_class_bind_template_child (widget_class, ZcSuggestDialog, anonymous_switch);
  gtk_widget_class_bind_template_child (widget_class, ZcSuggestDialog, anonymity_label);
  gtk_widget_class_bind_template_child (widget_class, ZcSuggestDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_anonymous_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_send_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zc_suggest_dialog_init (ZcSuggestDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ---- public ------------------------------------------------------------------------------ */

GtkWidget *
zc_suggest_dialog_new (GtkWindow *parent,
                       ZcStore   *store,
                       ZcPerson  *actor)
{
  ZcSuggestDialog *self;
  g_autoptr(GtkStringList) targets = NULL;
  g_autoptr(GtkStringList) units = NULL;
  g_autoptr(GListModel) unit_list = NULL;
  gint64 none = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_SUGGEST_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);

  targets = gtk_string_list_new (NULL);
  gtk_string_list_append (targets, _("A colleague"));
  gtk_string_list_append (targets, _("A unit"));
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (targets));

  units = gtk_string_list_new (NULL);
  gtk_string_list_append (units, _("Choose a unit"));
  g_array_append_val (self->unit_ids, none);
  unit_list = zc_store_list_units (store);
  for (guint i = 0; unit_list && i < g_list_model_get_n_items (unit_list); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (unit_list, i);
      gint64 id = zc_record_get_id (ZC_RECORD (unit));

      gtk_string_list_append (units, zc_unit_get_name (unit));
      g_array_append_val (self->unit_ids, id);
    }
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (units));

  self->categories = zc_entry_model_new (store, ZC_LIST_KIND_CATEGORY, _("Not sure"));
  zc_entry_model_bind_row (self->categories, store, self->category_row, 0);

  update_anonymity (self);
  update_target (self);
  return GTK_WIDGET (self);
}
