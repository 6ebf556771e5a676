/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-progress-dialog.h"

struct _ZcProgressDialog
{
  AdwWindow  parent_instance;

  ZcStore   *store;
  ZcPerson  *actor;
  ZcItem    *item;
};

enum {
  SIGNAL_REPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcProgressDialog, zc_progress_dialog, ADW_TYPE_WINDOW)

static void
zc_progress_dialog_finalize (GObject *object)
{
  ZcProgressDialog *self = ZC_PROGRESS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (zc_progress_dialog_parent_class)->finalize (object);
}

static void
zc_progress_dialog_class_init (ZcProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zc_progress_dialog_finalize;

  /**
   * ZcProgressDialog::reported:
   * @progress: the ZcProgress just recorded
   */
  signals[SIGNAL_REPORTED] =
    g_signal_new ("reported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ZC_TYPE_PROGRESS);
}

static void
zc_progress_dialog_init (ZcProgressDialog *self)
{
}

GtkWidget *
zc_progress_dialog_new (GtkWindow *parent,
                        ZcStore   *store,
                        ZcPerson  *actor,
                        ZcItem    *item)
{
  ZcProgressDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);
  g_return_val_if_fail (ZC_IS_ITEM (item), NULL);

  self = g_object_new (ZC_TYPE_PROGRESS_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", _("Report Progress"),
                       NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  self->item = g_object_ref (item);
  return GTK_WIDGET (self);
}
