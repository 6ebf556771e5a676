/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-limits.h"
#include "zc-sign-in-page.h"

/* Rows shown at most; one more is asked for, to know whether the search should narrow. */
#define MAX_ROWS 50
/* Rows made at once: about a screenful. The others follow when the page is on screen and
 * the main loop is idle, so that the window does not wait for rows below the fold. */
#define FIRST_ROWS 12

typedef struct
{
  ZcStore *auth_store;
  char    *staff_code;
  char    *passphrase;
  gboolean first;        /* set @passphrase first */
} SignInJob;

struct _ZcSignInPage
{
  AdwBin                parent_instance;

  /* template children */
  GtkLabel             *campaign_label;
  GtkLabel             *phase_label;
  GtkStack             *stack;
  GtkSearchEntry       *search_entry;
  GtkListBox           *people_list;
  GtkLabel             *more_label;
  GtkLabel             *empty_label;
  AdwAvatar            *avatar;
  GtkLabel             *name_label;
  GtkLabel             *detail_label;
  AdwPreferencesGroup  *passphrase_group;
  AdwPasswordEntryRow  *passphrase_row;
  AdwPasswordEntryRow  *new_row;
  AdwPasswordEntryRow  *repeat_row;
  GtkLabel             *error_label;
  GtkButton            *sign_in_button;
  GtkSpinner           *spinner;
  GtkWidget            *other_button;

  GSettings            *settings;
  ZcStore              *store;
  ZcStore              *auth_store;   /* its own connection; used by one job at a time */
  ZcPerson             *person;       /* the person picked */
  GCancellable         *cancellable;
  GListModel           *pending_people; /* the rows still to make, from pending_index */
  guint                 pending_index;
  guint                 pending_id;
  double                auth_delay;
  gboolean              busy;
};

enum {
  SIGNAL_SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcSignInPage, zc_sign_in_page, ADW_TYPE_BIN)

static void
sign_in_job_free (gpointer data)
{
  SignInJob *job = data;

  g_clear_object (&job->auth_store);
  g_free (job->staff_code);
  if (job->passphrase != NULL)
    {
      memset (job->passphrase, 0, strlen (job->passphrase));
      g_free (job->passphrase);
    }
  g_free (job);
}

static void
show_error (ZcSignInPage *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* A person as the list and the header describe them: "SJ005 · 社会救助处 · 科员". */
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
  /* Translators: the separator between a person's staff code, unit and post */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
update_button (ZcSignInPage *self)
{
  gboolean first = self->person != NULL && !zc_person_get_has_passphrase (self->person);
  gboolean ready;

  if (first)
    ready = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->new_row)), -1) > 0 &&
            g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->repeat_row)), -1) > 0;
  else
    ready = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)), -1) > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), ready && !self->busy);
  gtk_widget_set_sensitive (self->other_button, !self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
}

static void
clear_passphrases (ZcSignInPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");
}

static void
show_person (ZcSignInPage *self,
             ZcPerson     *person)
{
  g_autofree char *details = person_details (person);
  g_autofree char *description = NULL;
  gboolean first = !zc_person_get_has_passphrase (person);

  g_set_object (&self->person, person);
  clear_passphrases (self);
  show_error (self, NULL);

  adw_avatar_set_text (self->avatar, zc_person_get_name (person));
  gtk_label_set_text (self->name_label, zc_person_get_name (person));
  gtk_label_set_text (self->detail_label, details);

  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_row), !first);
  gtk_widget_set_visible (GTK_WIDGET (self->new_row), first);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), first);
  if (first)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "This is your first sign-in. Choose a "
                                                "passphrase of at least %d character and "
                                                "enter it twice. Only you know it: nobody can "
                                                "look it up, not even an inspector.",
                                                "This is your first sign-in. Choose a "
                                                "passphrase of at least %d characters and "
                                                "enter it twice. Only you know it: nobody can "
                                                "look it up, not even an inspector.",
                                                ZC_MIN_PASSPHRASE),
                                   ZC_MIN_PASSPHRASE);
  adw_preferences_group_set_description (self->passphrase_group, description);
  gtk_button_set_label (self->sign_in_button,
                        first ? _("Set Passphrase and Sign In") : _("Sign In"));

  gtk_stack_set_visible_child_name (self->stack, "passphrase");
  update_button (self);
  gtk_widget_grab_focus (first ? GTK_WIDGET (self->new_row) : GTK_WIDGET (self->passphrase_row));
}

static GtkWidget *
person_row_new (ZcPerson *person)
{
  g_autofree char *details = person_details (person);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zc_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  /* Lines that wrap without end cost GTK a search for their width at every layout: fifty
   * rows of them took about 350 ms before the window first drew. The accessible label
   * below still says everything. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Translators: how a screen reader reads a person of the sign-in list: name, then details */
  label = g_strdup_printf (_("%s, %s"), zc_person_get_name (person), details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "zc-person", g_object_ref (person), g_object_unref);
  return row;
}

static void
append_people (ZcSignInPage *self,
               GListModel   *people,
               guint         from,
               guint         to)
{
  for (guint i = from; i < to; i++)
    {
      g_autoptr(ZcPerson) person = g_list_model_get_item (people, i);

      gtk_list_box_append (self->people_list, person_row_new (person));
    }
}

static gboolean
append_pending_people_cb (gpointer user_data)
{
  ZcSignInPage *self = user_data;
  guint n = MIN (g_list_model_get_n_items (self->pending_people), MAX_ROWS);

  self->pending_id = 0;
  append_people (self, self->pending_people, self->pending_index, n);
  g_clear_object (&self->pending_people);
  return G_SOURCE_REMOVE;
}

static void
schedule_pending_people (ZcSignInPage *self)
{
  if (self->pending_people != NULL && self->pending_id == 0 &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->pending_id = g_idle_add_full (G_PRIORITY_LOW, append_pending_people_cb, self, NULL);
}

static void
fill_people (ZcSignInPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GListModel) people = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (search));
  GtkWidget *child;
  guint n;

  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_object (&self->pending_people);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);

  if (self->store == NULL)
    return;

  people = zc_store_list_people (self->store, 0, *stripped ? stripped : NULL, MAX_ROWS + 1);
  n = people ? g_list_model_get_n_items (people) : 0;
  append_people (self, people, 0, MIN (n, FIRST_ROWS));
  if (n > FIRST_ROWS)
    {
      self->pending_people = g_steal_pointer (&people);
      self->pending_index = FIRST_ROWS;
      schedule_pending_people (self);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->people_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), n > MAX_ROWS);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  if (n == 0)
    {
      g_autofree char *text = NULL;

      if (*stripped)
        text = g_strdup_printf (_("No one’s name, staff code or unit contains “%s”."),
                                stripped);
      else
        text = g_strdup (_("This campaign has no people yet."));
      gtk_label_set_text (self->empty_label, text);
    }
}

/* ---- signing in --------------------------------------------------------------------- */

static void
sign_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SignInJob *job = task_data;
  g_autoptr(GError) error = NULL;
  ZcPerson *person;

  if (job->first)
    {
      g_autoptr(ZcPerson) who = zc_store_get_person_by_code (job->auth_store, job->staff_code,
                                                             &error);

      if (who == NULL ||
          !zc_store_set_passphrase (job->auth_store, who, NULL, job->passphrase, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  person = zc_store_sign_in (job->auth_store, job->staff_code, job->passphrase, &error);
  if (person == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, person, g_object_unref);
}

static void
on_signed_in_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ZcSignInPage *self = ZC_SIGN_IN_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPerson) person = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  update_button (self);

  if (person == NULL)
    {
      /* The core's message says what went wrong without saying more than it should. */
      show_error (self, error->message);
      if (self->person != NULL && zc_person_get_has_passphrase (self->person))
        {
          gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
        }
      return;
    }

  if (g_settings_get_boolean (self->settings, "remember-person"))
    g_settings_set_string (self->settings, "remembered-person", zc_person_get_staff_code (person));
  else
    g_settings_set_string (self->settings, "remembered-person", "");

  clear_passphrases (self);
  g_signal_emit (self, signals[SIGNAL_SIGNED_IN], 0, person);
}

static void
start_sign_in (ZcSignInPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SignInJob *job;
  gboolean first;
  const char *passphrase;

  if (self->busy || self->person == NULL || self->store == NULL)
    return;

  first = !zc_person_get_has_passphrase (self->person);
  if (first)
    {
      const char *new_text = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
      const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));

      if (g_utf8_strlen (new_text, -1) < ZC_MIN_PASSPHRASE)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The passphrase is too short: use at least %d "
                                          "character.",
                                          "The passphrase is too short: use at least %d "
                                          "characters.", ZC_MIN_PASSPHRASE),
                             ZC_MIN_PASSPHRASE);
          show_error (self, message);
          gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
          return;
        }
      if (g_strcmp0 (new_text, repeat) != 0)
        {
          show_error (self, _("The two passphrases differ. Enter the same one twice."));
          gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
          return;
        }
      passphrase = new_text;
    }
  else
    passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  if (self->auth_store == NULL)
    {
      self->auth_store = zc_store_open (zc_store_get_path (self->store), &error);
      if (self->auth_store == NULL)
        {
          show_error (self, error->message);
          return;
        }
      zc_store_set_auth_delay (self->auth_store, self->auth_delay);
    }

  job = g_new0 (SignInJob, 1);
  job->auth_store = g_object_ref (self->auth_store);
  job->staff_code = g_strdup (zc_person_get_staff_code (self->person));
  job->passphrase = g_strdup (passphrase);
  job->first = first;

  self->busy = TRUE;
  show_error (self, NULL);
  update_button (self);

  task = g_task_new (self, self->cancellable, on_signed_in_cb, NULL);
  g_task_set_source_tag (task, start_sign_in);
  g_task_set_task_data (task, job, sign_in_job_free);
  g_task_run_in_thread (task, sign_in_thread);
}

/* ---- signal callbacks ------------------------------------------------------------------ */

static void
on_search_changed_cb (ZcSignInPage *self)
{
  fill_people (self);
}

static void
on_search_activate_cb (ZcSignInPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->people_list, 0);

  /* Enter picks the only match; with several, it moves into the list. */
  if (first != NULL && gtk_list_box_get_row_at_index (self->people_list, 1) == NULL)
    show_person (self, g_object_get_data (G_OBJECT (first), "zc-person"));
  else if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
on_person_activated_cb (ZcSignInPage  *self,
                        GtkListBoxRow *row)
{
  ZcPerson *person = g_object_get_data (G_OBJECT (row), "zc-person");

  if (person != NULL)
    show_person (self, person);
}

static void
on_passphrase_changed_cb (ZcSignInPage *self)
{
  update_button (self);
}

static void
on_passphrase_activated_cb (ZcSignInPage *self,
                            GtkWidget    *row)
{
  if (row == GTK_WIDGET (self->new_row))
    gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
  else
    start_sign_in (self);
}

static void
on_sign_in_clicked_cb (ZcSignInPage *self)
{
  start_sign_in (self);
}

static void
on_other_clicked_cb (ZcSignInPage *self)
{
  zc_sign_in_page_reset (self, FALSE);
}

/* The pages of @stack not shown are hidden from screen readers: the stack keeps their last
 * size, so they would read as if they were still there. */
static void
on_stack_child_changed_cb (GtkStack *stack)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, child != visible,
                                 -1);
}

/* ---- vfuncs ------------------------------------------------------------------------------ */

static void
zc_sign_in_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (zc_sign_in_page_parent_class)->map (widget);
  schedule_pending_people (ZC_SIGN_IN_PAGE (widget));
}

static void
zc_sign_in_page_unmap (GtkWidget *widget)
{
  ZcSignInPage *self = ZC_SIGN_IN_PAGE (widget);

  /* Someone signed in: the rest of the list waits until the page shows again. */
  g_clear_handle_id (&self->pending_id, g_source_remove);
  GTK_WIDGET_CLASS (zc_sign_in_page_parent_class)->unmap (widget);
}

static void
zc_sign_in_page_dispose (GObject *object)
{
  ZcSignInPage *self = ZC_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_object (&self->pending_people);
  gtk_widget_dispose_template (GTK_WIDGET (object), ZC_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (zc_sign_in_page_parent_class)->dispose (object);
}

static void
zc_sign_in_page_finalize (GObject *object)
{
  ZcSignInPage *self = ZC_SIGN_IN_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->auth_store);
  g_clear_object (&self->person);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (zc_sign_in_page_parent_class)->finalize (object);
}

static void
zc_sign_in_page_class_init (ZcSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_sign_in_page_dispose;
  object_class->finalize = zc_sign_in_page_finalize;
  widget_class->map = zc_sign_in_page_map;
  widget_class->unmap = zc_sign_in_page_unmap;

  /**
   * ZcSignInPage::signed-in:
   * @person: the person whose passphrase was right
   */
  signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZC_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, campaign_label);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, people_list);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, more_label);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, passphrase_group);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, new_row);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, other_button);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_other_clicked_cb);
}

static void
zc_sign_in_page_init (ZcSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->auth_delay = 1.0;
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  update_button (self);
}

/* ---- public -------------------------------------------------------------------------- */

GtkWidget *
zc_sign_in_page_new (void)
{
  return g_object_new (ZC_TYPE_SIGN_IN_PAGE, NULL);
}

void
zc_sign_in_page_set_store (ZcSignInPage *self,
                           ZcStore      *store)
{
  g_return_if_fail (ZC_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (store == NULL || ZC_IS_STORE (store));

  if (self->store == store)
    return;

  /* A sign-in still running belongs to the previous campaign. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = FALSE;

  g_set_object (&self->store, store);
  g_clear_object (&self->auth_store);

  if (store != NULL)
    {
      g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (store, NULL);
      ZcPhase phase = campaign ? zc_campaign_get_phase (campaign) : ZC_PHASE_MOBILIZATION;

      gtk_label_set_text (self->campaign_label, campaign ? zc_campaign_get_title (campaign) : "");
      gtk_label_set_text (self->phase_label, zc_enum_label (ZC_TYPE_PHASE, phase));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->phase_label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Phase"),
                                      -1);
    }
  zc_sign_in_page_reset (self, TRUE);
}

void
zc_sign_in_page_reset (ZcSignInPage *self,
                       gboolean      remembered)
{
  g_autofree char *code = NULL;

  g_return_if_fail (ZC_IS_SIGN_IN_PAGE (self));

  g_clear_object (&self->person);
  clear_passphrases (self);
  show_error (self, NULL);

  /* Coming back to the start is not a step the person takes: no animation. */
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_NONE);
  code = g_settings_get_string (self->settings, "remembered-person");
  if (remembered && self->store != NULL && *code != '\0' &&
      g_settings_get_boolean (self->settings, "remember-person"))
    {
      g_autoptr(ZcPerson) person = zc_store_get_person_by_code (self->store, code, NULL);

      if (person != NULL)
        {
          show_person (self, person);
          gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
          return;
        }
    }

  gtk_stack_set_visible_child_name (self->stack, "pick");
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  fill_people (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
zc_sign_in_page_set_auth_delay (ZcSignInPage *self,
                                double        factor)
{
  g_return_if_fail (ZC_IS_SIGN_IN_PAGE (self));

  self->auth_delay = factor;
  if (self->auth_store != NULL)
    zc_store_set_auth_delay (self->auth_store, factor);
}
