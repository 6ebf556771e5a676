/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zc-window.h"

G_BEGIN_DECLS

/*
 * The sections of the window for the signed-in person. The window calls zc_sections_build
 * after a sign-in, and zc_window_remove_sections on sign-out or when the person changes.
 * Each adder puts its pages in with zc_window_add_page.
 */

void zc_sections_build          (ZcWindow *window,
                                 ZcStore  *store,
                                 ZcPerson *actor);
/* The page @actor lands on after signing in: an inspector's dashboard (the campaign is
 * their daily work; their own form is a click away), for everyone else NULL: the first
 * page, home. */
const char *zc_sections_landing_page (ZcPerson *actor);

/* Everyone: home, the self-inspection form, suggestions (zc-sections-employee.c). */
void zc_sections_add_employee   (ZcWindow *window,
                                 ZcStore  *store,
                                 ZcPerson *actor);
/* Unit leads and leaders in charge (zc-sections-lead.c). */
void zc_sections_add_lead       (ZcWindow *window,
                                 ZcStore  *store,
                                 ZcPerson *actor);
/* Inspectors (zc-sections-inspector.c). The dashboard starts counting its figures in a
 * thread when it is made: zc_sections_build makes it before every other page, and its
 * section still comes after the others. */
GtkWidget *zc_sections_make_dashboard (ZcStore  *store,
                                       ZcPerson *actor);
void zc_sections_add_inspector  (ZcWindow  *window,
                                 ZcStore   *store,
                                 ZcPerson  *actor,
                                 GtkWidget *dashboard);

G_END_DECLS
