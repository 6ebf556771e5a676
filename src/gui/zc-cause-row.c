/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-cause-row.h"
#include "zc-entry-model.h"
#include "zc-text-area.h"

struct _ZcCauseRow
{
  AdwBin          parent_instance;

  /* template children */
  GtkLabel       *title_label;
  GtkButton      *delete_button;
  AdwComboRow    *dimension_row;
  ZcTextArea     *text_area;
  GtkExpander    *why_expander;
  ZcTextArea     *why_area;

  ZcStore        *store;
  ZcCause        *cause;
  ZcEntryModel   *dimensions;
  gboolean        loading;
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcCauseRow, zc_cause_row, ADW_TYPE_BIN)

static void
on_dimension_changed_cb (ZcCauseRow *self)
{
  if (self->loading)
    return;
  zc_cause_set_dimension_id (self->cause,
                             zc_entry_model_get_id (self->dimensions,
                                                    adw_combo_row_get_selected (self->dimension_row)));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_text_changed_cb (ZcCauseRow *self)
{
  zc_cause_set_text (self->cause, zc_text_area_get_text (self->text_area));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_why_changed_cb (ZcCauseRow *self)
{
  zc_cause_set_why_chain (self->cause, zc_text_area_get_text (self->why_area));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_delete_clicked_cb (ZcCauseRow *self)
{
  g_signal_emit (self, signals[SIGNAL_DELETE_REQUESTED], 0);
}

static void
zc_cause_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ZC_TYPE_CAUSE_ROW);

  G_OBJECT_CLASS (zc_cause_row_parent_class)->dispose (object);
}

static void
zc_cause_row_finalize (GObject *object)
{
  ZcCauseRow *self = ZC_CAUSE_ROW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cause);
  g_clear_pointer (&self->dimensions, zc_entry_model_free);

  G_OBJECT_CLASS (zc_cause_row_parent_class)->finalize (object);
}

static void
zc_cause_row_class_init (ZcCauseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_cause_row_dispose;
  object_class->finalize = zc_cause_row_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ZC_TYPE_TEXT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-cause-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcCauseRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZcCauseRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, ZcCauseRow, dimension_row);
  gtk_widget_class_bind_template_child (widget_class, ZcCauseRow, text_area);
  gtk_widget_class_bind_template_child (widget_class, ZcCauseRow, why_expander);
  gtk_widget_class_bind_template_child (widget_class, ZcCauseRow, why_area);
  gtk_widget_class_bind_template_callback (widget_class, on_dimension_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_why_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
}

static void
zc_cause_row_init (ZcCauseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zc_cause_row_new (ZcStore  *store,
                  ZcCause  *cause,
                  guint     number,
                  gboolean  editable)
{
  ZcCauseRow *self;
  g_autofree char *title = NULL;
  g_autofree char *delete_label = NULL;
  g_autofree char *text_label = NULL;
  g_autofree char *why_label = NULL;
  g_autofree char *dimension_label = NULL;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_CAUSE (cause), NULL);

  self = g_object_new (ZC_TYPE_CAUSE_ROW, NULL);
  self->store = g_object_ref (store);
  self->cause = g_object_ref (cause);

  /* Translators: the heading of one cause of a problem */
  title = g_strdup_printf (_("Cause %u"), number);
  gtk_label_set_text (self->title_label, title);
  /* Translators: accessible names of the fields of cause N */
  delete_label = g_strdup_printf (_("Remove cause %u"), number);
  text_label = g_strdup_printf (_("Cause %u: why the gap exists"), number);
  why_label = g_strdup_printf (_("Cause %u: and why is that?"), number);
  dimension_label = g_strdup_printf (_("Cause %u: dimension"), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (zc_text_area_get_text_view (self->text_area)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (zc_text_area_get_text_view (self->why_area)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, why_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dimension_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dimension_label, -1);
  /* GTK 4.8 does not name an expander after its label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->why_expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Ask “why?” once more"), -1);

  self->loading = TRUE;
  self->dimensions = zc_entry_model_new (store, ZC_LIST_KIND_DIMENSION, _("Not chosen yet"));
  zc_entry_model_bind_row (self->dimensions, store, self->dimension_row,
                           zc_cause_get_dimension_id (cause));
  zc_text_area_set_text (self->text_area, zc_cause_get_text (cause));
  zc_text_area_set_text (self->why_area, zc_cause_get_why_chain (cause));
  gtk_expander_set_expanded (self->why_expander, zc_cause_get_why_chain (cause) != NULL);
  self->loading = FALSE;

  zc_text_area_set_placeholder (self->text_area,
                                _("Why does the gap exist? Look at your thinking, your sense of "
                                  "purpose, discipline, ability, responsibility and the rules "
                                  "you work by."));
  zc_text_area_set_placeholder (self->why_area,
                                _("And why is that? Keep asking until you reach the root."));
  zc_text_area_set_editable (self->text_area, editable);
  zc_text_area_set_editable (self->why_area, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dimension_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), editable);
  if (!editable && zc_cause_get_why_chain (cause) == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->why_expander), FALSE);

  return GTK_WIDGET (self);
}

ZcCause *
zc_cause_row_get_cause (ZcCauseRow *self)
{
  g_return_val_if_fail (ZC_IS_CAUSE_ROW (self), NULL);

  return self->cause;
}

void
zc_cause_row_focus (ZcCauseRow *self)
{
  g_return_if_fail (ZC_IS_CAUSE_ROW (self));

  gtk_widget_grab_focus (zc_text_area_get_text_view (self->text_area));
}
