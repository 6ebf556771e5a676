/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zc-store.h"

G_BEGIN_DECLS

/*
 * Signing keys. Every person gets an Ed25519 key pair the first time a passphrase is set on
 * an installation. The public key (hex) is the person record's pubkey field; the secret key
 * is kept only encrypted under a key derived from the passphrase (argon2id with its own
 * salt, then XSalsa20-Poly1305), in the person row's seckey column, which is never exported.
 */

#define ZC_KEY_PUBLIC_BYTES   32
#define ZC_KEY_SECRET_BYTES   64
#define ZC_KEY_SIGNATURE_BYTES 64

/* A new key pair: @public_hex receives the public key, @sealed the secret key encrypted
 * under @passphrase (the text stored in person.seckey). */
gboolean  zc_keys_generate          (const char   *passphrase,
                                     char        **public_hex,
                                     char        **sealed,
                                     GError      **error);
/* Encrypts @secret under @passphrase (fresh salt and nonce). */
char     *zc_keys_seal_secret       (const guint8 *secret,
                                     const char   *passphrase,
                                     GError      **error);
/*
 * A sealer encrypts secret keys under a passphrase with one key derivation (argon2id, the
 * slow part) for all of them: every key it seals shares its salt, each has its own nonce,
 * and each opens with zc_keys_open_secret() and the passphrase like any other. For making
 * many keys at once (benchmarks, test data); a person's own key is sealed on its own.
 */
typedef struct _ZcKeySealer ZcKeySealer;

ZcKeySealer *zc_keys_sealer_new     (const char   *passphrase,
                                     GError      **error);
char        *zc_keys_sealer_seal    (ZcKeySealer  *sealer,
                                     const guint8 *secret);
void         zc_keys_sealer_free    (ZcKeySealer  *sealer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcKeySealer, zc_keys_sealer_free)

/* Decrypts a sealed secret key; a wrong passphrase is ZC_ERROR_AUTH. */
gboolean  zc_keys_open_secret       (const char   *sealed,
                                     const char   *passphrase,
                                     guint8       *secret,
                                     GError      **error);
/* Reads 32 bytes of public key from hex; FALSE if it is not one. */
gboolean  zc_keys_public_from_hex   (const char   *hex,
                                     guint8       *public_key);
/* "ab12 cd34 ef56 7890": the first 16 hex digits of a public key, grouped by four, for a
 * person to compare by eye or over the telephone. */
char     *zc_keys_fingerprint       (const char   *public_hex);

/*
 * zc_store_unlock_key:
 * @person: whose key (on this installation)
 * @passphrase: the person's passphrase
 * @secret: receives ZC_KEY_SECRET_BYTES bytes; wipe it with sodium_memzero() after use
 *
 * Opens the person's secret signing key. Refused with ZC_ERROR_AUTH for a wrong passphrase
 * and ZC_ERROR_NOT_FOUND when the person has no key on this installation yet (no
 * passphrase was set here).
 */
gboolean  zc_store_unlock_key       (ZcStore      *store,
                                     ZcPerson     *person,
                                     const char   *passphrase,
                                     guint8       *secret,
                                     GError      **error);

/*
 * zc_store_create_signing_key:
 * @person: someone who has no key on this installation yet
 * @sealer: seals the new secret key (under the passphrase it was made with)
 * @secret: receives the new secret key, ZC_KEY_SECRET_BYTES bytes; wipe it after use
 *
 * Creates a signing key pair for @person as zc_store_set_passphrase() does on first use,
 * without setting a passphrase to sign in with and without a key derivation of its own
 * (logged as create_key). The new public key replaces the one pinned for @person, if any.
 * Refused with ZC_ERROR_STATE when @person has a key here already.
 */
gboolean  zc_store_create_signing_key (ZcStore      *store,
                                       ZcPerson     *person,
                                       ZcKeySealer  *sealer,
                                       guint8       *secret,
                                       GError      **error);

G_END_DECLS
