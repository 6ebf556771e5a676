/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZC_TYPE_APPLICATION (zc_application_get_type ())
G_DECLARE_FINAL_TYPE (ZcApplication, zc_application, ZC, APPLICATION, AdwApplication)

ZcApplication *zc_application_new          (void);
/* The application's settings (schema io.github.zicha.Zicha). */
GSettings     *zc_application_get_settings (ZcApplication *self);

G_END_DECLS
