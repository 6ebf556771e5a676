/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include "zc-ledger-slots.h"

struct _ZcLedgerSlot
{
  GObject       parent_instance;

  ZcLedgerSlots *rows;    /* unowned; NULL once the rows are gone */
  guint         index;
  ZcItem       *item;     /* read from the list when first asked for */
};

struct _ZcLedgerSlots
{
  GObject     parent_instance;

  GListModel *items;
  GPtrArray  *rows;       /* every row made so far; those past @n_rows wait to be used again */
  guint       n_rows;
  guint       shown_first;    /* the rows on screen: [first, last) */
  guint       shown_last;
  guint       stale_first;    /* rows off screen that show another item now, not told yet */
  guint       stale_last;     /* (empty when first == last) */
  guint       stale_id;       /* the idle that tells them */
  guint       told_first;     /* the rows the last change told at once, which need not */
  guint       told_last;      /* be told again with the stale ones */
};

enum {
  ROW_CHANGED,
  N_ROW_SIGNALS
};

static guint row_signals[N_ROW_SIGNALS];

static void zc_ledger_slots_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (ZcLedgerSlot, zc_ledger_slot, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (ZcLedgerSlots, zc_ledger_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      zc_ledger_slots_list_model_init))

/* ---- a row ---------------------------------------------------------------------------------- */

static void
zc_ledger_slot_finalize (GObject *object)
{
  ZcLedgerSlot *self = ZC_LEDGER_SLOT (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (zc_ledger_slot_parent_class)->finalize (object);
}

static void
zc_ledger_slot_class_init (ZcLedgerSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zc_ledger_slot_finalize;

  /**
   * ZcLedgerSlot::changed:
   *
   * The row shows another item now.
   */
  row_signals[ROW_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
zc_ledger_slot_init (ZcLedgerSlot *self)
{
}

/**
 * zc_ledger_slot_get_item:
 * @self: a row
 *
 * Returns: (transfer none) (nullable): the item the row shows now
 */
ZcItem *
zc_ledger_slot_get_item (ZcLedgerSlot *self)
{
  g_return_val_if_fail (ZC_IS_LEDGER_SLOT (self), NULL);

  if (self->item == NULL && self->rows != NULL && self->rows->items != NULL &&
      self->index < self->rows->n_rows)
    self->item = g_list_model_get_item (self->rows->items, self->index);
  return self->item;
}

guint
zc_ledger_slot_get_index (ZcLedgerSlot *self)
{
  g_return_val_if_fail (ZC_IS_LEDGER_SLOT (self), 0);

  return self->index;
}

/* ---- the rows ------------------------------------------------------------------------------- */

static ZcLedgerSlot *
row_new (ZcLedgerSlots *self,
         guint         index)
{
  ZcLedgerSlot *row = g_object_new (ZC_TYPE_LEDGER_SLOT, NULL);

  row->rows = self;
  row->index = index;
  return row;
}

static void
tell_row (ZcLedgerSlots *self,
          guint          i)
{
  ZcLedgerSlot *row = g_ptr_array_index (self->rows, i);

  /* Read again when asked for: only the rows with widgets are. */
  g_clear_object (&row->item);
  g_signal_emit (row, row_signals[ROW_CHANGED], 0);
}

/* Tells the rows off screen what they show now. */
static void
tell_stale (ZcLedgerSlots *self)
{
  guint first = self->stale_first;
  guint last = MIN (self->stale_last, self->n_rows);

  self->stale_first = self->stale_last = 0;
  g_clear_handle_id (&self->stale_id, g_source_remove);
  for (guint i = first; i < last; i++)
    if (i < self->told_first || i >= self->told_last)
      tell_row (self, i);
}

static gboolean
tell_stale_cb (gpointer user_data)
{
  ZcLedgerSlots *self = user_data;

  self->stale_id = 0;
  tell_stale (self);
  return G_SOURCE_REMOVE;
}

/* The list changed from @position on: the rows there show other items, and rows come or go
 * only at the end, so that the table keeps the widgets of the rows it has. The rows on
 * screen are told at once; the others, which GTK keeps too (200 rows of twelve cells,
 * however few are seen), once the frame that shows the change is drawn. */
static void
on_items_changed_cb (GListModel    *items,
                     guint          position,
                     guint          removed,
                     guint          added,
                     ZcLedgerSlots *self)
{
  guint before = self->n_rows;
  guint now = g_list_model_get_n_items (items);
  guint common, first, last, margin;

  /* Nothing to show: the page shows that instead of the table, which keeps its rows (and
   * their widgets) for the next search rather than tearing them down. */
  if (now == 0 && before > 0)
    return;
  common = MIN (before, now);

  /* The rows on screen and a screenful either side are told now. All are where the screen's
   * rows are unknown, or where the list now ends before them: GTK then moves the view while
   * it lays the table out, too late for the rows it shows to be told. */
  margin = MAX (self->shown_last - MIN (self->shown_first, self->shown_last), 10);
  if (self->shown_last == G_MAXUINT || now < self->shown_last + margin)
    {
      first = 0;
      last = common;
    }
  else
    {
      first = self->shown_first > margin ? self->shown_first - margin : 0;
      last = MIN (self->shown_last + margin, common);
    }
  self->told_first = first;
  self->told_last = last;
  for (guint i = position; i < common; i++)
    {
      ZcLedgerSlot *row = g_ptr_array_index (self->rows, i);

      /* A row off screen that GTK binds before it is told reads its new item. */
      g_clear_object (&row->item);
      if (i >= first && i < last)
        tell_row (self, i);
      else if (self->stale_first == self->stale_last)
        {
          self->stale_first = i;
          self->stale_last = i + 1;
        }
      else
        {
          self->stale_first = MIN (self->stale_first, i);
          self->stale_last = MAX (self->stale_last, i + 1);
        }
    }
  if (self->stale_first != self->stale_last && self->stale_id == 0)
    self->stale_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, tell_stale_cb, self, NULL);
  /* Rows come and go at the end; they are kept for the next time the list grows (a filter
   * typed and cleared again would make and free thousands). */
  for (guint i = self->rows->len; i < now; i++)
    g_ptr_array_add (self->rows, row_new (self, i));
  for (guint i = common; i < MAX (before, now); i++)
    g_clear_object (&((ZcLedgerSlot *) g_ptr_array_index (self->rows, i))->item);
  self->n_rows = now;
  if (now != before)
    g_list_model_items_changed (G_LIST_MODEL (self), common, before - common, now - common);
}

static GType
zc_ledger_slots_get_item_type (GListModel *model)
{
  return ZC_TYPE_LEDGER_SLOT;
}

static guint
zc_ledger_slots_get_n_items (GListModel *model)
{
  return ZC_LEDGER_SLOTS (model)->n_rows;
}

static gpointer
zc_ledger_slots_get_item (GListModel *model,
                         guint       position)
{
  ZcLedgerSlots *self = ZC_LEDGER_SLOTS (model);

  if (position >= self->n_rows)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
zc_ledger_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = zc_ledger_slots_get_item_type;
  iface->get_n_items = zc_ledger_slots_get_n_items;
  iface->get_item = zc_ledger_slots_get_item;
}

static void
row_detach (gpointer data)
{
  ZcLedgerSlot *row = data;

  /* A row still held by a widget being torn down reads nothing more. */
  row->rows = NULL;
  g_object_unref (row);
}

static void
zc_ledger_slots_dispose (GObject *object)
{
  ZcLedgerSlots *self = ZC_LEDGER_SLOTS (object);

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, on_items_changed_cb, self);
  g_clear_object (&self->items);
  g_clear_handle_id (&self->stale_id, g_source_remove);

  G_OBJECT_CLASS (zc_ledger_slots_parent_class)->dispose (object);
}

static void
zc_ledger_slots_finalize (GObject *object)
{
  ZcLedgerSlots *self = ZC_LEDGER_SLOTS (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (zc_ledger_slots_parent_class)->finalize (object);
}

static void
zc_ledger_slots_class_init (ZcLedgerSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zc_ledger_slots_dispose;
  object_class->finalize = zc_ledger_slots_finalize;
}

static void
zc_ledger_slots_init (ZcLedgerSlots *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_detach);
  self->shown_last = G_MAXUINT;
}

/**
 * zc_ledger_slots_new:
 * @items: a list of #ZcItem
 *
 * Returns: (transfer full): the rows of @items
 */
ZcLedgerSlots *
zc_ledger_slots_new (GListModel *items)
{
  ZcLedgerSlots *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  self = g_object_new (ZC_TYPE_LEDGER_SLOTS, NULL);
  self->items = g_object_ref (items);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->rows, row_new (self, i));
  self->n_rows = n;
  g_signal_connect (items, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  return self;
}

/**
 * zc_ledger_slots_set_shown:
 * @self: the rows
 * @first: the first row on screen
 * @last: one past the last row on screen
 *
 * Says which rows the table shows, so that a change of the list tells those (and a
 * screenful either side) at once and the others a moment later. When rows not told yet
 * come on screen before that, all are told now: the view jumped further than the margin,
 * which a scroll bar dragged or a row scrolled to does, not the small moves GTK makes
 * while it lays the table out. 0 and %G_MAXUINT (the default): every row is told at once.
 */
void
zc_ledger_slots_set_shown (ZcLedgerSlots *self,
                           guint          first,
                           guint          last)
{
  guint from, to;

  g_return_if_fail (ZC_IS_LEDGER_SLOTS (self));

  self->shown_first = first;
  self->shown_last = last;
  if (self->stale_first == self->stale_last)
    return;
  from = MAX (first, self->stale_first);
  to = MIN (last, self->stale_last);
  if (from < to && (from < self->told_first || to > self->told_last))
    tell_stale (self);
}
