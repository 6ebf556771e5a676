/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-aggregation-page.h"
#include "zc-commitment-page.h"
#include "zc-ledger-page.h"
#include "zc-participation-page.h"
#include "zc-review-page.h"
#include "zc-sections.h"

/*
 * The unit lead's way through a campaign, one section each: the review queue, who has
 * taken part, the problem list built from the unit's findings, the rectification ledger and
 * the public commitment. A leader in charge reviews the leads of the units in charge and
 * sees who has taken part there.
 */

typedef struct
{
  ZcWindow  *window;     /* unowned: the sections live inside it */
  GtkWidget *review;
  GtkWidget *participation;
} LeadSections;

static void
on_show_participation_cb (GtkWidget    *review,
                          LeadSections *sections)
{
  zc_window_show_page (sections->window, "lead-participation");
}

static void
on_review_form_cb (GtkWidget    *participation,
                   ZcForm       *form,
                   LeadSections *sections)
{
  zc_window_show_page (sections->window, "lead-review");
  zc_review_page_select_form (ZC_REVIEW_PAGE (sections->review),
                              zc_record_get_id (ZC_RECORD (form)));
}

static void
on_show_problems_cb (GtkWidget    *page,
                     LeadSections *sections)
{
  zc_window_show_page (sections->window, "lead-problems");
}

static void
on_show_commitment_cb (GtkWidget    *page,
                       LeadSections *sections)
{
  zc_window_show_page (sections->window, "lead-commitment");
}

void
zc_sections_add_lead (ZcWindow *window,
                      ZcStore  *store,
                      ZcPerson *actor)
{
  ZcRole roles;
  LeadSections *sections;
  GtkWidget *ledger;

  g_return_if_fail (ZC_IS_WINDOW (window));
  g_return_if_fail (ZC_IS_STORE (store));
  g_return_if_fail (ZC_IS_PERSON (actor));

  roles = zc_person_get_roles (actor);
  if (!(roles & (ZC_ROLE_LEAD | ZC_ROLE_LEADER)))
    return;

  sections = g_new0 (LeadSections, 1);
  sections->window = window;
  sections->review = zc_review_page_new (store, actor);
  sections->participation = zc_participation_page_new (store, actor);
  /* The pages share this; it goes with the first of them. */
  g_object_set_data_full (G_OBJECT (sections->review), "zc-lead-sections", sections, g_free);
  g_signal_connect (sections->review, "show-participation",
                    G_CALLBACK (on_show_participation_cb), sections);
  g_signal_connect (sections->participation, "review-form",
                    G_CALLBACK (on_review_form_cb), sections);

  zc_window_add_page (window, "lead-review", _("Review Forms"), "emblem-documents-symbolic",
                      sections->review);
  zc_window_add_page (window, "lead-participation", _("Participation"),
                      "system-users-symbolic", sections->participation);

  /* The problem list, the ledger and the commitment are the unit lead's alone. */
  if (!(roles & ZC_ROLE_LEAD))
    return;
  ledger = zc_ledger_page_new (store, actor);
  g_signal_connect (ledger, "show-problems", G_CALLBACK (on_show_problems_cb), sections);
  g_signal_connect (ledger, "show-commitment", G_CALLBACK (on_show_commitment_cb), sections);
  zc_window_add_page (window, "lead-problems", _("Problem List"), "view-list-bullet-symbolic",
                      zc_aggregation_page_new (store, actor));
  zc_window_add_page (window, "lead-ledger", _("Rectification Ledger"),
                      "x-office-spreadsheet-symbolic", ledger);
  zc_window_add_page (window, "lead-commitment", _("Public Commitment"),
                      "x-office-document-symbolic", zc_commitment_page_new (store, actor));
}
