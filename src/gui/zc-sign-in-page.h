/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_SIGN_IN_PAGE (zc_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcSignInPage, zc_sign_in_page, ZC, SIGN_IN_PAGE, AdwBin)

/*
 * Who uses the window: pick yourself from the campaign's people (searched in SQL, at most
 * 50 rows shown), then enter your passphrase, or set it at the first sign-in. The check runs
 * in a thread on a connection of its own, so that argon2 and the delay after a wrong
 * passphrase never freeze the window. Emits "signed-in" with the person.
 */
GtkWidget *zc_sign_in_page_new       (void);
/* The campaign to sign in to (NULL: none). Shows the remembered person when there is one. */
void       zc_sign_in_page_set_store (ZcSignInPage *self,
                                      ZcStore      *store);
/* Back to the start: the remembered person's passphrase when @remembered, else the list. */
void       zc_sign_in_page_reset     (ZcSignInPage *self,
                                      gboolean      remembered);
/* Multiplies the delay after a wrong passphrase (tests use 0). */
void       zc_sign_in_page_set_auth_delay (ZcSignInPage *self,
                                           double        factor);

G_END_DECLS
