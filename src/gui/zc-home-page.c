/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-format.h"
#include "zc-home-page.h"
#include "zc-light-badge.h"
#include "zc-progress-dialog.h"
#include "zc-suggest-dialog.h"
#include "zc-window.h"

struct _ZcHomePage
{
  AdwBin                parent_instance;

  /* template children */
  AdwAvatar            *avatar;
  GtkLabel             *name_label;
  GtkLabel             *detail_label;
  AdwActionRow         *phase_row;
  AdwActionRow         *form_row;
  GtkButton            *form_button;
  AdwActionRow         *comment_row;
  AdwPreferencesGroup  *items_group;
  GtkListBox           *items_list;
  AdwPreferencesGroup  *commitments_group;
  GtkListBox           *commitments_list;

  ZcStore              *store;
  ZcPerson             *actor;
};

G_DEFINE_FINAL_TYPE (ZcHomePage, zc_home_page, ADW_TYPE_BIN)

/* The day of a stored time stamp ("2026-05-20T08:00:00Z"), as people read dates. */
static char *
format_day (const char *timestamp)
{
  g_autofree char *day = timestamp ? g_strndup (timestamp, 10) : NULL;

  return zc_format_date (day);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "zc-placeholder-row");
  return row;
}

static char *
person_details (ZcPerson *person)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_ptr_array_add (parts, (gpointer) zc_person_get_staff_code (person));
  if (zc_person_get_unit_name (person) != NULL)
    g_ptr_array_add (parts, (gpointer) zc_person_get_unit_name (person));
  if (zc_person_get_post (person) != NULL)
    g_ptr_array_add (parts, (gpointer) zc_person_get_post (person));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
update_phase (ZcHomePage *self)
{
  g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (self->store, NULL);
  ZcPhase phase = zc_store_effective_phase (self->store, zc_person_get_unit_id (self->actor));
  int days = zc_store_days_left_in_phase (self->store);
  g_autofree char *days_text = NULL;

  if (campaign == NULL)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->phase_row),
                                 zc_enum_label (ZC_TYPE_PHASE, phase));
  if (phase == ZC_PHASE_CLOSED)
    days_text = g_strdup (_("The campaign has ended. Its records stay here to read."));
  else if (days > 0)
    days_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%d day left in this phase",
                                              "%d days left in this phase", days),
                                 days);
  else if (days == 0)
    days_text = g_strdup (_("This phase ends today"));
  else
    days_text = g_strdup (_("No end date set for this phase yet"));
  adw_action_row_set_subtitle (self->phase_row, days_text);
}

static void
update_form (ZcHomePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcForm) form = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  gboolean inspection;
  ZcFormState state;
  const char *button = NULL;

  inspection = zc_store_effective_phase (self->store, zc_person_get_unit_id (self->actor)) ==
               ZC_PHASE_INSPECTION;
  form = zc_store_get_form_of (self->store, self->actor,
                               zc_record_get_id (ZC_RECORD (self->actor)), &error);
  state = form ? zc_form_get_state (form) : ZC_FORM_STATE_NOT_STARTED;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->form_row),
                                 zc_enum_label (ZC_TYPE_FORM_STATE, state));
  gtk_widget_set_visible (GTK_WIDGET (self->comment_row), FALSE);

  switch (state)
    {
    case ZC_FORM_STATE_NOT_STARTED:
      if (inspection)
        {
          subtitle = g_strdup (_("List the problems in your own work style, measure the gap, "
                                 "find the causes and propose measures. Five short steps."));
          button = _("Start");
        }
      else
        subtitle = g_strdup (_("Self-inspection forms are written in the finding-problems "
                               "phase. You did not write one in this campaign."));
      break;
    case ZC_FORM_STATE_DRAFT:
      {
        int n = zc_form_get_finding_count (form);

        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%d problem so far. What you type is saved "
                                                 "as you go; submit the form when it is "
                                                 "complete.",
                                                 "%d problems so far. What you type is saved "
                                                 "as you go; submit the form when it is "
                                                 "complete.", n), n);
        button = inspection ? _("Continue") : _("Read");
      }
      break;
    case ZC_FORM_STATE_SUBMITTED:
      date = format_day (zc_form_get_submitted_at (form));
      subtitle = date ? g_strdup_printf (_("Submitted on %s. Your reviewer reads it now."), date)
                      : g_strdup (_("Submitted. Your reviewer reads it now."));
      button = _("Read");
      break;
    case ZC_FORM_STATE_RETURNED:
      subtitle = g_strdup (_("Returned by your reviewer: revise it as the comment asks, then "
                             "submit it again."));
      button = inspection ? _("Revise") : _("Read");
      if (zc_form_get_review_comment (form) != NULL)
        {
          adw_action_row_set_subtitle (self->comment_row, zc_form_get_review_comment (form));
          gtk_widget_set_visible (GTK_WIDGET (self->comment_row), TRUE);
        }
      break;
    case ZC_FORM_STATE_APPROVED:
      date = format_day (zc_form_get_reviewed_at (form));
      subtitle = date ? g_strdup_printf (_("Approved on %s."), date)
                      : g_strdup (_("Your reviewer approved it."));
      button = _("Read");
      break;
    default:
      break;
    }

  adw_action_row_set_subtitle (self->form_row, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_button), button != NULL);
  if (button != NULL)
    {
      gtk_button_set_label (self->form_button, button);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->form_button),
                                   _("Open my self-inspection form"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->form_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Open my self-inspection form"),
                                      -1);
    }
}

static void
on_progress_reported_cb (ZcHomePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  zc_home_page_refresh (self);
  if (ZC_IS_WINDOW (root))
    zc_window_show_message (ZC_WINDOW (root), _("Progress reported"));
}

static void
open_progress_dialog (ZcHomePage *self,
                      ZcItem     *item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = zc_progress_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              self->store, self->actor, item);

  g_signal_connect_object (dialog, "reported", G_CALLBACK (on_progress_reported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_report_clicked_cb (GtkButton  *button,
                      ZcHomePage *self)
{
  open_progress_dialog (self, g_object_get_data (G_OBJECT (button), "zc-item"));
}

static void
on_item_activated_cb (ZcHomePage    *self,
                      GtkListBoxRow *row)
{
  ZcItem *item = g_object_get_data (G_OBJECT (row), "zc-item");

  if (item != NULL)
    open_progress_dialog (self, item);
}

static GtkWidget *
item_row_new (ZcHomePage *self,
              ZcItem     *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *deadline = NULL;
  ZcLight light = zc_store_item_light (self->store, item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Translators: a rectification item in a list: its number, then its measure */
  title = g_strdup_printf (_("No. %d: %s"), zc_item_get_number (item),
                           zc_item_get_measure (item) ? zc_item_get_measure (item) : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  g_ptr_array_add (parts, g_strdup (zc_enum_label (ZC_TYPE_ITEM_STATE, zc_item_get_state (item))));
  deadline = zc_format_date (zc_item_get_deadline (item));
  if (deadline != NULL)
    /* Translators: the deadline of a rectification item */
    g_ptr_array_add (parts, g_strdup_printf (_("due %s"), deadline));
  else if (zc_item_get_term_type (item) != ZC_TERM_TYPE_NONE)
    g_ptr_array_add (parts, g_strdup (zc_enum_label (ZC_TYPE_TERM_TYPE,
                                                     zc_item_get_term_type (item))));
  /* Translators: how far a rectification item has come */
  g_ptr_array_add (parts, g_strdup_printf (_("%d%% done"), zc_item_get_progress (item)));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), zc_light_badge_new (light));

  g_object_set_data_full (G_OBJECT (row), "zc-item", g_object_ref (item), g_object_unref);
  /* Progress is reported on open items in the rectification phase; the dialog still shows
   * the history of the others. */
  if ((zc_item_get_state (item) == ZC_ITEM_STATE_PLANNED ||
       zc_item_get_state (item) == ZC_ITEM_STATE_IN_PROGRESS) &&
      zc_store_effective_phase (self->store, zc_item_get_unit_id (item)) == ZC_PHASE_RECTIFICATION)
    {
      button = gtk_button_new_with_label (_("Report…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Report progress on this item"));
      /* Translators: accessible name of the button that reports progress on item No. N */
      accessible = g_strdup_printf (_("Report progress on item No. %d"),
                                    zc_item_get_number (item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "zc-item", g_object_ref (item),
                              g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_report_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* The home page lists the most urgent of a person's items; the ledger has them all. */
#define HOME_ITEMS_SHOWN 12u

static void
update_items (ZcHomePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  ZcItemQuery query = ZC_ITEM_QUERY_INIT;
  guint n;

  clear_list (self->items_list);
  query.person_id = zc_record_get_id (ZC_RECORD (self->actor));
  query.sort = "deadline";
  /* One more than are shown, to know whether there are more. */
  query.limit = HOME_ITEMS_SHOWN + 1;
  items = zc_store_list_items (self->store, self->actor, &query, &error);
  n = items ? g_list_model_get_n_items (items) : 0;
  for (guint i = 0; i < MIN (n, HOME_ITEMS_SHOWN); i++)
    {
      g_autoptr(ZcItem) item = g_list_model_get_item (items, i);

      gtk_list_box_append (self->items_list, item_row_new (self, item));
    }
  if (n > HOME_ITEMS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Only the %u item with the nearest "
                                                            "deadline is shown here.",
                                                            "Only the %u items with the nearest "
                                                            "deadlines are shown here.",
                                                            HOME_ITEMS_SHOWN),
                                               HOME_ITEMS_SHOWN);

      GtkWidget *label = gtk_label_new (more);
      GtkWidget *row = gtk_list_box_row_new ();

      /* A label that wraps, so that it never widens the window. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->items_list, row);
    }
  if (n == 0)
    gtk_list_box_append (self->items_list,
                         placeholder_row (error ? error->message
                                                : _("No rectification item names you as the "
                                                    "responsible person.")));
}

static void
update_commitments (ZcHomePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) commitments = NULL;
  g_autoptr(GHashTable) superseded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           NULL);
  guint n;

  clear_list (self->commitments_list);
  commitments = zc_store_list_commitments (self->store, self->actor,
                                           zc_person_get_unit_id (self->actor), TRUE, &error);
  n = commitments ? g_list_model_get_n_items (commitments) : 0;
  /* An amendment keeps the old version visible: say which one holds now. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcCommitment) commitment = g_list_model_get_item (commitments, i);

      if (zc_commitment_get_supersedes_id (commitment) != 0)
        g_hash_table_add (superseded,
                          g_memdup2 (&(gint64) { zc_commitment_get_supersedes_id (commitment) },
                                     sizeof (gint64)));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcCommitment) commitment = g_list_model_get_item (commitments, i);
      g_autoptr(GListModel) pledges = NULL;
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *published = format_day (zc_commitment_get_published_at (commitment));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_expander_row_new ();
      guint n_pledges;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     zc_commitment_get_title (commitment));
      if (g_hash_table_contains (superseded,
                                 &(gint64) { zc_record_get_id (ZC_RECORD (commitment)) }))
        /* Translators: a public commitment that an amendment replaced; N is its version */
        g_ptr_array_add (parts, g_strdup_printf (_("version %d, replaced by a newer one"),
                                                 zc_commitment_get_version (commitment)));
      else if (zc_commitment_get_version (commitment) > 1)
        /* Translators: the version of an amended public commitment */
        g_ptr_array_add (parts, g_strdup_printf (_("version %d"),
                                                 zc_commitment_get_version (commitment)));
      if (zc_commitment_get_author_name (commitment) != NULL)
        g_ptr_array_add (parts, g_strdup (zc_commitment_get_author_name (commitment)));
      if (published != NULL)
        /* Translators: when a public commitment was published */
        g_ptr_array_add (parts, g_strdup_printf (_("published %s"), published));
      if (zc_commitment_get_contact_phone (commitment) != NULL)
        /* Translators: the supervision phone of a public commitment */
        g_ptr_array_add (parts, g_strdup_printf (_("supervision phone %s"),
                                                 zc_commitment_get_contact_phone (commitment)));
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

      pledges = zc_store_list_pledges (self->store, self->actor,
                                       zc_record_get_id (ZC_RECORD (commitment)), NULL);
      n_pledges = pledges ? g_list_model_get_n_items (pledges) : 0;
      for (guint j = 0; j < n_pledges; j++)
        {
          g_autoptr(ZcPledge) pledge = g_list_model_get_item (pledges, j);
          GtkWidget *pledge_row = adw_action_row_new ();
          g_autofree char *number = g_strdup_printf ("%u", j + 1);
          GtkWidget *number_label = gtk_label_new (number);

          gtk_widget_add_css_class (number_label, "dim-label");
          gtk_widget_add_css_class (number_label, "numeric");
          adw_action_row_add_prefix (ADW_ACTION_ROW (pledge_row), number_label);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (pledge_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pledge_row),
                                         zc_pledge_get_text (pledge));
          adw_action_row_set_title_lines (ADW_ACTION_ROW (pledge_row), 0);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), pledge_row);
        }
      gtk_list_box_append (self->commitments_list, row);
    }
  if (n == 0)
    gtk_list_box_append (self->commitments_list,
                         placeholder_row (error ? error->message
                                                : _("Your unit has published no commitment "
                                                    "yet.")));
}

/* ---- signal callbacks ------------------------------------------------------------------- */

static void
on_form_clicked_cb (ZcHomePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ZC_IS_WINDOW (root))
    zc_window_show_page (ZC_WINDOW (root), "my-form");
}

static void
on_suggested_cb (ZcHomePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ZC_IS_WINDOW (root))
    zc_window_show_message (ZC_WINDOW (root), _("Thank you: your suggestion was passed on"));
}

static void
on_suggest_activated_cb (ZcHomePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = zc_suggest_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             self->store, self->actor);

  g_signal_connect_object (dialog, "suggested", G_CALLBACK (on_suggested_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_map_cb (ZcHomePage *self)
{
  zc_home_page_refresh (self);
}

/* ---- vfuncs ------------------------------------------------------------------------------ */

static void
zc_home_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ZC_TYPE_HOME_PAGE);

  G_OBJECT_CLASS (zc_home_page_parent_class)->dispose (object);
}

static void
zc_home_page_finalize (GObject *object)
{
  ZcHomePage *self = ZC_HOME_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (zc_home_page_parent_class)->finalize (object);
}

static void
zc_home_page_class_init (ZcHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_home_page_dispose;
  object_class->finalize = zc_home_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, avatar);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, phase_row);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, form_row);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, form_button);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, comment_row);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, items_group);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, items_list);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, commitments_group);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, commitments_list);
  gtk_widget_class_bind_template_callback (widget_class, on_form_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggest_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_cb);
}

static void
zc_home_page_init (ZcHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public ------------------------------------------------------------------------------ */

GtkWidget *
zc_home_page_new (ZcStore  *store,
                  ZcPerson *actor)
{
  ZcHomePage *self;
  g_autofree char *details = NULL;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_HOME_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);

  details = person_details (actor);
  adw_avatar_set_text (self->avatar, zc_person_get_name (actor));
  gtk_label_set_text (self->name_label, zc_person_get_name (actor));
  gtk_label_set_text (self->detail_label, details);

  /* The rest is read each time the page is mapped (on_map_cb()): at sign-in it is the
   * page shown first, and reading it here as well read it twice. */
  return GTK_WIDGET (self);
}

void
zc_home_page_refresh (ZcHomePage *self)
{
  g_return_if_fail (ZC_IS_HOME_PAGE (self));

  update_phase (self);
  update_form (self);
  update_items (self);
  update_commitments (self);
}
