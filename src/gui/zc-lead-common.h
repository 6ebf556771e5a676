/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * What the unit lead's pages share: telling the person about a result or a refusal (a toast
 * of the window they sit in), small labels and text blocks, and the lists of people that
 * the dialogs choose from.
 */

/* Shows @message as a toast of the ZcWindow that holds @widget (logged when there is none). */
void        zc_lead_toast              (GtkWidget   *widget,
                                        const char  *message);
/* "@what @error->message" as a toast: @what is a sentence saying what did not happen. */
void        zc_lead_error              (GtkWidget   *widget,
                                        const char  *what,
                                        const GError *error);
/* The window that holds @widget, for dialogs; NULL when it is not in one yet. */
GtkWindow  *zc_lead_parent             (GtkWidget   *widget);

/* A wrapping, selectable label for a person's text; NULL or empty gives "—". */
GtkWidget  *zc_lead_text_label         (const char  *text);
/* A small heading above a block of text ("Phenomenon", "Gap", …). */
GtkWidget  *zc_lead_heading_label      (const char  *text);
/* A small rounded badge with the form state's label and colour. */
GtkWidget  *zc_lead_form_state_badge   (ZcFormState  state);
void        zc_lead_form_state_badge_set (GtkWidget  *badge,
                                          ZcFormState state);
/* The date part of an ISO timestamp or date, as people read it; NULL when none. */
char       *zc_lead_format_day         (const char  *iso);
/* A multi-line text field: @view in a frame, growing with its text up to a point, then
 * scrolling (a text view outside a scrolled window would cut long text short). */
GtkWidget  *zc_lead_text_field_new     (GtkWidget   *view,
                                        int          min_height);
/* Lets the scrolled window around @view grow with its text (for fields made in .ui files as
 * a frame, a scrolled window with propagate-natural-height, and the text view). */
void        zc_lead_text_field_grow    (GtkTextView *view);
/* The text of a GtkTextView, stripped; NULL when it is empty. */
char       *zc_lead_text_view_get      (GtkTextView *view);
/* Sets or removes the text of a GtkTextView. */
void        zc_lead_text_view_set      (GtkTextView *view,
                                        const char  *text);
/* Removes every row of @list (gtk_list_box_remove_all is GTK 4.12). */
void        zc_lead_list_box_clear     (GtkListBox  *list);
/* Shows @model's strings in @dropdown, cut short in the button when the window is narrow
 * (the list shows them whole). */
void        zc_lead_drop_down_set_strings (GtkDropDown   *dropdown,
                                           GtkStringList *model);
/* Names @dropdown for assistive technologies, and the button inside it, which GTK 4.8 shows
 * to them apart from the drop-down. */
void        zc_lead_drop_down_set_name (GtkDropDown *dropdown,
                                        const char  *name);
/* A person's name as it appears in a ledger: name, or the text as written, or NULL. */
const char *zc_lead_coalesce           (const char  *a,
                                        const char  *b);

/* The deadline of a ledger row as people read it: the date, the next review date of an
 * ongoing item, or the text as written; @long_form spells the date out. */
char       *zc_lead_item_deadline      (ZcItem      *item,
                                        const char  *today,
                                        gboolean     long_form);

/* The leaders who may answer for a unit's item: the bureau's leaders and the unit's leads.
 * A GListStore of ZcPerson, sorted by staff code. */
GListStore *zc_lead_list_leaders       (ZcStore     *store,
                                        gint64       unit_id);

G_END_DECLS
