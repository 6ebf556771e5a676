/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-home-page.h"
#include "zc-inspection-page.h"
#include "zc-sections.h"

/* Everyone's sections: the home page and their own self-inspection form. */
void
zc_sections_add_employee (ZcWindow *window,
                          ZcStore  *store,
                          ZcPerson *actor)
{
  g_return_if_fail (ZC_IS_WINDOW (window));
  g_return_if_fail (ZC_IS_STORE (store));
  g_return_if_fail (ZC_IS_PERSON (actor));

  /* Made when first shown: an inspector lands on the dashboard (zc_sections_landing_page()). */
  zc_window_add_page_later (window, "home", _("Home"), "user-home-symbolic", zc_home_page_new,
                            store, actor);
  /* Made when first shown (it is not the first page). */
  zc_window_add_page_later (window, "my-form", _("My Self-Inspection"), "document-edit-symbolic",
                            zc_inspection_page_new, store, actor);
}
