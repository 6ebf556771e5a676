/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-sections.h"

void
zc_sections_add_employee (ZcWindow *window,
                          ZcStore  *store,
                          ZcPerson *actor)
{
  g_return_if_fail (ZC_IS_WINDOW (window));
  g_return_if_fail (ZC_IS_STORE (store));
  g_return_if_fail (ZC_IS_PERSON (actor));
}
