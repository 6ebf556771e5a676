/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "zc-limits.h"
#include "zc-store-private.h"

/*
 * Passphrases are stored only as argon2id hashes (crypto_pwhash_str). A wrong passphrase
 * is answered after a delay that doubles with each failure in a row (up to 8 s), which
 * makes guessing at the sign-in screen slow without locking anybody out.
 */

static char *
hash_passphrase (const char  *passphrase,
                 GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str (out, passphrase, strlen (passphrase),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO, _("Not enough memory to protect the passphrase"));
      return NULL;
    }
  return g_strdup (out);
}

static gboolean
check_passphrase (const char *hash,
                  const char *passphrase)
{
  return hash && passphrase &&
         crypto_pwhash_str_verify (hash, passphrase, strlen (passphrase)) == 0;
}

static void
penalise (ZcStore    *self,
          const char *staff_code)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->failures, staff_code)) + 1;
  double seconds = MIN (8.0, 0.25 * (1u << MIN (n, 6u)));

  g_hash_table_insert (self->failures, g_strdup (staff_code), GUINT_TO_POINTER (n));
  if (self->auth_delay > 0)
    g_usleep ((gulong) (seconds * self->auth_delay * G_USEC_PER_SEC));
}

gboolean
zc_store_set_passphrase (ZcStore     *self,
                         ZcPerson    *person,
                         const char  *old_passphrase,
                         const char  *new_passphrase,
                         GError     **error)
{
  g_autofree char *stored = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(JsonObject) fields = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZC_IS_PERSON (person), FALSE);

  if (!zc_validate_text (new_passphrase, _("Passphrase"), 256, TRUE, error))
    return FALSE;
  if (g_utf8_strlen (new_passphrase, -1) < ZC_MIN_PASSPHRASE)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID,
                   _("Passphrase: use at least %d characters"), ZC_MIN_PASSPHRASE);
      return FALSE;
    }

  stored = zc_store_query_text (self, "SELECT pass_hash FROM person WHERE id = ?", "i",
                                zc_record_get_id (ZC_RECORD (person)));
  if (stored && !check_passphrase (stored, old_passphrase))
    {
      penalise (self, person->staff_code);
      g_set_error (error, ZC_ERROR, ZC_ERROR_AUTH, _("The current passphrase is not right"));
      return FALSE;
    }

  if (!(hash = hash_passphrase (new_passphrase, error)))
    return FALSE;

  fields = json_object_new ();
  json_object_set_string_member (fields, "passphrase", stored ? "changed" : "set");

  if (!zc_store_begin (self, error))
    return FALSE;
  if (!zc_store_run (self, error, "UPDATE person SET pass_hash = ? WHERE id = ?", "si", hash,
                     zc_record_get_id (ZC_RECORD (person))) ||
      !zc_store_touch_record (self, person, ZC_RECORD (person), "set_passphrase", fields,
                              error))
    {
      zc_store_rollback (self);
      return FALSE;
    }
  if (!zc_store_commit (self, error))
    return FALSE;
  person->has_passphrase = TRUE;
  return TRUE;
}

ZcPerson *
zc_store_sign_in (ZcStore     *self,
                  const char  *staff_code,
                  const char  *passphrase,
                  GError     **error)
{
  g_autoptr(ZcPerson) person = NULL;
  g_autofree char *stored = NULL;

  g_return_val_if_fail (ZC_IS_STORE (self), NULL);

  person = zc_store_get_person_by_code (self, staff_code, NULL);
  if (person)
    stored = zc_store_query_text (self, "SELECT pass_hash FROM person WHERE id = ?", "i",
                                  zc_record_get_id (ZC_RECORD (person)));
  if (person && stored == NULL)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_AUTH,
                   _("%s has no passphrase yet: set one to sign in"), person->name);
      return NULL;
    }
  /* The same answer whether the person or the passphrase is wrong. */
  if (person == NULL || !check_passphrase (stored, passphrase))
    {
      penalise (self, staff_code ? staff_code : "");
      g_set_error (error, ZC_ERROR, ZC_ERROR_AUTH,
                   _("The staff code or the passphrase is not right"));
      return NULL;
    }
  g_hash_table_remove (self->failures, staff_code);
  return g_steal_pointer (&person);
}
