/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-format.h"
#include "zc-light.h"
#include "zc-lead-common.h"
#include "zc-window.h"

static const char *form_state_classes[] = {
  [ZC_FORM_STATE_NOT_STARTED] = "zc-form-not-started",
  [ZC_FORM_STATE_DRAFT] = "zc-form-draft",
  [ZC_FORM_STATE_SUBMITTED] = "zc-form-submitted",
  [ZC_FORM_STATE_RETURNED] = "zc-form-returned",
  [ZC_FORM_STATE_APPROVED] = "zc-form-approved",
};

void
zc_lead_toast (GtkWidget  *widget,
               const char *message)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  root = gtk_widget_get_root (widget);
  /* A dialog's messages go to the window it belongs to. */
  if (GTK_IS_WINDOW (root) && !ZC_IS_WINDOW (root) &&
      gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
    root = GTK_ROOT (gtk_window_get_transient_for (GTK_WINDOW (root)));
  if (ZC_IS_WINDOW (root))
    zc_window_show_message (ZC_WINDOW (root), message);
  else
    g_message ("%s", message);
}

void
zc_lead_error (GtkWidget    *widget,
               const char   *what,
               const GError *error)
{
  /* Translators: what did not happen, then why; both are sentences */
  g_autofree char *message = g_strdup_printf (_("%s %s"), what, error->message);

  zc_lead_toast (widget, message);
}

GtkWindow *
zc_lead_parent (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
zc_lead_text_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text && *text ? text : "—");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selectable labels take focus; text to read should not sit in the Tab order. */
  gtk_widget_set_focusable (label, FALSE);
  if (text == NULL || *text == '\0')
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

GtkWidget *
zc_lead_heading_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

void
zc_lead_form_state_badge_set (GtkWidget   *badge,
                              ZcFormState  state)
{
  g_return_if_fail (GTK_IS_LABEL (badge));
  g_return_if_fail (state <= ZC_FORM_STATE_APPROVED);

  for (guint i = 0; i < G_N_ELEMENTS (form_state_classes); i++)
    gtk_widget_remove_css_class (badge, form_state_classes[i]);
  gtk_widget_add_css_class (badge, form_state_classes[state]);
  gtk_label_set_label (GTK_LABEL (badge), zc_enum_label (ZC_TYPE_FORM_STATE, state));
}

GtkWidget *
zc_lead_form_state_badge (ZcFormState state)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "zc-form-state");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  zc_lead_form_state_badge_set (badge, state);
  return badge;
}

char *
zc_lead_format_day (const char *iso)
{
  g_autofree char *day = NULL;

  if (iso == NULL || strlen (iso) < 10)
    return NULL;
  day = g_strndup (iso, 10);
  return zc_format_date (day);
}

/* A text view does not measure its height for the width it gets (GTK 4.8), so the field
 * follows the height of the text as laid out: it grows with it, up to its largest height,
 * then scrolls; it shrinks back as far as its smallest. */
static void
on_text_adjustment_changed_cb (GtkAdjustment *adjustment,
                               GtkWidget     *scrolled)
{
  GtkScrolledWindow *window = GTK_SCROLLED_WINDOW (scrolled);
  int smallest = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (scrolled), "zc-smallest"));
  int largest = gtk_scrolled_window_get_max_content_height (window);
  double page = gtk_adjustment_get_page_size (adjustment);
  /* The field's padding around the text is not part of the page. */
  int chrome = MAX (0, gtk_widget_get_height (scrolled) - (int) page);
  int wanted = CLAMP ((int) gtk_adjustment_get_upper (adjustment) + chrome, smallest, largest);

  if (page > 0 &&
      wanted != gtk_scrolled_window_get_min_content_height (window))
    gtk_scrolled_window_set_min_content_height (window, wanted);
}

void
zc_lead_text_field_grow (GtkTextView *view)
{
  GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (view));

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scrolled));

  g_object_set_data (G_OBJECT (scrolled), "zc-smallest",
                     GINT_TO_POINTER (MAX (gtk_scrolled_window_get_min_content_height (GTK_SCROLLED_WINDOW (scrolled)), 0)));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                           "changed", G_CALLBACK (on_text_adjustment_changed_cb), scrolled, 0);
}

GtkWidget *
zc_lead_text_field_new (GtkWidget *view,
                        int        min_height)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "zc-text-field");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), min_height);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  zc_lead_text_field_grow (GTK_TEXT_VIEW (view));
  return frame;
}

char *
zc_lead_text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
zc_lead_text_view_set (GtkTextView *view,
                       const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

void
zc_lead_list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
setup_dropdown_label_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_dropdown_label_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (string));
}

void
zc_lead_drop_down_set_strings (GtkDropDown   *dropdown,
                               GtkStringList *model)
{
  for (int ellipsize = 0; ellipsize <= 1; ellipsize++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_dropdown_label_cb),
                        GINT_TO_POINTER (ellipsize));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_dropdown_label_cb),
                        GINT_TO_POINTER (ellipsize));
      if (ellipsize)
        gtk_drop_down_set_factory (dropdown, factory);
      else
        gtk_drop_down_set_list_factory (dropdown, factory);
    }
  gtk_drop_down_set_expression (dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
}

void
zc_lead_drop_down_set_name (GtkDropDown *dropdown,
                            const char  *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  /* GTK 4.8 shows the button inside a drop-down to assistive technologies on its own,
   * without the drop-down's name: it gets the name too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
}

const char *
zc_lead_coalesce (const char *a,
                  const char *b)
{
  if (a != NULL && *a != '\0')
    return a;
  if (b != NULL && *b != '\0')
    return b;
  return NULL;
}

char *
zc_lead_item_deadline (ZcItem     *item,
                       const char *today,
                       gboolean    long_form)
{
  const char *deadline = zc_item_get_deadline (item);
  g_autofree char *next = NULL;

  if (zc_item_get_term_type (item) == ZC_TERM_TYPE_ONGOING)
    {
      next = zc_light_next_review (zc_item_get_review_dates (item), today);
      if (next == NULL)
        return g_strdup (zc_enum_label (ZC_TYPE_TERM_TYPE, ZC_TERM_TYPE_ONGOING));
      if (long_form)
        {
          g_autofree char *day = zc_format_date (next);

          /* Translators: an ongoing item and its next review date */
          return g_strdup_printf (_("Ongoing, next review %s"), day ? day : next);
        }
      /* Translators: an ongoing item and its next review date, in a table cell */
      return g_strdup_printf (_("Ongoing · %s"), next);
    }
  if (deadline != NULL)
    return long_form ? zc_format_date (deadline) : g_strdup (deadline);
  if (zc_item_get_deadline_text (item) != NULL)
    return g_strdup (zc_item_get_deadline_text (item));
  if (zc_item_get_term_type (item) == ZC_TERM_TYPE_IMMEDIATE)
    return g_strdup (zc_enum_label (ZC_TYPE_TERM_TYPE, ZC_TERM_TYPE_IMMEDIATE));
  return NULL;
}

static int
compare_staff_code (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return g_strcmp0 (zc_person_get_staff_code ((ZcPerson *) a),
                    zc_person_get_staff_code ((ZcPerson *) b));
}

GListStore *
zc_lead_list_leaders (ZcStore *store,
                      gint64   unit_id)
{
  GListStore *leaders = g_list_store_new (ZC_TYPE_PERSON);
  g_autoptr(GListModel) units = zc_store_list_units (store);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, NULL);

  /* The bureau's leaders sit in the units at the top of the tree; the unit's own leads in
   * the unit. Reading those units only keeps this quick in a city of 12,000 people. */
  for (guint i = 0; units != NULL && i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      gint64 id = zc_record_get_id (ZC_RECORD (unit));
      g_autoptr(GListModel) people = NULL;

      if (zc_unit_get_parent_id (unit) != 0 && id != unit_id)
        continue;
      people = zc_store_list_people (store, id, NULL, 0);
      for (guint k = 0; people != NULL && k < g_list_model_get_n_items (people); k++)
        {
          g_autoptr(ZcPerson) person = g_list_model_get_item (people, k);
          ZcRole roles = zc_person_get_roles (person);
          gint64 *person_id = g_new (gint64, 1);

          *person_id = zc_record_get_id (ZC_RECORD (person));
          if (((roles & ZC_ROLE_LEADER) ||
               ((roles & ZC_ROLE_LEAD) && zc_person_get_unit_id (person) == unit_id)) &&
              !g_hash_table_contains (seen, person_id))
            {
              g_hash_table_add (seen, person_id);
              g_list_store_append (leaders, person);
            }
          else
            g_free (person_id);
        }
    }
  g_list_store_sort (leaders, compare_staff_code, NULL);
  return leaders;
}
