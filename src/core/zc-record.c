/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <string.h>

#include "zc-enums.h"
#include "zc-error.h"
#include "zc-record-private.h"

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *created;
  char   *updated;
  gint64  revision;
} ZcRecordPrivate;

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ZcRecord, zc_record, G_TYPE_OBJECT)

#define FIELD_PTR(self, field) ((gpointer) (((guint8 *) (self)) + (field)->offset))

static void
zc_record_finalize (GObject *object)
{
  ZcRecord *self = ZC_RECORD (object);
  ZcRecordPrivate *priv = zc_record_get_instance_private (self);
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].type == ZC_FIELD_STR)
      g_free (*(char **) FIELD_PTR (self, &klass->fields[i]));

  g_free (priv->uuid);
  g_free (priv->created);
  g_free (priv->updated);

  G_OBJECT_CLASS (zc_record_parent_class)->finalize (object);
}

static void
zc_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZcRecord *self = ZC_RECORD (object);
  ZcRecordPrivate *priv = zc_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;
    case PROP_CREATED:
      g_value_set_string (value, priv->created);
      break;
    case PROP_UPDATED:
      g_value_set_string (value, priv->updated);
      break;
    case PROP_REVISION:
      g_value_set_int64 (value, priv->revision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_record_class_init (ZcRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zc_record_finalize;
  object_class->get_property = zc_record_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_int64 ("revision", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zc_record_init (ZcRecord *self)
{
}

static void
field_get_value (ZcRecord      *self,
                 const ZcField *field,
                 GValue        *value)
{
  gpointer p = FIELD_PTR (self, field);

  switch (field->type)
    {
    case ZC_FIELD_STR:
      g_value_set_string (value, *(char **) p);
      break;
    case ZC_FIELD_INT:
      g_value_set_int (value, *(int *) p);
      break;
    case ZC_FIELD_INT64:
    case ZC_FIELD_ID:
      g_value_set_int64 (value, *(gint64 *) p);
      break;
    case ZC_FIELD_BOOL:
      g_value_set_boolean (value, *(gboolean *) p);
      break;
    case ZC_FIELD_DOUBLE:
      g_value_set_double (value, *(double *) p);
      break;
    case ZC_FIELD_ENUM:
      g_value_set_enum (value, *(int *) p);
      break;
    case ZC_FIELD_FLAGS:
      g_value_set_flags (value, *(guint *) p);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Returns TRUE when the stored value changed. */
static gboolean
field_set_value (ZcRecord      *self,
                 const ZcField *field,
                 const GValue  *value)
{
  gpointer p = FIELD_PTR (self, field);

  switch (field->type)
    {
    case ZC_FIELD_STR:
      {
        const char *s = g_value_get_string (value);
        char **slot = (char **) p;

        if (g_strcmp0 (*slot, s) == 0)
          return FALSE;
        g_free (*slot);
        /* An empty text is no text: store NULL so that "missing" has one meaning. */
        *slot = (s && *s) ? g_strdup (s) : NULL;
        return TRUE;
      }
    case ZC_FIELD_INT:
      if (*(int *) p == g_value_get_int (value))
        return FALSE;
      *(int *) p = g_value_get_int (value);
      return TRUE;
    case ZC_FIELD_INT64:
    case ZC_FIELD_ID:
      if (*(gint64 *) p == g_value_get_int64 (value))
        return FALSE;
      *(gint64 *) p = g_value_get_int64 (value);
      return TRUE;
    case ZC_FIELD_BOOL:
      if (*(gboolean *) p == g_value_get_boolean (value))
        return FALSE;
      *(gboolean *) p = g_value_get_boolean (value);
      return TRUE;
    case ZC_FIELD_DOUBLE:
      if (*(double *) p == g_value_get_double (value))
        return FALSE;
      *(double *) p = g_value_get_double (value);
      return TRUE;
    case ZC_FIELD_ENUM:
      if (*(int *) p == g_value_get_enum (value))
        return FALSE;
      *(int *) p = g_value_get_enum (value);
      return TRUE;
    case ZC_FIELD_FLAGS:
      if (*(guint *) p == g_value_get_flags (value))
        return FALSE;
      *(guint *) p = g_value_get_flags (value);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static ZcRecordClass *
owner_class (GParamSpec *pspec)
{
  return g_type_class_peek (pspec->owner_type);
}

static void
subclass_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ZcRecordClass *klass = owner_class (pspec);

  g_assert (prop_id >= 1 && prop_id <= klass->n_fields);
  field_get_value (ZC_RECORD (object), &klass->fields[prop_id - 1], value);
}

static void
subclass_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  ZcRecordClass *klass = owner_class (pspec);

  g_assert (prop_id >= 1 && prop_id <= klass->n_fields);
  if (field_set_value (ZC_RECORD (object), &klass->fields[prop_id - 1], value))
    g_object_notify_by_pspec (object, pspec);
}

void
zc_record_class_install_fields (ZcRecordClass *klass,
                                const char    *table,
                                const ZcField *fields,
                                guint          n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  klass->table = table;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->pspecs = g_new0 (GParamSpec *, n_fields);
  klass->by_name = g_hash_table_new (g_str_hash, g_str_equal);

  object_class->get_property = subclass_get_property;
  object_class->set_property = subclass_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const ZcField *f = &fields[i];
      g_autofree char *dashed = g_strdelimit (g_strdup (f->name), "_", '-');
      /* Interned, so that the name outlives the class as G_PARAM_STATIC_STRINGS needs. */
      const char *name = g_intern_string (dashed);
      GParamSpec *pspec = NULL;

      switch (f->type)
        {
        case ZC_FIELD_STR:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        case ZC_FIELD_INT:
          pspec = g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
          break;
        case ZC_FIELD_INT64:
        case ZC_FIELD_ID:
          pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case ZC_FIELD_BOOL:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        case ZC_FIELD_DOUBLE:
          pspec = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        case ZC_FIELD_ENUM:
          {
            g_autoptr(GEnumClass) ec = g_type_class_ref (f->gtype);
            pspec = g_param_spec_enum (name, NULL, NULL, f->gtype, ec->values[0].value, flags);
          }
          break;
        case ZC_FIELD_FLAGS:
          pspec = g_param_spec_flags (name, NULL, NULL, f->gtype, 0, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      klass->pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
      g_hash_table_insert (klass->by_name, (gpointer) f->name, (gpointer) f);
    }
}

const ZcField *
zc_record_class_find_field (ZcRecordClass *klass,
                            const char    *name)
{
  g_return_val_if_fail (ZC_IS_RECORD_CLASS (klass), NULL);

  return klass->by_name ? g_hash_table_lookup (klass->by_name, name) : NULL;
}

gint64
zc_record_get_id (ZcRecord *self)
{
  ZcRecordPrivate *priv = zc_record_get_instance_private (self);

  g_return_val_if_fail (ZC_IS_RECORD (self), 0);
  return priv->id;
}

const char *
zc_record_get_uuid (ZcRecord *self)
{
  ZcRecordPrivate *priv = zc_record_get_instance_private (self);

  g_return_val_if_fail (ZC_IS_RECORD (self), NULL);
  return priv->uuid;
}

const char *
zc_record_get_created (ZcRecord *self)
{
  ZcRecordPrivate *priv = zc_record_get_instance_private (self);

  g_return_val_if_fail (ZC_IS_RECORD (self), NULL);
  return priv->created;
}

const char *
zc_record_get_updated (ZcRecord *self)
{
  ZcRecordPrivate *priv = zc_record_get_instance_private (self);

  g_return_val_if_fail (ZC_IS_RECORD (self), NULL);
  return priv->updated;
}

gint64
zc_record_get_revision (ZcRecord *self)
{
  ZcRecordPrivate *priv = zc_record_get_instance_private (self);

  g_return_val_if_fail (ZC_IS_RECORD (self), 0);
  return priv->revision;
}

const char *
zc_record_get_table (ZcRecord *self)
{
  g_return_val_if_fail (ZC_IS_RECORD (self), NULL);
  return ZC_RECORD_GET_CLASS (self)->table;
}

static void
replace_str (char       **slot,
             const char  *value)
{
  char *copy;

  if (*slot == value)
    return;
  copy = g_strdup (value);
  g_free (*slot);
  *slot = copy;
}

void
zc_record_set_common (ZcRecord   *self,
                      gint64      id,
                      const char *uuid,
                      const char *created,
                      const char *updated,
                      gint64      revision)
{
  ZcRecordPrivate *priv = zc_record_get_instance_private (self);

  priv->id = id;
  replace_str (&priv->uuid, uuid);
  replace_str (&priv->created, created);
  replace_str (&priv->updated, updated);
  priv->revision = revision;
}

ZcRecord *
zc_record_copy (ZcRecord *self)
{
  ZcRecordPrivate *priv = zc_record_get_instance_private (self);
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (self);
  ZcRecord *copy;

  g_return_val_if_fail (ZC_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  zc_record_set_common (copy, priv->id, priv->uuid, priv->created, priv->updated,
                        priv->revision);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ZcField *f = &klass->fields[i];

      if (f->type == ZC_FIELD_STR)
        *(char **) FIELD_PTR (copy, f) = g_strdup (*(char **) FIELD_PTR (self, f));
      else if (f->type == ZC_FIELD_INT64 || f->type == ZC_FIELD_ID)
        *(gint64 *) FIELD_PTR (copy, f) = *(gint64 *) FIELD_PTR (self, f);
      else if (f->type == ZC_FIELD_DOUBLE)
        *(double *) FIELD_PTR (copy, f) = *(double *) FIELD_PTR (self, f);
      else
        *(int *) FIELD_PTR (copy, f) = *(int *) FIELD_PTR (self, f);
    }
  return copy;
}

static JsonNode *
field_to_json (ZcRecord      *self,
               const ZcField *f)
{
  gpointer p = FIELD_PTR (self, f);
  JsonNode *node = json_node_alloc ();

  switch (f->type)
    {
    case ZC_FIELD_STR:
      if (*(char **) p)
        json_node_init_string (node, *(char **) p);
      else
        json_node_init_null (node);
      break;
    case ZC_FIELD_INT:
      json_node_init_int (node, *(int *) p);
      break;
    case ZC_FIELD_INT64:
      json_node_init_int (node, *(gint64 *) p);
      break;
    case ZC_FIELD_ID:
      if (*(gint64 *) p)
        json_node_init_int (node, *(gint64 *) p);
      else
        json_node_init_null (node);
      break;
    case ZC_FIELD_BOOL:
      json_node_init_boolean (node, *(gboolean *) p);
      break;
    case ZC_FIELD_DOUBLE:
      json_node_init_double (node, *(double *) p);
      break;
    case ZC_FIELD_ENUM:
      json_node_init_string (node, zc_enum_to_string (f->gtype, *(int *) p));
      break;
    case ZC_FIELD_FLAGS:
      json_node_init_int (node, *(guint *) p);
      break;
    default:
      g_assert_not_reached ();
    }
  return node;
}

JsonObject *
zc_record_to_json (ZcRecord *self)
{
  ZcRecordPrivate *priv = zc_record_get_instance_private (self);
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (self);
  JsonObject *object = json_object_new ();

  g_return_val_if_fail (ZC_IS_RECORD (self), NULL);

  json_object_set_string_member (object, "uuid", priv->uuid);
  json_object_set_string_member (object, "created", priv->created);
  json_object_set_string_member (object, "updated", priv->updated);
  json_object_set_int_member (object, "revision", priv->revision);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!klass->fields[i].display)
      json_object_set_member (object, klass->fields[i].name,
                              field_to_json (self, &klass->fields[i]));
  return object;
}

gboolean
zc_record_update_from_json (ZcRecord   *self,
                            JsonObject *object,
                            GError    **error)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (self);

  g_return_val_if_fail (ZC_IS_RECORD (self), FALSE);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ZcField *f = &klass->fields[i];
      gpointer p = FIELD_PTR (self, f);
      JsonNode *node;
      GType vt;

      if (f->display || !json_object_has_member (object, f->name))
        continue;
      node = json_object_get_member (object, f->name);
      vt = json_node_get_value_type (node);

      if (JSON_NODE_HOLDS_NULL (node))
        {
          if (f->type == ZC_FIELD_STR)
            g_clear_pointer ((char **) p, g_free);
          else if (f->type == ZC_FIELD_ID)
            *(gint64 *) p = 0;
          else
            goto bad;
          continue;
        }
      if (!JSON_NODE_HOLDS_VALUE (node))
        goto bad;

      switch (f->type)
        {
        case ZC_FIELD_STR:
          if (vt != G_TYPE_STRING)
            goto bad;
          replace_str ((char **) p, json_node_get_string (node));
          break;
        case ZC_FIELD_INT:
          if (vt != G_TYPE_INT64)
            goto bad;
          *(int *) p = (int) json_node_get_int (node);
          break;
        case ZC_FIELD_INT64:
        case ZC_FIELD_ID:
          if (vt != G_TYPE_INT64)
            goto bad;
          *(gint64 *) p = json_node_get_int (node);
          break;
        case ZC_FIELD_BOOL:
          if (vt != G_TYPE_BOOLEAN)
            goto bad;
          *(gboolean *) p = json_node_get_boolean (node);
          break;
        case ZC_FIELD_DOUBLE:
          if (vt != G_TYPE_DOUBLE && vt != G_TYPE_INT64)
            goto bad;
          *(double *) p = json_node_get_double (node);
          break;
        case ZC_FIELD_ENUM:
          {
            int v;

            if (vt != G_TYPE_STRING ||
                !zc_enum_from_string (f->gtype, json_node_get_string (node), &v))
              goto bad;
            *(int *) p = v;
          }
          break;
        case ZC_FIELD_FLAGS:
          if (vt != G_TYPE_INT64)
            goto bad;
          *(guint *) p = (guint) json_node_get_int (node);
          break;
        default:
          g_assert_not_reached ();
        }
      continue;

    bad:
      g_set_error (error, ZC_ERROR, ZC_ERROR_CORRUPT,
                   "%s.%s: unexpected value", klass->table, f->name);
      return FALSE;
    }
  return TRUE;
}

JsonObject *
zc_record_diff (ZcRecord *old_record,
                ZcRecord *new_record)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (new_record);
  JsonObject *diff = json_object_new ();

  g_return_val_if_fail (old_record == NULL ||
                        G_OBJECT_TYPE (old_record) == G_OBJECT_TYPE (new_record), diff);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ZcField *f = &klass->fields[i];
      g_autoptr(JsonNode) nv = NULL;
      g_autoptr(JsonNode) ov = NULL;
      JsonArray *pair;

      if (f->display)
        continue;
      nv = field_to_json (new_record, f);
      if (old_record)
        {
          ov = field_to_json (old_record, f);
          if (json_node_equal (ov, nv))
            continue;
        }
      else if (JSON_NODE_HOLDS_NULL (nv))
        continue;
      pair = json_array_new ();
      json_array_add_element (pair, ov ? g_steal_pointer (&ov) : json_node_new (JSON_NODE_NULL));
      json_array_add_element (pair, g_steal_pointer (&nv));
      json_object_set_array_member (diff, f->name, pair);
    }
  return diff;
}

/* A text as json-glib 1.6 writes it (json_strescape): the same bytes, so that an entry written
 * by zc_record_diff_json() reads as one written through JsonGenerator. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      const guchar *run = p;

      /* Most text needs no escape: append it a run at a time. */
      while (*p >= 0x20 && *p != '"' && *p != '\\' && *p != 0x7f)
        p++;
      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);
      if (*p == '\0')
        break;
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          /* json-glib's ranges, 0x1f left as it is and DEL escaped included. */
          if (*p < 0x1f || *p == 0x7f)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

const char *
zc_format_int64 (char   buf[ZC_INT64_BUF_SIZE],
                 gint64 value)
{
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  char *p = buf + ZC_INT64_BUF_SIZE;

  *--p = '\0';
  do
    {
      *--p = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude);
  if (value < 0)
    *--p = '-';
  return p;
}

/* The JSON value of a stored field, as field_to_json() and JsonGenerator give it. */
static void
append_json_field (GString       *out,
                   ZcRecord      *self,
                   const ZcField *f)
{
  gpointer p = FIELD_PTR (self, f);
  char buf[ZC_INT64_BUF_SIZE];

  switch (f->type)
    {
    case ZC_FIELD_STR:
      if (*(char **) p)
        append_json_string (out, *(char **) p);
      else
        g_string_append (out, "null");
      break;
    case ZC_FIELD_INT:
      g_string_append (out, zc_format_int64 (buf, *(int *) p));
      break;
    case ZC_FIELD_INT64:
      g_string_append (out, zc_format_int64 (buf, *(gint64 *) p));
      break;
    case ZC_FIELD_ID:
      if (*(gint64 *) p)
        g_string_append (out, zc_format_int64 (buf, *(gint64 *) p));
      else
        g_string_append (out, "null");
      break;
    case ZC_FIELD_BOOL:
      g_string_append (out, *(gboolean *) p ? "true" : "false");
      break;
    case ZC_FIELD_ENUM:
      append_json_string (out, zc_enum_to_string (f->gtype, *(int *) p));
      break;
    case ZC_FIELD_FLAGS:
      g_string_append (out, zc_format_int64 (buf, *(guint *) p));
      break;
    case ZC_FIELD_DOUBLE:
    default:
      /* Doubles are display fields only (never stored, never in a diff). */
      g_assert_not_reached ();
    }
}

/* Whether a stored field holds the same value in both records (json_node_equal() of their
 * JSON values). */
static gboolean
field_equal (ZcRecord      *a,
             ZcRecord      *b,
             const ZcField *f)
{
  gpointer pa = FIELD_PTR (a, f), pb = FIELD_PTR (b, f);

  switch (f->type)
    {
    case ZC_FIELD_STR:
      return g_strcmp0 (*(char **) pa, *(char **) pb) == 0;
    case ZC_FIELD_INT64:
    case ZC_FIELD_ID:
      return *(gint64 *) pa == *(gint64 *) pb;
    case ZC_FIELD_INT:
    case ZC_FIELD_BOOL:
    case ZC_FIELD_ENUM:
    case ZC_FIELD_FLAGS:
      return *(int *) pa == *(int *) pb;
    case ZC_FIELD_DOUBLE:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
zc_record_field_equal (ZcRecord      *a,
                       ZcRecord      *b,
                       const ZcField *field)
{
  return field_equal (a, b, field);
}

static gboolean
field_is_null (ZcRecord      *self,
               const ZcField *f)
{
  gpointer p = FIELD_PTR (self, f);

  return (f->type == ZC_FIELD_STR && *(char **) p == NULL) ||
         (f->type == ZC_FIELD_ID && *(gint64 *) p == 0);
}

char *
zc_record_diff_json (ZcRecord *old_record,
                     ZcRecord *new_record,
                     guint    *n_changed)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (new_record);
  GString *out = g_string_sized_new (256);
  guint n = 0;

  g_return_val_if_fail (old_record == NULL ||
                        G_OBJECT_TYPE (old_record) == G_OBJECT_TYPE (new_record), NULL);

  g_string_append_c (out, '{');
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ZcField *f = &klass->fields[i];

      if (f->display)
        continue;
      if (old_record ? field_equal (old_record, new_record, f) : field_is_null (new_record, f))
        continue;
      if (n++ > 0)
        g_string_append_c (out, ',');
      append_json_string (out, f->name);
      g_string_append (out, ":[");
      if (old_record)
        append_json_field (out, old_record, f);
      else
        g_string_append (out, "null");
      g_string_append_c (out, ',');
      append_json_field (out, new_record, f);
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');
  if (n_changed)
    *n_changed = n;
  return g_string_free (out, FALSE);
}

const char *
zc_record_get_field_str (ZcRecord *self,
                         guint     index)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (self);

  g_assert (index < klass->n_fields && klass->fields[index].type == ZC_FIELD_STR);
  return *(char **) FIELD_PTR (self, &klass->fields[index]);
}

void
zc_record_set_field_str (ZcRecord   *self,
                         guint       index,
                         const char *value)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (self);
  char **slot;
  char *copy;

  g_assert (index < klass->n_fields && klass->fields[index].type == ZC_FIELD_STR);
  /* What field_set_value() does, without a GValue and its copy of the text: every text
   * setter of every record comes here, thousands of times in an import. */
  slot = FIELD_PTR (self, &klass->fields[index]);
  if (g_strcmp0 (*slot, value) == 0)
    return;
  /* Copied before the old text goes: @value may point into it. An empty text is no text. */
  copy = (value && *value) ? g_strdup (value) : NULL;
  g_free (*slot);
  *slot = copy;
  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[index]);
}

gint64
zc_record_get_field_int (ZcRecord *self,
                         guint     index)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (self);
  const ZcField *f;

  g_assert (index < klass->n_fields);
  f = &klass->fields[index];
  switch (f->type)
    {
    case ZC_FIELD_INT64:
    case ZC_FIELD_ID:
      return *(gint64 *) FIELD_PTR (self, f);
    case ZC_FIELD_INT:
    case ZC_FIELD_BOOL:
    case ZC_FIELD_ENUM:
      return *(int *) FIELD_PTR (self, f);
    case ZC_FIELD_FLAGS:
      return *(guint *) FIELD_PTR (self, f);
    default:
      g_assert_not_reached ();
    }
  return 0;
}

void
zc_record_set_field_int (ZcRecord *self,
                         guint     index,
                         gint64    value)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (self);
  const ZcField *f;
  gpointer p;
  gboolean changed = FALSE;

  g_assert (index < klass->n_fields);
  f = &klass->fields[index];
  p = FIELD_PTR (self, f);
  switch (f->type)
    {
    case ZC_FIELD_INT64:
    case ZC_FIELD_ID:
      changed = *(gint64 *) p != value;
      *(gint64 *) p = value;
      break;
    case ZC_FIELD_BOOL:
      changed = *(gboolean *) p != (value != 0);
      *(gboolean *) p = value != 0;
      break;
    case ZC_FIELD_INT:
    case ZC_FIELD_ENUM:
      changed = *(int *) p != (int) value;
      *(int *) p = (int) value;
      break;
    case ZC_FIELD_FLAGS:
      changed = *(guint *) p != (guint) value;
      *(guint *) p = (guint) value;
      break;
    default:
      g_assert_not_reached ();
    }
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[index]);
}

double
zc_record_get_field_double (ZcRecord *self,
                            guint     index)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (self);

  g_assert (index < klass->n_fields && klass->fields[index].type == ZC_FIELD_DOUBLE);
  return *(double *) FIELD_PTR (self, &klass->fields[index]);
}

void
zc_record_set_field_double (ZcRecord *self,
                            guint     index,
                            double    value)
{
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (self);
  double *p;

  g_assert (index < klass->n_fields && klass->fields[index].type == ZC_FIELD_DOUBLE);
  p = FIELD_PTR (self, &klass->fields[index]);
  if (*p == value)
    return;
  *p = value;
  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[index]);
}

static void
load_column (ZcRecord      *self,
             const ZcField *f,
             sqlite3_stmt  *stmt,
             int            col)
{
  gpointer p = FIELD_PTR (self, f);
  int ctype = sqlite3_column_type (stmt, col);

  switch (f->type)
    {
    case ZC_FIELD_STR:
      g_free (*(char **) p);
      *(char **) p = ctype == SQLITE_NULL ? NULL
                     : g_strdup ((const char *) sqlite3_column_text (stmt, col));
      break;
    case ZC_FIELD_INT:
    case ZC_FIELD_BOOL:
      *(int *) p = sqlite3_column_int (stmt, col);
      break;
    case ZC_FIELD_INT64:
    case ZC_FIELD_ID:
      *(gint64 *) p = sqlite3_column_int64 (stmt, col);
      break;
    case ZC_FIELD_DOUBLE:
      *(double *) p = sqlite3_column_double (stmt, col);
      break;
    case ZC_FIELD_ENUM:
      {
        int v = 0;

        if (ctype == SQLITE_INTEGER)
          v = sqlite3_column_int (stmt, col);
        else if (ctype != SQLITE_NULL &&
                 !zc_enum_from_string (f->gtype, (const char *) sqlite3_column_text (stmt, col),
                                       &v))
          g_warning ("Unknown %s value ‘%s’ in %s", g_type_name (f->gtype),
                     sqlite3_column_text (stmt, col), f->name);
        *(int *) p = v;
      }
      break;
    case ZC_FIELD_FLAGS:
      *(guint *) p = (guint) sqlite3_column_int (stmt, col);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
zc_record_load_stmt (ZcRecord     *self,
                     sqlite3_stmt *stmt)
{
  ZcRecordPrivate *priv = zc_record_get_instance_private (self);
  ZcRecordClass *klass = ZC_RECORD_GET_CLASS (self);
  int n = sqlite3_column_count (stmt);

  for (int col = 0; col < n; col++)
    {
      const char *name = sqlite3_column_name (stmt, col);
      const ZcField *f;

      if (strcmp (name, "id") == 0)
        priv->id = sqlite3_column_int64 (stmt, col);
      else if (strcmp (name, "uuid") == 0)
        replace_str (&priv->uuid, (const char *) sqlite3_column_text (stmt, col));
      else if (strcmp (name, "created") == 0)
        replace_str (&priv->created, (const char *) sqlite3_column_text (stmt, col));
      else if (strcmp (name, "updated") == 0)
        replace_str (&priv->updated, (const char *) sqlite3_column_text (stmt, col));
      else if (strcmp (name, "revision") == 0)
        priv->revision = sqlite3_column_int64 (stmt, col);
      else if ((f = g_hash_table_lookup (klass->by_name, name)) != NULL)
        load_column (self, f, stmt, col);
    }
}

int
zc_record_bind_field (ZcRecord      *self,
                      const ZcField *f,
                      sqlite3_stmt  *stmt,
                      int            index)
{
  gpointer p = FIELD_PTR (self, f);

  switch (f->type)
    {
    case ZC_FIELD_STR:
      if (*(char **) p == NULL)
        return sqlite3_bind_null (stmt, index);
      return sqlite3_bind_text (stmt, index, *(char **) p, -1, SQLITE_STATIC);
    case ZC_FIELD_INT:
    case ZC_FIELD_BOOL:
      return sqlite3_bind_int (stmt, index, *(int *) p);
    case ZC_FIELD_INT64:
      return sqlite3_bind_int64 (stmt, index, *(gint64 *) p);
    case ZC_FIELD_ID:
      if (*(gint64 *) p == 0)
        return sqlite3_bind_null (stmt, index);
      return sqlite3_bind_int64 (stmt, index, *(gint64 *) p);
    case ZC_FIELD_DOUBLE:
      return sqlite3_bind_double (stmt, index, *(double *) p);
    case ZC_FIELD_ENUM:
      return sqlite3_bind_text (stmt, index, zc_enum_to_string (f->gtype, *(int *) p), -1,
                                SQLITE_STATIC);
    case ZC_FIELD_FLAGS:
      return sqlite3_bind_int (stmt, index, (int) *(guint *) p);
    default:
      g_assert_not_reached ();
    }
  return SQLITE_MISUSE;
}

gpointer
zc_record_new_from_stmt (GType         type,
                         sqlite3_stmt *stmt)
{
  ZcRecord *record = g_object_new (type, NULL);

  zc_record_load_stmt (record, stmt);
  return record;
}
