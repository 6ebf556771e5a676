/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include "zc-entry-model.h"

struct _ZcEntryModel
{
  GtkStringList *strings;
  GArray        *ids;       /* gint64, parallel to @strings */
};

ZcEntryModel *
zc_entry_model_new (ZcStore    *store,
                    ZcListKind  kind,
                    const char *none_label)
{
  ZcEntryModel *model = g_new0 (ZcEntryModel, 1);
  g_autoptr(GListModel) entries = zc_store_list_entries (store, kind);
  guint n = entries ? g_list_model_get_n_items (entries) : 0;
  gint64 none = 0;

  model->strings = gtk_string_list_new (NULL);
  model->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (model->strings, none_label);
  g_array_append_val (model->ids, none);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcListEntry) entry = g_list_model_get_item (entries, i);
      gint64 id = zc_record_get_id (ZC_RECORD (entry));

      if (!zc_list_entry_get_active (entry))
        continue;
      gtk_string_list_append (model->strings, zc_list_entry_get_display_label (entry));
      g_array_append_val (model->ids, id);
    }
  return model;
}

void
zc_entry_model_free (ZcEntryModel *model)
{
  if (model == NULL)
    return;
  g_clear_object (&model->strings);
  g_array_unref (model->ids);
  g_free (model);
}

GListModel *
zc_entry_model_get_list (ZcEntryModel *model)
{
  return G_LIST_MODEL (model->strings);
}

gint64
zc_entry_model_get_id (ZcEntryModel *model,
                       guint         position)
{
  if (position >= model->ids->len)
    return 0;
  return g_array_index (model->ids, gint64, position);
}

guint
zc_entry_model_find (ZcEntryModel *model,
                     ZcStore      *store,
                     gint64        id)
{
  g_autoptr(ZcListEntry) entry = NULL;

  for (guint i = 0; i < model->ids->len; i++)
    if (g_array_index (model->ids, gint64, i) == id)
      return i;

  entry = zc_store_get_entry (store, id);
  if (entry == NULL)
    return 0;
  gtk_string_list_append (model->strings, zc_list_entry_get_display_label (entry));
  g_array_append_val (model->ids, id);
  return model->ids->len - 1;
}

void
zc_entry_model_bind_row (ZcEntryModel *model,
                         ZcStore      *store,
                         AdwComboRow  *row,
                         gint64        id)
{
  guint position = zc_entry_model_find (model, store, id);

  adw_combo_row_set_model (row, zc_entry_model_get_list (model));
  adw_combo_row_set_selected (row, position);
}
