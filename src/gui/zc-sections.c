/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include "zc-sections.h"

void
zc_sections_build (ZcWindow *window,
                   ZcStore  *store,
                   ZcPerson *actor)
{
  GtkWidget *dashboard;

  g_return_if_fail (ZC_IS_WINDOW (window));
  g_return_if_fail (ZC_IS_STORE (store));
  g_return_if_fail (ZC_IS_PERSON (actor));

  /* An inspector's figures take a moment on a large campaign: they are counted while the
   * other pages are made. */
  dashboard = zc_sections_make_dashboard (store, actor);
  /* Everyone has a form of their own, leads and inspectors too. */
  zc_sections_add_employee (window, store, actor);
  zc_sections_add_lead (window, store, actor);
  zc_sections_add_inspector (window, store, actor, dashboard);
  /* The lead's and the inspector's adders follow, one line each, deciding themselves
   * whether @actor is one of theirs. */
}

const char *
zc_sections_landing_page (ZcPerson *actor)
{
  g_return_val_if_fail (ZC_IS_PERSON (actor), NULL);

  if (zc_person_get_roles (actor) & ZC_ROLE_INSPECTOR)
    return "inspector-dashboard";
  return NULL;
}
