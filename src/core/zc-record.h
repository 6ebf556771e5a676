/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ZC_TYPE_RECORD (zc_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (ZcRecord, zc_record, ZC, RECORD, GObject)

typedef enum
{
  ZC_FIELD_STR,
  ZC_FIELD_INT,
  ZC_FIELD_INT64,
  ZC_FIELD_ID,
  ZC_FIELD_BOOL,
  ZC_FIELD_DOUBLE,
  ZC_FIELD_ENUM,
  ZC_FIELD_FLAGS,
} ZcFieldType;

/**
 * ZcField:
 * @name: the property name and the SQL column (underscores)
 * @type: how the value is held
 * @gtype: the GEnum or GFlags type for enum and flags fields
 * @offset: where the value lives in the instance struct
 * @display: read from list queries but never written to the table
 *
 * One field of a record kind. Subclasses describe their fields with a static table and
 * ZcRecord turns it into GObject properties, SQL binding and JSON.
 */
typedef struct
{
  const char  *name;
  ZcFieldType  type;
  GType        gtype;
  gsize        offset;
  gboolean     display;
} ZcField;

/* Public so that generated subclasses can lay out their structs; treat as read-only. */
struct _ZcRecordClass
{
  GObjectClass   parent_class;

  const char    *table;
  const ZcField *fields;
  guint          n_fields;
  GParamSpec   **pspecs;   /* one per field, indexed like @fields */
  GHashTable    *by_name;  /* column name → ZcField* */

  gpointer       padding[4];
};

gint64         zc_record_get_id        (ZcRecord *self);
const char    *zc_record_get_uuid      (ZcRecord *self);
const char    *zc_record_get_created   (ZcRecord *self);
const char    *zc_record_get_updated   (ZcRecord *self);
gint64         zc_record_get_revision  (ZcRecord *self);
const char    *zc_record_get_table     (ZcRecord *self);

/* A copy with every field (and id, uuid, times, revision), for editing before a save. */
ZcRecord      *zc_record_copy          (ZcRecord *self);
/* The stored fields (not display ones) and the common ones as a JSON object. */
JsonObject    *zc_record_to_json       (ZcRecord *self);
/* Fills stored fields present in @object; FALSE (and @error) on a value of the wrong type. */
gboolean       zc_record_update_from_json (ZcRecord   *self,
                                           JsonObject *object,
                                           GError    **error);
/* Fields whose stored value differs, as { field: [old, new] }. */
JsonObject    *zc_record_diff          (ZcRecord *old_record,
                                        ZcRecord *new_record);

const ZcField *zc_record_class_find_field    (ZcRecordClass *klass,
                                              const char    *name);
void           zc_record_class_install_fields (ZcRecordClass *klass,
                                               const char    *table,
                                               const ZcField *fields,
                                               guint          n_fields);

/* Helpers for generated accessors. */
const char    *zc_record_get_field_str   (ZcRecord   *self,
                                          guint       index);
void           zc_record_set_field_str   (ZcRecord   *self,
                                          guint       index,
                                          const char *value);
gint64         zc_record_get_field_int   (ZcRecord   *self,
                                          guint       index);
void           zc_record_set_field_int   (ZcRecord   *self,
                                          guint       index,
                                          gint64      value);
double         zc_record_get_field_double (ZcRecord  *self,
                                           guint      index);
void           zc_record_set_field_double (ZcRecord  *self,
                                           guint      index,
                                           double     value);

G_END_DECLS
