/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ZC_ERROR (zc_error_quark ())

/**
 * ZcError:
 * @ZC_ERROR_PERMISSION: the acting person may not do this
 * @ZC_ERROR_INVALID: input failed validation (the message names the field and the limit)
 * @ZC_ERROR_STATE: the record is in a state that does not allow the action
 * @ZC_ERROR_CONFLICT: the change collides with another record (duplicate code, stale revision)
 * @ZC_ERROR_NOT_FOUND: the record does not exist
 * @ZC_ERROR_CORRUPT: the data is damaged or was tampered with
 * @ZC_ERROR_VERSION: the database or file comes from a newer version of Zicha
 * @ZC_ERROR_AUTH: sign-in failed
 * @ZC_ERROR_IO: a file could not be read or written
 *
 * Refusals the core reports. Every one is a one-line message meant for a person.
 */
typedef enum
{
  ZC_ERROR_PERMISSION,
  ZC_ERROR_INVALID,
  ZC_ERROR_STATE,
  ZC_ERROR_CONFLICT,
  ZC_ERROR_NOT_FOUND,
  ZC_ERROR_CORRUPT,
  ZC_ERROR_VERSION,
  ZC_ERROR_AUTH,
  ZC_ERROR_IO,
} ZcError;

GQuark zc_error_quark (void);

G_END_DECLS
