/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZC_TYPE_PREFERENCES_WINDOW (zc_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ZcPreferencesWindow, zc_preferences_window, ZC, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

ZcPreferencesWindow *zc_preferences_window_new (GSettings *settings);

G_END_DECLS
