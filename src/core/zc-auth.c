/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "zc-keys.h"
#include "zc-limits.h"
#include "zc-store-private.h"

/*
 * Passphrases are stored only as argon2id hashes (crypto_pwhash_str). A wrong passphrase
 * is answered after a delay that doubles with each failure in a row (up to 8 s), which
 * makes guessing at the sign-in screen slow without locking anybody out.
 *
 * The first passphrase set on an installation also creates the person's Ed25519 signing key
 * pair (zc-keys.h); a new passphrase re-encrypts the same secret key, so the public key that
 * others have pinned stays valid. The passphrase and the secret key belong to this
 * installation: setting them is logged but does not raise the person record's revision, so
 * that the record still merges with the inspectors' copy in exchange files.
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
  g_autofree char *old_seckey = NULL;
  g_autofree char *old_pubkey = NULL;
  g_autofree char *seckey = NULL;
  g_autofree char *pubkey = NULL;
  g_autoptr(JsonObject) fields = NULL;
  gint64 id;

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

  id = zc_record_get_id (ZC_RECORD (person));
  stored = zc_store_query_text (self, "SELECT pass_hash FROM person WHERE id = ?", "i", id);
  if (stored && !check_passphrase (stored, old_passphrase))
    {
      penalise (self, person->staff_code);
      g_set_error (error, ZC_ERROR, ZC_ERROR_AUTH, _("The current passphrase is not right"));
      return FALSE;
    }

  if (!(hash = hash_passphrase (new_passphrase, error)))
    return FALSE;

  /* The signing key: re-encrypted under the new passphrase, or created on first use. */
  old_seckey = zc_store_query_text (self, "SELECT seckey FROM person WHERE id = ?", "i", id);
  old_pubkey = zc_store_query_text (self, "SELECT pubkey FROM person WHERE id = ?", "i", id);
  if (old_seckey && stored)
    {
      guint8 secret[ZC_KEY_SECRET_BYTES];

      if (!zc_keys_open_secret (old_seckey, old_passphrase, secret, error))
        return FALSE;
      seckey = zc_keys_seal_secret (secret, new_passphrase, error);
      sodium_memzero (secret, sizeof secret);
      if (seckey == NULL)
        return FALSE;
      pubkey = g_strdup (old_pubkey);
    }
  else if (!zc_keys_generate (new_passphrase, &pubkey, &seckey, error))
    return FALSE;

  fields = json_object_new ();
  json_object_set_string_member (fields, "passphrase", stored ? "changed" : "set");
  if (g_strcmp0 (old_pubkey, pubkey) != 0)
    {
      JsonArray *pair = json_array_new ();

      if (old_pubkey)
        json_array_add_string_element (pair, old_pubkey);
      else
        json_array_add_null_element (pair);
      json_array_add_string_element (pair, pubkey);
      json_object_set_array_member (fields, "pubkey", pair);
    }

  if (!zc_store_begin (self, error))
    return FALSE;
  if (!zc_store_run (self, error, "UPDATE person SET pass_hash = ?, seckey = ?, pubkey = ? "
                                  "WHERE id = ?", "sssi", hash, seckey, pubkey, id) ||
      !zc_audit_append (self, zc_record_get_uuid (ZC_RECORD (person)), "set_passphrase",
                        "person", zc_record_get_uuid (ZC_RECORD (person)), fields, id, FALSE,
                        error))
    {
      zc_store_rollback (self);
      return FALSE;
    }
  if (!zc_store_commit (self, error))
    return FALSE;
  person->has_passphrase = TRUE;
  zc_person_set_pubkey (person, pubkey);
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
