/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "zc-commitment-page.h"
#include "zc-inspector-common.h"
#include "zc-format.h"
#include "zc-lead-common.h"
#include "zc-pdf.h"

/* The preview: pages at most this much larger than on paper, this far apart. */
#define PREVIEW_MAX_SCALE 1.25
#define PREVIEW_GAP       24
/* Editing waits this long before the preview is laid out again. */
#define PREVIEW_DELAY_MS  250

typedef struct
{
  ZcCommitmentPage *page;       /* unowned */
  GtkWidget        *card;
  GtkLabel         *number_label;
  GtkTextView      *view;
  GtkMenuButton    *items_button;
  GtkWidget        *remove_button;
  GtkWidget        *popover;    /* weak */
  GArray           *item_ids;   /* gint64 */
} PledgeRow;

struct _ZcCommitmentPage
{
  GtkWidget        parent_instance;

  /* template children */
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkDropDown     *version_dropdown;
  GtkToggleButton *preview_button;
  GtkWidget       *save_button;
  GtkWidget       *publish_button;
  GtkWidget       *amend_button;
  GtkLabel        *state_notice;
  AdwLeaflet      *leaflet;
  GtkWidget       *editor_box;
  AdwEntryRow     *title_row;
  GtkTextView     *opening_view;
  GtkWidget       *add_pledge_button;
  GtkBox          *pledges_box;
  GtkTextView     *closing_view;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *signature_row;
  GtkMenuButton   *date_button;
  GtkCalendar     *date_calendar;
  GtkWidget       *editor_scrolled;
  GtkWidget       *preview_scrolled;
  GtkDrawingArea  *preview_area;

  ZcStore         *store;
  ZcPerson        *actor;
  gint64           unit_id;
  GListModel      *versions;     /* ZcCommitment of the unit, newest first */
  ZcCommitment    *current;      /* the version shown */
  GHashTable      *item_numbers; /* item id → its number, for the items pledges are tied to */
  GPtrArray       *pledge_rows;  /* PledgeRow */
  char            *sign_date;
  gboolean         editable;
  gboolean         dirty;
  gboolean         filling;
  ZcLetterLayout  *layout;
  guint            layout_id;
  guint            folded_id;
  GtkFileChooserNative *chooser;
  GCancellable    *cancellable;
};

enum {
  PDF_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcCommitmentPage, zc_commitment_page, GTK_TYPE_WIDGET)

typedef struct
{
  char   *db_path;
  char   *path;
  char   *today;
  gint64  actor_id;
  gint64  commitment_id;
} PdfJob;

static void show_version (ZcCommitmentPage *self, ZcCommitment *commitment);
static void schedule_layout (ZcCommitmentPage *self);

/* ---- helpers -------------------------------------------------------------------------------- */

static void
pledge_row_free (gpointer data)
{
  PledgeRow *row = data;

  if (row->popover != NULL)
    g_object_set_data (G_OBJECT (row->popover), "zc-pledge-row", NULL);
  g_clear_weak_pointer (&row->popover);
  g_array_unref (row->item_ids);
  g_free (row);
}

static char *
entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
update_date_button (ZcCommitmentPage *self)
{
  g_autofree char *text = zc_format_date (self->sign_date);

  gtk_menu_button_set_label (self->date_button, text ? text : _("On publishing"));
}

static gboolean
is_newest (ZcCommitmentPage *self,
           ZcCommitment     *commitment)
{
  g_autoptr(ZcCommitment) newest = NULL;

  if (self->versions == NULL || g_list_model_get_n_items (self->versions) == 0)
    return FALSE;
  newest = g_list_model_get_item (self->versions, 0);
  return zc_record_get_id (ZC_RECORD (newest)) == zc_record_get_id (ZC_RECORD (commitment));
}

/* ---- pledges -------------------------------------------------------------------------------- */

static void
update_pledge_numbers (ZcCommitmentPage *self)
{
  for (guint i = 0; i < self->pledge_rows->len; i++)
    {
      PledgeRow *row = g_ptr_array_index (self->pledge_rows, i);
      /* Translators: the heading of the Nth pledge of a commitment */
      g_autofree char *number = g_strdup_printf (_("Pledge %u"), i + 1);

      gtk_label_set_text (row->number_label, number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, number, -1);
    }
}

/* The number of item @id, read once (0: no such item, or not one the lead may read). */
static int
item_number (ZcCommitmentPage *self,
             gint64            id)
{
  gpointer number;

  if (!g_hash_table_lookup_extended (self->item_numbers, &id, NULL, &number))
    {
      g_autoptr(ZcItem) item = zc_store_get_item (self->store, self->actor, id, NULL);

      number = GINT_TO_POINTER (item ? zc_item_get_number (item) : 0);
      g_hash_table_insert (self->item_numbers, g_memdup2 (&id, sizeof id), number);
    }
  return GPOINTER_TO_INT (number);
}

static void
update_items_button (PledgeRow *row)
{
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autofree char *label = NULL;
  ZcCommitmentPage *self = row->page;

  for (guint i = 0; i < row->item_ids->len; i++)
    {
      int number = item_number (self, g_array_index (row->item_ids, gint64, i));

      if (number == 0)
        continue;
      if (numbers->len > 0)
        /* Translators: the separator between item numbers */
        g_string_append (numbers, _(", "));
      g_string_append_printf (numbers, "%d", number);
    }
  if (row->item_ids->len == 0)
    label = g_strdup (_("Tie to Items…"));
  else
    /* Translators: the rectification items a pledge is tied to, by their numbers */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Item %s", "Items %s",
                                          row->item_ids->len), numbers->str);
  gtk_menu_button_set_label (row->items_button, label);
}

static void
on_item_check_toggled_cb (GtkCheckButton *check,
                          PledgeRow      *row)
{
  ZcCommitmentPage *self = row->page;
  ZcItem *item = g_object_get_data (G_OBJECT (check), "zc-item");
  gint64 id;

  if (item == NULL)
    return;
  id = zc_record_get_id (ZC_RECORD (item));
  g_hash_table_insert (self->item_numbers, g_memdup2 (&id, sizeof id),
                       GINT_TO_POINTER (zc_item_get_number (item)));
  for (guint i = 0; i < row->item_ids->len; i++)
    if (g_array_index (row->item_ids, gint64, i) == id)
      g_array_remove_index (row->item_ids, i--);
  if (gtk_check_button_get_active (check))
    g_array_append_val (row->item_ids, id);
  update_items_button (row);
  if (!self->filling)
    self->dirty = TRUE;
}

/* ---- choosing the items of a pledge ----------------------------------------------------------- */

/* The popover lists the unit's items, read in a thread when it opens (so that new ones are
 * there too), in a list that makes rows only for those in view: a ledger of thousands is
 * chosen from as quickly as one of ten, with a search for a number or a measure. */

static gpointer
read_items (ZcStore       *store,
            ZcPerson      *actor,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ZcItemQuery query = ZC_ITEM_QUERY_INIT;

  query.unit_id = *(gint64 *) data;
  return zc_store_list_items (store, actor, &query, error);
}

static gboolean
item_matches (gpointer object,
              gpointer user_data)
{
  ZcItem *item = object;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (user_data));
  char number[16];

  if (text == NULL || *text == '\0')
    return TRUE;
  g_snprintf (number, sizeof number, "%d", zc_item_get_number (item));
  return g_str_has_prefix (number, text) ||
         (zc_item_get_measure (item) != NULL && strstr (zc_item_get_measure (item), text) != NULL);
}

static void
on_items_search_changed_cb (GtkSearchEntry *entry,
                            GtkFilter      *filter)
{
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_item_check_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     PledgeRow                *row)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  g_signal_connect (check, "toggled", G_CALLBACK (on_item_check_toggled_cb), row);
  gtk_list_item_set_child (list_item, check);
}

static void
bind_item_check_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    PledgeRow                *row)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);
  ZcItem *item = gtk_list_item_get_item (list_item);
  gint64 id = zc_record_get_id (ZC_RECORD (item));
  g_autofree char *text = NULL;
  gboolean active = FALSE;

  /* Translators: a rectification item to tie a pledge to: number and measure */
  text = g_strdup_printf (_("%d. %s"), zc_item_get_number (item), zc_item_get_measure (item));
  gtk_label_set_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (check))), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_tooltip_text (check, zc_item_get_measure (item));
  for (guint k = 0; k < row->item_ids->len; k++)
    if (g_array_index (row->item_ids, gint64, k) == id)
      active = TRUE;
  g_object_set_data (G_OBJECT (check), "zc-item", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_object_set_data (G_OBJECT (check), "zc-item", item);
}

static void
unbind_item_check_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      PledgeRow                *row)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "zc-item", NULL);
}

static GtkWidget *
items_chooser_new (PledgeRow  *row,
                   GListModel *items)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkCustomFilter *filter;
  GtkFilterListModel *shown;
  GtkListItemFactory *factory;
  GtkWidget *list;

  gtk_widget_set_size_request (box, 320, -1);
  if (g_list_model_get_n_items (items) == 0)
    {
      GtkWidget *none = gtk_label_new (_("The ledger has no items yet."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
      return box;
    }

  g_object_set (search, "placeholder-text", _("Number or measure"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the items"), -1);
  gtk_box_append (GTK_BOX (box), search);

  filter = gtk_custom_filter_new (item_matches, search, NULL);
  g_signal_connect_object (search, "search-changed", G_CALLBACK (on_items_search_changed_cb),
                           filter, 0);
  shown = gtk_filter_list_model_new (g_object_ref (items), GTK_FILTER (filter));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_check_cb), row);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_check_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item_check_cb), row);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (shown))),
                            factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The rectification items this pledge answers for"), -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static void
on_items_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(GtkWidget) popover = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = zc_inspector_load_finish (result, &error);
  PledgeRow *row;

  g_weak_ref_clear (ref);
  g_free (ref);
  if (popover == NULL || (row = g_object_get_data (G_OBJECT (popover), "zc-pledge-row")) == NULL ||
      !gtk_widget_get_visible (popover))
    return;
  if (items == NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (popover));
      zc_lead_error (GTK_WIDGET (row->page), _("The ledger could not be read."), error);
      return;
    }
  gtk_popover_set_child (GTK_POPOVER (popover), items_chooser_new (row, items));
}

/* Closed, the list goes with the items it holds: they are read again at the next opening. */
static void
on_items_popover_closed_cb (GtkPopover *popover,
                            PledgeRow  *row)
{
  gtk_popover_set_child (popover, NULL);
}

static void
on_items_popover_show_cb (GtkPopover *popover,
                          PledgeRow  *row)
{
  ZcCommitmentPage *self = row->page;
  GtkWidget *spinner = gtk_spinner_new ();
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  gtk_widget_set_size_request (spinner, 320, 48);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reading the ledger"), -1);
  gtk_popover_set_child (popover, spinner);
  g_weak_ref_init (ref, popover);
  zc_inspector_load_async (self->store, self->actor, read_items,
                           g_memdup2 (&self->unit_id, sizeof self->unit_id), g_free,
                           g_object_unref, NULL, on_items_read_cb, ref);
}

static void
on_pledge_changed_cb (GtkTextBuffer    *buffer,
                      ZcCommitmentPage *self)
{
  if (self->filling)
    return;
  self->dirty = TRUE;
  schedule_layout (self);
}

static void
on_remove_pledge_cb (GtkButton *button,
                     PledgeRow *row)
{
  ZcCommitmentPage *self = row->page;

  gtk_box_remove (self->pledges_box, row->card);
  g_ptr_array_remove (self->pledge_rows, row);
  update_pledge_numbers (self);
  self->dirty = TRUE;
  schedule_layout (self);
}

static PledgeRow *
add_pledge_row (ZcCommitmentPage *self,
                const char       *text,
                const char       *item_ids)
{
  PledgeRow *row = g_new0 (PledgeRow, 1);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *items_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  GtkWidget *frame;
  GtkWidget *view = gtk_text_view_new ();

  row->page = self;
  row->item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (item_ids != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (item_ids, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

          if (id > 0)
            g_array_append_val (row->item_ids, id);
        }
    }

  row->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (row->card, "card");
  gtk_widget_add_css_class (row->card, "zc-pledge-card");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  row->number_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (header), label);

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (items_button), popover);
  gtk_widget_add_css_class (items_button, "flat");
  gtk_widget_set_tooltip_text (items_button, _("The rectification items this pledge answers for"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (items_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The rectification items this pledge answers for"), -1);
  g_signal_connect (popover, "show", G_CALLBACK (on_items_popover_show_cb), row);
  g_signal_connect (popover, "closed", G_CALLBACK (on_items_popover_closed_cb), row);
  g_object_set_data (G_OBJECT (popover), "zc-pledge-row", row);
  g_set_weak_pointer (&row->popover, popover);
  row->items_button = GTK_MENU_BUTTON (items_button);
  gtk_box_append (GTK_BOX (header), items_button);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove This Pledge"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove This Pledge"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_pledge_cb), row);
  row->remove_button = remove;
  gtk_box_append (GTK_BOX (header), remove);
  gtk_box_append (GTK_BOX (row->card), header);

  frame = zc_lead_text_field_new (view, 56);
  zc_lead_text_view_set (GTK_TEXT_VIEW (view), text);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (on_pledge_changed_cb), self);
  row->view = GTK_TEXT_VIEW (view);
  gtk_box_append (GTK_BOX (row->card), frame);

  g_ptr_array_add (self->pledge_rows, row);
  gtk_box_append (self->pledges_box, row->card);
  update_items_button (row);
  update_pledge_numbers (self);
  return row;
}

static void
clear_pledges (ZcCommitmentPage *self)
{
  while (self->pledge_rows->len > 0)
    {
      PledgeRow *row = g_ptr_array_index (self->pledge_rows, 0);

      gtk_box_remove (self->pledges_box, row->card);
      g_ptr_array_remove_index (self->pledge_rows, 0);
    }
}

/* ---- the letter as written ------------------------------------------------------------------ */

/* The commitment as the editor shows it, with the display fields of the version shown. */
static ZcCommitment *
editor_commitment (ZcCommitmentPage *self)
{
  ZcCommitment *c = ZC_COMMITMENT (zc_record_copy (ZC_RECORD (self->current)));
  g_autofree char *title = entry_text (self->title_row);
  g_autofree char *opening = zc_lead_text_view_get (self->opening_view);
  g_autofree char *closing = zc_lead_text_view_get (self->closing_view);
  g_autofree char *phone = entry_text (self->phone_row);
  g_autofree char *email = entry_text (self->email_row);
  g_autofree char *signature = entry_text (self->signature_row);

  if (!self->editable)
    return c;
  zc_commitment_set_title (c, title);
  zc_commitment_set_opening (c, opening);
  zc_commitment_set_closing (c, closing);
  zc_commitment_set_contact_phone (c, phone);
  zc_commitment_set_contact_email (c, email);
  zc_commitment_set_signature (c, signature);
  zc_commitment_set_sign_date (c, self->sign_date);
  return c;
}

/* The pledges with text, as the editor shows them. */
static GListStore *
editor_pledges (ZcCommitmentPage *self)
{
  GListStore *pledges = g_list_store_new (ZC_TYPE_PLEDGE);

  for (guint i = 0; i < self->pledge_rows->len; i++)
    {
      PledgeRow *row = g_ptr_array_index (self->pledge_rows, i);
      g_autofree char *text = zc_lead_text_view_get (row->view);
      g_autoptr(ZcPledge) pledge = NULL;
      g_autoptr(GString) ids = g_string_new (NULL);

      if (text == NULL)
        continue;
      for (guint k = 0; k < row->item_ids->len; k++)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, k ? "," : "",
                                g_array_index (row->item_ids, gint64, k));
      pledge = zc_pledge_new ();
      zc_pledge_set_position (pledge, (int) g_list_model_get_n_items (G_LIST_MODEL (pledges)) + 1);
      zc_pledge_set_text (pledge, text);
      zc_pledge_set_item_ids (pledge, ids->len ? ids->str : NULL);
      g_list_store_append (pledges, pledge);
    }
  return pledges;
}

/* ---- the preview ---------------------------------------------------------------------------- */

static double
preview_scale (int width)
{
  return MIN (PREVIEW_MAX_SCALE, MAX (0.1, (width - 2.0 * PREVIEW_GAP) / ZC_PDF_A4_WIDTH));
}

static void
update_preview_size (ZcCommitmentPage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->preview_area));
  guint pages;
  double scale;

  if (self->layout == NULL || width <= 0)
    return;
  scale = preview_scale (width);
  pages = zc_letter_n_pages (self->layout, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
  gtk_drawing_area_set_content_height (self->preview_area,
                                       (int) (pages * (ZC_PDF_A4_HEIGHT * scale + PREVIEW_GAP) +
                                              PREVIEW_GAP));
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  ZcCommitmentPage *self = user_data;
  double scale = preview_scale (width);
  double page_w = ZC_PDF_A4_WIDTH * scale;
  double page_h = ZC_PDF_A4_HEIGHT * scale;
  double x = (width - page_w) / 2.0;
  guint pages;

  if (self->layout == NULL)
    return;
  pages = zc_letter_n_pages (self->layout, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
  for (guint i = 0; i < pages; i++)
    {
      double y = PREVIEW_GAP + i * (page_h + PREVIEW_GAP);

      /* The sheet, with a faint shadow, always white: it is paper in either style. */
      cairo_save (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
      cairo_rectangle (cr, x + 1, y + 2, page_w, page_h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, x, y, page_w, page_h);
      cairo_fill (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      cairo_rectangle (cr, 0, 0, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
      cairo_clip (cr);
      zc_letter_draw_page (self->layout, cr, i, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
      cairo_restore (cr);
    }
}

static void
relayout (ZcCommitmentPage *self)
{
  g_autoptr(ZcCommitment) commitment = NULL;
  g_autoptr(GListStore) pledges = NULL;

  g_clear_pointer (&self->layout, zc_letter_layout_free);
  if (self->current != NULL)
    {
      commitment = editor_commitment (self);
      pledges = editor_pledges (self);
      self->layout = zc_letter_layout_new (commitment, G_LIST_MODEL (pledges));
    }
  update_preview_size (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
}

static gboolean
relayout_cb (gpointer user_data)
{
  ZcCommitmentPage *self = user_data;

  self->layout_id = 0;
  relayout (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_layout (ZcCommitmentPage *self)
{
  g_clear_handle_id (&self->layout_id, g_source_remove);
  self->layout_id = g_timeout_add (PREVIEW_DELAY_MS, relayout_cb, self);
}

static void
on_preview_resize_cb (GtkDrawingArea   *area,
                      int               width,
                      int               height,
                      ZcCommitmentPage *self)
{
  update_preview_size (self);
}

/* ---- showing a version ---------------------------------------------------------------------- */

static void
set_editable (ZcCommitmentPage *self,
              gboolean          editable)
{
  GtkTextView *views[] = { self->opening_view, self->closing_view };
  AdwEntryRow *entries[] = { self->title_row, self->phone_row, self->email_row,
                             self->signature_row };

  self->editable = editable;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_text_view_set_editable (views[i], editable);
      gtk_text_view_set_cursor_visible (views[i], editable);
    }
  /* An entry row always shows its pencil: a published letter's rows are plainly off. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (entries[i]), editable);
  for (guint i = 0; i < self->pledge_rows->len; i++)
    {
      PledgeRow *row = g_ptr_array_index (self->pledge_rows, i);

      gtk_text_view_set_editable (row->view, editable);
      gtk_text_view_set_cursor_visible (row->view, editable);
      gtk_widget_set_sensitive (GTK_WIDGET (row->items_button), editable);
      gtk_widget_set_visible (row->remove_button, editable);
    }
  gtk_widget_set_visible (self->add_pledge_button, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), editable);
  /* A published letter is read as it was published: the page shows the letter alone. */
  gtk_widget_set_visible (self->editor_scrolled, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_button),
                          editable && adw_leaflet_get_folded (self->leaflet));
  gtk_toggle_button_set_active (self->preview_button, FALSE);
  if (!editable)
    adw_leaflet_set_visible_child (self->leaflet, self->preview_scrolled);
  else
    adw_leaflet_set_visible_child (self->leaflet, self->editor_scrolled);
}

static void
update_state (ZcCommitmentPage *self)
{
  ZcCommitment *c = self->current;
  gboolean draft = zc_commitment_get_state (c) == ZC_COMMITMENT_STATE_DRAFT;
  gboolean newest = is_newest (self, c);
  g_autofree char *published = zc_lead_format_day (zc_commitment_get_published_at (c));
  g_autofree char *notice = NULL;

  gtk_widget_set_visible (self->save_button, draft);
  gtk_widget_set_visible (self->publish_button, draft);
  gtk_widget_set_visible (self->amend_button, !draft && newest);

  if (draft)
    notice = g_strdup (_("This draft is not public yet. Publish it when it is ready: from then "
                         "on it can no longer be changed."));
  else if (newest)
    /* Translators: %s is the date a commitment was published */
    notice = g_strdup_printf (_("Published on %s. It can no longer be changed: to correct it, "
                                "amend it as a new version, and this one stays visible."),
                              published ? published : "");
  else
    /* Translators: %s is the date a commitment was published */
    notice = g_strdup_printf (_("Published on %s and since amended: a newer version replaces "
                                "it, and it stays visible as it was."),
                              published ? published : "");
  gtk_label_set_text (self->state_notice, notice);
}

static void
show_version (ZcCommitmentPage *self,
              ZcCommitment     *commitment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) pledges = NULL;

  g_set_object (&self->current, commitment);
  self->filling = TRUE;
  clear_pledges (self);

  set_entry (self->title_row, zc_commitment_get_title (commitment));
  zc_lead_text_view_set (self->opening_view, zc_commitment_get_opening (commitment));
  zc_lead_text_view_set (self->closing_view, zc_commitment_get_closing (commitment));
  set_entry (self->phone_row, zc_commitment_get_contact_phone (commitment));
  set_entry (self->email_row, zc_commitment_get_contact_email (commitment));
  set_entry (self->signature_row, zc_commitment_get_signature (commitment));
  g_free (self->sign_date);
  self->sign_date = g_strdup (zc_commitment_get_sign_date (commitment));
  update_date_button (self);

  pledges = zc_store_list_pledges (self->store, self->actor,
                                   zc_record_get_id (ZC_RECORD (commitment)), &error);
  if (pledges == NULL)
    zc_lead_error (GTK_WIDGET (self), _("The pledges could not be read."), error);
  for (guint i = 0; pledges != NULL && i < g_list_model_get_n_items (pledges); i++)
    {
      g_autoptr(ZcPledge) pledge = g_list_model_get_item (pledges, i);

      add_pledge_row (self, zc_pledge_get_text (pledge), zc_pledge_get_item_ids (pledge));
    }
  /* A draft always has a pledge to write in. */
  if (self->pledge_rows->len == 0 &&
      zc_commitment_get_state (commitment) == ZC_COMMITMENT_STATE_DRAFT)
    add_pledge_row (self, NULL, NULL);

  set_editable (self, zc_commitment_get_state (commitment) == ZC_COMMITMENT_STATE_DRAFT);
  update_state (self);
  self->dirty = FALSE;
  self->filling = FALSE;
  g_clear_handle_id (&self->layout_id, g_source_remove);
  relayout (self);
}

static void
fill_versions (ZcCommitmentPage *self,
               gint64            select_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (self->versions); i++)
    {
      g_autoptr(ZcCommitment) c = g_list_model_get_item (self->versions, i);
      g_autofree char *label = NULL;

      if (zc_commitment_get_state (c) == ZC_COMMITMENT_STATE_DRAFT)
        /* Translators: a version of a commitment that is still a draft */
        label = g_strdup_printf (_("Version %d, draft"), zc_commitment_get_version (c));
      else
        {
          g_autofree char *day = zc_lead_format_day (zc_commitment_get_published_at (c));

          /* Translators: a published version of a commitment, and when */
          label = g_strdup_printf (_("Version %d, published %s"), zc_commitment_get_version (c),
                                   day ? day : "");
        }
      gtk_string_list_append (labels, label);
      if (zc_record_get_id (ZC_RECORD (c)) == select_id)
        selected = i;
    }
  self->filling = TRUE;
  zc_lead_drop_down_set_strings (self->version_dropdown, labels);
  gtk_drop_down_set_selected (self->version_dropdown, selected);
  self->filling = FALSE;
}

static void
load (ZcCommitmentPage *self,
      gint64            select_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCommitment) shown = NULL;

  g_clear_object (&self->versions);
  self->versions = zc_store_list_commitments (self->store, self->actor, self->unit_id, FALSE,
                                              &error);
  if (self->versions == NULL)
    {
      zc_lead_error (GTK_WIDGET (self), _("The public commitments could not be read."), error);
      self->versions = G_LIST_MODEL (g_list_store_new (ZC_TYPE_COMMITMENT));
    }
  g_hash_table_remove_all (self->item_numbers);

  if (g_list_model_get_n_items (self->versions) == 0)
    {
      g_clear_object (&self->current);
      g_clear_pointer (&self->layout, zc_letter_layout_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_versions (self, select_id);
  shown = g_list_model_get_item (self->versions,
                                 gtk_drop_down_get_selected (self->version_dropdown));
  gtk_stack_set_visible_child_name (self->stack, "letter");
  show_version (self, shown);
}

/* ---- saving and publishing ------------------------------------------------------------------ */

static gboolean
save_draft (ZcCommitmentPage *self,
            gboolean          quiet)
{
  g_autoptr(ZcCommitment) c = NULL;
  g_autoptr(GListStore) pledges = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n;

  if (self->current == NULL || !self->editable)
    return TRUE;

  c = editor_commitment (self);
  pledges = editor_pledges (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (pledges));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcPledge) pledge = g_list_model_get_item (G_LIST_MODEL (pledges), i);
      g_auto(GStrv) parts = g_strsplit (zc_pledge_get_item_ids (pledge)
                                          ? zc_pledge_get_item_ids (pledge) : "", ",", -1);
      gint64 *item_ids = g_new0 (gint64, g_strv_length (parts) + 1);
      guint k = 0;

      for (guint j = 0; parts[j] != NULL; j++)
        if (*parts[j] != '\0')
          item_ids[k++] = g_ascii_strtoll (parts[j], NULL, 10);
      g_ptr_array_add (texts, g_strdup (zc_pledge_get_text (pledge)));
      g_ptr_array_add (ids, item_ids);
    }
  g_ptr_array_add (texts, NULL);

  if (!zc_store_save_commitment (self->store, self->actor, c, &error) ||
      !zc_store_set_pledges (self->store, self->actor, c, (const char * const *) texts->pdata,
                             (const gint64 * const *) ids->pdata, &error))
    {
      zc_lead_error (GTK_WIDGET (self), _("The commitment was not saved."), error);
      return FALSE;
    }
  self->dirty = FALSE;
  g_set_object (&self->current, c);
  if (!quiet)
    zc_lead_toast (GTK_WIDGET (self), _("Draft saved"));
  return TRUE;
}

static void
on_publish_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        ZcCommitmentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCommitment) c = NULL;

  if (!g_str_equal (response, "publish") || self->current == NULL)
    return;
  c = g_object_ref (self->current);
  if (!zc_store_publish_commitment (self->store, self->actor, c, &error))
    {
      zc_lead_error (GTK_WIDGET (self), _("The commitment was not published."), error);
      return;
    }
  zc_lead_toast (GTK_WIDGET (self), _("Your public commitment is published"));
  load (self, zc_record_get_id (ZC_RECORD (c)));
}

static void
on_publish_clicked_cb (ZcCommitmentPage *self)
{
  AdwMessageDialog *dialog;
  g_autoptr(GListStore) pledges = NULL;
  guint n;
  g_autofree char *body = NULL;

  if (!save_draft (self, TRUE))
    return;
  pledges = editor_pledges (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (pledges));
  /* Translators: the body of the publish confirmation; %u is the number of pledges */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The letter with its %u pledge becomes public, with your "
                                       "supervision contact. A published commitment can no longer "
                                       "be changed: a correction is a new version, and this one "
                                       "stays visible.",
                                       "The letter with its %u pledges becomes public, with your "
                                       "supervision contact. A published commitment can no longer "
                                       "be changed: a correction is a new version, and this one "
                                       "stays visible.", n), n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (zc_lead_parent (GTK_WIDGET (self)),
                                                       _("Publish the Commitment?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "publish", _("_Publish"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_publish_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_amend_clicked_cb (ZcCommitmentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCommitment) next = NULL;
  g_autofree char *message = NULL;

  if (self->current == NULL)
    return;
  next = zc_store_amend_commitment (self->store, self->actor, self->current, &error);
  if (next == NULL)
    {
      zc_lead_error (GTK_WIDGET (self), _("No new version was made."), error);
      return;
    }
  /* Translators: a toast; %d is the new version's number */
  message = g_strdup_printf (_("Version %d is a new draft: correct it, then publish it"),
                             zc_commitment_get_version (next));
  zc_lead_toast (GTK_WIDGET (self), message);
  load (self, zc_record_get_id (ZC_RECORD (next)));
}

static void
on_write_clicked_cb (ZcCommitmentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCommitment) c = zc_commitment_new ();
  g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (self->store, NULL);
  g_autoptr(ZcUnit) unit = zc_store_get_unit (self->store, self->unit_id, NULL);
  g_autofree char *title = NULL;

  /* The letter is an official document in Chinese whatever the interface language (as
   * the PDF's fixed words are): the proposed text is Chinese. */
  title = g_strdup_printf ("%s公开承诺书", unit ? zc_unit_get_name (unit) : "");
  zc_commitment_set_unit_id (c, self->unit_id);
  zc_commitment_set_title (c, title);
  zc_commitment_set_opening (c, "为切实转变工作作风、提升服务效能，更好地为群众办实事，"
                                "我们郑重作出如下承诺，欢迎社会各界监督：");
  zc_commitment_set_closing (c, "以上承诺，请全社会监督。如发现我们有未兑现之处，"
                                "欢迎通过以下方式反映，我们立即整改。");
  if (campaign != NULL)
    {
      zc_commitment_set_contact_phone (c, zc_campaign_get_supervision_phone (campaign));
      zc_commitment_set_contact_email (c, zc_campaign_get_supervision_email (campaign));
    }
  zc_commitment_set_signature (c, zc_person_get_name (self->actor));
  if (!zc_store_save_commitment (self->store, self->actor, c, &error))
    {
      zc_lead_error (GTK_WIDGET (self), _("The commitment could not be started."), error);
      return;
    }
  load (self, zc_record_get_id (ZC_RECORD (c)));
  gtk_widget_grab_focus (GTK_WIDGET (((PledgeRow *) g_ptr_array_index (self->pledge_rows, 0))->view));
}

/* ---- printing and PDF ----------------------------------------------------------------------- */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   ZcLetterLayout    *layout)
{
  gtk_print_operation_set_n_pages (operation,
                                   (int) zc_letter_n_pages (layout,
                                                            gtk_print_context_get_width (context),
                                                            gtk_print_context_get_height (context)));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 ZcLetterLayout    *layout)
{
  zc_letter_draw_page (layout, gtk_print_context_get_cairo_context (context), (guint) page,
                       gtk_print_context_get_width (context),
                       gtk_print_context_get_height (context));
}

static void
pdf_job_free (gpointer data)
{
  PdfJob *job = data;

  g_free (job->db_path);
  g_free (job->path);
  g_free (job->today);
  g_free (job);
}

static void
pdf_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  PdfJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = zc_store_open (job->db_path, &error);
  g_autoptr(ZcPerson) actor = NULL;

  if (store != NULL)
    {
      zc_store_set_today (store, job->today);
      actor = zc_store_get_person (store, job->actor_id, &error);
    }
  if (actor != NULL &&
      zc_pdf_export_letters (store, actor, job->commitment_id, 0, job->path, cancellable, NULL,
                             NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_pdf_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ZcCommitmentPage *self = ZC_COMMITMENT_PAGE (source);
  PdfJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        zc_lead_error (GTK_WIDGET (self), _("The PDF was not saved."), error);
      return;
    }
  name = g_filename_display_basename (job->path);
  /* Translators: a toast; %s is a file name */
  message = g_strdup_printf (_("The letter is saved as “%s”"), name);
  zc_lead_toast (GTK_WIDGET (self), message);
  g_signal_emit (self, signals[PDF_SAVED], 0, job->path);
}

static void
on_pdf_chosen_cb (GtkNativeDialog  *chooser,
                  int               response,
                  ZcCommitmentPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && g_file_peek_path (file) != NULL)
    zc_commitment_page_save_pdf (self, g_file_peek_path (file));
  g_clear_object (&self->chooser);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ZcCommitmentPage *self = ZC_COMMITMENT_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->current == NULL || !save_draft (self, TRUE))
    return;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the Letter as PDF"),
                                               zc_lead_parent (widget),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  name = g_strdup_printf ("%s.pdf", zc_commitment_get_title (self->current)
                                      ? zc_commitment_get_title (self->current) : "公开承诺书");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_pdf_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  zc_commitment_page_print (ZC_COMMITMENT_PAGE (widget), NULL);
}

static gboolean
save_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  ZcCommitmentPage *self = ZC_COMMITMENT_PAGE (widget);

  if (self->current != NULL && self->editable)
    save_draft (self, FALSE);
  return TRUE;
}

/* ---- signal callbacks ----------------------------------------------------------------------- */

static void
on_edited_cb (ZcCommitmentPage *self)
{
  if (self->filling)
    return;
  self->dirty = TRUE;
  schedule_layout (self);
}

static void
on_text_changed_cb (GtkTextBuffer    *buffer,
                    ZcCommitmentPage *self)
{
  on_edited_cb (self);
}

static void
on_add_pledge_cb (ZcCommitmentPage *self)
{
  PledgeRow *row = add_pledge_row (self, NULL, NULL);

  set_editable (self, self->editable);
  gtk_widget_grab_focus (GTK_WIDGET (row->view));
}

static void
on_save_clicked_cb (ZcCommitmentPage *self)
{
  save_draft (self, FALSE);
}

static void
on_version_changed_cb (ZcCommitmentPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->version_dropdown);
  g_autoptr(ZcCommitment) chosen = NULL;

  if (self->filling || self->versions == NULL ||
      selected >= g_list_model_get_n_items (self->versions))
    return;
  /* What was written in the draft is kept before another version is shown. */
  if (self->dirty && !save_draft (self, TRUE))
    return;
  chosen = g_list_model_get_item (self->versions, selected);
  show_version (self, chosen);
}

static void
on_date_selected_cb (ZcCommitmentPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->date_calendar);

  if (self->filling)
    return;
  g_free (self->sign_date);
  self->sign_date = g_date_time_format (date, "%Y-%m-%d");
  update_date_button (self);
  gtk_menu_button_popdown (self->date_button);
  on_edited_cb (self);
}

static void
on_preview_toggled_cb (ZcCommitmentPage *self)
{
  adw_leaflet_navigate (self->leaflet, gtk_toggle_button_get_active (self->preview_button)
                                         ? ADW_NAVIGATION_DIRECTION_FORWARD
                                         : ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
update_folded_cb (gpointer user_data)
{
  ZcCommitmentPage *self = user_data;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  self->folded_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->preview_button), folded && self->editable);
  if (!folded)
    gtk_toggle_button_set_active (self->preview_button, FALSE);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is allocated: the toolbar changes after that. */
static void
on_folded_cb (ZcCommitmentPage *self)
{
  if (self->folded_id == 0)
    self->folded_id = g_idle_add (update_folded_cb, self);
}

static void
on_leaflet_child_cb (ZcCommitmentPage *self)
{
  GtkWidget *child = adw_leaflet_get_visible_child (self->leaflet);

  /* A swipe back leaves the preview: the toggle follows. */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_toggle_button_set_active (self->preview_button, child == self->preview_scrolled);
}

static void
on_map_cb (ZcCommitmentPage *self)
{
  zc_commitment_page_reload (self);
}

static void
on_unmap_cb (ZcCommitmentPage *self)
{
  /* Nothing written is lost when the person goes to another page. */
  if (self->dirty)
    save_draft (self, TRUE);
}

/* ---- vfuncs --------------------------------------------------------------------------------- */

static void
zc_commitment_page_dispose (GObject *object)
{
  ZcCommitmentPage *self = ZC_COMMITMENT_PAGE (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->layout_id, g_source_remove);
  g_clear_handle_id (&self->folded_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->pledge_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_COMMITMENT_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->layout, zc_letter_layout_free);
  g_clear_pointer (&self->sign_date, g_free);
  g_clear_object (&self->current);
  g_clear_object (&self->versions);
  g_clear_pointer (&self->item_numbers, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (zc_commitment_page_parent_class)->dispose (object);
}

static void
zc_commitment_page_class_init (ZcCommitmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_commitment_page_dispose;

  /**
   * ZcCommitmentPage::pdf-saved:
   * @path: the PDF written
   */
  signals[PDF_SAVED] = g_signal_new ("pdf-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-commitment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, preview_button);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, publish_button);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, amend_button);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, state_notice);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, opening_view);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, add_pledge_button);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, pledges_box);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, closing_view);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, signature_row);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, editor_scrolled);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, preview_scrolled);
  gtk_widget_class_bind_template_child (widget_class, ZcCommitmentPage, preview_area);
  gtk_widget_class_bind_template_callback (widget_class, on_write_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_version_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_amend_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_pledge_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_selected_cb);

  gtk_widget_class_install_action (widget_class, "commitment.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "commitment.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
}

static void
zc_commitment_page_init (ZcCommitmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  zc_lead_drop_down_set_name (self->version_dropdown, _("Version"));

  self->pledge_rows = g_ptr_array_new_with_free_func (pledge_row_free);
  self->item_numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  zc_lead_text_field_grow (self->opening_view);
  zc_lead_text_field_grow (self->closing_view);
  gtk_drawing_area_set_draw_func (self->preview_area, draw_preview, self, NULL);
  g_signal_connect (self->preview_area, "resize", G_CALLBACK (on_preview_resize_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->opening_view), "changed",
                    G_CALLBACK (on_text_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->closing_view), "changed",
                    G_CALLBACK (on_text_changed_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child",
                            G_CALLBACK (on_leaflet_child_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap_cb), NULL);
}

/* ---- public --------------------------------------------------------------------------------- */

GtkWidget *
zc_commitment_page_new (ZcStore  *store,
                        ZcPerson *actor)
{
  ZcCommitmentPage *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_COMMITMENT_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  self->unit_id = zc_person_get_unit_id (actor);
  zc_commitment_page_reload (self);
  return GTK_WIDGET (self);
}

void
zc_commitment_page_reload (ZcCommitmentPage *self)
{
  g_return_if_fail (ZC_IS_COMMITMENT_PAGE (self));

  /* A draft being written is kept as it is on screen. */
  if (self->dirty)
    return;
  load (self, self->current ? zc_record_get_id (ZC_RECORD (self->current)) : 0);
}

ZcCommitment *
zc_commitment_page_get_shown (ZcCommitmentPage *self)
{
  g_return_val_if_fail (ZC_IS_COMMITMENT_PAGE (self), NULL);

  return self->current;
}

gboolean
zc_commitment_page_save (ZcCommitmentPage *self)
{
  g_return_val_if_fail (ZC_IS_COMMITMENT_PAGE (self), FALSE);

  return save_draft (self, FALSE);
}

void
zc_commitment_page_save_pdf (ZcCommitmentPage *self,
                             const char       *path)
{
  g_autoptr(GTask) task = NULL;
  PdfJob *job;

  g_return_if_fail (ZC_IS_COMMITMENT_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->current == NULL || !save_draft (self, TRUE))
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (PdfJob, 1);
  job->db_path = g_strdup (zc_store_get_path (self->store));
  job->path = g_strdup (path);
  job->today = zc_store_today (self->store);
  job->actor_id = zc_record_get_id (ZC_RECORD (self->actor));
  job->commitment_id = zc_record_get_id (ZC_RECORD (self->current));

  task = g_task_new (self, self->cancellable, on_pdf_saved_cb, NULL);
  g_task_set_source_tag (task, zc_commitment_page_save_pdf);
  g_task_set_task_data (task, job, pdf_job_free);
  g_task_run_in_thread (task, pdf_thread);
}

GtkPrintOperationResult
zc_commitment_page_print (ZcCommitmentPage *self,
                          const char       *path)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCommitment) commitment = NULL;
  g_autoptr(GListStore) pledges = NULL;
  ZcLetterLayout *layout;
  GtkPrintOperationResult result;

  g_return_val_if_fail (ZC_IS_COMMITMENT_PAGE (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  if (self->current == NULL || !save_draft (self, TRUE))
    return GTK_PRINT_OPERATION_RESULT_ERROR;

  commitment = editor_commitment (self);
  pledges = editor_pledges (self);
  layout = zc_letter_layout_new (commitment, G_LIST_MODEL (pledges));

  operation = gtk_print_operation_new ();
  /* The layout keeps its own margins and works in points. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, zc_commitment_get_title (commitment)
                                                 ? zc_commitment_get_title (commitment) : "");
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), layout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), layout);
  g_object_set_data_full (G_OBJECT (operation), "zc-layout", layout,
                          (GDestroyNotify) zc_letter_layout_free);
  if (path != NULL)
    gtk_print_operation_set_export_filename (operation, path);

  result = gtk_print_operation_run (operation,
                                    path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                 : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    zc_lead_parent (GTK_WIDGET (self)), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    zc_lead_error (GTK_WIDGET (self), _("The letter was not printed."), error);
  return result;
}

guint
zc_commitment_page_get_n_pages (ZcCommitmentPage *self)
{
  g_return_val_if_fail (ZC_IS_COMMITMENT_PAGE (self), 0);

  if (self->layout == NULL)
    return 0;
  return zc_letter_n_pages (self->layout, ZC_PDF_A4_WIDTH, ZC_PDF_A4_HEIGHT);
}
