/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * The campaign's set-up, as an assistant: title, phase dates, the warning window and the
 * supervision contact; the unit tree (add, rename, move, focus flag, leader in charge);
 * people (and units) imported from CSV after a preview that names every bad row, with
 * nothing written until the file is clean; the configurable lists; the guidance and
 * examples of each step of the form; advancing the phase and reopening one for a unit.
 */

#define ZC_TYPE_SETUP_PAGE (zc_setup_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcSetupPage, zc_setup_page, ZC, SETUP_PAGE, GtkWidget)

GtkWidget *zc_setup_page_new          (ZcStore     *store,
                                       ZcPerson    *actor);
/* Shows a step: "overview", "campaign", "units", "people", "lists", "guidance", "phases". */
void       zc_setup_page_show_step    (ZcSetupPage *self,
                                       const char  *step);
/* Checks a CSV file as "Choose … CSV" does (@kind "people" or "units"), for tests. */
void       zc_setup_page_preview_file (ZcSetupPage *self,
                                       const char  *kind,
                                       const char  *path);
/* The rows of the preview shown that stop the import. */
guint      zc_setup_page_get_n_errors (ZcSetupPage *self);

G_END_DECLS
