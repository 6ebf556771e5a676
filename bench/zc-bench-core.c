/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-bench"

/*
 * Benchmarks of core calls that have no command of their own, timed inside the process so
 * that opening the database is not counted. Prints one JSON object on standard output.
 *
 *   zc-bench-core similar DB STAFF_CODE [TARGET [UNIT_CODE]]
 *       similar_unit: zc_store_cluster_unit_findings() on the unit whose findings (as the
 *       aggregation board lists them) are closest to TARGET (2000), or on UNIT_CODE (the
 *       one a first run chose, which saves counting again);
 *       similar_city: the same call for every unit of the campaign, one after the other.
 *
 *   zc-bench-core forms DB OUTDIR
 *       Not a benchmark: makes the signed form files that package_import reads. Every person
 *       of DB without a signing key gets one, made with one ZcKeySealer (the demo
 *       passphrase: one key derivation for all instead of one each), and everyone with a
 *       form or a signed-in suggestion has their form file written to
 *       OUTDIR/<staff code>.zip by the exchange writer, signed with their own key.
 *
 *   zc-bench-core dashboard DB STAFF_CODE
 *       zc_store_get_dashboard(), what the inspector's dashboard counts in its thread.
 *
 *   zc-bench-core items DB STAFF_CODE [TEXT…]
 *       zc_store_list_items() on the person's unit, whole and then filtered by each TEXT,
 *       as the ledger page reads it in its thread (a store opened for each reading).
 */

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include <sodium.h>

#include "zc-dashboard.h"
#include "zc-demo.h"
#include "zc-exchange.h"
#include "zc-keys.h"
#include "zc-similarity.h"
#include "zc-store-private.h"
#include "zc-store.h"

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static guint
count_findings (GPtrArray *clusters)
{
  guint n = 0;

  for (guint i = 0; i < clusters->len; i++)
    n += ((GArray *) g_ptr_array_index (clusters, i))->len;
  return n;
}

static int
bench_similar (const char *path,
               const char *staff_code,
               guint       target,
               const char *unit_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = zc_store_open (path, &error);
  g_autoptr(ZcPerson) actor = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(ZcUnit) chosen = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  guint chosen_findings = 0, listed = 0, clustered = 0;
  gint64 start;
  double unit_ms, city_ms, list_ms, cluster_ms;

  if (store == NULL || (actor = zc_store_get_person_by_code (store, staff_code, &error)) == NULL)
    {
      g_printerr ("zc-bench-core: %s\n", error->message);
      return 1;
    }
  units = zc_store_list_units (store);

  /* The unit closest to the target, by the findings its aggregation board lists. */
  for (guint i = 0; unit_code == NULL && i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      g_autoptr(GListModel) findings = NULL;
      guint n;

      findings = zc_store_list_unit_findings (store, actor,
                                              zc_record_get_id (ZC_RECORD (unit)), &error);
      if (findings == NULL)
        {
          g_printerr ("zc-bench-core: %s\n", error->message);
          return 1;
        }
      n = g_list_model_get_n_items (findings);
      listed += n;
      if (chosen == NULL || ABS ((int) n - (int) target) < ABS ((int) chosen_findings - (int) target))
        {
          g_set_object (&chosen, unit);
          chosen_findings = n;
        }
    }
  if (unit_code != NULL && (chosen = zc_store_get_unit_by_code (store, unit_code, &error)) == NULL)
    {
      g_printerr ("zc-bench-core: %s\n", error->message);
      return 1;
    }
  if (chosen == NULL)
    {
      g_printerr ("zc-bench-core: the campaign has no units\n");
      return 1;
    }

  start = g_get_monotonic_time ();
  clusters = zc_store_cluster_unit_findings (store, actor, zc_record_get_id (ZC_RECORD (chosen)),
                                             &error);
  unit_ms = elapsed_ms (start);
  if (clusters == NULL)
    {
      g_printerr ("zc-bench-core: %s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      g_autoptr(GPtrArray) c = NULL;

      c = zc_store_cluster_unit_findings (store, actor, zc_record_get_id (ZC_RECORD (unit)),
                                          &error);
      if (c == NULL)
        {
          g_printerr ("zc-bench-core: %s\n", error->message);
          return 1;
        }
      clustered += count_findings (c);
    }
  city_ms = elapsed_ms (start);

  /* Where the unit's time goes: the findings read as the aggregation board reads them
   * (whole records), and the clustering of their texts alone. */
  {
    g_autoptr(GListModel) findings = NULL;
    g_autoptr(GPtrArray) texts = g_ptr_array_new ();
    g_autoptr(GPtrArray) c = NULL;

    start = g_get_monotonic_time ();
    findings = zc_store_list_unit_findings (store, actor, zc_record_get_id (ZC_RECORD (chosen)),
                                            &error);
    list_ms = elapsed_ms (start);
    if (findings == NULL)
      {
        g_printerr ("zc-bench-core: %s\n", error->message);
        return 1;
      }
    chosen_findings = g_list_model_get_n_items (findings);
    for (guint i = 0; i < chosen_findings; i++)
      {
        g_autoptr(ZcFinding) finding = g_list_model_get_item (findings, i);
        const char *text = zc_finding_get_phenomenon (finding);

        if (text == NULL || *text == '\0')
          text = zc_finding_get_example (finding);
        g_ptr_array_add (texts, (gpointer) text);
      }
    start = g_get_monotonic_time ();
    c = zc_similarity_cluster ((const char * const *) texts->pdata, texts->len,
                               ZC_SIMILARITY_CLUSTER_THRESHOLD);
    cluster_ms = elapsed_ms (start);
  }

  printf ("{\"similar_unit\": {\"ms\": %.3f, \"unit\": \"%s\", \"findings\": %u, "
          "\"clusters\": %u, \"list_ms\": %.3f, \"cluster_ms\": %.3f}, "
          "\"similar_city\": {\"ms\": %.3f, \"units\": %u, "
          "\"findings\": %u, \"in_clusters\": %u}}\n",
          unit_ms, zc_unit_get_code (chosen), chosen_findings, clusters->len, list_ms,
          cluster_ms, city_ms, g_list_model_get_n_items (units), listed, clustered);
  return 0;
}

static int
make_forms (const char *path,
            const char *outdir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = zc_store_open (path, &error);
  g_autoptr(ZcKeySealer) sealer = NULL;
  g_autoptr(GListModel) people = NULL;
  guint n_files = 0, n_keys = 0, n_none = 0;
  gint64 start = g_get_monotonic_time ();

  if (store == NULL || (sealer = zc_keys_sealer_new (ZC_DEMO_PASSPHRASE, &error)) == NULL)
    goto fail;
  if (g_mkdir_with_parents (outdir, 0755) != 0)
    {
      g_printerr ("zc-bench-core: cannot make %s\n", outdir);
      return 1;
    }
  people = zc_store_list_people (store, 0, NULL, 0);
  /* One transaction for all: each file's own (the export number) nests in it. */
  if (!zc_store_begin (store, &error))
    goto fail;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ZcPerson) person = g_list_model_get_item (people, i);
      g_autofree char *file = NULL;
      guint8 secret[ZC_KEY_SECRET_BYTES];
      gboolean ok;

      /* The demo accounts have a key already, under the demo passphrase. */
      if (zc_store_unlock_key (store, person, ZC_DEMO_PASSPHRASE, secret, NULL))
        ;
      else if (zc_store_create_signing_key (store, person, sealer, secret, &error))
        n_keys++;
      else
        goto fail_tx;
      file = g_strdup_printf ("%s/%s.zip", outdir, zc_person_get_staff_code (person));
      ok = zc_exchange_export_with_key (store, person, ZC_EXCHANGE_KIND_FORM, 0, secret, file,
                                        &error);
      sodium_memzero (secret, sizeof secret);
      if (ok)
        n_files++;
      else if (g_error_matches (error, ZC_ERROR, ZC_ERROR_NOT_FOUND))
        {
          /* Nothing to send: no form, no suggestion. */
          n_none++;
          g_clear_error (&error);
        }
      else
        goto fail_tx;
    }
  if (!zc_store_commit (store, &error))
    goto fail;
  printf ("{\"files\": %u, \"keys\": %u, \"nothing_to_send\": %u, \"ms\": %.0f}\n",
          n_files, n_keys, n_none, elapsed_ms (start));
  return 0;

fail_tx:
  zc_store_rollback (store);
fail:
  g_printerr ("zc-bench-core: %s\n", error->message);
  return 1;
}

static int
bench_dashboard (const char *path,
                 const char *staff_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = zc_store_open (path, &error);
  g_autoptr(ZcPerson) actor = NULL;
  g_autoptr(ZcDashboard) dashboard = NULL;
  gint64 start;
  double ms;

  if (store == NULL || (actor = zc_store_get_person_by_code (store, staff_code, &error)) == NULL)
    {
      g_printerr ("zc-bench-core: %s\n", error->message);
      return 1;
    }
  start = g_get_monotonic_time ();
  dashboard = zc_store_get_dashboard (store, actor, NULL, NULL, &error);
  ms = elapsed_ms (start);
  if (dashboard == NULL)
    {
      g_printerr ("zc-bench-core: %s\n", error->message);
      return 1;
    }
  printf ("{\"dashboard\": {\"ms\": %.3f, \"units\": %u}}\n", ms, dashboard->units->len);
  return 0;
}

static int
bench_items (const char  *path,
             const char  *staff_code,
             char       **texts,
             int          n_texts)
{
  printf ("{");
  for (int i = -1; i < n_texts; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcStore) store = NULL;
      g_autoptr(ZcPerson) actor = NULL;
      g_autoptr(GListModel) items = NULL;
      ZcItemQuery query = ZC_ITEM_QUERY_INIT;
      gint64 start = g_get_monotonic_time ();

      if ((store = zc_store_open (path, &error)) == NULL ||
          (actor = zc_store_get_person_by_code (store, staff_code, &error)) == NULL)
        {
          g_printerr ("zc-bench-core: %s\n", error->message);
          return 1;
        }
      query.unit_id = zc_person_get_unit_id (actor);
      query.text = i >= 0 ? texts[i] : NULL;
      items = zc_store_list_items (store, actor, &query, &error);
      if (items == NULL)
        {
          g_printerr ("zc-bench-core: %s\n", error->message);
          return 1;
        }
      printf ("%s\"%s\": {\"ms\": %.3f, \"rows\": %u}", i >= 0 ? ", " : "",
              i >= 0 ? texts[i] : "", elapsed_ms (start), g_list_model_get_n_items (items));
    }
  printf ("}\n");
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 4 && g_str_equal (argv[1], "similar"))
    return bench_similar (argv[2], argv[3], argc > 4 ? (guint) atoi (argv[4]) : 2000,
                          argc > 5 ? argv[5] : NULL);

  if (argc == 4 && g_str_equal (argv[1], "forms"))
    return make_forms (argv[2], argv[3]);
  if (argc >= 4 && g_str_equal (argv[1], "dashboard"))
    return bench_dashboard (argv[2], argv[3]);
  if (argc >= 4 && g_str_equal (argv[1], "items"))
    return bench_items (argv[2], argv[3], argv + 4, argc - 4);

  g_printerr ("Usage: zc-bench-core similar DB STAFF_CODE [TARGET [UNIT_CODE]]\n"
              "       zc-bench-core forms DB OUTDIR\n"
              "       zc-bench-core dashboard DB STAFF_CODE\n"
              "       zc-bench-core items DB STAFF_CODE [TEXT…]\n");
  return 2;
}
