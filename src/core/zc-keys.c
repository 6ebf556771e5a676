/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "zc-keys.h"
#include "zc-store-private.h"

/*
 * The sealed secret key is "1$" followed by the hex of salt (16 bytes) ‖ nonce (24 bytes) ‖
 * crypto_secretbox_easy (secret key) (64 + 16 bytes). "1" names the parameters: argon2id13
 * with the interactive limits of libsodium 1.0.18 (2 passes, 64 MiB), a 32-byte key.
 */

#define SEAL_PREFIX "1$"
#define SEAL_BYTES (crypto_pwhash_SALTBYTES + crypto_secretbox_NONCEBYTES + \
                    ZC_KEY_SECRET_BYTES + crypto_secretbox_MACBYTES)

G_STATIC_ASSERT (crypto_sign_PUBLICKEYBYTES == ZC_KEY_PUBLIC_BYTES);
G_STATIC_ASSERT (crypto_sign_SECRETKEYBYTES == ZC_KEY_SECRET_BYTES);
G_STATIC_ASSERT (crypto_sign_BYTES == ZC_KEY_SIGNATURE_BYTES);

static gboolean
derive_key (const char   *passphrase,
            const guint8 *salt,
            guint8       *key,
            GError      **error)
{
  if (crypto_pwhash (key, crypto_secretbox_KEYBYTES, passphrase, strlen (passphrase), salt,
                     crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO,
                   _("Not enough memory to protect the signing key"));
      return FALSE;
    }
  return TRUE;
}

struct _ZcKeySealer
{
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 key[crypto_secretbox_KEYBYTES];
};

ZcKeySealer *
zc_keys_sealer_new (const char  *passphrase,
                    GError     **error)
{
  ZcKeySealer *sealer;

  g_return_val_if_fail (passphrase != NULL, NULL);

  sealer = sodium_malloc (sizeof (ZcKeySealer));
  if (sealer == NULL)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_IO,
                   _("Not enough memory to protect the signing key"));
      return NULL;
    }
  randombytes_buf (sealer->salt, sizeof sealer->salt);
  if (!derive_key (passphrase, sealer->salt, sealer->key, error))
    {
      zc_keys_sealer_free (sealer);
      return NULL;
    }
  return sealer;
}

void
zc_keys_sealer_free (ZcKeySealer *sealer)
{
  /* sodium_free() wipes it. */
  if (sealer != NULL)
    sodium_free (sealer);
}

char *
zc_keys_sealer_seal (ZcKeySealer  *sealer,
                     const guint8 *secret)
{
  guint8 sealed[SEAL_BYTES];
  guint8 *nonce = sealed + crypto_pwhash_SALTBYTES;
  guint8 *box = nonce + crypto_secretbox_NONCEBYTES;
  char hex[SEAL_BYTES * 2 + 1];

  g_return_val_if_fail (sealer != NULL && secret != NULL, NULL);

  memcpy (sealed, sealer->salt, crypto_pwhash_SALTBYTES);
  randombytes_buf (nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy (box, secret, ZC_KEY_SECRET_BYTES, nonce, sealer->key);
  sodium_bin2hex (hex, sizeof hex, sealed, sizeof sealed);
  return g_strconcat (SEAL_PREFIX, hex, NULL);
}

char *
zc_keys_seal_secret (const guint8  *secret,
                     const char    *passphrase,
                     GError       **error)
{
  ZcKeySealer *sealer;
  char *sealed;

  g_return_val_if_fail (secret != NULL && passphrase != NULL, NULL);

  /* A sealer of its own: a fresh salt for every secret sealed this way. */
  sealer = zc_keys_sealer_new (passphrase, error);
  if (sealer == NULL)
    return NULL;
  sealed = zc_keys_sealer_seal (sealer, secret);
  zc_keys_sealer_free (sealer);
  return sealed;
}

gboolean
zc_keys_open_secret (const char  *sealed_text,
                     const char  *passphrase,
                     guint8      *secret,
                     GError     **error)
{
  guint8 sealed[SEAL_BYTES];
  guint8 key[crypto_secretbox_KEYBYTES];
  gsize len = 0;
  int rc;

  g_return_val_if_fail (secret != NULL, FALSE);

  if (sealed_text == NULL || !g_str_has_prefix (sealed_text, SEAL_PREFIX) ||
      sodium_hex2bin (sealed, sizeof sealed, sealed_text + strlen (SEAL_PREFIX),
                      strlen (sealed_text) - strlen (SEAL_PREFIX), NULL, &len,
                      NULL) != 0 || len != SEAL_BYTES)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT, _("The stored signing key is damaged"));
      return FALSE;
    }
  if (passphrase == NULL)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_AUTH, _("The passphrase is needed to sign"));
      return FALSE;
    }
  if (!derive_key (passphrase, sealed, key, error))
    return FALSE;
  rc = crypto_secretbox_open_easy (secret, sealed + crypto_pwhash_SALTBYTES +
                                   crypto_secretbox_NONCEBYTES,
                                   ZC_KEY_SECRET_BYTES + crypto_secretbox_MACBYTES,
                                   sealed + crypto_pwhash_SALTBYTES, key);
  sodium_memzero (key, sizeof key);
  if (rc != 0)
    {
      sodium_memzero (secret, ZC_KEY_SECRET_BYTES);
      g_set_error (error, ZC_ERROR, ZC_ERROR_AUTH, _("The passphrase is not right"));
      return FALSE;
    }
  return TRUE;
}

gboolean
zc_keys_generate (const char  *passphrase,
                  char       **public_hex,
                  char       **sealed,
                  GError     **error)
{
  guint8 pk[ZC_KEY_PUBLIC_BYTES];
  guint8 sk[ZC_KEY_SECRET_BYTES];
  char hex[ZC_KEY_PUBLIC_BYTES * 2 + 1];
  char *s;

  crypto_sign_keypair (pk, sk);
  s = zc_keys_seal_secret (sk, passphrase, error);
  sodium_memzero (sk, sizeof sk);
  if (s == NULL)
    return FALSE;
  sodium_bin2hex (hex, sizeof hex, pk, sizeof pk);
  *public_hex = g_strdup (hex);
  *sealed = s;
  return TRUE;
}

gboolean
zc_keys_public_from_hex (const char *hex,
                         guint8     *public_key)
{
  gsize len = 0;

  if (hex == NULL || strlen (hex) != ZC_KEY_PUBLIC_BYTES * 2)
    return FALSE;
  return sodium_hex2bin (public_key, ZC_KEY_PUBLIC_BYTES, hex, strlen (hex), NULL, &len,
                         NULL) == 0 &&
         len == ZC_KEY_PUBLIC_BYTES;
}

char *
zc_keys_fingerprint (const char *public_hex)
{
  GString *fp;

  if (public_hex == NULL || strlen (public_hex) < 16)
    return NULL;
  fp = g_string_new (NULL);
  for (guint i = 0; i < 16; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (fp, ' ');
      g_string_append_c (fp, g_ascii_tolower (public_hex[i]));
    }
  return g_string_free (fp, FALSE);
}

gboolean
zc_store_unlock_key (ZcStore     *store,
                     ZcPerson    *person,
                     const char  *passphrase,
                     guint8      *secret,
                     GError     **error)
{
  g_autofree char *sealed = NULL;
  g_autofree char *pubkey = NULL;
  guint8 pk[ZC_KEY_PUBLIC_BYTES];

  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (ZC_IS_PERSON (person), FALSE);

  sealed = zc_store_query_text (store, "SELECT seckey FROM person WHERE id = ?", "i",
                                zc_record_get_id (ZC_RECORD (person)));
  pubkey = zc_store_query_text (store, "SELECT pubkey FROM person WHERE id = ?", "i",
                                zc_record_get_id (ZC_RECORD (person)));
  if (sealed == NULL)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_NOT_FOUND,
                   _("%s has no signing key on this computer yet: set a passphrase here first"),
                   zc_person_get_name (person));
      return FALSE;
    }
  if (!zc_keys_open_secret (sealed, passphrase, secret, error))
    return FALSE;
  /* The secret key holds its public half: it must be the one others have pinned. */
  if (!zc_keys_public_from_hex (pubkey, pk) ||
      memcmp (pk, secret + ZC_KEY_SECRET_BYTES - ZC_KEY_PUBLIC_BYTES, sizeof pk) != 0)
    {
      sodium_memzero (secret, ZC_KEY_SECRET_BYTES);
      g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT,
                   _("The signing key of %s does not match the public key on record"),
                   zc_person_get_name (person));
      return FALSE;
    }
  return TRUE;
}

gboolean
zc_store_create_signing_key (ZcStore      *store,
                             ZcPerson     *person,
                             ZcKeySealer  *sealer,
                             guint8       *secret,
                             GError      **error)
{
  g_autofree char *old_seckey = NULL;
  g_autofree char *sealed = NULL;
  g_autoptr(JsonObject) fields = NULL;
  guint8 pk[ZC_KEY_PUBLIC_BYTES];
  char hex[ZC_KEY_PUBLIC_BYTES * 2 + 1];
  JsonArray *pair;
  gint64 id;

  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (ZC_IS_PERSON (person), FALSE);
  g_return_val_if_fail (sealer != NULL && secret != NULL, FALSE);

  id = zc_record_get_id (ZC_RECORD (person));
  old_seckey = zc_store_query_text (store, "SELECT seckey FROM person WHERE id = ?", "i", id);
  if (old_seckey != NULL)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                   _("%s has a signing key on this computer already"),
                   zc_person_get_name (person));
      return FALSE;
    }

  crypto_sign_keypair (pk, secret);
  sealed = zc_keys_sealer_seal (sealer, secret);
  sodium_bin2hex (hex, sizeof hex, pk, sizeof pk);

  /* Logged as zc_store_set_passphrase() logs a key it creates. */
  fields = json_object_new ();
  pair = json_array_new ();
  if (zc_person_get_pubkey (person) != NULL)
    json_array_add_string_element (pair, zc_person_get_pubkey (person));
  else
    json_array_add_null_element (pair);
  json_array_add_string_element (pair, hex);
  json_object_set_array_member (fields, "pubkey", pair);

  if (!zc_store_begin (store, error))
    goto fail;
  if (!zc_store_run (store, error, "UPDATE person SET seckey = ?, pubkey = ? WHERE id = ?",
                     "ssi", sealed, hex, id) ||
      !zc_audit_append (store, zc_record_get_uuid (ZC_RECORD (person)), "create_key", "person",
                        zc_record_get_uuid (ZC_RECORD (person)), fields, id, FALSE, error))
    {
      zc_store_rollback (store);
      goto fail;
    }
  if (!zc_store_commit (store, error))
    goto fail;
  zc_person_set_pubkey (person, hex);
  return TRUE;

fail:
  sodium_memzero (secret, ZC_KEY_SECRET_BYTES);
  return FALSE;
}
