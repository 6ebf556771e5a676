/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-application.h"
#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_WINDOW (zc_window_get_type ())
G_DECLARE_FINAL_TYPE (ZcWindow, zc_window, ZC, WINDOW, AdwApplicationWindow)

ZcWindow     *zc_window_new                   (ZcApplication *application);

/* The opened campaign database, or NULL on the welcome page. */
ZcStore      *zc_window_get_store             (ZcWindow      *self);
/* Opens a database file; on failure the window says why in a toast and returns FALSE. */
gboolean      zc_window_open_file             (ZcWindow      *self,
                                               GFile         *file);
/* Opens the database opened last, or the user's default one, when it holds a campaign. */
void          zc_window_open_startup_database (ZcWindow      *self);
/* Creates the demo campaign in the user's data folder (once) and opens it. */
void          zc_window_open_demo             (ZcWindow      *self);
void          zc_window_close_database        (ZcWindow      *self);

/* The stack of pages: "welcome", "loading", "campaign" and the sections added below. */
AdwViewStack *zc_window_get_stack             (ZcWindow      *self);
/* Adds a section of the opened campaign: a page of the stack and a row of the sidebar. */
void          zc_window_add_page              (ZcWindow      *self,
                                               const char    *name,
                                               const char    *title,
                                               const char    *icon_name,
                                               GtkWidget     *page);
/* Makes a section's page from the campaign and the signed-in person. */
typedef GtkWidget *(*ZcPageNew)                (ZcStore       *store,
                                               ZcPerson      *actor);
/* Adds a section whose page is made only when it is first shown or asked for with
 * zc_window_get_page(): signing in makes only what is shown first. */
void          zc_window_add_page_later        (ZcWindow      *self,
                                               const char    *name,
                                               const char    *title,
                                               const char    *icon_name,
                                               ZcPageNew      page_new,
                                               ZcStore       *store,
                                               ZcPerson      *actor);
/* The page of section @name, made now if it was added for later; NULL when there is none. */
GtkWidget    *zc_window_get_page              (ZcWindow      *self,
                                               const char    *name);
void          zc_window_show_page             (ZcWindow      *self,
                                               const char    *name);
const char   *zc_window_get_visible_page      (ZcWindow      *self);
/* Shows @toast (transfer full). */
void          zc_window_add_toast             (ZcWindow      *self,
                                               AdwToast      *toast);
void          zc_window_show_message          (ZcWindow      *self,
                                               const char    *message);

/* ---- who uses the window ---------------------------------------------------------------- */

/* The signed-in person, or NULL; the "actor" property notifies when it changes. */
ZcPerson     *zc_window_get_actor             (ZcWindow      *self);
/* Signs @actor in (after the sign-in page checked the passphrase): removes the sections of
 * a previous person, builds @actor's with zc_sections_build and shows the first one. */
void          zc_window_set_actor             (ZcWindow      *self,
                                               ZcPerson      *actor);
/* Signs the person out: removes their sections and shows the sign-in page. */
void          zc_window_sign_out              (ZcWindow      *self);
/* Removes every page added with zc_window_add_page, and its sidebar row. */
void          zc_window_remove_sections       (ZcWindow      *self);

G_END_DECLS
