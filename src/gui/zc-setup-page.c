/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "zc-date.h"
#include "zc-format.h"
#include "zc-inspector-common.h"
#include "zc-setup-page.h"

/* The people step lists this many; a search narrows them. */
#define PEOPLE_SHOWN 50

static const char *guidance_steps[] = { "phenomenon", "gap", "cause", "measure", "review" };

struct _ZcSetupPage
{
  GtkWidget      parent_instance;

  /* template children */
  GtkStack      *stack;
  GtkLabel      *overview_title;
  GtkLabel      *overview_phase;
  AdwActionRow  *step_campaign;
  AdwActionRow  *step_units;
  AdwActionRow  *step_people;
  AdwActionRow  *step_lists;
  AdwActionRow  *step_guidance;
  AdwActionRow  *step_phases;
  AdwEntryRow   *title_row;
  AdwEntryRow   *start_row;
  AdwEntryRow   *inspection_row;
  AdwEntryRow   *rectification_row;
  AdwEntryRow   *evaluation_row;
  AdwEntryRow   *end_row;
  GtkSpinButton *warning_spin;
  AdwEntryRow   *phone_row;
  AdwEntryRow   *email_row;
  GtkListBox    *units_list;
  AdwStatusPage *units_empty;
  AdwEntryRow   *unit_name_row;
  AdwEntryRow   *unit_code_row;
  AdwComboRow   *unit_parent_row;
  AdwComboRow   *unit_kind_row;
  GtkSwitch     *unit_focus_switch;
  AdwComboRow   *unit_leader_row;
  GtkWidget     *preview_box;
  GtkLabel      *preview_title;
  GtkLabel      *preview_summary;
  GtkListBox    *issues_list;
  GtkButton     *import_button;
  GtkSearchEntry *people_search;
  GtkListBox    *people_list;
  GtkBox        *lists_box;
  AdwComboRow   *step_row;
  GtkTextView   *guidance_view;
  GtkTextView   *examples_view;
  AdwActionRow  *phase_row;
  GtkButton     *advance_button;
  AdwComboRow   *reopen_unit_row;
  AdwComboRow   *reopen_phase_row;
  AdwPreferencesGroup *reopened_group;

  ZcStore       *store;
  ZcPerson      *actor;
  gboolean       filling;          /* while widgets are set from code */

  ZcUnit        *unit;             /* the unit being edited (id 0: a new one) */
  GListModel    *units;            /* every unit, tree order */
  GListModel    *leaders;          /* people with the leader role, read once */
  GArray        *parent_ids;       /* gint64: the parent combo's units (0 first: top level) */
  GArray        *leader_ids;       /* gint64: the leader combo's people (0 first: none) */

  GtkNativeDialog *chooser;
  char          *csv_kind;         /* "people" or "units" */
  char          *csv_path;
  guint          csv_errors;

  GPtrArray     *reopened_rows;
};

G_DEFINE_FINAL_TYPE (ZcSetupPage, zc_setup_page, GTK_TYPE_WIDGET)

/* ---- helpers ------------------------------------------------------------------------------ */

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text ? g_steal_pointer (&text) : NULL;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static const char *
list_title (ZcListKind kind)
{
  switch (kind)
    {
    case ZC_LIST_KIND_CATEGORY:
      return _("Problem Categories");
    case ZC_LIST_KIND_BENCHMARK:
      return _("Benchmarks");
    case ZC_LIST_KIND_DIMENSION:
      return _("Cause Dimensions");
    case ZC_LIST_KIND_FOCUS_AREA:
    default:
      return _("Focus Areas");
    }
}

static const char *
add_title (ZcListKind kind)
{
  switch (kind)
    {
    case ZC_LIST_KIND_CATEGORY:
      return _("Add a category");
    case ZC_LIST_KIND_BENCHMARK:
      return _("Add a benchmark");
    case ZC_LIST_KIND_DIMENSION:
      return _("Add a cause dimension");
    case ZC_LIST_KIND_FOCUS_AREA:
    default:
      return _("Add a focus area");
    }
}

static const char *
step_label (guint step)
{
  switch (step)
    {
    case 0:
      return _("1. Phenomena (摆现象)");
    case 1:
      return _("2. Gaps (找差距)");
    case 2:
      return _("3. Causes (查原因)");
    case 3:
      return _("4. Measures (定措施)");
    case 4:
    default:
      return _("5. Review before submitting");
    }
}

/* A step's guidance is the campaign's own once an inspector saved it. */
static gboolean
guidance_is_custom (ZcSetupPage *self,
                    const char  *step)
{
  g_autoptr(ZcGuidance) guidance = zc_store_get_guidance (self->store, step);

  return guidance != NULL && zc_record_get_id (ZC_RECORD (guidance)) != 0;
}

/* ---- the overview --------------------------------------------------------------------------- */

static void
update_overview (ZcSetupPage *self)
{
  g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (self->store, NULL);
  g_autoptr(GListModel) units = zc_store_list_units (self->store);
  guint n_units = units ? g_list_model_get_n_items (units) : 0;
  guint n_focus = 0;
  guint n_people = zc_store_count_people (self->store);
  guint n_custom = 0;
  g_autofree char *start = NULL;
  g_autofree char *campaign_text = NULL;
  g_autofree char *units_text = NULL;
  g_autofree char *people_text = NULL;
  g_autofree char *lists_text = NULL;
  g_autofree char *guidance_text = NULL;
  g_autofree char *phase_text = NULL;
  guint counts[4] = { 0 };

  if (campaign == NULL)
    return;
  for (guint i = 0; i < n_units; i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      n_focus += zc_unit_get_focus (unit);
    }
  for (int k = ZC_LIST_KIND_CATEGORY; k <= ZC_LIST_KIND_FOCUS_AREA; k++)
    {
      g_autoptr(GListModel) entries = zc_store_list_entries (self->store, k);

      for (guint i = 0; entries && i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(ZcListEntry) entry = g_list_model_get_item (entries, i);
          counts[k] += zc_list_entry_get_active (entry);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (guidance_steps); i++)
    n_custom += guidance_is_custom (self, guidance_steps[i]);

  gtk_label_set_text (self->overview_title, zc_campaign_get_title (campaign));
  gtk_label_set_text (self->overview_phase, zc_enum_label (ZC_TYPE_PHASE,
                                                           zc_campaign_get_phase (campaign)));

  start = zc_format_date (zc_campaign_get_start_date (campaign));
  /* Translators: the first step's summary: the start date and the warning window */
  campaign_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Starts %s; yellow %d day before a deadline",
                                                "Starts %s; yellow %d days before a deadline",
                                                zc_campaign_get_warning_days (campaign)),
                                   start ? start : _("no date"),
                                   zc_campaign_get_warning_days (campaign));
  adw_action_row_set_subtitle (self->step_campaign, campaign_text);

  if (n_units == 0)
    units_text = g_strdup (_("None yet: add the bureau first"));
  else
    /* Translators: "20 units, 8 of them focus units" */
    units_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit, %u of them focus units",
                                               "%u units, %u of them focus units", n_units),
                                  n_units, n_focus);
  adw_action_row_set_subtitle (self->step_units, units_text);

  if (n_people == 0)
    people_text = g_strdup (_("None yet: import the roster from a CSV file"));
  else
    people_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                                n_people), n_people);
  adw_action_row_set_subtitle (self->step_people, people_text);

  /* Translators: how many entries each list has in use */
  lists_text = g_strdup_printf (_("%u categories, %u benchmarks, %u cause dimensions, "
                                  "%u focus areas"),
                                counts[ZC_LIST_KIND_CATEGORY], counts[ZC_LIST_KIND_BENCHMARK],
                                counts[ZC_LIST_KIND_DIMENSION], counts[ZC_LIST_KIND_FOCUS_AREA]);
  adw_action_row_set_subtitle (self->step_lists, lists_text);

  if (n_custom == 0)
    guidance_text = g_strdup (_("The built-in guidance for every step"));
  else
    guidance_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Your own guidance for %u step",
                                                  "Your own guidance for %u steps", n_custom),
                                     n_custom);
  adw_action_row_set_subtitle (self->step_guidance, guidance_text);

  /* Translators: the phases step's summary: the current phase */
  phase_text = g_strdup_printf (_("Now: %s"), zc_enum_label (ZC_TYPE_PHASE,
                                                             zc_campaign_get_phase (campaign)));
  adw_action_row_set_subtitle (self->step_phases, phase_text);
}

/* ---- 1. the campaign ------------------------------------------------------------------------- */

static void
fill_campaign (ZcSetupPage *self)
{
  g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (self->store, NULL);

  if (campaign == NULL)
    return;
  self->filling = TRUE;
  set_entry (self->title_row, zc_campaign_get_title (campaign));
  set_entry (self->start_row, zc_campaign_get_start_date (campaign));
  set_entry (self->inspection_row, zc_campaign_get_inspection_date (campaign));
  set_entry (self->rectification_row, zc_campaign_get_rectification_date (campaign));
  set_entry (self->evaluation_row, zc_campaign_get_evaluation_date (campaign));
  set_entry (self->end_row, zc_campaign_get_end_date (campaign));
  gtk_spin_button_set_value (self->warning_spin, zc_campaign_get_warning_days (campaign));
  set_entry (self->phone_row, zc_campaign_get_supervision_phone (campaign));
  set_entry (self->email_row, zc_campaign_get_supervision_email (campaign));
  self->filling = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.save-campaign", FALSE);
}

static void
on_campaign_changed_cb (ZcSetupPage *self)
{
  if (!self->filling)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.save-campaign", TRUE);
}

static void
save_campaign_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ZcSetupPage *self = ZC_SETUP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (self->store, &error);
  g_autofree char *title = entry_text (self->title_row);
  g_autofree char *start = entry_text (self->start_row);
  g_autofree char *inspection = entry_text (self->inspection_row);
  g_autofree char *rectification = entry_text (self->rectification_row);
  g_autofree char *evaluation = entry_text (self->evaluation_row);
  g_autofree char *end = entry_text (self->end_row);
  g_autofree char *phone = entry_text (self->phone_row);
  g_autofree char *email = entry_text (self->email_row);

  if (campaign == NULL)
    {
      zc_inspector_toast_error (widget, _("The campaign could not be read."), error);
      return;
    }
  zc_campaign_set_title (campaign, title);
  zc_campaign_set_start_date (campaign, start);
  zc_campaign_set_inspection_date (campaign, inspection);
  zc_campaign_set_rectification_date (campaign, rectification);
  zc_campaign_set_evaluation_date (campaign, evaluation);
  zc_campaign_set_end_date (campaign, end);
  zc_campaign_set_warning_days (campaign, gtk_spin_button_get_value_as_int (self->warning_spin));
  zc_campaign_set_supervision_phone (campaign, phone);
  zc_campaign_set_supervision_email (campaign, email);
  if (!zc_store_update_campaign (self->store, self->actor, campaign, &error))
    {
      zc_inspector_toast_error (widget, _("The campaign was not saved."), error);
      return;
    }
  zc_inspector_toast (widget, _("Campaign saved"));
  fill_campaign (self);
  update_overview (self);
}

/* ---- 2. units ------------------------------------------------------------------------------------ */

static int
unit_depth (GHashTable *parents,
            gint64      id)
{
  int depth = 0;
  gint64 *parent;

  while ((parent = g_hash_table_lookup (parents, &id)) != NULL && *parent != 0 && depth < 32)
    {
      id = *parent;
      depth++;
    }
  return depth;
}

static GHashTable *
parent_map (GListModel *units)
{
  GHashTable *parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; units && i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      gint64 id = zc_record_get_id (ZC_RECORD (unit));
      gint64 parent = zc_unit_get_parent_id (unit);

      g_hash_table_insert (parents, g_memdup2 (&id, sizeof id), g_memdup2 (&parent, sizeof parent));
    }
  return parents;
}

static void
fill_units (ZcSetupPage *self)
{
  g_autoptr(GHashTable) parents = NULL;
  guint n;

  g_clear_object (&self->units);
  self->units = zc_store_list_units (self->store);
  n = self->units ? g_list_model_get_n_items (self->units) : 0;
  parents = parent_map (self->units);
  clear_list_box (self->units_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (self->units, i);
      g_autoptr(GString) subtitle = g_string_new (zc_unit_get_code (unit));
      GtkWidget *row = adw_action_row_new ();
      int depth = unit_depth (parents, zc_record_get_id (ZC_RECORD (unit)));
      g_autofree char *people = NULL;

      g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, zc_enum_label (ZC_TYPE_UNIT_KIND, zc_unit_get_kind (unit)));
      people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person", "%d people",
                                             zc_unit_get_people_count (unit)),
                                zc_unit_get_people_count (unit));
      g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, people);
      if (zc_unit_get_leader_name (unit))
        {
          g_string_append (subtitle, _(" · "));
          /* Translators: the leader in charge of a unit */
          g_string_append_printf (subtitle, _("In charge: %s"), zc_unit_get_leader_name (unit));
        }
      if (zc_unit_get_reopened_phase (unit))
        {
          int phase = 0;

          zc_enum_from_string (ZC_TYPE_PHASE, zc_unit_get_reopened_phase (unit), &phase);
          g_string_append (subtitle, _(" · "));
          /* Translators: a unit working in a reopened phase */
          g_string_append_printf (subtitle, _("Reopened: %s"), zc_enum_label (ZC_TYPE_PHASE, phase));
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zc_unit_get_name (unit));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      if (zc_unit_get_focus (unit))
        {
          GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");

          gtk_widget_set_tooltip_text (star, _("Focus unit"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (star),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Focus unit"), -1);
          gtk_widget_add_css_class (star, "accent");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), star);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("document-edit-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* The tree, as indentation. */
      gtk_widget_set_margin_start (gtk_widget_get_first_child (row), 0);
      if (depth > 0)
        {
          GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

          gtk_widget_set_size_request (indent, 18 * MIN (depth, 4), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
        }
      g_object_set_data_full (G_OBJECT (row), "zc-unit", g_object_ref (unit), g_object_unref);
      gtk_list_box_append (self->units_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->units_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->units_empty), n == 0);
}

static gboolean
is_descendant (GHashTable *parents,
               gint64      id,
               gint64      ancestor)
{
  gint64 *parent;
  guint guard = 0;

  while (id != 0 && guard++ < 64)
    {
      if (id == ancestor)
        return TRUE;
      parent = g_hash_table_lookup (parents, &id);
      id = parent ? *parent : 0;
    }
  return FALSE;
}

/* The people who can be a unit's leader in charge, read once: a city has thousands of
 * people and a handful of leaders. */
static GListModel *
leader_people (ZcSetupPage *self)
{
  g_autoptr(GListModel) people = NULL;
  GListStore *found;

  if (self->leaders != NULL)
    return self->leaders;
  people = zc_store_list_people (self->store, 0, NULL, 0);
  found = g_list_store_new (ZC_TYPE_PERSON);
  for (guint i = 0; people && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ZcPerson) p = g_list_model_get_item (people, i);

      if (zc_person_get_roles (p) & ZC_ROLE_LEADER)
        g_list_store_append (found, p);
    }
  self->leaders = G_LIST_MODEL (found);
  return self->leaders;
}

static void
edit_unit (ZcSetupPage *self,
           ZcUnit      *unit)
{
  g_autoptr(GtkStringList) parents = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) leaders = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) tree = parent_map (self->units);
  GListModel *people = leader_people (self);
  gint64 id = unit ? zc_record_get_id (ZC_RECORD (unit)) : 0;
  gint64 none = 0;
  guint parent_pos = 0, leader_pos = 0;

  g_clear_object (&self->unit);
  self->unit = unit ? g_object_ref (unit) : zc_unit_new ();
  if (unit == NULL)
    zc_unit_set_kind (self->unit, ZC_UNIT_KIND_DIVISION);

  g_array_set_size (self->parent_ids, 0);
  gtk_string_list_append (parents, _("Nothing: the top of the tree"));
  g_array_append_val (self->parent_ids, none);
  for (guint i = 0; self->units && i < g_list_model_get_n_items (self->units); i++)
    {
      g_autoptr(ZcUnit) u = g_list_model_get_item (self->units, i);
      gint64 uid = zc_record_get_id (ZC_RECORD (u));

      /* A unit cannot go under itself or under a unit below it. */
      if (id != 0 && is_descendant (tree, uid, id))
        continue;
      if (uid == zc_unit_get_parent_id (self->unit) ||
          (unit == NULL && parent_pos == 0 && zc_unit_get_parent_id (u) == 0))
        parent_pos = self->parent_ids->len;
      gtk_string_list_append (parents, zc_unit_get_name (u));
      g_array_append_val (self->parent_ids, uid);
    }

  for (int k = ZC_UNIT_KIND_BUREAU; k <= ZC_UNIT_KIND_WINDOW; k++)
    gtk_string_list_append (kinds, zc_enum_label (ZC_TYPE_UNIT_KIND, k));

  g_array_set_size (self->leader_ids, 0);
  gtk_string_list_append (leaders, _("None"));
  g_array_append_val (self->leader_ids, none);
  for (guint i = 0; people && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ZcPerson) p = g_list_model_get_item (people, i);
      gint64 pid = zc_record_get_id (ZC_RECORD (p));
      g_autofree char *label = NULL;

      if (!(zc_person_get_roles (p) & ZC_ROLE_LEADER))
        continue;
      if (pid == zc_unit_get_leader_id (self->unit))
        leader_pos = self->leader_ids->len;
      /* Translators: a person and their post, e.g. "张明 (副局长)" */
      label = zc_person_get_post (p) ? g_strdup_printf (_("%s (%s)"), zc_person_get_name (p),
                                                        zc_person_get_post (p))
                                     : g_strdup (zc_person_get_name (p));
      gtk_string_list_append (leaders, label);
      g_array_append_val (self->leader_ids, pid);
    }

  self->filling = TRUE;
  set_entry (self->unit_name_row, zc_unit_get_name (self->unit));
  set_entry (self->unit_code_row, zc_unit_get_code (self->unit));
  /* The code is how files name the unit: it is chosen once. */
  gtk_editable_set_editable (GTK_EDITABLE (self->unit_code_row), id == 0);
  adw_combo_row_set_model (self->unit_parent_row, G_LIST_MODEL (parents));
  adw_combo_row_set_selected (self->unit_parent_row, parent_pos);
  adw_combo_row_set_model (self->unit_kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->unit_kind_row, zc_unit_get_kind (self->unit));
  gtk_switch_set_active (self->unit_focus_switch, zc_unit_get_focus (self->unit));
  adw_combo_row_set_model (self->unit_leader_row, G_LIST_MODEL (leaders));
  adw_combo_row_set_selected (self->unit_leader_row, leader_pos);
  self->filling = FALSE;

  zc_inspector_stack_show (self->stack, "unit");
  gtk_widget_grab_focus (GTK_WIDGET (self->unit_name_row));
}

static void
on_unit_activated_cb (ZcSetupPage   *self,
                      GtkListBoxRow *row)
{
  edit_unit (self, g_object_get_data (G_OBJECT (row), "zc-unit"));
}

static void
add_unit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  edit_unit (ZC_SETUP_PAGE (widget), NULL);
}

static void
save_unit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ZcSetupPage *self = ZC_SETUP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = entry_text (self->unit_name_row);
  g_autofree char *code = entry_text (self->unit_code_row);
  guint parent_pos = adw_combo_row_get_selected (self->unit_parent_row);
  guint leader_pos = adw_combo_row_get_selected (self->unit_leader_row);
  gint64 parent_id = parent_pos < self->parent_ids->len
                     ? g_array_index (self->parent_ids, gint64, parent_pos) : 0;
  gint64 leader_id = leader_pos < self->leader_ids->len
                     ? g_array_index (self->leader_ids, gint64, leader_pos) : 0;
  gboolean is_new = zc_record_get_id (ZC_RECORD (self->unit)) == 0;
  g_autofree char *message = NULL;

  /* Moved under another unit (or new): it goes last among its new siblings. */
  if (is_new || parent_id != zc_unit_get_parent_id (self->unit))
    {
      int last = -1;

      for (guint i = 0; self->units && i < g_list_model_get_n_items (self->units); i++)
        {
          g_autoptr(ZcUnit) u = g_list_model_get_item (self->units, i);

          if (zc_unit_get_parent_id (u) == parent_id)
            last = MAX (last, zc_unit_get_position (u));
        }
      zc_unit_set_position (self->unit, last + 1);
    }
  zc_unit_set_name (self->unit, name);
  zc_unit_set_code (self->unit, code);
  zc_unit_set_parent_id (self->unit, parent_id);
  zc_unit_set_kind (self->unit, adw_combo_row_get_selected (self->unit_kind_row));
  zc_unit_set_focus (self->unit, gtk_switch_get_active (self->unit_focus_switch));
  zc_unit_set_leader_id (self->unit, leader_id);
  if (!zc_store_save_unit (self->store, self->actor, self->unit, &error))
    {
      /* A failed save leaves the copy being edited as it was typed; read it again. */
      zc_inspector_toast_error (widget, _("The unit was not saved."), error);
      if (!is_new)
        {
          g_autoptr(ZcUnit) stored = zc_store_get_unit (self->store,
                                                        zc_record_get_id (ZC_RECORD (self->unit)),
                                                        NULL);
          if (stored != NULL)
            g_set_object (&self->unit, stored);
        }
      return;
    }
  /* Translators: %s is a unit's name */
  message = g_strdup_printf (is_new ? _("%s added") : _("%s saved"), name);
  zc_inspector_toast (widget, message);
  fill_units (self);
  update_overview (self);
  zc_inspector_stack_show (self->stack, "units");
}

/* ---- 3. people ----------------------------------------------------------------------------------- */

static void
fill_people (ZcSetupPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->people_search));
  g_autoptr(GListModel) people = zc_store_list_people (self->store, 0,
                                                       search && *search ? search : NULL,
                                                       PEOPLE_SHOWN + 1);
  guint n = people ? g_list_model_get_n_items (people) : 0;

  clear_list_box (self->people_list);
  for (guint i = 0; i < MIN (n, PEOPLE_SHOWN); i++)
    {
      g_autoptr(ZcPerson) p = g_list_model_get_item (people, i);
      g_autofree char *title = g_strdup_printf (_("%s (%s)"), zc_person_get_name (p),
                                                zc_person_get_staff_code (p));
      g_autofree char *roles = zc_roles_label (zc_person_get_roles (p));
      g_autoptr(GString) subtitle = g_string_new (zc_person_get_unit_name (p));
      GtkWidget *row = adw_action_row_new ();

      if (zc_person_get_post (p))
        {
          g_string_append (subtitle, _(" · "));
          g_string_append (subtitle, zc_person_get_post (p));
        }
      g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, roles);
      if (zc_person_get_focus_post (p))
        {
          g_string_append (subtitle, _(" · "));
          g_string_append (subtitle, _("Focus post"));
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_list_box_append (self->people_list, row);
    }
  if (n == 0 || n > PEOPLE_SHOWN)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     n == 0 ? (search && *search ? _("Nobody matches the search")
                                                                 : _("Nobody yet: import the "
                                                                     "roster above"))
                                            : _("More people than shown: search to find "
                                                "someone"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->people_list, row);
    }
}

static void
on_people_search_cb (ZcSetupPage *self)
{
  fill_people (self);
}

static void
add_issue_row (ZcSetupPage   *self,
               ZcImportIssue *issue,
               gboolean       is_error)
{
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic"
                                                           : "dialog-warning-symbolic");
  g_autofree char *accessible = NULL;

  /* Translators: a row of a CSV file by its line number (the header is line 1) */
  title = g_strdup_printf (_("Row %u"), issue->row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), issue->message);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  /* Translators: a problem of a CSV row read aloud: error or warning, the row, the reason */
  accessible = g_strdup_printf (_("%s: %s: %s"), is_error ? _("Cannot be imported")
                                                          : _("Warning"),
                                title, issue->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_list_box_append (self->issues_list, row);
}

static void
discard_preview (ZcSetupPage *self)
{
  g_clear_pointer (&self->csv_path, g_free);
  g_clear_pointer (&self->csv_kind, g_free);
  self->csv_errors = 0;
  clear_list_box (self->issues_list);
  gtk_widget_set_visible (self->preview_box, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.import-csv", FALSE);
}

static void
preview (ZcSetupPage *self,
         const char  *kind,
         const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcImportReport) report = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *import_label = NULL;
  gboolean people = g_str_equal (kind, "people");
  gboolean ok;

  discard_preview (self);
  ok = people ? zc_store_preview_people_csv (self->store, path, &report, &error)
              : zc_store_preview_units_csv (self->store, path, &report, &error);
  if (!ok)
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The file could not be read."), error);
      return;
    }
  self->csv_kind = g_strdup (kind);
  self->csv_path = g_strdup (path);
  self->csv_errors = report->errors->len;

  /* Translators: the heading of a CSV preview: the kind of file and its name */
  title = g_strdup_printf (people ? _("People from “%s”") : _("Units from “%s”"), name);
  gtk_label_set_text (self->preview_title, title);
  if (report->errors->len > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u row read. %u row cannot be imported, so nothing "
                                            "will be: correct it in the file and choose the file "
                                            "again.",
                                            "%u rows read. Rows that cannot be imported: %u. "
                                            "Nothing will be imported until they are corrected "
                                            "in the file; then choose the file again.",
                                            report->rows),
                               report->rows, report->errors->len);
  else if (report->warnings->len > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u row read; it can be imported, with the warning "
                                            "below.",
                                            "%u rows read; all can be imported, with the warnings "
                                            "below.", report->rows),
                               report->rows);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row read; it can be imported.",
                                            "%u rows read; all can be imported.", report->rows),
                               report->rows);
  gtk_label_set_text (self->preview_summary, summary);
  for (guint i = 0; i < report->errors->len; i++)
    add_issue_row (self, g_ptr_array_index (report->errors, i), TRUE);
  for (guint i = 0; i < report->warnings->len; i++)
    add_issue_row (self, g_ptr_array_index (report->warnings, i), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->issues_list),
                          report->errors->len + report->warnings->len > 0);

  import_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Row",
                                               "_Import %u Rows", report->rows), report->rows);
  gtk_button_set_label (self->import_button, import_label);
  gtk_widget_set_visible (self->preview_box, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.import-csv",
                                 report->errors->len == 0 && report->rows > 0);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ZcSetupPage     *self)
{
  const char *kind = g_object_get_data (G_OBJECT (chooser), "zc-kind");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        preview (self, kind, path);
      else
        zc_inspector_toast (GTK_WIDGET (self), _("Only files on this computer can be read."));
    }
  gtk_native_dialog_destroy (chooser);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
choose_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZcSetupPage *self = ZC_SETUP_PAGE (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (g_str_equal (kind, "people")
                                         ? _("Choose the People CSV") : _("Choose the Units CSV"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Check"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "zc-kind", g_strdup (kind), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
discard_csv_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  discard_preview (ZC_SETUP_PAGE (widget));
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZcSetupPage *self = ZC_SETUP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcImportReport) report = NULL;
  g_autofree char *message = NULL;
  gboolean people;
  gboolean ok;

  if (self->csv_path == NULL)
    return;
  people = g_str_equal (self->csv_kind, "people");
  ok = people ? zc_store_import_people_csv (self->store, self->actor, self->csv_path, &report,
                                            &error)
              : zc_store_import_units_csv (self->store, self->actor, self->csv_path, &report,
                                           &error);
  if (!ok)
    {
      zc_inspector_toast_error (widget, _("Nothing was imported."), error);
      /* The file may have changed since it was checked: show what is wrong now. */
      preview (self, self->csv_kind, self->csv_path);
      return;
    }
  /* Translators: the result of an import: new records, then updated ones */
  message = g_strdup_printf (_("Imported: %u new, %u updated"), report->created, report->updated);
  zc_inspector_toast (widget, message);
  discard_preview (self);
  g_clear_object (&self->leaders);
  fill_people (self);
  fill_units (self);
  update_overview (self);
}

/* ---- 4. lists ------------------------------------------------------------------------------------ */

static void fill_lists (ZcSetupPage *self);

static void
save_entry (ZcSetupPage *self,
            ZcListEntry *entry)
{
  g_autoptr(GError) error = NULL;

  if (!zc_store_save_entry (self->store, self->actor, entry, &error))
    zc_inspector_toast_error (GTK_WIDGET (self), _("The list was not changed."), error);
  fill_lists (self);
  update_overview (self);
}

static void
on_entry_active_cb (GtkSwitch   *toggle,
                    GParamSpec  *pspec,
                    ZcSetupPage *self)
{
  ZcListEntry *entry = g_object_get_data (G_OBJECT (toggle), "zc-entry");

  if (self->filling || zc_list_entry_get_active (entry) == gtk_switch_get_active (toggle))
    return;
  zc_list_entry_set_active (entry, gtk_switch_get_active (toggle));
  save_entry (self, entry);
}

typedef struct
{
  ZcSetupPage *self;
  ZcListEntry *entry;
  GtkEditable *name;
} Rename;

static void
rename_free (gpointer p)
{
  Rename *r = p;

  g_object_unref (r->self);
  g_object_unref (r->entry);
  g_object_unref (r->name);
  g_free (r);
}

static void
do_rename (gpointer data)
{
  Rename *r = data;
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (r->name)));

  zc_list_entry_set_label (r->entry, *label ? label : NULL);
  save_entry (r->self, r->entry);
}

static void
on_rename_clicked_cb (GtkButton   *button,
                      ZcSetupPage *self)
{
  ZcListEntry *entry = g_object_get_data (G_OBJECT (button), "zc-entry");
  GtkWidget *name = gtk_entry_new ();
  Rename *r = g_new0 (Rename, 1);

  gtk_editable_set_text (GTK_EDITABLE (name), zc_list_entry_get_display_label (entry));
  gtk_entry_set_activates_default (GTK_ENTRY (name), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New name"), -1);
  r->self = g_object_ref (self);
  r->entry = g_object_ref (entry);
  r->name = GTK_EDITABLE (g_object_ref (name));
  zc_inspector_confirm (GTK_WIDGET (self), _("Rename the Entry"),
                        _("Forms and ledgers that use it show the new name. Leave it empty to "
                          "go back to the built-in name."),
                        _("_Rename"), FALSE, name, do_rename, r, rename_free);
}

static char *
new_code (ZcSetupPage *self,
          ZcListKind   kind)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *code = g_strdup_printf ("custom-%u", n);
      g_autoptr(ZcListEntry) existing = zc_store_find_entry (self->store, kind, code);

      if (existing == NULL)
        return g_steal_pointer (&code);
    }
}

static void
on_add_entry_cb (AdwEntryRow *row,
                 ZcSetupPage *self)
{
  ZcListKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "zc-kind"));
  g_autofree char *label = entry_text (row);
  g_autofree char *code = NULL;
  g_autoptr(ZcListEntry) entry = NULL;
  g_autoptr(GListModel) entries = zc_store_list_entries (self->store, kind);

  if (label == NULL)
    return;
  code = new_code (self, kind);
  entry = zc_list_entry_new ();
  zc_list_entry_set_kind (entry, kind);
  zc_list_entry_set_code (entry, code);
  zc_list_entry_set_label (entry, label);
  zc_list_entry_set_position (entry, entries ? (int) g_list_model_get_n_items (entries) : 0);
  zc_list_entry_set_active (entry, TRUE);
  save_entry (self, entry);
}

static void
fill_lists (ZcSetupPage *self)
{
  clear_box (self->lists_box);
  self->filling = TRUE;
  for (int k = ZC_LIST_KIND_CATEGORY; k <= ZC_LIST_KIND_FOCUS_AREA; k++)
    {
      g_autoptr(GListModel) entries = zc_store_list_entries (self->store, k);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *add = adw_entry_row_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), list_title (k));
      for (guint i = 0; entries && i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(ZcListEntry) entry = g_list_model_get_item (entries, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *toggle = gtk_switch_new ();
          GtkWidget *rename = gtk_button_new_from_icon_name ("document-edit-symbolic");
          g_autofree char *rename_name = NULL;
          g_autofree char *toggle_name = NULL;

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         zc_list_entry_get_display_label (entry));
          if (!zc_list_entry_get_active (entry))
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not in use"));
          gtk_widget_set_valign (rename, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (rename, "flat");
          /* Translators: a button that renames an entry of a list, read aloud */
          rename_name = g_strdup_printf (_("Rename “%s”"), zc_list_entry_get_display_label (entry));
          gtk_widget_set_tooltip_text (rename, _("Rename"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (rename), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          rename_name, -1);
          g_object_set_data_full (G_OBJECT (rename), "zc-entry", g_object_ref (entry),
                                  g_object_unref);
          g_signal_connect (rename, "clicked", G_CALLBACK (on_rename_clicked_cb), self);
          gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
          gtk_switch_set_active (GTK_SWITCH (toggle), zc_list_entry_get_active (entry));
          /* Translators: a switch that puts an entry of a list in use, read aloud */
          toggle_name = g_strdup_printf (_("Use “%s”"), zc_list_entry_get_display_label (entry));
          gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          toggle_name, -1);
          g_object_set_data_full (G_OBJECT (toggle), "zc-entry", g_object_ref (entry),
                                  g_object_unref);
          g_signal_connect (toggle, "notify::active", G_CALLBACK (on_entry_active_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), rename);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), add_title (k));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
      g_object_set_data (G_OBJECT (add), "zc-kind", GINT_TO_POINTER (k));
      g_signal_connect (add, "apply", G_CALLBACK (on_add_entry_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
      gtk_box_append (self->lists_box, group);
    }
  self->filling = FALSE;
}

/* ---- 5. guidance --------------------------------------------------------------------------------- */

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static void
fill_guidance (ZcSetupPage *self)
{
  guint step = adw_combo_row_get_selected (self->step_row);
  g_autoptr(ZcGuidance) guidance = NULL;

  if (step >= G_N_ELEMENTS (guidance_steps))
    return;
  guidance = zc_store_get_guidance (self->store, guidance_steps[step]);
  set_text_view (self->guidance_view, guidance ? zc_guidance_get_text (guidance) : NULL);
  set_text_view (self->examples_view, guidance ? zc_guidance_get_examples (guidance) : NULL);
}

static void
on_step_changed_cb (ZcSetupPage *self)
{
  fill_guidance (self);
}

static void
save_guidance_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ZcSetupPage *self = ZC_SETUP_PAGE (widget);
  guint step = adw_combo_row_get_selected (self->step_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcGuidance) guidance = NULL;
  g_autofree char *text = zc_inspector_text_view_get (self->guidance_view);
  g_autofree char *examples = zc_inspector_text_view_get (self->examples_view);

  if (step >= G_N_ELEMENTS (guidance_steps))
    return;
  guidance = zc_store_get_guidance (self->store, guidance_steps[step]);
  zc_guidance_set_text (guidance, text);
  zc_guidance_set_examples (guidance, examples);
  if (!zc_store_save_guidance (self->store, self->actor, guidance, &error))
    {
      zc_inspector_toast_error (widget, _("The guidance was not saved."), error);
      return;
    }
  zc_inspector_toast (widget, _("Guidance saved"));
  update_overview (self);
}

/* ---- 6. phases ----------------------------------------------------------------------------------- */

static void fill_phases (ZcSetupPage *self);

static void
do_advance (gpointer data)
{
  ZcSetupPage *self = ZC_SETUP_PAGE (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autofree char *message = NULL;

  if (!zc_store_advance_phase (self->store, self->actor, &error))
    {
      zc_inspector_toast_error (GTK_WIDGET (self), _("The phase did not change."), error);
      return;
    }
  campaign = zc_store_get_campaign (self->store, NULL);
  /* Translators: %s is the phase the campaign is in now */
  message = g_strdup_printf (_("The campaign is now in the phase “%s”"),
                             zc_enum_label (ZC_TYPE_PHASE, zc_campaign_get_phase (campaign)));
  zc_inspector_toast (GTK_WIDGET (self), message);
  fill_phases (self);
  update_overview (self);
}

static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ZcSetupPage *self = ZC_SETUP_PAGE (widget);
  g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (self->store, NULL);
  g_autofree char *heading = NULL;
  const char *next;

  if (campaign == NULL || zc_campaign_get_phase (campaign) == ZC_PHASE_CLOSED)
    return;
  next = zc_enum_label (ZC_TYPE_PHASE, zc_campaign_get_phase (campaign) + 1);
  /* Translators: the heading of a confirmation; %s is the next phase */
  heading = g_strdup_printf (_("Move the Campaign to “%s”?"), next);
  zc_inspector_confirm (widget, heading,
                        zc_campaign_get_phase (campaign) + 1 == ZC_PHASE_CLOSED
                        ? _("The campaign ends: its records stay to read and export, and nobody "
                            "can change them any more. This cannot be undone.")
                        : _("Everyone’s work moves on to the next phase; work of the phase that "
                            "ends is closed. A unit that needs more time can be given its phase "
                            "back below."),
                        _("_Move On"), zc_campaign_get_phase (campaign) + 1 == ZC_PHASE_CLOSED,
                        NULL, do_advance, g_object_ref (self), g_object_unref);
}

static gint64
selected_reopen_unit (ZcSetupPage *self,
                      ZcUnit     **unit_out)
{
  guint pos = adw_combo_row_get_selected (self->reopen_unit_row);

  if (self->units == NULL || pos >= g_list_model_get_n_items (self->units))
    return 0;
  *unit_out = g_list_model_get_item (self->units, pos);
  return zc_record_get_id (ZC_RECORD (*unit_out));
}

typedef struct
{
  ZcSetupPage *self;
  ZcUnit      *unit;
  int          phase;
} Reopen;

static void
reopen_free (gpointer p)
{
  Reopen *r = p;

  g_object_unref (r->self);
  g_object_unref (r->unit);
  g_free (r);
}

static void
do_reopen (gpointer data)
{
  Reopen *r = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!zc_store_reopen_phase (r->self->store, r->self->actor, r->unit, r->phase, &error))
    {
      zc_inspector_toast_error (GTK_WIDGET (r->self), _("The phase was not reopened."), error);
      return;
    }
  if (r->phase >= 0)
    /* Translators: a unit and the phase reopened for it */
    message = g_strdup_printf (_("%s works in the phase “%s” again"), zc_unit_get_name (r->unit),
                               zc_enum_label (ZC_TYPE_PHASE, r->phase));
  else
    /* Translators: %s is a unit back in the campaign's phase */
    message = g_strdup_printf (_("%s follows the campaign’s phase again"),
                               zc_unit_get_name (r->unit));
  zc_inspector_toast (GTK_WIDGET (r->self), message);
  fill_units (r->self);
  fill_phases (r->self);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZcSetupPage *self = ZC_SETUP_PAGE (widget);
  ZcUnit *unit = NULL;
  Reopen *r;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (selected_reopen_unit (self, &unit) == 0)
    return;
  r = g_new0 (Reopen, 1);
  r->self = g_object_ref (self);
  r->unit = unit;
  r->phase = adw_combo_row_get_selected (self->reopen_phase_row);
  /* Translators: the heading of a confirmation: a phase, then a unit */
  heading = g_strdup_printf (_("Reopen “%s” for %s?"), zc_enum_label (ZC_TYPE_PHASE, r->phase),
                             zc_unit_get_name (unit));
  /* Translators: %s is a unit */
  body = g_strdup_printf (_("%s works in that phase while the campaign moves on; end it here "
                            "when the unit has caught up."), zc_unit_get_name (unit));
  zc_inspector_confirm (widget, heading, body, _("_Reopen"), FALSE, NULL, do_reopen, r,
                        reopen_free);
}

static void
on_end_reopen_clicked_cb (GtkButton   *button,
                          ZcSetupPage *self)
{
  Reopen *r = g_new0 (Reopen, 1);

  r->self = g_object_ref (self);
  r->unit = g_object_ref (g_object_get_data (G_OBJECT (button), "zc-unit"));
  r->phase = -1;
  do_reopen (r);
  reopen_free (r);
}

static char *
unit_name (ZcUnit *unit)
{
  return g_strdup (zc_unit_get_name (unit));
}

static void
fill_phases (ZcSetupPage *self)
{
  g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (self->store, NULL);
  g_autoptr(GtkStringList) phases = gtk_string_list_new (NULL);
  GtkExpression *expression;
  ZcPhase phase;
  int days = zc_store_days_left_in_phase (self->store);
  g_autofree char *subtitle = NULL;
  guint n_reopened = 0;

  if (campaign == NULL)
    return;
  phase = zc_campaign_get_phase (campaign);
  if (phase == ZC_PHASE_CLOSED)
    subtitle = g_strdup (_("The campaign has ended"));
  else if (days >= 0)
    /* Translators: the phase, then the days until the next one is due */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; the next phase is due in %d day",
                                             "%s; the next phase is due in %d days", days),
                                zc_enum_label (ZC_TYPE_PHASE, phase), days);
  else
    subtitle = g_strdup (zc_enum_label (ZC_TYPE_PHASE, phase));
  adw_action_row_set_subtitle (self->phase_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->advance_button), phase != ZC_PHASE_CLOSED);
  if (phase != ZC_PHASE_CLOSED)
    {
      /* Translators: a button that moves the campaign to the phase %s */
      g_autofree char *label = g_strdup_printf (_("Move On to “%s”…"),
                                                zc_enum_label (ZC_TYPE_PHASE, phase + 1));
      gtk_button_set_label (self->advance_button, label);
    }

  for (int p = ZC_PHASE_MOBILIZATION; p < ZC_PHASE_CLOSED; p++)
    gtk_string_list_append (phases, zc_enum_label (ZC_TYPE_PHASE, p));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (unit_name), NULL, NULL);
  adw_combo_row_set_expression (self->reopen_unit_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->reopen_unit_row, self->units);
  adw_combo_row_set_model (self->reopen_phase_row, G_LIST_MODEL (phases));
  adw_combo_row_set_selected (self->reopen_phase_row, phase > 0 ? phase - 1 : 0);

  for (guint i = 0; i < self->reopened_rows->len; i++)
    adw_preferences_group_remove (self->reopened_group, g_ptr_array_index (self->reopened_rows, i));
  g_ptr_array_set_size (self->reopened_rows, 0);
  for (guint i = 0; self->units && i < g_list_model_get_n_items (self->units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (self->units, i);
      int reopened = 0;
      GtkWidget *row, *end;
      g_autofree char *end_name = NULL;

      if (zc_unit_get_reopened_phase (unit) == NULL ||
          !zc_enum_from_string (ZC_TYPE_PHASE, zc_unit_get_reopened_phase (unit), &reopened))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zc_unit_get_name (unit));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), zc_enum_label (ZC_TYPE_PHASE, reopened));
      end = gtk_button_new_with_mnemonic (_("_End"));
      gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
      /* Translators: a button that ends a unit's reopened phase, read aloud */
      end_name = g_strdup_printf (_("End the reopened phase of %s"), zc_unit_get_name (unit));
      gtk_accessible_update_property (GTK_ACCESSIBLE (end), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      end_name, -1);
      gtk_widget_set_tooltip_text (end, _("The unit follows the campaign’s phase again"));
      g_object_set_data_full (G_OBJECT (end), "zc-unit", g_object_ref (unit), g_object_unref);
      g_signal_connect (end, "clicked", G_CALLBACK (on_end_reopen_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), end);
      adw_preferences_group_add (self->reopened_group, row);
      g_ptr_array_add (self->reopened_rows, row);
      n_reopened++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reopened_group), n_reopened > 0);
}

/* ---- navigation ----------------------------------------------------------------------------------- */

static void
show_step (ZcSetupPage *self,
           const char  *step)
{
  if (g_str_equal (step, "overview"))
    update_overview (self);
  else if (g_str_equal (step, "campaign"))
    fill_campaign (self);
  else if (g_str_equal (step, "units"))
    fill_units (self);
  else if (g_str_equal (step, "people"))
    fill_people (self);
  else if (g_str_equal (step, "lists"))
    fill_lists (self);
  else if (g_str_equal (step, "guidance"))
    fill_guidance (self);
  else if (g_str_equal (step, "phases"))
    {
      if (self->units == NULL)
        fill_units (self);
      fill_phases (self);
    }
  else
    return;
  zc_inspector_stack_show (self->stack, step);
}

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  show_step (ZC_SETUP_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZcSetupPage *self = ZC_SETUP_PAGE (widget);
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  show_step (self, g_strcmp0 (visible, "unit") == 0 ? "units" : "overview");
}

static void
on_map_cb (ZcSetupPage *self)
{
  show_step (self, gtk_stack_get_visible_child_name (self->stack));
}

/* ---- vfuncs ------------------------------------------------------------------------------------ */

static void
zc_setup_page_dispose (GObject *object)
{
  ZcSetupPage *self = ZC_SETUP_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_SETUP_PAGE);

  G_OBJECT_CLASS (zc_setup_page_parent_class)->dispose (object);
}

static void
zc_setup_page_finalize (GObject *object)
{
  ZcSetupPage *self = ZC_SETUP_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->unit);
  g_clear_object (&self->units);
  g_clear_object (&self->leaders);
  g_array_unref (self->parent_ids);
  g_array_unref (self->leader_ids);
  g_ptr_array_unref (self->reopened_rows);
  g_free (self->csv_kind);
  g_free (self->csv_path);

  G_OBJECT_CLASS (zc_setup_page_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ZcSetupPage, name)

static void
zc_setup_page_class_init (ZcSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_setup_page_dispose;
  object_class->finalize = zc_setup_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-setup-page.ui");
  BIND (stack);
  BIND (overview_title);
  BIND (overview_phase);
  BIND (step_campaign);
  BIND (step_units);
  BIND (step_people);
  BIND (step_lists);
  BIND (step_guidance);
  BIND (step_phases);
  BIND (title_row);
  BIND (start_row);
  BIND (inspection_row);
  BIND (rectification_row);
  BIND (evaluation_row);
  BIND (end_row);
  BIND (warning_spin);
  BIND (phone_row);
  BIND (email_row);
  BIND (units_list);
  BIND (units_empty);
  BIND (unit_name_row);
  BIND (unit_code_row);
  BIND (unit_parent_row);
  BIND (unit_kind_row);
  BIND (unit_focus_switch);
  BIND (unit_leader_row);
  BIND (preview_box);
  BIND (preview_title);
  BIND (preview_summary);
  BIND (issues_list);
  BIND (import_button);
  BIND (people_search);
  BIND (people_list);
  BIND (lists_box);
  BIND (step_row);
  BIND (guidance_view);
  BIND (examples_view);
  BIND (phase_row);
  BIND (advance_button);
  BIND (reopen_unit_row);
  BIND (reopen_phase_row);
  BIND (reopened_group);
  gtk_widget_class_bind_template_callback (widget_class, on_campaign_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_people_search_cb);

  gtk_widget_class_install_action (widget_class, "setup.go", "s", go_action);
  gtk_widget_class_install_action (widget_class, "setup.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "setup.save-campaign", NULL,
                                   save_campaign_action);
  gtk_widget_class_install_action (widget_class, "setup.add-unit", NULL, add_unit_action);
  gtk_widget_class_install_action (widget_class, "setup.save-unit", NULL, save_unit_action);
  gtk_widget_class_install_action (widget_class, "setup.choose-csv", "s", choose_csv_action);
  gtk_widget_class_install_action (widget_class, "setup.discard-csv", NULL, discard_csv_action);
  gtk_widget_class_install_action (widget_class, "setup.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "setup.save-guidance", NULL,
                                   save_guidance_action);
  gtk_widget_class_install_action (widget_class, "setup.advance", NULL, advance_action);
  gtk_widget_class_install_action (widget_class, "setup.reopen", NULL, reopen_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "setup.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "setup.back",
                                       NULL);
}

static void
zc_setup_page_init (ZcSetupPage *self)
{
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  zc_inspector_hide_stack_pages (self->stack);

  self->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->leader_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->reopened_rows = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (guidance_steps); i++)
    gtk_string_list_append (steps, step_label (i));
  adw_combo_row_set_model (self->step_row, G_LIST_MODEL (steps));
  g_signal_connect_swapped (self->step_row, "notify::selected", G_CALLBACK (on_step_changed_cb),
                            self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.import-csv", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.save-campaign", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* ---- public ------------------------------------------------------------------------------------- */

GtkWidget *
zc_setup_page_new (ZcStore  *store,
                   ZcPerson *actor)
{
  ZcSetupPage *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  self = g_object_new (ZC_TYPE_SETUP_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  update_overview (self);
  return GTK_WIDGET (self);
}

void
zc_setup_page_show_step (ZcSetupPage *self,
                         const char  *step)
{
  g_return_if_fail (ZC_IS_SETUP_PAGE (self));
  g_return_if_fail (step != NULL);

  show_step (self, step);
}

void
zc_setup_page_preview_file (ZcSetupPage *self,
                            const char  *kind,
                            const char  *path)
{
  g_return_if_fail (ZC_IS_SETUP_PAGE (self));
  g_return_if_fail (g_strcmp0 (kind, "people") == 0 || g_strcmp0 (kind, "units") == 0);

  show_step (self, "people");
  preview (self, kind, path);
}

guint
zc_setup_page_get_n_errors (ZcSetupPage *self)
{
  g_return_val_if_fail (ZC_IS_SETUP_PAGE (self), 0);

  return self->csv_errors;
}
