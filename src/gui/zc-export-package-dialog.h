/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zc-exchange.h"
#include "zc-window.h"

G_BEGIN_DECLS

#define ZC_TYPE_EXPORT_PACKAGE_DIALOG (zc_export_package_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZcExportPackageDialog, zc_export_package_dialog, ZC, EXPORT_PACKAGE_DIALOG,
                      AdwWindow)

/*
 * Writes an exchange file of @kind for the window's signed-in person: says what the file
 * carries, lets them choose the unit where there is a choice and the file (with the native
 * file chooser), asks for the passphrase that opens their signing key (not for anonymous
 * suggestions), then writes the file with a progress bar and a Cancel button. When the
 * file is written it emits "exported" (with the GFile), shows a toast in the window and
 * closes. Present it with gtk_window_present.
 */
ZcExportPackageDialog *zc_export_package_dialog_new      (ZcWindow              *window,
                                                          ZcExchangeKind         kind);
/* The file to write; a suggestion in the Documents folder until one is chosen. */
GFile                 *zc_export_package_dialog_get_file (ZcExportPackageDialog *self);
void                   zc_export_package_dialog_set_file (ZcExportPackageDialog *self,
                                                          GFile                 *file);

G_END_DECLS
