/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "zc-error.h"

G_DEFINE_QUARK (zc-error-quark, zc_error)
